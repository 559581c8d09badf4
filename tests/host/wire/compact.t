#!/bin/sh
# The compact wire expands to exactly the readable TAP: the ROM booted twice
# (wire=tap, then wire=compact; also wire=frame on the quick matrix), the
# framed consoles decoded by isvwire, compared line for line except the
# '# bootargs:' echo (it names the wire). Under QEMU TCG and under refhyp,
# quick and full matrix. Also: isvwire ids prints the ROM's '# cases' line.
: "${ISV_ROM:?}" "${ISV_REFHYP:?}" "${ISVWIRE:?}" "${ISV_TEST_DIR:?}"
mkdir -p "$ISV_TEST_DIR"
n=0 fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }
REFHYP_ROM_ADDR=0x44000000

boot() { # boot PROFILE BOOTARGS OUT
	case $1 in
	qemu-tcg)
		timeout 300 qemu-system-aarch64 -M virt,gic-version=3 -cpu max -m 512 -nographic \
			-monitor none -no-reboot -nic none -kernel "$ISV_ROM" -append "$2" </dev/null >"$3" 2>&1 ;;
	refhyp)
		timeout 300 qemu-system-aarch64 -M virt,gic-version=3,virtualization=on -cpu max -m 512 -smp 1 \
			-nographic -monitor none -no-reboot -nic none -kernel "$ISV_REFHYP" \
			-device "loader,file=$ISV_ROM,addr=$REFHYP_ROM_ADDR,force-raw=on" \
			-append "$2 refhyp.rom=$REFHYP_ROM_ADDR" </dev/null >"$3" 2>&1 ;;
	esac
}

# readable lines of a wire=tap console (refhyp's own lines are not the ROM's:
# the ROM's stream starts at its TAP header)
readable() { tr -d '\r' < "$1" | sed -n '/^TAP version 13$/,$p' | grep -v '^# bootargs: '; }
decoded() { "$ISVWIRE" decode < "$1" | grep -v '^# bootargs: '; }

for prof in qemu-tcg refhyp; do
	for m in quick full; do
		d=$ISV_TEST_DIR/$prof-$m
		boot $prof "matrix=$m" "$d.tap.raw"
		boot $prof "matrix=$m wire=compact" "$d.compact.raw"
		readable "$d.tap.raw" > "$d.tap"
		decoded "$d.compact.raw" > "$d.compact"
		cases=$(grep -c '^\(not \)\{0,1\}ok ' "$d.tap")
		if [ "$cases" -gt 0 ] && grep -q '^# isvsuite: done$' "$d.tap" && cmp -s "$d.tap" "$d.compact"; then
			ok "$prof $m: compact wire expands to the readable TAP ($cases cases, $(wc -c < "$d.compact.raw") vs $(wc -c < "$d.tap.raw") console bytes)"
		else
			notok "$prof $m: compact wire differs from the readable TAP"
			diff "$d.tap" "$d.compact" | head -n 10 | sed 's/^/# /'
		fi
		if [ $m = quick ]; then
			boot $prof "matrix=$m wire=frame" "$d.frame.raw"
			decoded "$d.frame.raw" > "$d.frame"
			if cmp -s "$d.tap" "$d.frame" && ! grep -q '^@@wire' "$d.frame"; then
				ok "$prof $m: frame wire decodes to the readable TAP"
			else
				notok "$prof $m: frame wire differs from the readable TAP"
				diff "$d.tap" "$d.frame" | head -n 10 | sed 's/^/# /'
			fi
		fi
		targets=$(sed -n 's/^# cases .* targets //p' "$d.tap")
		rom=$(grep '^# cases ' "$d.tap")
		host=$("$ISVWIRE" ids "matrix=$m" "targets=$targets" | head -n 1)
		if [ -n "$rom" ] && [ "$rom" = "$host" ]; then
			ok "$prof $m: isvwire ids matches the ROM ($rom)"
		else
			notok "$prof $m: isvwire ids '$host' but the ROM says '$rom'"
		fi
	done
done
# ids with only=: the same glob semantics as the ROM (fnmatch)
d=$ISV_TEST_DIR/only
boot qemu-tcg "only=gicd/ldst-imm/*-post/* list" "$d.raw"
tr -d '\r' < "$d.raw" | sed -n 's/^# id //p' > "$d.rom"
"$ISVWIRE" ids "only=gicd/ldst-imm/*-post/*" | sed 1d > "$d.host"
if [ -s "$d.rom" ] && cmp -s "$d.rom" "$d.host"; then
	ok "only= glob: isvwire ids lists the ROM's $(wc -l < "$d.rom") ids"
else
	notok "only= glob: isvwire ids differs from the ROM's list"
fi
echo "1..$n"
[ "$fails" = 0 ]
