#!/bin/sh
# tests/runner/wire.t - the two console wires give the same merged TAP (issue
# 14): --wire compact (bootarg wire=compact) and --wire readable (wire=frame),
# case for case and diagnostic for diagnostic, under qemu-tcg (quick and
# full) and refhyp (quick); one boot each (no list boot); and the compact
# wire costs the console fewer bytes (xen quick too when its profile runs here).
. tests/runner/lib.sh
if [ ! -f "${ISV_ROM:-}" ] || ! command -v qemu-system-aarch64 >/dev/null 2>&1; then
	echo "1..0 # SKIP no ROM (ISV_ROM) or no qemu-system-aarch64"; exit 0
fi
body() { grep -v '^# isvsuite runner: ' "$1"; }
raw() { cat "$1"/vmm-*.raw | wc -c; }
same() { # PROFILE MATRIX FACTOR: compact at least FACTOR times fewer console bytes
	for w in compact readable; do
		rm -rf "$D/w.$1.$2.$w"
		dash ./runner.sh --rom "$ISV_ROM" --profile "$1" --bootargs "matrix=$2" --wire $w \
			--results "$D/w.$1.$2.$w" --tap "$D/w.$1.$2.$w.tap" 2>"$D/w.$1.$2.$w.err"
		echo $? > "$D/w.$1.$2.$w.rc"
	done
	check "$1 $2: compact and readable ran (exit 0 or 1)" sh -c "[ \$(cat '$D/w.$1.$2.compact.rc') -le 1 ] && [ \$(cat '$D/w.$1.$2.readable.rc') = \$(cat '$D/w.$1.$2.compact.rc') ]"
	check "$1 $2: merged TAP identical over both wires" sh -c "body() { grep -v '^# isvsuite runner: ' \"\$1\"; }
		body '$D/w.$1.$2.compact.tap' > '$D/a'; body '$D/w.$1.$2.readable.tap' | diff '$D/a' -"
	check "$1 $2: one boot each" sh -c "grep -qx boots=1 '$D/w.$1.$2.compact/summary' && grep -qx boots=1 '$D/w.$1.$2.readable/summary'"
	check "$1 $2: no console problem on a clean console" sh -c "grep -qx console_damaged=0 '$D/w.$1.$2.compact/summary' && grep -qx console_conflicts=0 '$D/w.$1.$2.readable/summary'"
	c=$(raw "$D/w.$1.$2.compact") r=$(raw "$D/w.$1.$2.readable")
	echo "# $1 $2: console bytes compact $c, readable $r"
	check "$1 $2: compact is at least $3 times smaller" sh -c "[ $((c * $3)) -lt $r ]"
}
same qemu-tcg quick 5
same qemu-tcg full 10
if [ -f "${ISV_BUILD:-build}/refhyp.bin" ]; then same refhyp quick 2
else echo "# SKIP refhyp: not built"; fi
# Xen 4.17 nested under TCG (~5 s quick), when this host has its assets (its
# own boot messages and the unclean refusals' literal blocks: not 2x smaller)
if dash ./runner.sh --profile xen --check 2>/dev/null && [ -s "${ISV_BUILD:-build}/assets/xen/xen" ]; then same xen quick 1
else echo "# SKIP xen: profile unavailable here"; fi
finish
