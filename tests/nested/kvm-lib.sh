# tests/nested/kvm-lib.sh - helpers for tests/nested/kvm*.t (POSIX sh,
# sourced from the repo top after tests/runner/lib.sh, whose ok/check/
# finish and TAP/JUnit checkers these reuse).
#
# Ground truth is decided per case id by pattern (TARGET/FAMILY/FORM/VARIANT,
# FORM = mnemonic-width-mode), so it stays true as families are added:
#   isv1  single general-purpose register, no writeback: ldst-imm -off and
#         -unscaled, ldst-reg -register (W/X), unpriv, acqrel
#   cm    cache maintenance by VA (DC CIVAC/CVAC/CVAU/IVAC) and PRFM: KVM
#         skips CM faults outside memslots, prefetches never fault
#   stx   store-exclusive: the cleared monitor fails it before any access
#   feat  feature-gated families this CPU lacks (mops, ls64): skip
#   isv0  everything else (writeback, pairs, SIMD&FP, structures, load
#         exclusives, atomics, DC ZVA)
# A load is a form whose mnemonic loads (ld*, cas*, swp*); a sign-extending
# load (ld*s[bhw]) comes back zero-extended from KVM 6.1 (expected/kvm-*).

# kvm_run NAME RUNNER-OPTIONS...: ./runner.sh under dash into $D/NAME.{tap,
# xml,err,rc} and $D/NAME/ (results); prints the wall time to $D/NAME.wall.
kvm_run() {
	f=$1; shift
	rm -rf "${D:?}/$f"
	t0=$(date +%s)
	dash ./runner.sh --results "$D/$f" --tap "$D/$f.tap" --junit "$D/$f.xml" "$@" 2>"$D/$f.err"
	echo $? > "$D/$f.rc"
	echo $(($(date +%s) - t0)) > "$D/$f.wall"
}
kvm_summary() { sed -n "s/^$2=//p" "$D/$1/summary"; } # NAME KEY
kvm_note() { # NAME: a TAP comment with the run's numbers
	echo "# $1: $(kvm_summary "$1" cases) cases, pass=$(kvm_summary "$1" pass) skip=$(kvm_summary "$1" skip)" \
		"abort=$(kvm_summary "$1" abort) kill=$(kvm_summary "$1" kill) corrupt=$(kvm_summary "$1" corrupt)" \
		"hang=$(kvm_summary "$1" hang), grade $(kvm_summary "$1" grade), $(kvm_summary "$1" boots) boots" \
		"in $(kvm_summary "$1" vms) L1 VM(s), $(cat "$D/$1.wall") s wall"
}

# kvm_results FILE: "OUTCOME ID SKIP-REASON" per result line of a merged TAP
kvm_results() {
	grep -E '^(not )?ok [0-9]+ - ' "$1" | sed 's/^not //' |
		awk '{ r = ""; if (index($0, "# SKIP ")) { r = substr($0, index($0, "# SKIP ") + 7) }; print $4, $5, r }'
}

