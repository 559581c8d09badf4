#!/bin/sh
# Runner policy and interface: --expected (regressions, improvements),
# --fail-on, options and --help, profiles, shellcheck and dash, and a real
# boot of the ROM under the qemu-tcg profile and the README QEMU template.
. tests/runner/lib.sh

fake crash --expected fakevmm-crash
check "crash vs expected/fakevmm-crash: exit 0" rc_is crash 0
check "crash vs expected/fakevmm-crash: no regression" summary_is crash regressions 0
sed 's/^kill  fake\/pair\/stp-pre\/v1$/abort fake\/pair\/stp-pre\/v1/' expected/fakevmm-crash > "$D/edited"
check "edited expectation differs from the real one" sh -c "! cmp -s expected/fakevmm-crash '$D/edited'"
fake crash.reg --expected "$D/edited"
check "edited expectation: exit 1" rc_is crash.reg 1
check "edited expectation: regression names the case" \
	grep -q 'regression 9 fake/pair/stp-pre/v1 expected=abort got=kill' "$D/crash.reg.err"
check "edited expectation: listed in the TAP too" grep -q '^# regression 9 fake/pair/stp-pre/v1' "$D/crash.reg.tap"
check "edited expectation: only that case" sh -c "[ \$(grep -c '^# regression' '$D/crash.reg.tap') = 1 ]"
fake good.impr --expected fakevmm-crash
check "better than expected: exit 0" rc_is good.impr 0
check "better than expected: improvement reported" grep -q 'improvement 4 fake/ldst/ldr-pre/v2 expected=kill got=abort' "$D/good.impr.err"
printf 'pass *\nbogus fake/*\n' > "$D/badrules"
fake good.badexp --expected "$D/badrules"
check "expected profile with a bad rule: exit 2" rc_is good.badexp 2
check "bad rule: refused before any boot" sh -c "[ ! -e '$D/good.badexp/vmm-001.raw' ]"
fake good.typo --expected fakevmm-crsh
check "mistyped --expected name: exit 2" rc_is good.typo 2
check "mistyped --expected name: before any boot, names the choices" sh -c "[ ! -e '$D/good.typo/vmm-001.raw' ] && grep -q 'no expected/fakevmm-crsh (have: .*fakevmm-crash' '$D/good.typo.err'"
# Alternatives are a set: pass|corrupt does not accept kill (between them).
printf 'pass *\nabort */ldr-pre/*\nabort fake/pair/stp-pre/v1\nskip fake/ldst/str-post/*\nskip mmio/simd/ld1-post/v2\npass|corrupt fake/ldst/ldr-pre/v2\npass|unclean|corrupt fake/pair/stp-pre/v1\n' > "$D/set"
fake crash.set --expected "$D/set"
check "pass|corrupt, got kill: regression (a set, not a range)" grep -q 'regression 4 fake/ldst/ldr-pre/v2 expected=pass|corrupt got=kill' "$D/crash.set.err"
check "pass|unclean|corrupt, got kill: regression" grep -q 'regression 9 fake/pair/stp-pre/v1 expected=pass|unclean|corrupt got=kill' "$D/crash.set.err"
check "set: exit 1" rc_is crash.set 1
printf 'pass *\nabort */ldr-pre/*\nabort fake/pair/stp-pre/v1\nskip fake/ldst/str-post/*\nskip mmio/simd/ld1-post/v2\nkill|corrupt fake/ldst/ldr-pre/v2\nabort|kill fake/pair/stp-pre/v1\n' > "$D/set2"
fake crash.set2 --expected "$D/set2"
check "kill listed in the set: no regression, exit 0" rc_is crash.set2 0
fake group.exp --on-kill=group --expected fakevmm-group
check "group vs expected/fakevmm-group: exit 0" rc_is group.exp 0
fake hang.exp --expected fakevmm-hang
check "hang vs expected/fakevmm-hang: exit 0" rc_is hang.exp 0
fake garbage.exp --expected fakevmm
check "garbage vs expected/fakevmm: exit 0" rc_is garbage.exp 0

fake good.abort --fail-on=abort
check "--fail-on=abort: aborts fail the run" rc_is good.abort 1
check "--fail-on=abort: JUnit failures are the aborts" junit_ok "$D/good.abort.xml" 12 3

