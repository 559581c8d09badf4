# tools/runner/probe.sh - probe steps that kill or hang the VM (issue 13;
# sourced by runner.sh; uses its R_*/G_* variables and the state dir $S).
#
# The ROM prints `# probe TARGET STEP` before each ISV=1 probe step, before
# the plan (contracts §4). A boot that ends there (the VM died: kill; stopped
# printing: hang) is charged to that step: the runner records a finding with
# the outcome and the console's last lines, reboots with
# `noprobe=TARGET:STEP,...` and goes on. Every case the ROM then reports as
# `ok N - skip ID # SKIP probe disabled: TARGET STEP` gets that step's
# outcome, marked inferred and attributed (probe_rewrite).
#
# $S/probes: one line per step charged, "TARGET STEP OUTCOME BOOT".

probe_init() {
	: > "$S/probes"
	# A noprobe= of the user's own stays first in the list the runner extends.
	R_BASE0="" R_NOPROBE0=""
	for w in $R_BASE; do
		case $w in noprobe=*) R_NOPROBE0=${w#noprobe=} ;; *) R_BASE0="$R_BASE0${R_BASE0:+ }$w" ;; esac
	done
}

# probe_last_step LOG: "TARGET STEP" when the ROM's last line in a boot log is
# a probe step (VMM lines, "@@wire noise TEXT", and damage lines are not the
# ROM's), else nothing.
probe_last_step() {
	awk '{ gsub(/[^ -~]/, "") }
		/^(TAP version |# |ok |not ok |1\.\.|Bail out!)/ { last = $0 }
		END { if (last ~ /^# probe [^ ]+ [^ ]+/) { split(last, w, " "); print w[3], w[4] } }' "$1"
}

# probe_death: after a boot with no plan; 0 when a probe step is to blame
# (recorded, and noprobe= extended for the next boots), 1 otherwise.
probe_death() {
	[ "$G_END" = "done" ] && return 1
	# shellcheck disable=SC2046 # two words
	set -- $(probe_last_step "$R_LOG")
	[ $# = 2 ] || return 1
	awk -v t="$1" -v s="$2" '$1 == t && $2 == s { f = 1 } END { exit !f }' "$S/probes" && return 1
	p_out="kill"
	case $G_END in hang | timeout) p_out="hang" ;; esac
	echo "$1 $2 $p_out $R_BOOTS" >> "$S/probes"
	cp "$S/tail" "$S/probe-$1-$2.tail" 2>/dev/null || : > "$S/probe-$1-$2.tail"
	tail -n 2 "$R_ERR" 2>/dev/null | awk '{ gsub(/[^ -~]/, ""); if ($0 != "") print "    " substr($0, 1, 100) }' \
		> "$S/probe-$1-$2.err"
	p_list=$(awk '{ printf "%s%s:%s", (NR > 1 ? "," : ""), $1, $2 }' "$S/probes")
	R_BASE="$R_BASE0${R_BASE0:+ }noprobe=$R_NOPROBE0${R_NOPROBE0:+,}$p_list"
	vmm=$(probe_vmm_line "$1" "$2")
	say "boot $R_BOOTS: probe step $1 $2: $p_out (${G_WHY:-status $G_STATUS})${vmm:+; VMM: $vmm}; next boots: noprobe=$p_list"
	return 0
}

# probe_vmm_line TARGET STEP: what the hypervisor/VMM said last: its last
# console line that is not the ROM's, else its last stderr line.
probe_vmm_line() {
	for f in "$S/probe-$1-$2.tail" "$S/probe-$1-$2.err"; do
		l=$(grep -v -E '^ *(TAP version |# |ok |not ok |1\.\.|Bail out!)' "$f" 2>/dev/null | tail -n 1 | sed 's/^ *//')
		[ -n "$l" ] && { printf '%s\n' "$l"; return; }
	done
}

# probe_findings: the `# finding:` lines for the merged TAP (contracts §2).
probe_findings() {
	while read -r t s o b; do
		vmm=$(probe_vmm_line "$t" "$s")
		echo "# finding: probe $t $s: $o (boot $b)${vmm:+; VMM: $vmm}"
	done < "$S/probes"
}

# probe_rewrite: `skip ... # SKIP probe disabled: T S` for a step the runner
# disabled -> that step's outcome, inferred, with the probe boot's console.
probe_rewrite() {
	[ -s "$S/probes" ] || return 0
	awk -v dir="$S" '
		FILENAME ~ /probes$/ { o[$1 " " $2] = $3; b[$1 " " $2] = $4; next }
		$2 == "skip" {
			f = dir "/rec/" $1; getline l < f; close(f)
			if (match(l, /# SKIP probe disabled: [^ ]+ [^ ]+/)) {
				k = substr(l, RSTART + 23, RLENGTH - 23)
				if (k in o) { print $1, $3, k, o[k], b[k]; next }
			}
		}' "$S/probes" "$S/decided" > "$S/probe.rw"
	while read -r n id t s o b; do
		{
			echo "not ok $n - $o $id (probe $t $s)"
			echo "  ---"
			echo "  runner: $o"
			echo "  inferred: true"
			echo "  probe: '$t $s'"
			echo "  reason: 'the probe step $t $s this case needs: $o in boot $b (disabled after that)'"
			yaml_block console_tail "$S/probe-$t-$s.tail"
			yaml_block vmm_stderr "$S/probe-$t-$s.err"
			echo "  log: 'boot-$(pad "$b").log'"
			echo "  ..."
		} > "$S/rec/$n"
	done < "$S/probe.rw"
	awk 'FILENAME ~ /probe.rw$/ { rw[$1] = $5 " " $2; next }
		($1 in rw) { print $1, rw[$1], "inferred"; next } { print }' "$S/probe.rw" "$S/decided" > "$S/decided.new"
	mv "$S/decided.new" "$S/decided"
}
