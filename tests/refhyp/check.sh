#!/bin/sh
# tests/refhyp/check.sh PREDICTIONS TAP LABEL [PINNED]: compare a merged TAP
# stream from runner.sh with predict's "ID EXPECTED" lines. Every case in
# the TAP must show its predicted outcome. Skips are exact too: with
# PINNED (expected/pinned/refhyp-full, the unmutated full matrix) a case
# skips if and only if it skips there - what the judge rules out (a feature
# the CPU lacks, a CONSTRAINED UNPREDICTABLE variant, a width the
# architecture leaves undefined) does not depend on the mutant, so a skip
# anywhere else is a mismatch; without PINNED no skip is accepted. At
# least one case must show each of the predicted outcomes that the run was
# meant to demonstrate (a non-pass one for a mutant, and pass). Prints one
# summary line; exit 1 on a mismatch.
set -eu
pred=$1 tap=$2 label=$3 pinned=${4:-/dev/null}
awk -v label="$label" '
	FILENAME == ARGV[1] { if ($1 == "skip") pinskip[$2] = 1; next }
	FILENAME == ARGV[2] { want[$1] = $2; next }
	/^(not )?ok [0-9]+ - / {
		for (i = 1; i < NF; i++) if ($i == "-") break
		o = $(i + 1); id = $(i + 2); n++
		if (!(id in want)) { bad++; if (bad <= 10) print "  unknown case " id " (predictor out of sync?)"; next }
		e = (id in pinskip) ? "skip" : want[id]
		if (o == e || (e == "either" && (o == "pass" || o == "corrupt"))) got[e]++
		else { bad++; if (bad <= 10) print "  " id ": expected " e ", got " o }
		exp_n[e]++
	}
	END {
		line = label ": " n + 0 " cases:"
		for (e in exp_n) line = line " " e "=" got[e] + 0 "/" exp_n[e]
		line = line " mismatches=" bad + 0
		print line
		if (!n) { print "  no results"; exit 1 }
		if (!got["pass"]) { print "  no case passed"; exit 1 }
		if (label == "refuse" && !got["abort"]) { print "  no clean abort"; exit 1 }
		if (label ~ /refuse\+/ && !got["unclean"]) { print "  no unclean refusal: the mutant was not caught"; exit 1 }
		if (label !~ /none|refuse|drift$/ && !got["corrupt"] && !got["hang"]) { print "  the mutant was not caught"; exit 1 }
		exit bad ? 1 : 0
	}' "$pinned" "$pred" "$tap"
