#!/bin/sh
# Bad input never gives a silent default: each gets a Bail out! naming it.
. tests/rom/lib.sh
D=$ISV_TEST_DIR
mkdir -p "$D"
bail_with() { # bail_with FILE REGEX
	grep -q "^Bail out! .*$2" "$1" && grep -q '^# isvsuite: done$' "$1" && ! grep -qE '^(not )?ok ' "$1"
}
qemu_rom "$D/bad1.tap" "matrix=quick frobnicate=1"
check "unknown bootarg -> Bail out! naming it" bail_with "$D/bad1.tap" "unknown key 'frobnicate=1'"
qemu_rom "$D/bad2.tap" "matrix=huge"
check "malformed value -> Bail out! naming the key" bail_with "$D/bad2.tap" "bad value for 'matrix'"
qemu_rom "$D/bad3.tap" "start=abc"
check "non-numeric start -> Bail out!" bail_with "$D/bad3.tap" "bad value for 'start'"
qemu_rom "$D/bad4.tap" "target=hole@0x40001000"
check "target inside RAM -> Bail out!" bail_with "$D/bad4.tap" "overlaps RAM"
qemu_rom "$D/bad5.tap" "target=nothere@0x1000"
check "unknown target name -> Bail out!" bail_with "$D/bad5.tap" "unknown target 'nothere'"
qemu_rom "$D/bad6.tap" "list=yes"
check "value on a flag -> Bail out!" bail_with "$D/bad6.tap" "'list' takes no value"
qemu_rom "$D/bad7.tap" "console=ttyS0 earlycon -- matrix=quick frobnicate=1"
check "after the VMM's words and '--', ours stay strict" bail_with "$D/bad7.tap" "unknown key 'frobnicate=1'"
qemu_rom "$D/vmmwords.tap" "console=ttyS0 earlycon rw -- matrix=quick only=gicd/ldst-imm/ldr-w-post/*"
check "the VMM's words before '--' are ignored, said so, ours apply" sh -c "
	grep -q '^# bootargs: the words before the last .--. are the VMM.s: ignored' '$D/vmmwords.tap' &&
	grep -q '^1..1$' '$D/vmmwords.tap' && grep -q '^ok 1 - [a-z]* gicd/ldst-imm/ldr-w-post/' '$D/vmmwords.tap'"
qemu_rom "$D/nodtb.tap" "" -kernel "$D/shim-nodtb.bin" -serial none \
	-device "loader,file=$ISV_ROM,addr=$ISV_SHIM_ADDR,force-raw=on" -semihosting-config enable=on,target=native
check "missing DTB (x0 = 0) -> Bail out! on the semihosting console" bail_with "$D/nodtb.tap" "no DTB"
qemu_rom "$D/baddtb.tap" "" -kernel "$D/shim-baddtb.bin" -serial none \
	-device "loader,file=$ISV_ROM,addr=$ISV_SHIM_ADDR,force-raw=on" -semihosting-config enable=on,target=native
check "invalid DTB -> Bail out!" bail_with "$D/baddtb.tap" "invalid DTB"
finish
