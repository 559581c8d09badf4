#!/bin/sh
# tools/shard/merge.sh - join the TAP files of `runner.sh --shard K/N` runs
# (any order) into one TAP stream as one unsharded run prints it: one plan,
# every case once at its own number, the same ids, one summary and grade;
# optionally JUnit and a comparison with an expected profile.
#
#   tools/shard/merge.sh [--tap OUT] [--junit OUT] [--expected NAME|FILE]
#                        [--fail-on LIST] [--quiet] SHARD.tap...
#
# Refused (exit 2): shards from different ROMs (the shard line's rom checksum
# and the ROM's header lines differ), bootargs, profiles or selections (cases,
# first, last, chunk), a shard missing or given twice, a case in none.
# The merged TAP equals an unsharded run's except the runner's boot counts
# (`# isvsuite runner: ... boots= vms=` and `# boots:` are the shards' sums).
# Exit: 0 merged (and no --fail-on outcome / no regression), 1 merged with a
# policy failure (as runner.sh), 2 refused or bad usage, 4 a shard was
# incomplete (its Bail out! line is kept).
LC_ALL=C; export LC_ALL
top=$(cd "$(dirname "$0")/../.." && pwd)
lib=$top/tools/runner
say() { printf 'merge: %s\n' "$*" >&2; }
die() { r=$1; shift; say "$*"; exit "$r"; }
tap="" junit="" expected="" failon=corrupt,kill,hang quiet=0
while [ $# -gt 0 ]; do
	case $1 in
	--tap | --junit | --expected | --fail-on)
		[ $# -ge 2 ] || die 2 "option $1 needs a value"
		case $1 in
		--tap) tap=$2 ;; --junit) junit=$2 ;; --expected) expected=$2 ;; --fail-on) failon=$2 ;;
		esac
		shift 2 ;;
	--quiet) quiet=1; shift ;;
	-h | --help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	--) shift; break ;;
	-*) die 2 "unknown option '$1'" ;;
	*) break ;;
	esac
done
[ $# -ge 1 ] || die 2 "usage: merge.sh [--tap OUT] [--junit OUT] [--expected NAME|FILE] SHARD.tap..."
for f in "$@"; do [ -r "$f" ] || die 2 "cannot read $f"; done
S=$(mktemp -d "${TMPDIR:-/tmp}/isvmerge.XXXXXX") || die 2 "no temporary directory"
trap 'rm -rf "$S"' EXIT
mkdir -p "$S/rec"

# One pass over the shards: check they belong together, give every result
# its global number (decided + rec/N, as runner.sh keeps them), keep the
# header and the runner's counters. Writes S/info (one value a line).
awk -v dir="$S" '
	function fail(m) { print "merge: " m > "/dev/stderr"; bad = 1; exit 2 }
	FNR == 1 { file++; inbody = 0; j = 0; sh = ""; hdr = "" ; cur = "" }
	/^# isvsuite runner: / {
		r = $0; p = r; sub(/.* profile=/, "", p); sub(/ .*/, "", p)
		b = r; sub(/.* boots=/, "", b); sub(/ .*/, "", b); boots += b
		v = r; sub(/.* vms=/, "", v); sub(/ .*/, "", v); vms += v
		a = r; sub(/.* bootargs=/, "", a)
		if (file == 1) { prof = p; bargs = a } else if (p != prof || a != bargs)
			fail(FILENAME ": profile/bootargs (" p " " a ") differ from the first shard (" prof " " bargs ")")
		next }
	/^# shard [0-9]+\/[0-9]+ / {
		split($3, kn, "/"); k = kn[1]; n = kn[2]
		key = n " " $5 " " $7 " " $9 " " $11 " " $13
		if (file == 1) { skey = key; N = n; T = $5; F = $7; L = $9; C = $11; rom = $13 }
		else if (key != skey) fail(FILENAME ": shard line (" $0 ") does not match the first shard (N cases first last chunk rom: " skey ")")
		if (k in have) fail(FILENAME ": shard " k "/" n " given twice (also " have[k] ")")
		have[k] = FILENAME; kof[file] = k; next }
	!inbody && /^TAP version/ { next }
	!inbody && /^1\.\.[0-9]+/ { inbody = 1; if (hdr != "") { if (H == "") H = hdr; else if (hdr != H)
			fail(FILENAME ": the ROM header differs from another shard (different ROM or bootargs)") }
		next }
	!inbody { hdr = hdr $0 "\n"; next }
	/^(not )?ok [0-9]+ - / { j++; res[file, j] = $0; cnt[file] = j; cur = file SUBSEP j; body[cur] = $0 "\n"; next }
	/^# summary / || /^# grade: / || /^# boots: / || /^# isvsuite: done/ || /^# (regression|improvement) / { cur = ""; next }
	/^Bail out! / { incomplete = incomplete (incomplete ? "; " : "") FILENAME ": " $0; cur = ""; next }
	cur != "" { body[cur] = body[cur] $0 "\n" }
	END {
		if (bad) exit 2
		if (N == "") { print "merge: no `# shard K/N` line: not a runner.sh --shard TAP" > "/dev/stderr"; exit 2 }
		for (k = 1; k <= N; k++) if (!(k in have)) { print "merge: shard " k "/" N " missing" > "/dev/stderr"; exit 2 }
		if (file != N) { print "merge: " file " files for " N " shards" > "/dev/stderr"; exit 2 }
		# each shard holds, in order, the cases i of F..L with chunk(i) mod N + 1 == K
		for (f = 1; f <= file; f++) {
			k = kof[f]; m = 0
			for (i = F; i <= L; i++) if (int((i - F) / C) % N + 1 == k) {
				m++
				if (m > cnt[f]) break
				line = res[f, m]; s = line; sub(/^(not )?ok [0-9]+ - /, "", s); split(s, w, " ")
				inf = (body[f, m] ~ /\n  inferred: true\n/) ? " inferred" : ""
				print i, w[1], w[2] inf >> (dir "/decided")
				printf "%s", body[f, m] > (dir "/rec/" i); close(dir "/rec/" i)
			}
			if (cnt[f] > m) { print "merge: " have[k] ": " cnt[f] " results, the shard holds " m > "/dev/stderr"; exit 2 }
		}
		printf "%s", H > (dir "/header")
		sub(/^\x27/, "", bargs); sub(/\x27$/, "", bargs)
		printf "%s\n%s\n%d\n%d\n%s\n%s\n%s\n", prof, bargs, boots, vms, F, L, incomplete > (dir "/info")
	}' "$@" || exit 2
