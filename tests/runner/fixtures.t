#!/bin/sh
# The runner against every fake VMM (tests/fixtures/fakevmm): no case lost or
# duplicated, the guilty case named with the right outcome, the merged TAP
# accepted by TAP::Parser and node-tap's tap-parser, JUnit well formed.
. tests/runner/lib.sh
streams_ok() { # NAME: the merged stream, every way we can look at it
	check "$1: every case exactly once, in order" ids_exact "$D/$1.tap"
	[ -f "expected/pinned/fakevmm-$1" ] &&
		check "$1: every case's outcome as pinned (expected/pinned/fakevmm-$1)" sh tools/pin/check.sh "expected/pinned/fakevmm-$1" "$D/$1.tap"
	check "$1: numbered 1..12" numbered "$D/$1.tap"
	check "$1: TAP::Parser accepts it" perl_ok "$D/$1.tap" 12
	check "$1: tap-parser accepts it" node_ok "$D/$1.tap" 12
}
# died_at_4_and_9 NAME: a VMM gone during cases 4 and 9 (crash, bail):
# both are kill, the run resumed after each, three boots.
died_at_4_and_9() {
	check "$1: case 4 is kill" outcome_is "$D/$1.tap" fake/ldst/ldr-pre/v2 kill
	check "$1: case 9 is kill" outcome_is "$D/$1.tap" fake/pair/stp-pre/v1 kill
	check "$1: resumed after it (case 10 ran)" outcome_is "$D/$1.tap" fake/pair/stp-pre/v2 pass
	check "$1: 3 boots (1-4, 5-9, 10-12)" summary_is "$1" boots 3
}

fake good
check "good: exit 0" rc_is good 0
streams_ok good
check "good: 1 boot (no list boot: the host enumerates the cases)" summary_is good boots 1
check "good: grade B (aborts)" summary_is good grade B
check "good: JUnit, 12 testcases, 0 failures" junit_ok "$D/good.xml" 12 0
check "good: abort keeps its YAML (comment after quoted scalar dropped)" \
	grep -qx '  insn: "ldr w2, \[x1\], #4"' "$D/good.tap"

fake crash
check "crash: exit 1 (kill in --fail-on)" rc_is crash 1
streams_ok crash
died_at_4_and_9 crash
check "crash: grade C" summary_is crash grade C
check "crash: YAML has the VMM status" grep -q "^  vmm_status: '134'" "$D/crash.tap"
check "crash: YAML has the VMM's last stderr line" grep -q '^    fakevmm: unhandled MMIO exit (ISV=0) at case 4' "$D/crash.tap"
check "crash: JUnit, 12 testcases, 2 failures" junit_ok "$D/crash.xml" 12 2
check "crash: JUnit failure carries the YAML" grep -q 'vmm_status' "$D/crash.xml"

fake hang
check "hang: exit 1" rc_is hang 1
streams_ok hang
check "hang: case 7 is hang" outcome_is "$D/hang.tap" fake/pair/ldp-post/v2 hang
check "hang: case 8 ran after it" outcome_is "$D/hang.tap" fake/pair/ldp-post/v3 pass
check "hang: grade F" summary_is hang grade F
check "hang: 2 boots" summary_is hang boots 2
check "hang: no process of the hung VM left" sh -c "! ps -e -o args= | grep -v grep | grep -q 'fakevmm/hang.sh'"

