#!/bin/sh
# tools/pin/check.sh PINNED TAP - exit 0 if every case of TAP has exactly the
# outcome PINNED records (same ids, same order); else print the first
# differences (diff -u of "OUTCOME ID" lines) and exit 1. Regenerate a pin
# after an intended change with `make pin` and explain it in the commit.
[ -f "$1" ] || { echo "no pinned file $1 (make pin)"; exit 1; }
tmp=${TMPDIR:-/tmp}/isvpin.$$
sh "$(dirname "$0")/outcomes.sh" "$2" > "$tmp"
if diff -u "$1" "$tmp" > "$tmp.diff"; then rm -f "$tmp" "$tmp.diff"; exit 0; fi
echo "$(grep -c '^[-+][a-z]' "$tmp.diff") line(s) differ from $1:"
grep '^[-+][a-z]' "$tmp.diff" | head -20
rm -f "$tmp" "$tmp.diff"
exit 1