run() { dash ./runner.sh "$@" >"$D/out" 2>"$D/err"; echo $? > "$D/rc"; }
run --profile no-such-profile
check "unknown profile: exit 2" grep -qx 2 "$D/rc"
check "unknown profile: one line" sh -c "[ \$(wc -l < '$D/err') = 1 ] && grep -q 'unknown profile' '$D/err'"
run --popt qemu=/nonexistent/qemu-system-aarch64
check "missing QEMU: exit 3, one line" sh -c "grep -qx 3 '$D/rc' && [ \$(wc -l < '$D/err') = 1 ] && grep -q 'not found' '$D/err'"
run --cmd 'no-such-vmm {rom}'
check "--cmd with a missing program: exit 3" grep -qx 3 "$D/rc"
run --bogus
check "unknown option: exit 2" grep -qx 2 "$D/rc"
run --on-kill=maybe
check "bad --on-kill: exit 2" grep -qx 2 "$D/rc"
run --profile qemu-kvm --check
check "qemu-kvm --check: 0 only on an arm64 host with /dev/kvm" sh -c "
	rc=\$(cat '$D/rc'); if [ \"\$(uname -m)\" = aarch64 ] && [ -w /dev/kvm ]; then [ \$rc = 0 ]; else [ \$rc = 3 ] && grep -q 'qemu-kvm' '$D/err'; fi"

run --help
check "--help: exit 0" grep -qx 0 "$D/rc"
for o in $(sed -n 's/^\t\(--[a-z-]*\)).*/\1/p; s/^\t-h | \(--help\)).*/\1/p' runner.sh); do
	check "--help documents $o" grep -q -- "$o" "$D/out"
done
check "runner policy table near the top" sh -c "head -40 runner.sh | grep -q 'outcome order' && head -40 runner.sh | grep -q 'exit 4'"

export FAKE_POPT_OUT="$D/popt.out"
cat > "$D/poptvmm.sh" <<'EOS'
#!/bin/sh
env | grep '^ISV_POPT_' | sort > "$FAKE_POPT_OUT"
. tests/fixtures/fakevmm/lib.sh
EOS
ISVWIRE=$FAKEWIRE dash ./runner.sh --cmd "sh $D/poptvmm.sh {bootargs}" --results "$D/popt" --popt foo=bar --popt x_y='a b' >"$D/out" 2>"$D/err"
check "--popt: exported as ISV_POPT_KEY" sh -c "grep -qx 'ISV_POPT_foo=bar' '$D/popt.out' && grep -qx 'ISV_POPT_x_y=a b' '$D/popt.out'"

shfiles="runner.sh tools/runner/report.sh tools/runner/cmd.sh profiles/*.sh tools/*.sh tools/run-profiles.sh $FIX/*.sh tests/runner/*.t tests/runner/lib.sh tests/nested/xen.t"
# shellcheck disable=SC2086
check "shellcheck (POSIX sh, warnings)" shellcheck -s sh -S warning -x $shfiles
# shellcheck disable=SC2086
check "dash -n parses every script" sh -c "for f in $shfiles; do dash -n \$f || exit 1; done"
check "runner needs no Python" sh -c "! grep -n 'python' runner.sh tools/runner/*"

if [ -f "${ISV_ROM:-}" ] && command -v qemu-system-aarch64 >/dev/null 2>&1; then
	dash ./runner.sh --rom "$ISV_ROM" --results "$D/qemu" --tap "$D/qemu.tap" --junit "$D/qemu.xml" 2>"$D/qemu.err"
	echo $? > "$D/qemu.rc"
	m=$(sed -n 's/^cases=//p' "$D/qemu/summary")
	check "qemu-tcg: real ROM, exit 0" rc_is qemu 0
	hm=$("${ISV_BUILD:-build}/host/isvwire" ids | sed -n '1s/^# cases \([0-9]*\) .*/\1/p')
	check "qemu-tcg: every case of the quick matrix ($m, host: $hm)" sh -c "[ '${m:-0}' = '${hm:-x}' ]"
	# each quick case's outcome is the one pinned for it in matrix=all
	check "qemu-tcg: every outcome as pinned (expected/pinned/qemu-tcg-all)" sh -c "
		sh tools/pin/outcomes.sh '$D/qemu.tap' | awk 'NR == FNR { p[\$2] = \$1; next }
			!(\$2 in p) || p[\$2] != \$1 { print \"got\", \$0, \"pinned\", p[\$2]; bad = 1 } END { exit bad }' \
			expected/pinned/qemu-tcg-all -"
	check "qemu-tcg: TAP::Parser accepts it" perl_ok "$D/qemu.tap" "$m"
	check "qemu-tcg: tap-parser accepts it" node_ok "$D/qemu.tap" "$m"
	check "qemu-tcg: JUnit well formed" sh -c "xmllint --noout '$D/qemu.xml'"
	check "qemu-tcg: no kill/hang/corrupt under TCG" only_outcomes "$D/qemu.tap" pass abort skip
	check "qemu-tcg: 1 boot (no list boot)" summary_is qemu boots 1
	# The README template for QEMU, with a generated DTB.
	dash ./runner.sh --rom "$ISV_ROM" --results "$D/qcmd" --tap "$D/qcmd.tap" --cmd \
		'qemu-system-aarch64 -M virt,gic-version=3 -cpu max -m 512 -nographic -monitor none -no-reboot -nic none -kernel {rom} -dtb {dtb}' \
		--bootargs 'start=3 count=4' 2>"$D/qcmd.err"
	echo $? > "$D/qcmd.rc"
	check "README QEMU template with {dtb}: exit 0" rc_is qcmd 0
	check "README QEMU template with {dtb}: 4 results, parsed" perl_ok "$D/qcmd.tap" 4
	check "same verdicts as the profile" sh -c "
		grep -E '^(not )?ok' '$D/qemu.tap' | sed 's/^not //' | awk 'NR >= 3 && NR <= 6 { print \$4, \$5 }' > '$D/a'
		grep -E '^(not )?ok' '$D/qcmd.tap' | sed 's/^not //' | awk '{ print \$4, \$5 }' | diff '$D/a' -"
else
	echo "# SKIP real boots: no ROM (ISV_ROM) or no qemu-system-aarch64"
fi
finish
