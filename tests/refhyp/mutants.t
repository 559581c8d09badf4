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
refhyp_run refault refault quick "targets=hole only=hole/ldst-imm/ldr-*" --case-timeout 2
refhyp_run struct-order struct-order full "targets=hole only=hole/struct/*"
refhyp_run struct-no-bswap struct-no-bswap full "targets=hole only=hole/struct/*-[be]e"
refhyp_run cas-no-store cas-no-store full "targets=hole only=hole/atomic/cas*"
refhyp_run postreg-imm postreg-imm full "targets=hole only=hole/struct/*-post*"
refhyp_run rt-before-rn rt-before-rn full "targets=hole only=hole/[ape]*"
refhyp_run sve-ignore-pred sve-ignore-pred full "targets=hole only=hole/sve/*"
refhyp_run sve-vl128 sve-vl128 full "targets=hole only=hole/sve/*"
finish
