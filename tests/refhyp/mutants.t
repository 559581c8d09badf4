#!/bin/sh
# Every refhyp mutant is caught: the cases its bug affects come back corrupt
# (hang for refault), every other case still passes (tests/refhyp/predict.c
# says which, from each bug's nature and each case's data). Data-dependent
# mutants run on the selection of forms they concern (the judge refills
# every case's window, so any selection gives the same data); the rest on
# the quick matrix.
. tests/refhyp/lib.sh
for bug in no-writeback pair-drop-rt2 no-zero-upper pc-only serror clobber; do
	refhyp_run "$bug" "$bug" quick "targets=hole"
done
refhyp_run no-sext no-sext full "targets=hole only=hole/*/ld[rp1]s*"
refhyp_run sext-w-upper sext-w-upper full "targets=hole only=hole/*/ld[rp1]s*"
refhyp_run wb-before-access wb-before-access full "targets=hole only=hole/*/ld[1-4rp]*-post*"
refhyp_run no-bswap no-bswap full "targets=hole only=hole/*/ld[1-4rp]*-[be][ee]"
refhyp_run r31-sp r31-sp full "targets=hole only=hole/*/*/*rtzr*"
refhyp_run base-zr base-zr full "targets=hole only=hole/*/*/*rnsp*"
refhyp_run sp-el0 sp-el0 full "targets=hole only=hole/*/*/*rnsp*"
refhyp_run refault refault quick "targets=hole only=hole/ldst-imm/ldr-*" --case-timeout 2
refhyp_run struct-order struct-order full "targets=hole only=hole/struct/*"
refhyp_run struct-no-bswap struct-no-bswap full "targets=hole only=hole/struct/*-[be]e"
refhyp_run cas-no-store cas-no-store full "targets=hole only=hole/atomic/cas*"
refhyp_run postreg-imm postreg-imm full "targets=hole only=hole/struct/*-post*"
refhyp_run rt-before-rn rt-before-rn full "targets=hole only=hole/[ape]*"
refhyp_run sve-ignore-pred sve-ignore-pred full "targets=hole only=hole/sve/*"
refhyp_run sve-vl128 sve-vl128 full "targets=hole only=hole/sve/*"
# Malformed refusals (refuse=1 + the mutant): every refusal is unclean
# (the vector mutants: where they route wrongly, tests/refhyp/predict.c).
for bug in wrong-far wrong-vector upper-esr dfsc0 vector-sp0; do
	refhyp_run "refuse+$bug" "refuse+$bug" quick "targets=hole"
done
# Device mutants: the probe names them (a finding, so never grade A) and
# the cases they touch are graded, not skipped (the old judge graded
# read64-zero A by skipping every 8-byte case).
device_run() { # LABEL MUTANT CHECK-DESCRIPTION GREP-PATTERN...
	label=$1 bug=$2 what=$3; shift 3
	dir=$REFHYP_TEST_DIR/$label
	rm -rf "$dir"; mkdir -p "$dir"
	sh "$ISV_TOP/runner.sh" --profile refhyp --rom "$ISV_ROM" --bootargs "matrix=quick targets=hole" \
		--popt "bug=$bug" --results "$dir/results" --tap "$dir/merged.tap" --quiet 2> "$dir/runner.err"
	for pat in "$@"; do
		if ! grep -q -- "$pat" "$dir/merged.tap" "$dir/results/boot-001.log"; then
			notok "$label: $what (no '$pat')"; return
		fi
	done
	if grep -q '^# grade: A' "$dir/merged.tap" || grep -q 'SKIP probe' "$dir/merged.tap"; then
		notok "$label: $what (grade A or a probe skip)"; return
	fi
	ok "$label: $what ($(grep '^# summary' "$dir/merged.tap"))"
}
device_run read64-zero read64-zero "8-byte reads returning zero: finding, 8-byte loads corrupt" \
	'# finding: probe hole r64 inconsistent' '^not ok [0-9]* - corrupt hole/ldst-imm/ldr-x-post/'
device_run stale-read stale-read "last-write-wins target named stale, loads not judged" \
	'# target hole .*: stale (incoherent)' '# finding: probe hole stale' '# unchecked: loaded data (stale target)'
