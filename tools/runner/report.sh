# tools/runner/report.sh - runner outcomes and the final report (sourced by
# runner.sh; uses its R_* and G_* variables and the state dir $S).

id_of() { awk -v n="$1" '$1 == n { print $2; f = 1 } END { if (!f) print "case-" n }' "$S/ids"; }
yaml_q() { printf "'%s'" "$(printf '%s' "$1" | tr -cd ' -~' | sed "s/'/''/g")"; }
yaml_block() { # KEY FILE: KEY with FILE's lines as a YAML literal block (or '')
	# (a literal block: the one form both TAP::Parser's YAMLish and real YAML
	# read for arbitrary console text, colons and quotes included)
	if [ -s "$2" ]; then echo "  $1: |"; cat "$2"; else echo "  $1: ''"; fi
}

# record_blame N: case N was running when the VM died (kill) or stalled (hang)
record_blame() {
	n=$1 id=$(id_of "$1") out=kill
	[ "$G_END" = hang ] && out=hang
	tail -n 4 "$R_ERR" 2>/dev/null | awk '{ gsub(/[^ -~]/, ""); sub(/^[ \t]+/, ""); if ($0 != "") print "    " substr($0, 1, 100) }' > "$S/errtail"
	{
		echo "not ok $n - $out $id"
		echo "  ---"
		echo "  runner: $out"
		echo "  boot: $R_BOOTS"
		if [ "$out" = hang ] || [ "$G_END" = bail ]; then echo "  reason: $(yaml_q "$G_WHY")"
		elif [ "$G_END" = vmexit ]; then echo "  reason: 'guest VMM exited (session vm-exit)'"
		else echo "  reason: 'VMM exited during the case'"; fi
		echo "  vmm_status: $(yaml_q "$G_STATUS")"
		yaml_block console_tail "$S/tail"
		yaml_block vmm_stderr "$S/errtail"
		echo "  log: 'boot-$(pad "$R_BOOTS").log'"
		echo "  ..."
	} > "$S/rec/$n"
	echo "$n $out $id" >> "$S/decided"
	say "boot $R_BOOTS: $out at case $n $id (${G_WHY:-status $G_STATUS})"
	[ "$out" = kill ] && [ "$R_ONKILL" = group ] && infer_group "$n" "$id"
	[ "$out" = hang ] && [ "$R_ONHANG" = group ] && infer_group "$n" "$id" hang
}

# infer_group N ID [OUTCOME]: --on-kill=group (--on-hang=group), the rest of
# ID's group is recorded as kill (hang)
infer_group() {
	grp=${2%/*} io=${3:-kill}
	for m in $(awk -v n="$1" -v b="$R_LAST" -v g="$grp/" '
		FILENAME ~ /decided$/ { d[$1] = 1; next }
		$1 > n && $1 <= b && !($1 in d) && index($2, g) == 1 { print $1 }' "$S/decided" "$S/ids"); do
		mid=$(id_of "$m")
		{
			echo "not ok $m - $io $mid (inferred from case $1)"
			echo "  ---"
			echo "  runner: $io"
			echo "  inferred: true"
			echo "  reason: $(yaml_q "not run: --on-$io=group after case $1 $2 (${io})")"
			echo "  ..."
		} > "$S/rec/$m"
		echo "$m $io $mid inferred" >> "$S/decided"
	done
}

# record_tries X E [C]: cases X..E-1 should have reported in this run. A case
# without a result gets a try; after 2 it is recorded as hang. When the run's
# console was damaged (C: the case the first damage or conflict was charged
# to), only C gets a try, a damaged one, and gives up after 5 such runs; the
# cases after C were lost with it and are simply run again.
R_TRIES_PLAIN=2 R_TRIES_DAMAGED=5
record_tries() {
	awk -v a="$1" -v e="$2" -v c="${3:-0}" '
		FILENAME ~ /decided$/ { d[$1] = 1; next }
		FILENAME ~ /tries$/ { t[$1, $2]++; next }
		END { for (i = a; i < e; i++) if (!(i in d)) {
			if (c && i == c) print i, "d", t[i, "d"] + 1
			else if (!c || i < c) print i, "p", t[i, "p"] + 1 } }' "$S/decided" "$S/tries" > "$S/tries.new"
	awk '{ print $1, $2 }' "$S/tries.new" >> "$S/tries"
	awk -v p="$R_TRIES_PLAIN" -v d="$R_TRIES_DAMAGED" '($2 == "p" && $3 >= p) || ($2 == "d" && $3 >= d) { print $1, $2, $3 }' \
		"$S/tries.new" > "$S/tries.out"
	while read -r m k c; do
		mid=$(id_of "$m")
		if [ "$k" = d ]; then why="the console was damaged at this case in $c runs (@@wire/@@runner lines in the boot logs)"
		else why="no readable result line in $c runs that went past this case"; fi
		{
			echo "not ok $m - hang $mid"
			echo "  ---"
			echo "  runner: hang"
			echo "  reason: '$why'"
			echo "  log: 'boot-$(pad "$R_BOOTS").log'"
			echo "  ..."
		} > "$S/rec/$m"
		echo "$m hang $mid" >> "$S/decided"
		say "case $m $mid: $why, recorded as hang"
	done < "$S/tries.out"
}

report_bailout() { # REASON: the configuration was refused (ROM, host tool, VMM), exit 2 follows
	printf 'TAP version 13\n%s\n' "$1" > "$R_RESULTS/merged.tap"
	if [ -n "$R_TAP" ]; then cp "$R_RESULTS/merged.tap" "$R_TAP"; else cat "$R_RESULTS/merged.tap"; fi
	inst_stop 2>/dev/null
	say "stopped before any case: $1"
}

report_final() {
	wall=$(($(date +%s) - R_T0))
	ncases=$((R_LAST - R_FIRST + 1)); [ $ncases -lt 0 ] && ncases=0
	: > "$S/final"
	awk -v a="$R_FIRST" -v b="$R_LAST" -v dir="$S" -v failon="$R_FAILON" \
		-f "$R_LIB/merge.awk" "$S/decided" > "$S/body"
	if [ -n "$R_EXPECTED" ]; then
		ef=$R_EXPFILE
		awk -f "$R_LIB/expected.awk" "$ef" "$S/final" > "$S/compare" || die 2 "bad expected profile $ef"
	else : > "$S/compare"; fi
	grade=$(awk '$1 == "grade" { print $2 }' "$S/counts")
	{ awk '!s[$0]++' "$S/romfind" 2>/dev/null; probe_findings; } > "$S/findings"
	nfind=$(grep -c . "$S/findings")
	# Console problems (stream.awk): damaged frames, conflicting result lines,
	# VMM lines that looked like results; none was kept as a result
	awk '{ n[$2]++ } END { printf "%d %d %d\n", n["wire"], n["conflict"], n["unframed"] }' "$S/damage" > "$S/damage.n"
	read -r d_wire d_conf d_unfr < "$S/damage.n"
	awk '{ b = $1; k = $2; $1 = $2 = ""; sub(/^ +/, ""); print "# console: boot " b " " k ": " substr($0, 1, 140) }' \
		"$S/damage" | head -n 20 > "$S/damage.tap"
	d_all=$((d_wire + d_conf + d_unfr))
	[ "$d_all" -gt 20 ] && echo "# console: $((d_all - 20)) more (boot logs)" >> "$S/damage.tap"
	[ "$grade" = A ] && [ "$nfind" -gt 0 ] && grade=B   # a finding never grades A (contracts §2)
	# A pass that could not be verified (stored bytes or loaded data on a
	# target that ignores writes: "# unchecked:") never grades A either: the
	# data bugs of a hypervisor behind such a target cannot show there.
	nunchk=$(grep -c '^ok [0-9]* - pass .* # unchecked: ' "$S/body")
	[ "$grade" = A ] && [ "$nunchk" -gt 0 ] && grade=B
	[ -n "$R_INCOMPLETE" ] && grade=-
	{
		echo "TAP version 13"
		echo "# isvsuite runner: profile=$R_PROFILE boots=$R_BOOTS vms=$R_INST bootargs='$R_BOOTARGS'"
		grep -v -e '^# bootargs:' -e '^# finding:' "$S/romheader" 2>/dev/null
		cat "$S/findings"
		[ "$d_all" -gt 0 ] && echo "# console: $d_wire damaged, $d_conf conflicting, $d_unfr VMM lines looking like results; none kept"
		cat "$S/damage.tap"
		echo "1..$ncases"
		cat "$S/body"
		awk '$1 == "counts" { $1 = "# summary"; print }' "$S/counts"
		[ "$nunchk" -gt 0 ] && echo "# unchecked: $nunchk passing case(s) could not be verified (a target that ignores writes): never grade A"
		sed 's/^/# /' "$S/compare"
		echo "# grade: $grade"
		echo "# boots: $R_BOOTS"
		[ -n "$R_INCOMPLETE" ] && echo "Bail out! runner: run incomplete: $R_INCOMPLETE"
		echo "# isvsuite: done"
	} > "$R_RESULTS/merged.tap"
	if [ -n "$R_TAP" ]; then cp "$R_RESULTS/merged.tap" "$R_TAP"; else cat "$R_RESULTS/merged.tap"; fi
	[ -n "$R_JUNIT" ] && awk -v dir="$S" -v profile="$R_PROFILE" -v failon="$R_FAILON" \
		-v wall="$wall" -v grade="$grade" -v boots="$R_BOOTS" \
		-f "$R_LIB/junit.awk" "$S/final" > "$R_JUNIT"

	regress=$(grep -c '^regression ' "$S/compare")
	failn=$(awk '$1 == "failon" { print $2 }' "$S/counts")
	rc=0
	if [ -n "$R_INCOMPLETE" ]; then rc=4
	elif [ -n "$R_EXPECTED" ]; then [ "$regress" -gt 0 ] && rc=1
	elif [ "$failn" -gt 0 ]; then rc=1; fi
	{
		echo "profile=$R_PROFILE"
		awk '$1 == "counts" { for (i = 2; i <= NF; i++) print $i }' "$S/counts"
		echo "cases=$ncases"
		echo "grade=$grade"
		echo "boots=$R_BOOTS"
		echo "findings=$nfind"
		echo "unchecked=$nunchk"
		echo "console_damaged=$d_wire"
		echo "console_conflicts=$d_conf"
		echo "console_unframed=$d_unfr"
		echo "wire=$R_WIRE"
		echo "vms=$R_INST"
		echo "wall=$wall"
		echo "regressions=$regress"
		echo "exit=$rc"
	} > "$R_RESULTS/summary"
	if [ "$R_QUIET" = 0 ]; then
		say "$R_PROFILE: $ncases cases, $R_BOOTS boots ($R_INST VMs), ${wall}s"
		awk '$1 == "counts" { $1 = ""; print "runner:   outcomes" $0 }' "$S/counts" >&2
		awk '$1 == "family" { f = $2; $1 = $2 = ""; printf "runner:   %-14s%s\n", f, $0 }' "$S/counts" | sort >&2
		# Regressions in full; improvements as a count and the first few
		# (all of them are in the merged TAP as comments).
		awk '$1 == "improvement" { n++; if (n <= 5) print; next } { print }
			END { if (n > 5) print "improvement: " n - 5 " more (listed in the merged TAP)" }' \
			"$S/compare" | sed 's/^/runner:   /' >&2
		sed 's/^# /runner:   /' "$S/findings" >&2
		[ "$d_all" -gt 0 ] && say "  console: $d_wire damaged, $d_conf conflicting, $d_unfr VMM lines looking like results; none kept (first ones:)" &&
			head -n 5 "$S/damage.tap" | sed 's/^# console: /runner:     /' >&2
		[ -n "$R_INCOMPLETE" ] && say "RUN INCOMPLETE: $R_INCOMPLETE"
		say "grade $grade; logs in $R_RESULTS; exit $rc"
	fi
	exit $rc
}