fake garbage
check "garbage: exit 0" rc_is garbage 0
streams_ok garbage
check "garbage: only the fixture's own outcomes" only_outcomes "$D/garbage.tap" pass abort skip
check "garbage: split line (case 3) read" outcome_is "$D/garbage.tap" fake/ldst/ldr-pre/v1 abort
check "garbage: damaged case 4 re-run and read" outcome_is "$D/garbage.tap" fake/ldst/ldr-pre/v2 abort
check "garbage: truncated case 7 re-run, never shortened" outcome_is "$D/garbage.tap" fake/pair/ldp-post/v2 pass
check "garbage: line split by the VMM behind its prefix (case 8) rejoined" outcome_is "$D/garbage.tap" fake/pair/ldp-post/v3 pass
check "garbage: VMM lines that look like results not believed (case 6 pass, not corrupt)" outcome_is "$D/garbage.tap" fake/pair/ldp-post/v1 pass
check "garbage: 3 boots (run, re-run of case 4, of case 7)" summary_is garbage boots 3
check "garbage: no noise in the YAML" sh -c "! grep -q fakevmm '$D/garbage.tap'"
check "garbage: damage counted (bad frame, 2 gaps)" summary_is garbage console_damaged 3
check "garbage: the cases without a result reported as conflicts" sh -c "
	grep -q '^# console: boot 1 conflict: no result for case 4 before case 5' '$D/garbage.tap' &&
	grep -q '^# console: boot 1 conflict: no result for case 7 before case 8' '$D/garbage.tap'"
check "garbage: the VMM's fake results listed, in the summary and the boot log" sh -c "
	grep -q 'unframed: VMM line ignored: not ok 6 - corrupt fake/pair/ldp-post/v1' '$D/garbage.err' &&
	grep -q '^@@runner unframed: VMM line ignored: \[vmm\] ok 12 - pass x/y' '$D/garbage/boot-001.log'"
check "garbage: JUnit well formed" junit_ok "$D/garbage.xml" 12 0

fake exitfail
check "exitfail: complete run, exit 0" rc_is exitfail 0
streams_ok exitfail
check "exitfail: VMM status reported" grep -q 'VMM exited with status 3' "$D/exitfail.err"

fake corrupt
check "corrupt: exit 1" rc_is corrupt 1
check "corrupt: grade F" summary_is corrupt grade F
check "corrupt: case 10 corrupt" outcome_is "$D/corrupt.tap" fake/pair/stp-pre/v2 corrupt
check "corrupt: every case's outcome as pinned" sh tools/pin/check.sh expected/pinned/fakevmm-corrupt "$D/corrupt.tap"
fake corrupt.nofail --fail-on=kill,hang
check "--fail-on=kill,hang: corrupt no longer fails the run" rc_is corrupt.nofail 0

fake group
check "group, --on-kill=case: 4 boots" summary_is group boots 4
check "group, --on-kill=case: every case's outcome as pinned" sh tools/pin/check.sh expected/pinned/fakevmm-group "$D/group.tap"
fake group.g --on-kill=group
check "group, --on-kill=group: exit 1" rc_is group.g 1
streams_ok group.g
check "group: 2 boots (1-6, 9-12)" summary_is group.g boots 2
check "group: case 6 kill" outcome_is "$D/group.g.tap" fake/pair/ldp-post/v1 kill
check "group: case 8 kill, marked inferred" grep -q '^not ok 8 - kill fake/pair/ldp-post/v3 (inferred from case 6)' "$D/group.g.tap"
check "group: inferred in the YAML" grep -q '^  inferred: true' "$D/group.g.tap"
check "group: next group ran" outcome_is "$D/group.g.tap" fake/pair/stp-pre/v1 abort

export FAKE_STARTS="$D/session.starts"; rm -f "$FAKE_STARTS"
fake session
check "session: exit 1 (kills)" rc_is session 1
streams_ok session
check "session: kills at 4 and 9" sh -c "grep -q '^not ok 4 - kill' '$D/session.tap' && grep -q '^not ok 9 - kill' '$D/session.tap'"
check "session: 3 boots in 1 VM" sh -c "grep -qx boots=3 '$D/session/summary' && grep -qx vms=1 '$D/session/summary'"
check "session: the agent was started once" sh -c "[ \$(wc -l < '$FAKE_STARTS') = 1 ]"
unset FAKE_STARTS

