#!/bin/sh
# tools/bench-forms.sh - the per-form cost of emulation (issue 14), not a test.
#
#   tools/bench-forms.sh [-a 'BOOTARGS'] [-t SECONDS] PROFILE...
#
# Boots the ROM once per profile through its profile_boot (tools/bench-boot.sh:
# no runner, bounded by -t SECONDS, default 600) with `bench=forms wire=frame`
# plus BOOTARGS (e.g. 'targets=gicd only=gicd/ldst-imm/*': the usual
# selection; one case per form is measured) and prints the ROM's table
# (lib/bench.c: us per access, median p10-p90 of 64 runs of the form on RAM,
# an ISV=1 LDR/STR on the target, the form on the target). The lines travel
# framed and are decoded by isvwire, so a VMM's prefixes and noise are gone.
# Raw consoles: $O/bench-forms/ (O defaults to build).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
O=${O:-build}
case $O in /*) ;; *) O=$top/$O ;; esac
extra="" limit=600
while [ $# -gt 0 ]; do
	case $1 in
	-a) extra=$2; shift 2 ;;
	-t) limit=$2; shift 2 ;;
	-h | --help) sed -n '2,13p' "$0"; exit 0 ;;
	*) break ;;
	esac
done
[ $# -gt 0 ] || set -- qemu-tcg
# shellcheck source=tools/bench-boot.sh
. "$top/tools/bench-boot.sh"
bench_env bench-forms bench-forms

st=0
for prof in "$@"; do
	(
		export ISV_RESULTS="$out/$prof"
		mkdir -p "$ISV_RESULTS"
		# shellcheck disable=SC1090 # the profile is chosen at run time
		. "$top/profiles/$prof.sh"
		(profile_check) || exit 3
		if command -v profile_prepare >/dev/null 2>&1; then profile_prepare || exit 1; fi
		raw=$out/$prof.raw
		bench_boot "$prof" "bench=forms wire=frame $extra" "$raw" "$limit"
		"$wire" decode < "$raw" > "$raw.tap"
		echo "# bench-forms $prof: wall ${bench_wall}s${extra:+ ($extra)}"
		grep -e '^# bf' -e '^# cpu' -e '^Bail out' -e '^@@wire' "$raw.tap"
		[ "$bench_rc" = 124 ] && { echo "# bench-forms $prof: TIMEOUT after ${limit}s"; exit 4; }
		grep -q '^# bf-summary' "$raw.tap" || { echo "# bench-forms $prof: no table (see $raw)"; exit 4; }
	) || st=$?
done
exit $st
