#!/bin/sh
# Every refhyp mutant is caught: the cases its bug affects come back corrupt
# (hang for refault), every other case still passes (tests/refhyp/predict.c
# says which, from each bug's nature). Data-dependent mutants run on
# load-only selections (see predict.c); the rest on the quick matrix.
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
refhyp_run refault refault quick "targets=hole only=hole/ldst-imm/ldr-*" --case-timeout 2
finish
