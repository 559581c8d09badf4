# profiles/refhyp.sh - refhyp, the project's reference EL2 hypervisor
# (refhyp/, docs/refhyp.md), under QEMU TCG with virtualization=on. refhyp
# is the -kernel; the ROM is loaded next to it with QEMU's loader device
# and runs as its EL1 guest. refhyp emulates every ISV=0 form it claims
# against a RAM-like MMIO device: the expected grade over those is A.
# Options (--popt): bug=NAME (a refhyp mutant, e.g. no-writeback; see
# docs/refhyp.md), refuse=1 (inject an abort for every ISV=0 access
# instead of emulating, like KVM with QEMU), drift=1 (the device changes a byte
# by itself between cases: refhyp.drift), razwi=1 (the device reads as zero and
# ignores writes, like QEMU's unassigned MMIO behind KVM: refhyp.razwi), qemu=BINARY, mem=MiB, rom_addr=ADDR (guest RAM address
# the ROM is loaded at, default 0x44000000), extra='ARGS',
# halt=LIST (refhyp.halt=: isv0,hole,gicd,x0,nooff or bao = all; behave like
# a static partitioning hypervisor that halts the machine, refhyp/halt.c;
# with x0 the ROM gets the VM's DTB appended to its image, as under Bao).
refhyp_qemu=${ISV_POPT_qemu:-qemu-system-aarch64}
refhyp_rom_addr=${ISV_POPT_rom_addr:-0x44000000}
# shellcheck disable=SC2034 # read by runner.sh
PROFILE_CASE_TIMEOUT=5
# shellcheck disable=SC2034 # read by runner.sh: halt modes print this and stop
PROFILE_HALT_LINE='^refhyp ERROR: '

profile_check() {
	if ! command -v "$refhyp_qemu" >/dev/null 2>&1; then
		echo "refhyp: $refhyp_qemu not found (Debian: apt-get install qemu-system-arm)" >&2; return 1
	fi
	if [ ! -f "$ISV_BUILD/refhyp.bin" ] && ! command -v make >/dev/null 2>&1; then
		echo "refhyp: $ISV_BUILD/refhyp.bin missing and no make to build it" >&2; return 1
	fi
	return 0
}

# refhyp.bin is built by `make` (mk/refhyp.mk); bring it up to date.
profile_prepare() {
	make -s -C "$ISV_TOP" O="$ISV_BUILD" refhyp >/dev/null
}

# refhyp_rom_dtb BOOTARGS: the ROM with this VM's DTB (bootargs in /chosen)
# appended, for halt=x0 (the guest is entered with x0 = 0); prints its path.
refhyp_rom_dtb() {
	d=${ISV_RESULTS:-$ISV_BUILD}/refhyp-x0
	mkdir -p "$d" && rm -f "$d/virt.dtb" || return 1
	"$refhyp_qemu" -M virt,gic-version=3,virtualization=on,dumpdtb="$d/virt.dtb" -cpu max \
		-m "${ISV_POPT_mem:-512}" -smp 1 -display none -nic none -kernel "$ISV_ROM" -append "$1" >/dev/null 2>&1
	[ -s "$d/virt.dtb" ] && dtc -q -I dtb -O dtb -o "$d/vm.dtb" "$d/virt.dtb" &&
		cat "$ISV_ROM" "$d/vm.dtb" > "$d/rom+dtb.bin" && echo "$d/rom+dtb.bin"
}

profile_boot() {
	refhyp_args="$1${ISV_POPT_bug:+ refhyp.bug=$ISV_POPT_bug}${ISV_POPT_refuse:+ refhyp.refuse}${ISV_POPT_drift:+ refhyp.drift}${ISV_POPT_razwi:+ refhyp.razwi}"
	refhyp_args="$refhyp_args${ISV_POPT_halt:+ refhyp.halt=$ISV_POPT_halt}"
	refhyp_rom=$ISV_ROM
	case ",${ISV_POPT_halt:-}," in
	*,x0,* | *,bao,*) refhyp_rom=$(refhyp_rom_dtb "$1") || { echo "refhyp: cannot make the ROM+DTB image" >&2; return 125; } ;;
	esac
	refhyp_args="$refhyp_args refhyp.rom=$refhyp_rom_addr"
	# shellcheck disable=SC2086 # extra is a word list
	"$refhyp_qemu" -M virt,gic-version=3,virtualization=on -cpu max -m "${ISV_POPT_mem:-512}" -smp 1 \
		-nographic -monitor none -no-reboot -nic none \
		-kernel "$ISV_BUILD/refhyp.bin" \
		-device "loader,file=$refhyp_rom,addr=$refhyp_rom_addr,force-raw=on" \
		-append "${refhyp_args# }" ${ISV_POPT_extra:-}
}
