# tools/shard/shard.sh - runner.sh --shard K/N (sourced by runner.sh).
#
# A shard is a deterministic 1/N slice of the selected cases (after start=/
# count=): the range is cut into N*SHARD_CHUNKS chunks of equal size, dealt
# round-robin to the shards (chunk c -> shard c mod N + 1). Families are
# contiguous in the matrix, so every shard gets a slice of every family and
# the expected cost (console output, traps per family) balances; a chunk is
# one contiguous run, so a shard costs about SHARD_CHUNKS boots, not one per
# case. The shard's TAP is a complete TAP stream of its own (plan 1..k) with a
# header line "# shard K/N cases T first F last L chunk C rom CKSUM" from
# which tools/shard/merge.sh finds each case's place in the whole run.
# Each shard resumes after kills and hangs on its own like any run.
SHARD_CHUNKS=${ISV_SHARD_CHUNKS:-4}

# shard_parse K/N: sets SH_K SH_N or dies (usage error)
shard_parse() {
	SH_K=${1%/*} SH_N=${1#*/}
	if ! is_num "$SH_K" || ! is_num "$SH_N" || [ "$SH_K" -lt 1 ] || [ "$SH_K" -gt "$SH_N" ]; then
		die 2 "--shard: K/N with 1 <= K <= N, got '$1'"
	fi
}

# shard_chunk T N: the chunk size for T cases over N shards
shard_chunk() { echo $((($1 + $2 * SHARD_CHUNKS - 1) / ($2 * SHARD_CHUNKS))); }

# shard_select: after the list boot, mark every case of R_FIRST..R_LAST that
# belongs to another shard as decided ("N shard-out ID"), so the case loop
# runs only this shard's chunks.
shard_select() {
	SH_T=$((R_LAST - R_FIRST + 1)); [ "$SH_T" -lt 0 ] && SH_T=0
	SH_C=$(shard_chunk "$SH_T" "$SH_N"); [ "$SH_C" -ge 1 ] || SH_C=1
	awk -v a="$R_FIRST" -v b="$R_LAST" -v c="$SH_C" -v k="$SH_K" -v n="$SH_N" '
		{ id[$1] = $2 }
		END { for (i = a; i <= b; i++) if (int((i - a) / c) % n + 1 != k)
			print i, "shard-out", (i in id) ? id[i] : "case-" i }' "$S/ids" >> "$S/decided"
}

# shard_finish: before the report, number this shard's cases 1..k (records
# and decided lines), drop the others, and add the shard line to the header.
shard_finish() {
	mkdir -p "$S/rec.shard"
	awk '$2 != "shard-out"' "$S/decided" | sort -n -k 1,1 | awk '!seen[$1]++' > "$S/decided.shard"
	: > "$S/decided"
	j=0
	while read -r n rest; do
		j=$((j + 1))
		[ -f "$S/rec/$n" ] && mv "$S/rec/$n" "$S/rec.shard/$j"
		echo "$j $rest" >> "$S/decided"
	done < "$S/decided.shard"
	rm -rf "$S/rec"; mv "$S/rec.shard" "$S/rec"
	printf '# shard %s/%s cases %s first %s last %s chunk %s rom %s\n' "$SH_K" "$SH_N" "$SH_T" \
		"$R_FIRST" "$R_LAST" "$SH_C" "$(cksum < "$ISV_ROM" | awk '{ print $1 "-" $2 }')" >> "$S/romheader"
	R_FIRST=1 R_LAST=$j
}
