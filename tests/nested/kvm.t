#!/bin/sh
# The kvm profile (real KVM nested under QEMU TCG, Debian's QEMU inside):
# the quick matrix completes in one L1 boot, the merged TAP is valid for
# TAP::Parser and tap-parser, JUnit is well formed, the console is clean,
# the outcomes match KVM's source by id pattern and expected/kvm-6.1-qemu-7.2,
# and the cached assets are not fetched again.
. tests/runner/lib.sh
. tests/nested/kvm-lib.sh

sh_files="profiles/kvm.sh profiles/minivmm.sh profiles/kvm/agent.sh profiles/kvm/initramfs.sh tests/nested/kvm.t tests/nested/kvm-minivmm.t tests/nested/kvm-lib.sh"
# shellcheck disable=SC2086 # a word list
check "kvm: profile, agent and tests pass shellcheck (POSIX sh)" shellcheck -s sh -S warning -x $sh_files
check "kvm: dash parses them" sh -c "for f in $sh_files; do dash -n \$f || exit 1; done"
dash ./runner.sh --profile minivmm --popt mode=bogus >"$D/badmode.out" 2>&1; echo $? > "$D/badmode.rc"
check "minivmm: an unknown mode is refused by profile_check (exit 3, named)" \
	sh -c "[ \$(cat '$D/badmode.rc') = 3 ] && grep -q 'not .bogus.' '$D/badmode.out'"

kvm_run kvm --profile kvm --expected kvm-6.1-qemu-7.2
kvm_note kvm
M=$(kvm_summary kvm cases)
check "kvm: run complete, no regression against expected/kvm-6.1-qemu-7.2 (exit 0)" rc_is kvm 0
check "kvm: the quick matrix ran (more than 100 cases)" test "${M:-0}" -gt 100
check "kvm: TAP::Parser accepts the merged TAP" perl_ok "$D/kvm.tap" "$M"
check "kvm: tap-parser accepts the merged TAP" node_ok "$D/kvm.tap" "$M"
check "kvm: results numbered 1..$M" numbered "$D/kvm.tap"
check "kvm: JUnit well formed, one testcase per case" junit_ok "$D/kvm.xml" "$M" \
	"$(kvm_results "$D/kvm.tap" | awk '$1 == "unclean" || $1 == "corrupt" || $1 == "kill" || $1 == "hang"' | wc -l)"
check "kvm: one L1 boot, 1 guest run (no list boot: the host enumerates the cases)" \
	sh -c "[ '$(kvm_summary kvm vms)' = 1 ] && [ '$(kvm_summary kvm boots)' = 1 ]"
check "kvm: console is the ROM's only (no kernel or QEMU lines)" kvm_no_noise kvm
check "kvm: the ROM found its console (pl011) in the DTB" grep -q '^# console: pl011 ' "$D/kvm/boot-001.log"
check "kvm: ground truth by pattern (ISV=0 unclean, ISV=1 pass, CM/PRFM pass)" kvm_truth "$D/kvm.tap" unclean
echo "# kvm: $(cat "$D/kvm.tap.counts")"
check "kvm: every corrupt case is KVM's zero-extended sign-extending load" kvm_sext_only "$D/kvm.tap"
# The hole is write-ignored under QEMU (its header says so): a load from it
# passes on the value the device holds, not data of its own, so each such
# pass says so on its line (never a plain pass), and no load elsewhere does.
check "kvm: hole loads that pass are marked unchecked (target ignores writes), gicd ones are not" sh -c \
	"grep -q '^# target hole .*: write-ignored' '$D/kvm.tap' && grep -q '^ok [0-9]* - pass hole/ldst-imm/ld[a-z]*-[wx]-[a-z]*/.* # unchecked: loaded data (target ignores writes)$' '$D/kvm.tap' && ! grep -q '^ok [0-9]* - pass gicd/.*target ignores writes' '$D/kvm.tap'"
check "kvm: ISV=0 refusals are an injected external abort (EC 0x25, DFSC 0x10)" \
	sh -c "grep -q '^  esr: 0xffffffff96000010  # data abort' '$D/kvm.tap' && grep -q '^    DFSC: 0x10' '$D/kvm.tap'"
n_unclean=$(kvm_results "$D/kvm.tap" | awk '$1 == "unclean"' | wc -l)
check "kvm: every unclean refusal names ESR_upper (bits 63:32) = 0xffffffff (inject_abt64, docs/kvm.md)" sh -c \
	"[ $n_unclean -gt 0 ] && [ \$(grep -c '^    - {field: ESR_upper, expected: \"0\", got: \"0xffffffff\"}' '$D/kvm.tap') = $n_unclean ]"
check "kvm: refused stores name WnR (inject_abt64 never sets it)" \
	sh -c "grep -A6 -E '^not ok [0-9]+ - unclean hole/ldst-imm/str' '$D/kvm.tap' | grep -q 'field: WnR, expected: \"1\", got: \"0\"'"

# An edited expectation is a regression naming the case (exit 1).
sed 's%^unclean|skip  \*$%pass    */*/*-post/*%' expected/kvm-6.1-qemu-7.2 > "$D/kvm-edited"
check "kvm: the edited profile differs (its default rule was found)" sh -c "! cmp -s expected/kvm-6.1-qemu-7.2 '$D/kvm-edited'"
first=$(kvm_results "$D/kvm.tap" | awk '$1 == "unclean" && $2 ~ /-post\// { print $2; exit }')
if [ -n "$first" ]; then
	kvm_run kvm.edited --profile kvm --expected "$D/kvm-edited" --bootargs "only=$first"
	check "kvm: edited expectation -> exit 1" rc_is kvm.edited 1
	check "kvm: the regression names $first" grep -q "^# regression 1 $first expected=pass got=unclean" "$D/kvm.edited.tap"
else
	notok "kvm: no post-index refusal to edit an expectation for"
fi

# Assets are cached: a second prepare downloads and rebuilds nothing.
ls -l --time-style=+%s "$ISV_BUILD/assets/kvm/vmlinuz" "$ISV_BUILD/assets/kvm/"*.cpio.gz > "$D/assets.before"
make -s --no-print-directory O="$ISV_BUILD" kvm-assets minivmm-assets > "$D/assets.out" 2>&1
ls -l --time-style=+%s "$ISV_BUILD/assets/kvm/vmlinuz" "$ISV_BUILD/assets/kvm/"*.cpio.gz > "$D/assets.after"
check "kvm: assets cached (second make kvm-assets: no output, nothing rebuilt)" \
	sh -c "[ ! -s '$D/assets.out' ] && cmp -s '$D/assets.before' '$D/assets.after'"
finish
