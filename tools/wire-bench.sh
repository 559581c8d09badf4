#!/bin/sh
# tools/wire-bench.sh - the console wire's benchmark (issue 14), not a test.
#
#   tools/wire-bench.sh [-m quick|full] [-w 'tap compact' (or none: no wire= word)] [-t SECONDS] PROFILE...
#
# Boots the ROM directly through each profile's profile_boot (no runner, no
# list boot) once per wire, and prints per boot: wall seconds, console bytes
# the ROM sent, and bytes per case for each outcome (isvwire decode --stats;
# a VMM's own prefixes and messages are not counted). Checks that the
# compact boot decodes to the same TAP as the readable one. Results and raw
# consoles go to $O/bench-wire/ (O defaults to build). Each boot is killed
# after -t SECONDS (default 1500; the row then says TIMEOUT). A profile whose
# VM host waits for the session protocol (kvm: "@@isvsuite vm-exit", then a
# command on its console) is told "@@isvsuite quit" once the guest exits:
# without it the L1 agent waits for ever (a silent 45-minute "hang").
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
O=${O:-build}
case $O in /*) ;; *) O=$top/$O ;; esac
matrix=quick wires="tap compact" limit=1500
while [ $# -gt 0 ]; do
	case $1 in
	-m) matrix=$2; shift 2 ;;
	-w) wires=$2; shift 2 ;;
	-t) limit=$2; shift 2 ;;
	-h | --help) sed -n '2,15p' "$0"; exit 0 ;;
	*) break ;;
	esac
done
[ $# -gt 0 ] || set -- qemu-tcg
# shellcheck source=tools/bench-boot.sh
. "$top/tools/bench-boot.sh"
bench_env wire-bench bench-wire

# readable LINES from a wire=tap console: the VMM's prefix and own lines removed
readable_lines() {
	if grep -q "^(XEN) DOM1: " "$1"; then
		tr -d '\r' < "$1" | sed -n 's/^(XEN) DOM1: //p'
	else
		tr -d '\r' < "$1" | sed -n '/^TAP version 13$/,$p'
	fi
}

printf '%-9s %-6s %-8s %7s %9s %6s %6s %6s %6s %6s\n' profile matrix wire wall_s bytes B/pass B/skip B/abort B/corr B/case
for prof in "$@"; do
	(
		export ISV_RESULTS="$out/$prof"
		mkdir -p "$ISV_RESULTS"
		# shellcheck disable=SC1090 # the profile is chosen at run time
		. "$top/profiles/$prof.sh"
		(profile_check) || exit 0
		if command -v profile_prepare >/dev/null 2>&1; then profile_prepare || exit 1; fi
		for w in $wires; do
			raw=$out/$prof-$matrix-$w.raw
			# wire "none": no wire= word (a ROM from before the wire, for baselines)
			if [ "$w" = none ]; then a="matrix=$matrix"; else a="matrix=$matrix wire=$w"; fi
			bench_boot "$prof" "$a" "$raw" "$limit"
			if [ "$w" = tap ] || [ "$w" = none ]; then
				readable_lines "$raw" | "$wire" decode --readable --stats "$raw.stats" > "$raw.tap"
			else
				"$wire" decode --stats "$raw.stats" < "$raw" > "$raw.tap"
			fi
			[ "$bench_rc" = 124 ] && bench_wall="TIMEOUT"
			awk -v p="$prof" -v m="$matrix" -v w="$w" -v t="$bench_wall" '
				{ b[$1] = $4; tot[$1] = $3 }
				END { printf "%-9s %-6s %-8s %7s %9d %6s %6s %6s %6s %6s\n", p, m, w, t, tot["all"],
					b["pass"] ? b["pass"] : "-", b["skip"] ? b["skip"] : "-", b["abort"] ? b["abort"] : "-",
					b["corrupt"] ? b["corrupt"] : "-", b["all"] }' "$raw.stats"
		done
		tap=$out/$prof-$matrix-tap.raw.tap cmp=$out/$prof-$matrix-compact.raw.tap
		if [ -f "$tap" ] && [ -f "$cmp" ]; then
			if diff "$tap" "$cmp" | grep -v '^[<>] # bootargs: ' | grep -q '^[<>]'; then
				echo "# $prof $matrix: compact differs from readable (diff $tap $cmp)"
			else
				echo "# $prof $matrix: compact decodes to the readable TAP"
			fi
		fi
	)
done
