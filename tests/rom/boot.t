#!/bin/sh
# Boot path: console from the DTB, EL1 and EL2 entry, two load addresses,
# semihosting console, determinism.
. tests/rom/lib.sh
D=$ISV_TEST_DIR
mkdir -p "$D"

qemu_rom "$D/el1.tap" "matrix=quick"
check "EL1 entry: TAP stream consistent" tap_consistent "$D/el1.tap"
check "EL1 entry: reported entry-el=1" grep -q '^# isvsuite .*entry-el=1 ' "$D/el1.tap"
check "console discovered from the DTB: pl011" grep -q '^# console: pl011 @0x9000000' "$D/el1.tap"
check "no corrupt under TCG (TCG executes every access itself)" sh -c "! grep -q '^not ok [0-9]* - corrupt' '$D/el1.tap'"
check "gicd: some cases pass" grep -q '^ok [0-9]* - pass gicd/' "$D/el1.tap"

qemu_rom "$D/el2.tap" "matrix=quick" -M virt,gic-version=3,virtualization=on
check "EL2 entry: TAP stream consistent" tap_consistent "$D/el2.tap"
check "EL2 entry: reported entry-el=2, running at el=1" grep -q '^# isvsuite .*entry-el=2 el=1' "$D/el2.tap"
results() { grep -E '^(not )?ok ' "$1"; }
results "$D/el1.tap" > "$D/el1.res"; results "$D/el2.tap" > "$D/el2.res"
check "EL2 entry: same verdicts as EL1 entry" cmp -s "$D/el1.res" "$D/el2.res"

# The ROM placed by a loader at another 2 MiB aligned address, entered via a shim.
qemu_rom "$D/moved.tap" "matrix=quick" -kernel "$D/shim-dtb.bin" \
	-device "loader,file=$ISV_ROM,addr=$ISV_SHIM_ADDR,force-raw=on"
check "loaded at $ISV_SHIM_ADDR: TAP stream consistent" tap_consistent "$D/moved.tap"
check "loaded at $ISV_SHIM_ADDR: reported load address" grep -q "^# isvsuite .*load=$ISV_SHIM_ADDR" "$D/moved.tap"
results "$D/moved.tap" > "$D/moved.res"
check "loaded elsewhere: same verdicts" cmp -s "$D/el1.res" "$D/moved.res"

qemu_rom "$D/semi.tap" "matrix=quick count=3 console=semihosting" -serial none \
	-semihosting-config enable=on,target=native
check "console=semihosting: stream arrives without a UART" grep -q '^# console: semihosting' "$D/semi.tap"
check "console=semihosting: results" grep -qE '^(not )?ok 3 - ' "$D/semi.tap"

qemu_rom "$D/again.tap" "matrix=quick"
grep -v '^# bench' "$D/el1.tap" > "$D/a1"; grep -v '^# bench' "$D/again.tap" > "$D/a2"
check "two runs give identical TAP" cmp -s "$D/a1" "$D/a2"

qemu_rom "$D/list.tap" "list"
k=$(grep -c '^# id ' "$D/list.tap")
plan=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' "$D/el1.tap")
check "list mode: one id per case ($k ids, plan $plan)" test "$k" = "$plan"
check "list mode: no two cases share an id" sh -c "sed -n 's/^# id [0-9]* //p' '$D/list.tap' | sort | uniq -d | grep -q . && exit 1 || exit 0"
qemu_rom "$D/resume.tap" "matrix=quick start=5 count=2"
check "start=5 count=2: plan unchanged, results 5 and 6 only" sh -c "grep -q '^1\\.\\.$plan\$' '$D/resume.tap' && [ \"\$(grep -cE '^(not )?ok ' '$D/resume.tap')\" = 2 ] && grep -qE '^(not )?ok 5 ' '$D/resume.tap'"
finish
