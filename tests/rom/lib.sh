# Shared helpers for the ROM tests (POSIX sh, sourced). Each .t file prints
# TAP for prove.
: "${ISV_ROM:?}" "${ISV_TEST_DIR:?}"
n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }
check() { # check DESCRIPTION COMMAND...
	d=$1; shift
	if "$@"; then ok "$d"; else notok "$d"; fi
}
finish() { echo "1..$n"; [ "$fails" = 0 ]; }

# qemu_rom OUT BOOTARGS [QEMU ARGS...]: boot the ROM under TCG, console to OUT
qemu_rom() {
	out=$1 args=$2; shift 2
	timeout 120 qemu-system-aarch64 -M virt,gic-version=3 -cpu max -m 512 -nographic \
		-monitor none -no-reboot -nic none -kernel "$ISV_ROM" -append "$args" "$@" </dev/null 2>&1 |
		tr -d '\r' > "$out"
}

# The stream's own consistency: TAP 13 header, one plan matching the results,
# numbered 1..N in order, the done marker last.
tap_consistent() {
	awk '
	NR == 1 && $0 != "TAP version 13" { bad = "no TAP 13 header" }
	/^1\.\.[0-9]+$/ { plans++; plan = substr($0, 4) + 0 }
	/^(not )?ok [0-9]+ / { k = ($1 == "not") ? $3 : $2; if (k != ++seen) bad = "test " k " out of order" }
	{ last = $0 }
	END {
		if (!bad && plans != 1) bad = "plans: " plans
		if (!bad && plan != seen) bad = "plan " plan " but " seen " results"
		if (!bad && last != "# isvsuite: done") bad = "no done marker"
		if (bad) { print "tap_consistent: " bad > "/dev/stderr"; exit 1 }
	}' "$1"
}
