#!/bin/sh
# Guests entered without a DTB in x0 (Bao, Jailhouse, in-house hypervisors
# enter with every register zero): the ROM uses a DTB appended to its image
# (by hand or `make DTB=`); with none, a console named at build time
# (`make EARLY_CONSOLE=`) still says why it stops.
. tests/rom/lib.sh
D=$ISV_TEST_DIR
mkdir -p "$D"
ran_quick() { # FILE: the selected cases ran, from the appended DTB's bootargs
	grep -q '^# dtb: the one appended to the image' "$1" && grep -q '^1\.\.[1-9]' "$1" &&
		tap_consistent "$1" && ! grep -q '^Bail out!' "$1"
}
shim_boot() { # OUT SHIM ROM [QEMU ARGS]: TIMEOUT s at most (a ROM without
	# PSCI from a DTB spins after its last line)
	out=$1 shim=$2 rom=$3; shift 3
	timeout "${TIMEOUT:-120}" qemu-system-aarch64 -M virt,gic-version=3 -cpu max -m 512 -nographic \
		-monitor none -no-reboot -nic none -kernel "$D/$shim" \
		-device "loader,file=$rom,addr=$ISV_SHIM_ADDR,force-raw=on" "$@" </dev/null 2>&1 | tr -d '\r' > "$out"
}

# By hand: the Image (padded to _file_end by the build) followed by the DTB.
cat "$ISV_ROM" "$D/virt.dtb" > "$D/rom+dtb.bin"
check "make DTB= builds exactly isvsuite.bin + the DTB" cmp -s "$D/rom+dtb.bin" "$D/embed/isvsuite.bin"
shim_boot "$D/x0zero.tap" shim-nodtb.bin "$D/rom+dtb.bin"
check "x0 = 0, DTB appended by hand: runs with its bootargs" ran_quick "$D/x0zero.tap"
shim_boot "$D/x0bad.tap" shim-baddtb.bin "$D/embed/isvsuite.bin"
check "x0 not a DTB, DTB built in (make DTB=): runs" ran_quick "$D/x0bad.tap"
qemu_rom "$D/x0good.tap" "matrix=quick only=hole/ldst-imm/ldr-w-post/*" -kernel "$D/embed/isvsuite.bin"
check "a DTB in x0 wins over the built-in one" sh -c "
	grep -Eq '^(not )?ok 1 - [a-z]+ hole/ldst-imm/ldr-w-post/' '$D/x0good.tap' && ! grep -q '^# dtb: the one appended' '$D/x0good.tap'"
cp "$ISV_ROM" "$D/rom+big.bin"
dtc -q -I dts -O dtb -o "$D/big.dtb" - <<DTS
/dts-v1/;
/ { blob = [$(head -c 70000 /dev/zero | od -An -v -tx1 | tr -d '\n')]; };
DTS
cat "$D/big.dtb" >> "$D/rom+big.bin"
shim_boot "$D/big.tap" shim-nodtb.bin "$D/rom+big.bin" -semihosting-config enable=on,target=native
check "an appended DTB over 64 KiB -> Bail out! naming it" grep -q '^Bail out! DTB appended to the image is larger' "$D/big.tap"
TIMEOUT=5 shim_boot "$D/early.tap" shim-nodtb.bin "$D/early/isvsuite.bin"
check "no DTB anywhere, EARLY_CONSOLE=pl011@0x9000000: Bail out! on that UART" sh -c "
	grep -q '^Bail out! no DTB (x0 = 0) and none appended' '$D/early.tap' && grep -q '^# isvsuite: done' '$D/early.tap'"
TIMEOUT=5 shim_boot "$D/silent.tap" shim-nodtb.bin "$ISV_ROM"
check "no DTB, no EARLY_CONSOLE, no semihosting: nothing on the UART" sh -c "! grep -q 'Bail out!' '$D/silent.tap'"
finish
