#!/bin/sh
# Hypervisors that halt (issue 13): probe steps that hang or kill the VM are
# findings, disabled with noprobe= and charged to the cases that need them;
# --on-hang=group; --exit-grace; a boot without a plan explained; --dtb-base
# and {romdtb} for partitioned VMs entered with x0 = 0.
. tests/runner/lib.sh

# probehalt: 5 hole steps hang, gicd r16 hangs, gicd w64 kills (7 boots),
# then 3 case boots (cases 3 and 10 halt the machine).
fake probehalt --on-hang=group --case-timeout 1 --exit-grace 1
check "probehalt: exit 1" rc_is probehalt 1
check "probehalt: 10 boots (7 probe deaths, 3 case boots)" summary_is probehalt boots 10
check "probehalt: 7 findings" summary_is probehalt findings 7
check "probehalt: grade F" summary_is probehalt grade F
check "probehalt: numbered 1..12" numbered "$D/probehalt.tap"
check "probehalt: TAP::Parser accepts it" perl_ok "$D/probehalt.tap" 12
check "probehalt: tap-parser accepts it" node_ok "$D/probehalt.tap" 12
want='hole/ldst/ldr-post/v1 hang
hole/ldst/ldr-off/v1 hang
gicd/ldst/ldr-post/v1 hang
gicd/ldst/ldr-post/v2 hang
gicd/ldst/ldr-post/v3 hang
gicd/ldst/ldr-off/v1 pass
gicd/ldst/ldrh-off/v1 hang
gicd/ldst/str-off/v1 pass
gicd/ldst/strx-off/v1 kill
gicd/pair/ldp-post/v1 hang
gicd/pair/ldp-post/v2 hang
gicd/ldst/ldrb-off/v1 pass'
every_outcome() { # FILE: each case once, with the outcome above, in order
	grep -E '^(not )?ok [0-9]+ - ' "$1" | sed 's/^not //' | awk '{ print $5, $4 }' > "$D/probe.got"
	echo "$want" | diff - "$D/probe.got"
}
check "probehalt: every case once, with its outcome" every_outcome "$D/probehalt.tap"
check "probehalt: finding for the gicd w64 kill, with the VMM's line" \
	grep -q '^# finding: probe gicd w64: kill (boot 7); VMM: fakebao: guest crashed at probe gicd:w64' "$D/probehalt.tap"
check "probehalt: finding for a hang, with the hypervisor's ERROR line" \
	grep -q '^# finding: probe hole r8: hang (boot 1); VMM: FAKEBAO ERROR: no emulation handler' "$D/probehalt.tap"
check "probehalt: a probe-disabled case carries the step and is inferred" sh -c "
	grep -q '^not ok 7 - hang gicd/ldst/ldrh-off/v1 (probe gicd r16)' '$D/probehalt.tap' &&
	grep -q \"^  probe: 'gicd r16'\" '$D/probehalt.tap'"
check "probehalt: --on-hang=group infers the rest of a group" \
	grep -q '^not ok 11 - hang gicd/pair/ldp-post/v2 (inferred from case 10)' "$D/probehalt.tap"
check "probehalt: the last boots carry every disabled step" \
	grep -q 'noprobe=hole:r8,hole:r16,hole:r32,hole:w8,hole:w32,gicd:r16,gicd:w64' "$D/probehalt/boot-010.log"
check "probehalt: a VMM that stays up after done is not waited for again" \
	grep -q 'later boots end at that line' "$D/probehalt.err"

# --halt-line: the hypervisor's ERROR line ends the boot at once (no timeout).
fake probehalt.hl --on-hang=group --case-timeout 30 --exit-grace 1 --halt-line 'FAKEBAO ERROR'
check "--halt-line: the same outcomes, with no 30 s timeout waited" sh -c "
	grep -q '^wall=[0-9]\$' '$D/probehalt.hl/summary' || grep -q '^wall=1[0-9]\$' '$D/probehalt.hl/summary'"
check "--halt-line: every case once, with its outcome" every_outcome "$D/probehalt.hl.tap"
check "--halt-line: the reason quotes the hypervisor's line" \
	grep -q "^  reason: 'the hypervisor halted: FAKEBAO ERROR: no emulation handler for abort(case 3 ISV=0)'" "$D/probehalt.hl.tap"

fake silent --boot-timeout 2 --boot-retries 1
check "silent: exit 4" rc_is silent 4
check "silent: the likely cause named" grep -q 'likely cause: the console stayed empty: no DTB in x0' "$D/silent.err"

# --dtb-base: {dtb} is the user's description with the bootargs in /chosen;
# {romdtb} the ROM with it appended.
cat > "$D/base.dts" <<'DTS'
/dts-v1/;
/ { #address-cells = <2>; #size-cells = <2>; isv-test-marker { value = <42>; }; };
DTS
cat > "$D/dtbvmm.sh" <<'EOS'
#!/bin/sh
# $1 = {dtb}, $2 = {romdtb}: check both, then run the good fixture with the
# bootargs read back from the DTB.
fdtget "$1" /isv-test-marker value >&2 || exit 9
n=$(wc -c < "$ISV_ROM")
head -c "$n" "$2" | cmp -s - "$ISV_ROM" || exit 8
tail -c +"$((n + 1))" "$2" | cmp -s - "$1" || exit 7
exec sh tests/fixtures/fakevmm/good.sh "$(fdtget "$1" /chosen bootargs)"
EOS
rm -rf "$D/dtbbase"
ISVWIRE=$FAKEWIRE dash ./runner.sh --cmd "sh $D/dtbvmm.sh {dtb} {romdtb}" --dtb-base "$D/base.dts" --results "$D/dtbbase" \
	--tap "$D/dtbbase.tap" --case-timeout 2 --boot-timeout 5 2>"$D/dtbbase.err"
echo $? > "$D/dtbbase.rc"
check "--dtb-base: the base's nodes, the bootargs in /chosen, {romdtb} = ROM + DTB" rc_is dtbbase 0
check "--dtb-base: every case ran" grep -q '^1\.\.12$' "$D/dtbbase.tap"
dash ./runner.sh --cmd "true" --dtb-base "$D/nothere.dts" --tap /dev/null 2>"$D/dtbbad.err"
echo $? > "$D/dtbbad.rc"
check "--dtb-base: a missing file is refused before any boot" sh -c "
	[ \$(cat '$D/dtbbad.rc') = 3 ] && grep -q 'dtb-base: no such file' '$D/dtbbad.err'"
finish