device_run write-on-load write-on-load "a load that writes the target is corrupt at the load" \
	'^not ok [0-9]* - corrupt hole/ldst-imm/ldr-x-post/'
refhyp_run sve-keep-inactive sve-keep-inactive full "targets=hole only=hole/sve/*"
# First-fault loads: FFR compared (lib/firstfault.c); refhyp declines every
# element after the first active one, as a CPU must on Device memory.
for bug in ffr-claims-all ffr-clear ff-every-element; do
	refhyp_run "$bug" "$bug" full "targets=hole only=hole/sve/*"
done
refhyp_run fp-ctrl-reset fp-ctrl-reset full "targets=hole only=hole/*/*"
refhyp_run daif-clear daif-clear quick "targets=hole"
refhyp_run par-clobber par-clobber quick "targets=hole"
# Target drift (refhyp.drift: a byte far from every footprint changes
# between cases). Alone it is nobody's fault: every case as without it,
# the whole-window sweep after each family names it (a finding: never
# grade A). With a wrong case (no-writeback), the window outside that
# case's footprint is re-checked: the drifted byte is not charged to it
# (no mem+4095 in its diagnostic) and is named per case. A judge that
# charged drift to the case, or never looked outside footprints, fails here.
refhyp_run drift drift quick "targets=hole"
d=$REFHYP_TEST_DIR/drift
if grep -q '^# finding: drift hole: 1 byte(s) from +4095 changed, unchecked by cases 1\.\.' "$d/merged.tap" &&
	! grep -q '^# grade: A' "$d/merged.tap"; then
	ok "drift: the sweep names the drifted byte (+4095), not grade A"
else
	notok "drift: no sweep finding, or grade A"; grep '^# \(finding\|grade\)' "$d/merged.tap" | head -3 | sed 's/^/# /'
fi
refhyp_run drift+no-writeback drift+no-writeback quick "targets=hole"
d=$REFHYP_TEST_DIR/drift+no-writeback
nc=$(grep -c '^not ok [0-9]* - corrupt ' "$d/merged.tap")
nd=$(grep -c '^# finding: drift hole: 1 byte(s) from +4095 changed between cases (not charged to case [0-9]*)' "$d/merged.tap")
if ! grep -q 'mem+4095' "$d/merged.tap" && [ "$nc" -gt 0 ] && [ "$nd" = "$nc" ]; then
	ok "drift+no-writeback: $nc corrupt cases, the drift charged to none of them, named for each"
else
	notok "drift+no-writeback: $nc corrupt, $nd drift findings, mem+4095 charged: $(grep -c 'mem+4095' "$d/merged.tap")"
fi
# A write-ignored device (refhyp.razwi, like QEMU's unassigned MMIO behind
# KVM) hides data bugs: loads read zeros whatever the hypervisor does with
# them. With no-bswap every hole load still passes, but marked unchecked,
# and the run can no longer grade A (it did before: 0 corrupt, grade A).
d=$REFHYP_TEST_DIR/razwi+no-bswap
rm -rf "$d"; mkdir -p "$d"
sh "$ISV_TOP/runner.sh" --profile refhyp --rom "$ISV_ROM" --bootargs "matrix=full targets=hole only=hole/*/ld[1-4rp]*-[be][ee]" \
	--popt razwi=1 --popt bug=no-bswap --results "$d/results" --tap "$d/merged.tap" --quiet 2> "$d/runner.err"
nu=$(grep -c '^ok [0-9]* - pass .* # unchecked: loaded data (target ignores writes)$' "$d/merged.tap")
if [ "$nu" -gt 0 ] && grep -q '^# grade: B$' "$d/merged.tap" &&
	grep -q "^# unchecked: $nu passing case(s) could not be verified" "$d/merged.tap"; then
	ok "razwi+no-bswap: $nu loads pass unchecked (target ignores writes), grade B, never A"
else
	notok "razwi+no-bswap: $nu unchecked loads; $(grep '^# \(summary\|grade\|unchecked\)' "$d/merged.tap" | tr '\n' ' ')"
fi
finish
