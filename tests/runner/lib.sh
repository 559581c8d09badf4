# tests/runner/lib.sh - helpers for the runner tests (POSIX sh, sourced from
# the repo top). Each .t prints TAP for prove. Needs ISV_TEST_DIR (scratch)
# and ISV_NODE_PATH (node_modules with tap-parser).
: "${ISV_TEST_DIR:?}" "${ISV_NODE_PATH:?}"
n=0 fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }
check() { # check DESCRIPTION COMMAND...
	d=$1; shift
	if "$@" >"$ISV_TEST_DIR/check.out" 2>&1; then ok "$d"; else
		notok "$d"; sed 's/^/# /' "$ISV_TEST_DIR/check.out"; fi
}
finish() { echo "1..$n"; [ "$fails" = 0 ]; }
FIX=tests/fixtures/fakevmm
D=$ISV_TEST_DIR
mkdir -p "$D"
# The fake ROMs' host tool (their `isvwire ids`; decode is the real one's):
# runs of a fake VMM pass it as ISVWIRE (fake() does)
FAKEWIRE=$(pwd)/$FIX/isvwire.sh
# The fixtures' case list, in order.
fake_ids() { sh "$FIX/isvwire.sh" ids | sed 1d | awk '{ print $2 }'; }

# fake NAME [RUNNER OPTIONS]: run the runner (under dash) on fixture NAME;
# outputs $D/NAME.{tap,xml,err,rc}, logs in $D/NAME/. Never fails itself.
fake() {
	f=$1; shift
	rm -rf "${D:?}/$f"
	case $f in probehalt*) FAKE_ROM=$FIX/probehalt.sh ;; *) FAKE_ROM=$FIX/lib.sh ;; esac
	ISVWIRE=$FAKEWIRE FAKE_ROM=$FAKE_ROM dash ./runner.sh --cmd "sh $FIX/${f%%.*}.sh {bootargs}" --results "$D/$f" \
		--tap "$D/$f.tap" --junit "$D/$f.xml" --case-timeout 2 --boot-timeout 5 "$@" \
		2>"$D/$f.err"
	echo $? > "$D/$f.rc"
}
rc_is() { [ "$(cat "$D/$1.rc")" = "$2" ] || { echo "exit $(cat "$D/$1.rc"), want $2"; cat "$D/$1.err"; return 1; }; }
summary_is() { # NAME KEY VALUE: a line of the runner's summary file
	v=$(sed -n "s/^$2=//p" "$D/$1/summary")
	[ "$v" = "$3" ] || { echo "$2=$v, want $3"; return 1; }
}
# TAP ids, in order, must be exactly the fixture's list: nothing lost or twice.
ids_exact() {
	grep -E '^(not )?ok [0-9]+ - ' "$1" | sed 's/^not //' | awk '{ print $5 }' > "$D/ids.got"
	fake_ids > "$D/ids.want"
	diff "$D/ids.want" "$D/ids.got"
}
numbered() { # results numbered 1..N in order
	grep -E '^(not )?ok [0-9]+ - ' "$1" | sed 's/^not //' | awk '$2 != NR { print "result " NR " numbered " $2; bad = 1 } END { exit bad }'
}
outcome_is() { # FILE ID OUTCOME: the result line of ID says OUTCOME
	got=$(grep -E "^(not )?ok [0-9]+ - [a-z]+ $2( |\$)" "$1" | sed 's/^not //' | awk '{ print $4 }')
	[ "$got" = "$3" ] || { echo "$2: '$got', want $3"; return 1; }
}
only_outcomes() { # FILE OUTCOME...: no other outcome than these occurs
	f=$1; shift
	grep -E '^(not )?ok [0-9]+ - ' "$f" | sed 's/^not //' | awk -v ok=" $* " 'index(ok, " " $4 " ") == 0 { print; bad = 1 } END { exit bad }'
}
perl_ok() { perl tests/runner/tapcheck.pl "$1" "$2"; }
node_ok() { NODE_PATH=$ISV_NODE_PATH node tests/runner/tapcheck.js "$1" "$2"; }
junit_ok() { # FILE CASES FAILURES: well formed, one testcase per case
	xmllint --noout "$1" || return 1
	t=$(xmllint --xpath 'count(//testcase)' "$1") f=$(xmllint --xpath 'count(//testcase/failure)' "$1")
	u=$(xmllint --xpath 'count(//testcase[not(@name = preceding::testcase/@name)])' "$1")
	[ "$t" = "$2" ] && [ "$u" = "$2" ] && [ "$f" = "$3" ] || { echo "testcases $t (unique $u) failures $f, want $2/$3"; return 1; }
}