fake unclean
check "unclean: exit 1 (unclean in the default --fail-on)" rc_is unclean 1
streams_ok unclean
check "unclean: case 9 is unclean with its defects" sh -c "grep -q '^not ok 9 - unclean fake/pair/stp-pre/v1$' '$D/unclean.tap' && grep -q '^  defects:' '$D/unclean.tap'"
check "unclean: grade C" summary_is unclean grade C
check "unclean: counted in the summary line" grep -q '^# summary pass=7 skip=2 abort=2 unclean=1 kill=0 hang=0 corrupt=0$' "$D/unclean.tap"
check "unclean: JUnit failure" junit_ok "$D/unclean.xml" 12 1
check "unclean: both ROM findings, once each (2 boots)" summary_is unclean findings 2
fake finding.a --bootargs 'start=1 count=2'
check "finding, only passes: never grade A" summary_is finding.a grade B
check "finding: listed in the TAP before the plan" sh -c "sed -n '/^1\\.\\./q;p' '$D/finding.a.tap' | grep -q '^# finding: hole widths disagree'"
check "finding: listed on stderr" grep -q 'finding: hole widths disagree' "$D/finding.a.err"
fake good.a --bootargs 'start=1 count=2'
check "no finding, only passes: grade A" summary_is good.a grade A

fake bail
check "bail after the plan: exit 1 (kills), not 2" rc_is bail 1
streams_ok bail
died_at_4_and_9 bail
check "bail: earlier results kept" outcome_is "$D/bail.tap" fake/ldst/ldr-pre/v1 abort
check "bail: the ROM's reason in the YAML" grep -q "^  reason: 'the ROM crashed: Bail out! unexpected exception: EC 0x25 .* in case 4'" "$D/bail.tap"

fake nostart
check "nostart: exit 4 (incomplete)" rc_is nostart 4
check "nostart: the VMM's reason is shown" grep -q 'cannot open /dev/kvm' "$D/nostart.err"
check "nostart: TAP says Bail out" grep -q '^Bail out! runner: run incomplete' "$D/nostart.tap"
fake silent --boot-timeout 1
check "silent: exit 4 after the boot timeout" rc_is silent 4
check "silent: reason names the missing plan" grep -q 'no plan line and no ROM output for 1s' "$D/silent.err"

fake good.range --bootargs 'start=5 count=4'
check "start=5 count=4: 4 results numbered 1..4, ids 5..8" sh -c "
	grep -E '^(not )?ok' '$D/good.range.tap' | sed 's/^not //' | awk '{ print \$2, \$5 }' > '$D/good.range.got'
	printf '1 fake/ldst/str-post/v1\n2 fake/pair/ldp-post/v1\n3 fake/pair/ldp-post/v2\n4 fake/pair/ldp-post/v3\n' | diff - '$D/good.range.got'"
check "start=5 count=4: TAP::Parser accepts it" perl_ok "$D/good.range.tap" 4

# The race (issue 14): a VMM whose console output appears only after 0.3 s
# (and whose raw log the runner must not take for "exited") runs normally.
fake late
check "late console: exit 0" rc_is late 0
streams_ok late
check "late console: 1 boot, nothing failed" sh -c "grep -qx boots=1 '$D/late/summary' && ! grep -qE 'failed|(kill|hang) at' '$D/late.err'"

# The ROM's enumeration must be the host's (fingerprint), else exit 2 before any case.
# (the real host tool: it enumerates the real ROM's cases, not the fake's)
ISVWIRE=${ISV_BUILD:-$(pwd)/build}/host/isvwire dash ./runner.sh --cmd "sh $FIX/good.sh {bootargs}" \
	--results "$D/good.fpbad" --tap "$D/good.fpbad.tap" 2>"$D/good.fpbad.err"
echo $? > "$D/good.fpbad.rc"
check "fingerprint mismatch: exit 2" rc_is good.fpbad 2
check "fingerprint mismatch: a clear message naming both" grep -q "the ROM's cases ('# cases 12 fingerprint .* targets fake') are not the host's" "$D/good.fpbad.err"
check "fingerprint mismatch: no case recorded" sh -c "! grep -qE '^(not )?ok' '$D/good.fpbad.tap'"
fake good.wire --bootargs 'wire=tap'
check "wire= is the runner's (--wire): exit 2" rc_is good.wire 2
fake good.wire2 --wire fast
check "--wire: compact or readable, else exit 2" rc_is good.wire2 2
finish
