#!/bin/sh
# The virtio console (lib/virtio_console.c): used only when the DTB's
# stdout-path names a virtio-mmio node, legacy and modern transports, the
# whole stream through it (nothing on the UART), the same lines as the UART.
. tests/rom/lib.sh
D=$ISV_TEST_DIR/virtio
mkdir -p "$D"
sel="matrix=quick only=gicd/ldst-imm/ldr*"
# QEMU virt puts the first virtio device on the highest transport.
VNODE=/virtio_mmio@a003e00
vqemu() { # vqemu DTB LEGACY CONSOLE_OUT UART_OUT BOOTARGS [-dumpdtb]
	rm -f "$3" "$4"
	timeout 120 qemu-system-aarch64 -M virt,gic-version=3 -cpu max -m 512 -display none -monitor none \
		-no-reboot -nic none -global virtio-mmio.force-legacy="$2" -device virtio-serial-device \
		-chardev file,id=vc,path="$3" -device virtconsole,chardev=vc -serial file:"$4" \
		${1:+-dtb "$1"} -kernel "$ISV_ROM" -append "$5" </dev/null >/dev/null 2>&1
}
timeout 60 qemu-system-aarch64 -M virt,gic-version=3,dumpdtb="$D/virt.dtb" -cpu max -m 512 -display none \
	-nic none -device virtio-serial-device -chardev null,id=vc -device virtconsole,chardev=vc >/dev/null 2>&1
dtc -q -I dtb -O dts "$D/virt.dtb" > "$D/virt.dts"
for node in "$VNODE" /virtio_mmio@a000000; do
	sed "s|stdout-path = \"[^\"]*\"|stdout-path = \"$node\"|" "$D/virt.dts" |
		dtc -q -I dts -O dtb -o "$D/${node#*@}.dtb" -
done
vqemu "" true "$D/none.vc" "$D/uart.raw" "$sel"
tr -d '\r' < "$D/uart.raw" > "$D/uart.tap"
check "stdout-path names the PL011: the virtio console stays unused" sh -c "
	[ ! -s '$D/none.vc' ] && grep -q '^# console: pl011 ' '$D/uart.tap'"
for legacy in true false; do
	vqemu "$D/a003e00.dtb" "$legacy" "$D/vc-$legacy.raw" "$D/uart-$legacy.raw" "$sel"
	tr -d '\r' < "$D/vc-$legacy.raw" > "$D/vc-$legacy.tap"
	check "virtio console (force-legacy=$legacy): whole TAP stream through it, none on the UART" sh -c "
		. tests/rom/lib.sh >/dev/null; tap_consistent '$D/vc-$legacy.tap' && [ ! -s '$D/uart-$legacy.raw' ] &&
		grep -q '^# console: virtio-console @0xa003e00 ' '$D/vc-$legacy.tap'"
	check "virtio console (force-legacy=$legacy): the same lines as the UART, CR LF kept" sh -c "
		diff '$D/vc-$legacy.tap' '$D/uart.tap' | grep '^[<>]' | grep -v '^[<>] # console: ' | grep -q . && exit 1
		grep -q \"\$(printf 'TAP version 13\\r')\" '$D/vc-$legacy.raw'"
done
vqemu "$D/a003e00.dtb" false "$D/vc-frame.raw" "$D/uart-frame.raw" "$sel wire=compact"
wire=$(dirname "$ISV_ROM")/host/isvwire
check "wire=compact over the virtio console decodes to the UART's readable lines" sh -c "
	'$wire' decode < '$D/vc-frame.raw' > '$D/vc-frame.tap' &&
	diff '$D/vc-frame.tap' '$D/uart.tap' | grep '^[<>]' | grep -v '^[<>] # \(console\|bootargs\): ' | grep -q . && exit 1; true"
vqemu "$D/a000000.dtb" true "$D/empty.vc" "$D/empty.uart" "$sel"
rc=$?
check "stdout-path names a virtio-mmio slot with no console: silent, still powers off (rc $rc)" sh -c "
	[ $rc = 0 ] && [ ! -s '$D/empty.vc' ] && [ ! -s '$D/empty.uart' ]"
finish
