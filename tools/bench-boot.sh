# tools/bench-boot.sh - sourced by tools/wire-bench.sh and tools/bench-forms.sh:
# their common setup (bench_env) and one direct boot through a profile's
# profile_boot, bounded and cleaned up.
#
# bench_boot PROFILE BOOTARGS RAW SECONDS: boots with the console in RAW,
# sets bench_wall (seconds) and bench_rc (124: killed after SECONDS). The
# boot runs under timeout(1) in its own process group, so a hung VMM and
# its children are killed with it (-k: SIGKILL 5 s after SIGTERM). The
# caller has exported ISV_ROM ISV_ELF ISV_BUILD ISV_ASSETS ISV_TOP
# ISV_RESULTS and run profile_prepare.

# bench_feed RAW: stdin of the boot. A VM host that speaks the session
# protocol (docs/contracts.md §4; profiles/kvm/agent.sh) prints
# "@@isvsuite vm-exit" when the guest exits and then waits for a command on
# its console: tell it to quit. Ends when RAW.end appears.
bench_feed() {
	while [ ! -e "$1.end" ]; do
		if grep -q '@@isvsuite vm-exit' "$1" 2>/dev/null; then
			echo '@@isvsuite quit'
			break
		fi
		sleep 0.5
	done
}

bench_boot() {
	rm -f "$3.end" "$3.rc" "$3.t1"
	: > "$3"
	bench_t0=$(date +%s.%N)
	bench_feed "$3" | {
		# shellcheck disable=SC2016 # expanded by the inner sh
		timeout -k 5 "$4" sh -c '. "$ISV_TOP/profiles/$1.sh"; profile_boot "$2"' sh "$1" "$2" > "$3" 2>&1
		echo $? > "$3.rc"
		date +%s.%N > "$3.t1"
		touch "$3.end"
	}
	# shellcheck disable=SC2034 # read by the caller
	bench_rc=$(cat "$3.rc")
	# shellcheck disable=SC2034 # read by the caller
	bench_wall=$(awk -v a="$bench_t0" -v b="$(cat "$3.t1")" 'BEGIN { printf "%.1f", b - a }')
	rm -f "$3.end" "$3.rc" "$3.t1"
}

# bench_env TOOL SUBDIR: what both benches need before their boots (the
# caller has set top and O): the host tool ($wire, or exit 2 naming TOOL),
# the output directory $out = $O/SUBDIR, and the profile environment.
# shellcheck disable=SC2154 # top and O are the sourcing script's
bench_env() {
	wire=$O/host/isvwire
	[ -x "$wire" ] || { echo "$1: $wire missing (run make)" >&2; exit 2; }
	out=$O/$2
	mkdir -p "$out"
	export ISV_ROM="$O/isvsuite.bin" ISV_ELF="$O/isvsuite.elf" ISV_BUILD="$O" ISV_ASSETS="$O/assets" ISV_TOP="$top"
}
