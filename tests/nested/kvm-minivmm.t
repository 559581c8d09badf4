#!/bin/sh
# The minimal KVM VMM fixture (tests/fixtures/minivmm) on real KVM, nested:
#   inject      every ISV=0 case unclean (KVM inject_abt64), grade C but for KVM's own ISV=1
#               sign-extension bug (the only corrupt cases)
#   pcstep      grade F, every ISV=0 load corrupt
#   nonisv=off  grade C, every ISV=0 case kill, every ISV=1 control pass,
#               the VMM restarted inside one L1 (session); per case, and with
#               --on-kill=group in at most groups+1 boots
# Each run is compared with its expected/minivmm-* profile (exit 0).
. tests/runner/lib.sh
. tests/nested/kvm-lib.sh

# pinned NAME: every case of NAME.tap has exactly the outcome that
# expected/pinned/minivmm-NAME records (the expected/minivmm-* rules accept
# improvements, e.g. a case that should be corrupt coming out pass; the pin
# does not). `make pin-kvm` rewrites these pins (ISV_PIN_UPDATE=1).
pinned() {
	if [ -n "${ISV_PIN_UPDATE:-}" ]; then
		sh tools/pin/outcomes.sh "$D/$1.tap" > "expected/pinned/minivmm-$1"
	fi
	sh tools/pin/check.sh "expected/pinned/minivmm-$1" "$D/$1.tap"
}

# mode=inject, quick matrix
kvm_run inject --profile minivmm --popt mode=inject --expected minivmm-inject
kvm_note inject
M=$(kvm_summary inject cases)
check "inject: no regression against expected/minivmm-inject (exit 0)" rc_is inject 0
check "inject: every case's outcome as pinned (expected/pinned/minivmm-inject)" pinned inject
check "inject: TAP::Parser accepts the merged TAP" perl_ok "$D/inject.tap" "$M"
check "inject: tap-parser accepts the merged TAP" node_ok "$D/inject.tap" "$M"
check "inject: ground truth (ISV=0 unclean: KVM inject_abt64, ISV=1 pass)" kvm_truth "$D/inject.tap" unclean
echo "# inject: $(cat "$D/inject.tap.counts")"
check "inject: no kill or hang" sh -c "[ '$(kvm_summary inject kill)$(kvm_summary inject hang)' = 00 ]"
check "inject: grade B apart from KVM's sign-extension corrupts" kvm_sext_only "$D/inject.tap"
check "inject: the ROM ran on minivmm's DTB (pl011 console, hole in its gap)" \
	grep -q '^# target hole @0x9200000 ' "$D/inject/boot-001.log"

# mode=pcstep, quick matrix
kvm_run pcstep --profile minivmm --popt mode=pcstep --expected minivmm-pcstep
kvm_note pcstep
M=$(kvm_summary pcstep cases)
check "pcstep: no regression against expected/minivmm-pcstep (exit 0)" rc_is pcstep 0
check "pcstep: every case's outcome as pinned (expected/pinned/minivmm-pcstep)" pinned pcstep
check "pcstep: graded F" sh -c "[ '$(kvm_summary pcstep grade)' = F ]"
check "pcstep: TAP::Parser accepts the merged TAP" perl_ok "$D/pcstep.tap" "$M"
check "pcstep: ground truth (every ISV=0 load corrupt, ISV=1 pass)" kvm_truth "$D/pcstep.tap" corrupt-loads
echo "# pcstep: $(cat "$D/pcstep.tap.counts")"
check "pcstep: some ISV=0 load cases were judged corrupt" \
	sh -c "grep -q 'isv0-load-corrupt=[1-9]' '$D/pcstep.tap.counts'"

# mode=nonisv=off, every case of the quick ldst-imm family (resume per case)
kvm_run nonisv --profile minivmm --popt mode=nonisv=off --expected minivmm-nonisv --bootargs 'only=*/ldst-imm/*'
kvm_note nonisv
M=$(kvm_summary nonisv cases) K=$(kvm_summary nonisv kill)
check "nonisv: no regression against expected/minivmm-nonisv (exit 0)" rc_is nonisv 0
check "nonisv: every case's outcome as pinned (expected/pinned/minivmm-nonisv)" pinned nonisv
check "nonisv: graded C" sh -c "[ '$(kvm_summary nonisv grade)' = C ]"
check "nonisv: TAP::Parser accepts the merged TAP" perl_ok "$D/nonisv.tap" "$M"
check "nonisv: tap-parser accepts the merged TAP" node_ok "$D/nonisv.tap" "$M"
check "nonisv: JUnit well formed, kills are failures" junit_ok "$D/nonisv.xml" "$M" "$K"
check "nonisv: ground truth (ISV=0 kill, ISV=1 pass)" kvm_truth "$D/nonisv.tap" kill
echo "# nonisv: $(cat "$D/nonisv.tap.counts")"
check "nonisv: one boot per kill (+ the last run), one L1 VM" \
	sh -c "[ '$(kvm_summary nonisv boots)' -le $((K + 1)) ] && [ '$(kvm_summary nonisv boots)' -ge $K ] && [ '$(kvm_summary nonisv vms)' = 1 ]"
check "nonisv: the kill YAML carries minivmm's ENOSYS message" \
	grep -q 'agent: vmm: minivmm: KVM_RUN: Function not implemented' "$D/nonisv.tap"

# mode=nonisv=off --on-kill=group, ldr-w forms of the full matrix (register,
# immediate and base sweeps; placement variants left out)
kvm_run group --profile minivmm --popt mode=nonisv=off --on-kill=group --expected minivmm-nonisv \
	--bootargs 'matrix=full only=*/ldst-imm/ldr-w-*[0-9]'
kvm_note group
M=$(kvm_summary group cases) G=$(kvm_groups "$D/group.tap")
echo "# group: $M cases in $G groups"
check "group: no regression against expected/minivmm-nonisv (exit 0)" rc_is group 0
check "group: every case's outcome as pinned (expected/pinned/minivmm-group)" pinned group
check "group: graded C" sh -c "[ '$(kvm_summary group grade)' = C ]"
check "group: TAP::Parser accepts the merged TAP" perl_ok "$D/group.tap" "$M"
check "group: ground truth (ISV=0 kill, inferred for the rest of a group)" kvm_truth "$D/group.tap" kill
check "group: more cases than groups (the grouping is exercised)" test "$M" -gt "$((G * 10))"
check "group: at most groups + 1 boots ($G + 1)" test "$(kvm_summary group boots)" -le "$((G + 1))"
check "group: inferred kills are marked" grep -q '^  inferred: true' "$D/group.tap"
finish