v() { sed -n "${1}p" "$S/info"; } # line N of S/info
profile=$(v 1) bootargs=$(v 2) boots=$(v 3) vms=$(v 4) first=$(v 5) last=$(v 6) incomplete=$(v 7)
ncases=$((last - first + 1))
awk -v a="$first" -v b="$last" -v dir="$S" -v failon="$failon" -f "$lib/merge.awk" "$S/decided" > "$S/body"
if [ -n "$expected" ]; then
	ef=$expected; [ -f "$ef" ] || ef=$top/expected/$expected
	[ -f "$ef" ] || die 2 "expected profile not found: $expected"
	awk -f "$lib/expected.awk" "$ef" "$S/final" > "$S/compare" || die 2 "bad expected profile $ef"
else : > "$S/compare"; fi
grade=$(awk '$1 == "grade" { print $2 }' "$S/counts")
[ -n "$incomplete" ] && grade=-
{
	echo "TAP version 13"
	echo "# isvsuite runner: profile=$profile boots=$boots vms=$vms bootargs='$bootargs'"
	cat "$S/header"
	echo "1..$ncases"
	cat "$S/body"
	awk '$1 == "counts" { $1 = "# summary"; print }' "$S/counts"
	sed 's/^/# /' "$S/compare"
	echo "# grade: $grade"
	echo "# boots: $boots"
	[ -n "$incomplete" ] && echo "Bail out! runner: run incomplete: $incomplete"
	echo "# isvsuite: done"
} > "$S/merged.tap"
if [ -n "$tap" ]; then cp "$S/merged.tap" "$tap"; else cat "$S/merged.tap"; fi
[ -n "$junit" ] && awk -v dir="$S" -v profile="$profile" -v failon="$failon" -v wall=0 \
	-v grade="$grade" -v boots="$boots" -f "$lib/junit.awk" "$S/final" > "$junit"
regress=$(grep -c '^regression ' "$S/compare")
failn=$(awk '$1 == "failon" { print $2 }' "$S/counts")
rc=0
if [ -n "$incomplete" ]; then rc=4
elif [ -n "$expected" ]; then [ "$regress" -gt 0 ] && rc=1
elif [ "$failn" -gt 0 ]; then rc=1; fi
if [ "$quiet" = 0 ]; then
	say "$profile: $ncases cases from $# shards, $boots boots"
	awk '$1 == "counts" { $1 = ""; print "merge:   outcomes" $0 }' "$S/counts" >&2
	sed 's/^/merge:   /' "$S/compare" >&2
	say "grade $grade; exit $rc"
fi
exit $rc
