#!/bin/sh
# The checks the runner tests rely on must be able to fail: feed each one a
# deliberately broken stream and expect a "no".
. tests/runner/lib.sh
fails_on() { # DESCRIPTION COMMAND...: COMMAND must fail
	d=$1; shift
	if "$@" >/dev/null 2>&1; then notok "$d (check passed a broken input)"; else ok "$d"; fi
}
good() { # a correct merged stream for the fixture list
	echo "TAP version 13"; echo "1..12"
	fake_ids | awk '{ print "ok " NR " - pass " $1 }'
}
good > "$D/c.good"
check "baseline: a correct stream passes every check" sh -c "
	. tests/runner/lib.sh; ids_exact '$D/c.good' && numbered '$D/c.good' &&
	perl_ok '$D/c.good' 12 && node_ok '$D/c.good' 12"
good | sed '7p' > "$D/c.dup"
fails_on "ids_exact: a case twice" ids_exact "$D/c.dup"
good | sed '7d' > "$D/c.lost"
fails_on "ids_exact: a case lost" ids_exact "$D/c.lost"
fails_on "numbered: a gap" numbered "$D/c.lost"
fails_on "TAP::Parser: a case lost" perl_ok "$D/c.lost" 12
fails_on "tap-parser: a case lost" node_ok "$D/c.lost" 12
good | sed 's/^ok 3 - pass .*/not ok 3 - abort x # TODO abort\n  ---\n  insn: "ldr w2, [x1], #4"  # 0xb8404422\n  .../' > "$D/c.yaml"
fails_on "TAP::Parser: comment after a quoted YAML scalar" perl_ok "$D/c.yaml" 12
good | sed 's/^ok 5 - pass \(.*\)/not ok 5 - kill \1/' > "$D/c.noyaml"
fails_on "tap-parser: a kill without YAML" node_ok "$D/c.noyaml" 12
good | sed '3i garbage line' > "$D/c.extra"
fails_on "tap-parser: a non-TAP line" node_ok "$D/c.extra" 12
fails_on "outcome_is: wrong outcome" outcome_is "$D/c.good" fake/ldst/ldr-pre/v2 kill
fails_on "only_outcomes: another outcome" only_outcomes "$D/c.noyaml" pass
printf '<testsuites><testsuite><testcase name="a"/><testcase name="a"/></testsuite></testsuites>\n' > "$D/c.dupcase.xml"
fails_on "junit_ok: the same testcase twice" junit_ok "$D/c.dupcase.xml" 2 0
printf '<testsuites><testcase name="a"></testsuites>\n' > "$D/c.bad.xml"
fails_on "junit_ok: malformed XML" junit_ok "$D/c.bad.xml" 1 0
finish