# kvm_truth FILE ISV0: check every result of FILE against the ground truth,
# ISV0 being what an ISV=0 case must give (abort, kill, corrupt-loads: loads
# corrupt and stores corrupt unless invisible on the write-ignored hole).
# Prints one line per violation (class counts go to FILE.counts); fails on a violation or
# when a class the matrix has is missing from the run (a vacuous check).
kvm_truth() {
	kvm_results "$1" | awk -v isv0="$2" -v counts="$1.counts" '
	function cls(fam, form) {
		if (fam == "ldst-imm" && form ~ /-[wx]-(off|unscaled)$/) return "isv1"
		if (fam == "ldst-reg" && form ~ /-[wx]-register$/) return "isv1"
		if (fam == "unpriv" && form ~ /-[wx]-/) return "isv1"
		if (fam == "acqrel") return "isv1"
		if (fam == "cache" && form ~ /^(dc-c|dc-ivac|prf)/) return "cm"
		if (fam == "excl" && form ~ /^st/) return "stx"
		if (fam == "mops" || fam == "ls64") return "feat"
		return "isv0"
	}
	function bad(why) { print "  " $2 ": " $1 ", " why; nbad++ }
	{
		split($2, p, "/"); t = p[1]; fam = p[2]; form = p[3]; mn = form; sub(/-.*/, "", mn)
		c = cls(fam, form); n[t, c]++
		load = (mn ~ /^(ld|cas|swp)/); sext = (mn ~ /^ld.*s[bhw]$/)
		reason = $3; for (i = 4; i <= NF; i++) reason = reason " " $i
		probe = ($1 == "skip" && t == "gicd" && reason ~ /^(probe|window|architecture)/)
		# the ROM skips what this CPU lacks (ID registers) and non-fault loads
		if ($1 == "skip" && reason ~ /(not implemented|^non-fault load)/) { nrom++; next }
		if (c == "feat") { if ($1 != "skip") bad("want skip (feature absent)"); next }
		if (probe) { nprobe++; next }
		if (c == "isv1") {
			if ($1 == "pass") next
			if ($1 == "corrupt" && t == "gicd" && sext && load) { nsext++; next }
			bad("want pass (ISV=1)"); next
		}
		if (c == "cm" || c == "stx") { if ($1 != "pass") bad("want pass (no access / CM skipped)"); next }
		if (isv0 == "corrupt-loads") {
			hidden = (t == "hole" && !load && form ~ /^(st.*-(off|unscaled|register)|dc-zva)$/)
			if ($1 == (hidden ? "pass" : "corrupt")) { if (load) nload++; next }
			bad("want " (hidden ? "pass (store lost on a write-ignored hole)" : "corrupt") " (ISV=0, PC stepped)")
		} else if ($1 != isv0) bad("want " isv0 " (ISV=0)")
	}
	END {
		s = ""; for (k in n) { split(k, q, SUBSEP); s = s " " q[1] "/" q[2] "=" n[k] }
		printf "%s probe-skips=%d rom-skips=%d sign-extension-corrupt=%d isv0-load-corrupt=%d\n", s, nprobe, nrom, nsext, nload > counts
		if (!n["hole", "isv0"] || !n["gicd", "isv0"] || !n["hole", "isv1"] || !n["gicd", "isv1"]) {
			print "  vacuous: a target lacks ISV=0 or ISV=1 cases"; nbad++ }
		exit nbad > 0
	}'
}

# kvm_sext_only FILE: every corrupt case is a gicd ISV=1 sign-extending load
# whose YAML shows the expected value sign-extended and got zero-extended
# (KVM 6.1's kvm_handle_mmio_return(); nothing else may be corrupt).
kvm_sext_only() {
	awk '
	/^(not )?ok [0-9]+ - / { id = ""; if ($0 ~ /^not ok [0-9]+ - corrupt /) { id = $6; n++ } next }
	id != "" && /item: x[0-9]+, expected: 0xf[0-9a-f]*, got: 0x[0-9a-f]+}/ {
		e = $0; sub(/.* expected: 0x/, "", e); sub(/,.*/, "", e)
		g = $0; sub(/.* got: 0x/, "", g); sub(/}.*/, "", g)
		k = length(e) - length(g) # e = f..f followed by g: the sign bits lost
		if (k > 0 && substr(e, k + 1) == g && substr(e, 1, k) ~ /^f+$/) ok[id] = 1
	}
	END {
		for (i in ok) good++
		if (n != good) { print "  " n " corrupt cases, " good + 0 " of them zero-extended sign-extending loads"; exit 1 }
	}' "$1" || return 1
	kvm_results "$1" | awk '$1 == "corrupt" { split($2, p, "/"); m = p[3]; sub(/-.*/, "", m)
		if (p[1] != "gicd" || m !~ /^ld.*s[bhw]$/) { print "  " $2 ": corrupt, not a sign-extending gicd load"; b = 1 } }
		END { exit b }'
}

# kvm_no_noise NAME: every console line of the run is the ROM's, the agent's
# or the session marker (no kernel message, no QEMU warning interleaved)
kvm_no_noise() {
	cat "$D/$1"/vmm-*.raw | tr -d '\r' | grep -v -E \
		'^(\{[0-9a-f]{8}|TAP version 13|# |ok [0-9]|not ok [0-9]|  |1\.\.[0-9]|@@isvsuite vm-exit |agent: vmm: minivmm: |$)' |
		head -n 5 | sed 's/^/  foreign line: /' | grep . && return 1
	return 0
}

# kvm_groups FILE: number of TARGET/FAMILY/FORM groups among the results
kvm_groups() { kvm_results "$1" | awk '{ split($2, p, "/"); g[p[1] "/" p[2] "/" p[3]] = 1 } END { for (k in g) n++; print n + 0 }'; }
