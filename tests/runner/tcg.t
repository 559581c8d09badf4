#!/bin/sh
# tests/runner/tcg.t - matrix=all (full + every register sweep) under qemu-tcg, against
# expected/qemu-tcg: TCG performs every access itself, so on the GIC
# distributor the oracle and the device must agree for every width the probe
# accepted (no corrupt), the unassigned hole refuses every access cleanly,
# and the stream is valid TAP and JUnit. Run by `make test-runner`.
. tests/runner/lib.sh
R=$D/tcg
rm -rf "$R"
dash ./runner.sh --bootargs 'matrix=all' --results "$R" --tap "$R.tap" --junit "$R.xml" \
	--expected qemu-tcg 2>"$R.err"
echo $? > "$R.rc"
T=$R.tap
res() { grep -E '^(not )?ok [0-9]+ - ' "$T" | sed 's/^not //' | awk '{ print $4, $5 }'; }
n_all=$(res | wc -l)
check "matrix=all matches expected/qemu-tcg (exit 0)" rc_is tcg 0
# The rules file accepts alternatives; the pin does not: every case's
# outcome exactly as expected/pinned/qemu-tcg-all (make pin regenerates it).
check "every case's outcome as pinned (expected/pinned/qemu-tcg-all)" sh tools/pin/check.sh expected/pinned/qemu-tcg-all "$T"
check "at least 3000 cases ($n_all), ids unique" sh -c "[ $n_all -ge 3000 ] && [ -z \"\$(grep -E '^(not )?ok' '$T' | sed 's/^not //' | awk '{print \$5}' | sort | uniq -d)\" ]"
check "TAP::Parser accepts it" perl_ok "$T" "$n_all"
check "tap-parser accepts it" node_ok "$T" "$n_all"
check "JUnit: one testcase per case" sh -c "xmllint --noout '$R.xml' && [ \$(xmllint --xpath 'count(//testcase)' '$R.xml') = $n_all ]"
check "gicd: no corrupt case" sh -c "! grep -qE '^not ok [0-9]+ - corrupt gicd/' '$T'"
check "gicd: every family has passing cases (except MOPS/LS64)" sh -c "
	for f in ldst-imm ldst-reg unpriv pair simd simd-pair struct excl acqrel atomic cache sve; do
		grep -qE '^ok [0-9]+ - pass gicd/'\$f'/' '$T' || { echo \"no pass in \$f\"; exit 1; }
	done"
check "MOPS and LS64 skip naming the feature" sh -c "
	grep -qE '^ok [0-9]+ - skip [a-z]+/mops/.*# SKIP FEAT_MOPS' '$T' &&
	grep -qE '^ok [0-9]+ - skip [a-z]+/ls64/.*# SKIP FEAT_LS64' '$T'"
check "hole: every abort is a clean data abort with FAR" sh -c "
	grep -A6 -E '^not ok [0-9]+ - abort hole/' '$T' | grep -c '^  far: 0x' | grep -qx \$(grep -cE '^not ok [0-9]+ - abort hole/' '$T')"
finish
