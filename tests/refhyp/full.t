#!/bin/sh
# refhyp without a mutant, full matrix, both targets: every case passes
# except the forms refhyp deliberately does not emulate (MOPS, LS64: a
# clean abort, or skip where the feature is absent) - grade A over the
# families it claims - and nothing is worse than expected/refhyp.
. tests/refhyp/lib.sh
refhyp_run none-full none full "" --expected refhyp
dir=$REFHYP_TEST_DIR/none-full
# Grade A over the families refhyp claims; B only if some form it does
# not emulate traps (then predicted abort, checked by test 1).
want=A
grep -q '^not ok [0-9]* - abort ' "$dir/merged.tap" && want=B
if grep -q '^# summary .* kill=0 hang=0 corrupt=0$' "$dir/merged.tap" && grep -q "^# grade: $want\$" "$dir/merged.tap"; then
	ok "none-full: nothing corrupt, killed or hung; grade $want"
else
	notok "none-full: summary"; grep '^# \(summary\|grade\)' "$dir/merged.tap" | sed 's/^/# /'
fi
if grep -q '^regressions=0$' "$dir/results/summary"; then
	ok "none-full: no regression against expected/refhyp"
else
	notok "none-full: regressions against expected/refhyp"; grep '^# regression' "$dir/merged.tap" | head -5
fi
# Every case's outcome exactly as pinned (make pin regenerates it).
if sh "$ISV_TOP/tools/pin/check.sh" "$ISV_TOP/expected/pinned/refhyp-full" "$dir/merged.tap" > "$dir.pin" 2>&1; then
	ok "none-full: every case's outcome as pinned (expected/pinned/refhyp-full)"
else
	notok "none-full: outcomes differ from expected/pinned/refhyp-full"; sed 's/^/# /' "$dir.pin"
fi
# The stream is TAP for both independent consumers.
ntap=$(grep -cE '^(not )?ok [0-9]+ - ' "$dir/merged.tap")
if perl tests/runner/tapcheck.pl "$dir/merged.tap" "$ntap" > "$dir.tapcheck" 2>&1 &&
	NODE_PATH=$ISV_NODE_PATH node tests/runner/tapcheck.js "$dir/merged.tap" "$ntap" >> "$dir.tapcheck" 2>&1; then
	ok "none-full: TAP::Parser and tap-parser accept the $ntap results"
else
	notok "none-full: TAP consumers"; sed 's/^/# /' "$dir.tapcheck"
fi
# Refusing instead of emulating (refhyp.refuse): every trapped ISV=0 form
# gets a clean synchronous external abort (the injection path, grade B).
refhyp_run refuse refuse full "targets=hole"
if grep -q '^# grade: B$' "$REFHYP_TEST_DIR/refuse/merged.tap"; then ok "refuse: grade B"
else notok "refuse: grade"; grep '^# grade' "$REFHYP_TEST_DIR/refuse/merged.tap" | sed 's/^/# /'; fi
# A mistyped mutant is a configuration error, not a silent default.
sh "$ISV_TOP/runner.sh" --profile refhyp --rom "$ISV_ROM" --popt bug=no-such-bug --quiet \
	--results "$REFHYP_TEST_DIR/badbug" --tap "$REFHYP_TEST_DIR/badbug.tap" 2> "$REFHYP_TEST_DIR/badbug.err"
rc=$?
if [ $rc = 2 ] && grep -q "refhyp: bad bootarg 'refhyp.bug=no-such-bug'" "$REFHYP_TEST_DIR/badbug.err"; then
	ok "unknown refhyp.bug: Bail out!, runner exit 2"
else
	notok "unknown refhyp.bug: runner exit $rc"; sed 's/^/# /' "$REFHYP_TEST_DIR/badbug.err"
fi
finish
