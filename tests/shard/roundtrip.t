#!/bin/sh
# tests/shard/roundtrip.t - runner.sh --shard K/N + tools/shard/merge.sh:
# for N = 1..8 the merged TAP of N shards equals one unsharded run (every
# line except the runner's boot counts), on qemu-tcg and refhyp (quick
# matrix), under dash; every shard's TAP is valid on its own (TAP::Parser);
# shards are balanced (sizes differ by at most one chunk); merged JUnit is
# well formed with one testcase per case; and the merge refuses shards from
# different ROMs or bootargs, a missing or doubled shard, and plain TAP.
# Needs ISV_TEST_DIR (scratch), ISV_BUILD, ISV_ROM.
: "${ISV_TEST_DIR:?}" "${ISV_ROM:?}"
D=$ISV_TEST_DIR; mkdir -p "$D"
n=0 fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }
check() { # DESCRIPTION COMMAND...
	d=$1; shift
	if "$@" >"$D/check.out" 2>&1; then ok "$d"; else notok "$d"; sed 's/^/# /' "$D/check.out"; fi
}
# the lines a sharded and an unsharded run must share (boot counts differ)
comparable() { grep -v -e '^# isvsuite runner: ' -e '^# boots: ' "$1"; }
same() { comparable "$1" > "$D/a.cmp"; comparable "$2" > "$D/b.cmp"; diff "$D/a.cmp" "$D/b.cmp"; }
results() { grep -c -E '^(not )?ok [0-9]+ - ' "$1"; }
shard() { # PROFILE K N [RUNNER OPTIONS]: shard K/N -> $D/P-N-K.tap
	p=$1 k=$2 nn=$3; shift 3
	dash ./runner.sh --profile "$p" --shard "$k/$nn" --results "$D/r-$p-$nn-$k" \
		--tap "$D/$p-$nn-$k.tap" --quiet "$@"
}
balanced() { # PROFILE N: shard sizes differ by at most one chunk
	c=$(sed -n 's/^# shard .* chunk \([0-9]*\) .*/\1/p' "$D/$1-$2-1.tap")
	k=1 lo=999999 hi=0
	while [ $k -le "$2" ]; do
		m=$(results "$D/$1-$2-$k.tap"); [ "$m" -lt $lo ] && lo=$m; [ "$m" -gt $hi ] && hi=$m
		k=$((k + 1))
	done
	[ $((hi - lo)) -le "$c" ] || { echo "shard sizes $lo..$hi, chunk $c"; return 1; }
}
valid_tap() { perl -MTAP::Parser -e '
	my $p = TAP::Parser->new({ source => $ARGV[0] }); 1 while $p->next;
	die "plan " . $p->tests_planned . " run " . $p->tests_run . "\n" if $p->tests_planned != $p->tests_run || $p->parse_errors;
	' "$1"; }

for p in qemu-tcg refhyp; do
	dash ./runner.sh --profile "$p" --results "$D/r-$p-full" --tap "$D/$p-full.tap" --quiet
	check "$p: unsharded reference run" test -s "$D/$p-full.tap"
	nn=1
	while [ $nn -le 8 ]; do
		k=1 files="" okk=1
		while [ $k -le $nn ]; do
			shard "$p" $k $nn || [ $? = 1 ] || okk=0
			valid_tap "$D/$p-$nn-$k.tap" > "$D/v.out" 2>&1 || { okk=0; cat "$D/v.out"; }
			files="$D/$p-$nn-$k.tap $files" # given in reverse order: the merge sorts
			k=$((k + 1))
		done
		[ $okk = 1 ] && ok "$p N=$nn: every shard ran and is valid TAP" || notok "$p N=$nn: shards"
		# shellcheck disable=SC2086 # a file list
		dash tools/shard/merge.sh --quiet --tap "$D/$p-$nn.tap" --junit "$D/$p-$nn.xml" $files
		check "$p N=$nn: merged TAP identical to the unsharded run" same "$D/$p-full.tap" "$D/$p-$nn.tap"
		[ $nn -gt 1 ] && check "$p N=$nn: shards balanced" balanced "$p" $nn
		nn=$((nn + 1))
	done
	check "$p: merged JUnit well formed, one testcase per case" sh -c \
		'xmllint --noout "$1" && [ "$(grep -c "<testcase " "$1")" = "$(grep -c -E "^(not )?ok [0-9]+ - " "$2")" ]' \
		x "$D/$p-8.xml" "$D/$p-full.tap"
done

# refusals (exit 2, naming the cause)
refused() { # WORD FILE...: merge exits 2 and says WORD
	w=$1; shift
	dash tools/shard/merge.sh --quiet --tap "$D/refused.tap" "$@" 2>"$D/refused.err"
	r=$?; [ $r = 2 ] && grep -q "$w" "$D/refused.err" || { echo "exit $r"; cat "$D/refused.err"; return 1; }
}
T=$D/qemu-tcg-2
check "refuses a missing shard" refused "missing" "$T-1.tap"
check "refuses a shard given twice" refused "twice" "$T-1.tap" "$T-1.tap" "$T-2.tap"
check "refuses plain TAP (no shard line)" refused "not a runner.sh --shard" "$D/qemu-tcg-full.tap"
check "refuses shards of different profiles" refused "differ" "$T-1.tap" "$D/refhyp-2-2.tap"
shard qemu-tcg 2 2 --bootargs 'matrix=quick targets=hole,gicd strict'
check "refuses shards with different bootargs" refused "differ" "$T-1.tap" "$T-2.tap"
sed 's/^\(# shard 2\/2 .* rom \).*/\1123-456/' "$D/refhyp-2-2.tap" > "$D/otherrom.tap"
check "refuses shards of different ROMs (rom checksum)" refused "does not match" "$D/refhyp-2-1.tap" "$D/otherrom.tap"
sed 's/^\(# cpu: .*\)/\1 x/' "$D/refhyp-2-2.tap" > "$D/otherhdr.tap"
check "refuses shards whose ROM header differs" refused "header differs" "$D/refhyp-2-1.tap" "$D/otherhdr.tap"
check "runner refuses --shard 3/2" sh -c 'dash ./runner.sh --shard 3/2 --quiet >/dev/null 2>&1; [ $? = 2 ]'
echo "1..$n"
[ "$fails" = 0 ]
