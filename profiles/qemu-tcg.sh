# profiles/qemu-tcg.sh - QEMU system emulation (TCG): -M virt, GICv3, -cpu max.
# TCG emulates every access itself, so this is the reference "bare" platform.
# console=semihosting in the bootargs adds the semihosting console.
# Options (--popt): qemu=BINARY cpu=MODEL mem=MiB machine=EXTRA (appended to
# -M virt,gic-version=3, e.g. virtualization=on for EL2 entry) extra='ARGS'.
qemu_tcg_bin=${ISV_POPT_qemu:-qemu-system-aarch64}
# shellcheck disable=SC2034 # read by runner.sh
PROFILE_CASE_TIMEOUT=10

profile_check() {
	command -v "$qemu_tcg_bin" >/dev/null 2>&1 && return 0
	echo "qemu-tcg: $qemu_tcg_bin not found (Debian: apt-get install qemu-system-arm)" >&2
	return 1
}

profile_boot() {
	case " $1 " in
	*" console=semihosting "*) # semihosting output arrives on QEMU's stderr
		qemu_tcg_run "$1" -semihosting-config enable=on,target=native 2>&1 ;;
	*) qemu_tcg_run "$1" ;;
	esac
}

qemu_tcg_run() { # BOOTARGS [QEMU ARGS]
	a=$1; shift
	# shellcheck disable=SC2086 # extra is a word list
	"$qemu_tcg_bin" -M "virt,gic-version=3${ISV_POPT_machine:+,$ISV_POPT_machine}" \
		-cpu "${ISV_POPT_cpu:-max}" -m "${ISV_POPT_mem:-512}" -smp 1 \
		-nographic -monitor none -no-reboot -nic none \
		-kernel "$ISV_ROM" -append "$a" "$@" ${ISV_POPT_extra:-}
}
