#!/bin/sh
# Hypervisors that halt the machine (issue 13), with refhyp's halt modes
# (refhyp/halt.c) as the fixture. Ground truth: refhyp --popt refuse=1 aborts
# exactly the ISV=0 cases, so under halt=isv0 those must be `hang` and every
# other case must keep its outcome; nothing lost, boots counted.
. tests/refhyp/lib.sh
D=$REFHYP_TEST_DIR/halt
rm -rf "$D"; mkdir -p "$D"
SEL='matrix=quick targets=hole only=hole/ldst-*'

outcomes() { grep -E '^(not )?ok [0-9]+ - ' "$1" | sed 's/^not //' | awk '{ print $5, $4 }' | sort; }
runner() { # NAME RUNNER ARGS...: under refhyp; $D/NAME.{tap,err,rc}, summary in $D/NAME/
	name=$1; shift
	sh "$ISV_TOP/runner.sh" --profile refhyp --rom "$ISV_ROM" --results "$D/$name" --tap "$D/$name.tap" \
		"$@" 2> "$D/$name.err"
	echo $? > "$D/$name.rc"
}
sumval() { sed -n "s/^$2=//p" "$D/$1/summary"; }

runner refuse --bootargs "$SEL" --popt refuse=1
outcomes "$D/refuse.tap" > "$D/refuse.out"
aborts=$(awk '$2 == "abort"' "$D/refuse.out" | wc -l)
groups=$(awk '$2 == "abort" { sub(/\/[^\/]*$/, "", $1); print $1 }' "$D/refuse.out" | sort -u | wc -l)

# isv0 + x0 (the ROM boots from its appended DTB) + nooff (no SYSTEM_OFF).
t0=$(date +%s)
runner isv0 --bootargs "$SEL" --popt halt=isv0,x0,nooff --on-hang=group --exit-grace 1
secs=$(($(date +%s) - t0))
outcomes "$D/isv0.tap" > "$D/isv0.out"
want() { awk '{ print $1, ($2 == "abort" ? "hang" : $2) }' "$D/refuse.out"; }
if [ "$aborts" -gt 0 ] && want | diff - "$D/isv0.out" > "$D/isv0.diff"; then
	ok "halt=isv0,x0,nooff: every ISV=0 case hang ($aborts), every other as under refuse ($(wc -l < "$D/isv0.out") cases, ${secs}s)"
else
	notok "halt=isv0,x0,nooff: outcomes differ (refuse aborts $aborts)"; sed 's/^/# /' "$D/isv0.diff" "$D/isv0.err"
fi
b=$(sumval isv0 boots)
# one boot per hung group, plus the runner's list boot (if it has one) and
# the boot that finishes after the last hang
if [ "$b" -ge "$groups" ] && [ "$b" -le $((groups + 2)) ]; then
	ok "halt=isv0: $b boots for $groups hung form groups (--on-hang=group)"
else
	notok "halt=isv0: $b boots, want $groups..$((groups + 2))"
fi
if grep -q '^# dtb: the one appended to the image (x0 = 0x0)' "$D/isv0/boot-001.log" &&
	grep -q 'later boots end at that line' "$D/isv0.err"; then
	ok "halt=x0,nooff: the ROM ran from its appended DTB; no SYSTEM_OFF waited for once only"
else
	notok "halt=x0,nooff: no appended-DTB header or no exit-grace note"; sed 's/^/# /' "$D/isv0.err"
fi
if grep -q "reason: 'the hypervisor halted: refhyp ERROR: no emulation handler for abort" "$D/isv0.tap"; then
	ok "halt=isv0: a hung case quotes the hypervisor's ERROR line (PROFILE_HALT_LINE)"
else
	notok "halt=isv0: no ERROR line in the hang reasons"
fi

# Bao-like: every halt mode. The probe steps halt too, so this needs the
# ROM's probe-step lines and noprobe= (contracts §4).
if ! grep -q 'noprobe' "$ISV_ROM"; then
	ok "halt=bao # SKIP this ROM has no probe steps / noprobe= yet (contracts §4)"
	finish; exit
fi
runner refuse2 --bootargs 'matrix=quick' --popt refuse=1
outcomes "$D/refuse2.tap" > "$D/refuse2.out"
t0=$(date +%s)
runner bao --bootargs 'matrix=quick' --popt halt=bao --on-hang=group --exit-grace 0
secs=$(($(date +%s) - t0))
outcomes "$D/bao.tap" > "$D/bao.out"
# Every case once; only pass, skip or hang. hole: every case that accesses
# it hangs (in a probe step or itself); only skips and DC maintenance (no
# data access, refhyp does not trap it) stay. gicd: as under refuse (aligned
# 8/32-bit ISV=1), or hang (ISV=0, or a width whose probe step halted).
awk 'FILENAME ~ /refuse2/ { r[$1] = $2; next }
	{ split($1, p, "/"); o = $2; w = r[$1]; bad = 0
	  if (w == "" || (o != "pass" && o != "skip" && o != "hang")) bad = 1
	  else if (p[1] == "hole") bad = !(o == "hang" || (o == w && (w == "skip" || p[2] == "cache")))
	  else bad = !(o == w || o == "hang")
	  if (bad) { print $1 ": " o ", refuse " w; n++ } }
	END { exit n > 0 }' "$D/refuse2.out" "$D/bao.out" > "$D/bao.diff"
r=$?
if [ $r = 0 ] && [ "$(wc -l < "$D/bao.out")" = "$(wc -l < "$D/refuse2.out")" ]; then
	ok "halt=bao: every case graded, none lost ($(wc -l < "$D/bao.out") cases, $(sumval bao boots) boots, ${secs}s, $(sumval bao findings) findings)"
else
	notok "halt=bao: outcomes differ"; sed 's/^/# /' "$D/bao.diff" | head -20
fi
if grep -q '^# finding: probe hole r8: hang (boot 1); VMM: refhyp ERROR: ' "$D/bao.tap" &&
	! grep -q '^# finding: probe gicd [rw]\(8\|32\): ' "$D/bao.tap"; then
	ok "halt=bao: the halting probe steps are findings (hole r8..., never gicd 8/32)"
else
	notok "halt=bao: probe findings missing"
fi
finish
