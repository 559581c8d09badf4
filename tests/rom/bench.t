#!/bin/sh
# bench=forms (lib/bench.c): the per-form cost table, its classes taken from
# what happened, short lines, and the same lines through wire=frame.
. tests/rom/lib.sh
D=$ISV_TEST_DIR
mkdir -p "$D"
wire=$(dirname "$ISV_ROM")/host/isvwire
sel="only=*/ldst-imm/ldr*-w-*"
qemu_rom "$D/bf.tap" "bench=forms $sel"
check "bench mode: no plan of cases, no results, done marker" sh -c "
	grep -q '^1..0 # SKIP bench mode$' '$D/bf.tap' && ! grep -qE '^(not )?ok ' '$D/bf.tap' &&
	grep -q '^# isvsuite: done$' '$D/bf.tap'"
# under TCG the GIC distributor answers (emul) and the hole aborts (abrt)
check "gicd ldr-w-post timed, ISV=1 and form both completed" sh -c "
	row() { grep \"^# bf \$1 ldst-imm/\$2 \" '$D/bf.tap'; }
	row gicd ldr-w-post | grep -qE ' r32 +emul +[0-9.]+ [0-9.]+-[0-9.]+ +emul +[0-9.]+ [0-9.]+-[0-9.]+ +[-+][0-9.]+$'"
check "hole ldr-w-post: both refused (abrt)" sh -c "
	grep '^# bf hole ldst-imm/ldr-w-post ' '$D/bf.tap' | grep -qE ' r32 +abrt .* abrt '"
check "a form the judge skips is listed with its reason, not timed" sh -c "
	grep -q '^# bf gicd ldst-imm/ldrh-w-post  *skip: architecture: no 16-bit ' '$D/bf.tap'"
forms=$("$wire" ids "$sel" | awk 'NR > 1 { split($2, p, "/"); print p[1] "/" p[2] "/" p[3] }' | sort -u | wc -l)
check "one row per (target, form) of the selection ($forms), a summary per target" sh -c "
	[ $forms -gt 2 ] && [ \$(grep -c '^# bf [gh][io][cl][de] ' '$D/bf.tap') = $forms ] &&
	[ \$(grep -c '^# bf-summary ' '$D/bf.tap') = 2 ]"
check "every line under 110 characters" sh -c "! awk 'length(\$0) >= 110' '$D/bf.tap' | grep -q ."
if [ -x "$wire" ]; then
	qemu_rom "$D/bf.frame" "bench=forms wire=frame $sel"
	"$wire" decode < "$D/bf.frame" > "$D/bf.decoded"
	check "wire=frame: the table decodes as literal lines" sh -c "
		[ \$(grep -c '^# bf' '$D/bf.decoded') = \$(grep -c '^# bf' '$D/bf.tap') ] &&
		grep -q '^# bf-summary gicd: ' '$D/bf.decoded' && ! grep -q '^@@wire' '$D/bf.decoded'"
else
	notok "isvwire missing: $wire"
fi
qemu_rom "$D/bf-bad.tap" "bench=fast"
check "bench=VALUE other than forms -> Bail out!" sh -c "
	grep -q \"^Bail out! bootargs: bad value for 'bench' (forms)\" '$D/bf-bad.tap'"
finish
