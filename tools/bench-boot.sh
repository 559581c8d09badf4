# tools/bench-boot.sh - sourced by tools/wire-bench.sh and tools/bench-forms.sh:
# one direct boot through a profile's profile_boot, bounded and cleaned up.
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
