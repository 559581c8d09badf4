# profiles/qemu-kvm.sh - QEMU with KVM on an arm64 host: -M virt -accel kvm.
# KVM handles ISV=1 accesses; ISV=0 ones reach QEMU, which (without
# KVM_CAP_ARM_NISV_TO_USER) injects an external abort or stops the VM.
# Options (--popt): qemu=BINARY mem=MiB gic=VERSION (default host)
# machine=EXTRA extra='ARGS'.
qemu_kvm_bin=${ISV_POPT_qemu:-qemu-system-aarch64}

profile_check() {
	m=$(uname -m)
	if [ "$m" != aarch64 ] && [ "$m" != arm64 ]; then
		echo "qemu-kvm: needs an arm64 host (this is $m)" >&2; return 1
	fi
	if [ ! -e /dev/kvm ]; then echo "qemu-kvm: /dev/kvm missing (KVM not enabled?)" >&2; return 1; fi
	if [ ! -r /dev/kvm ] || [ ! -w /dev/kvm ]; then
		echo "qemu-kvm: /dev/kvm not read/writable by $(id -un) (add to group kvm)" >&2; return 1
	fi
	command -v "$qemu_kvm_bin" >/dev/null 2>&1 && return 0
	echo "qemu-kvm: $qemu_kvm_bin not found (Debian: apt-get install qemu-system-arm)" >&2
	return 1
}

profile_boot() {
	case " $1 " in *" console=semihosting "*)
		echo "qemu-kvm: semihosting needs TCG; use the qemu-tcg profile" >&2; return 2 ;;
	esac
	# shellcheck disable=SC2086 # extra is a word list
	"$qemu_kvm_bin" -M "virt,gic-version=${ISV_POPT_gic:-host}${ISV_POPT_machine:+,$ISV_POPT_machine}" \
		-accel kvm -cpu host -m "${ISV_POPT_mem:-512}" -smp 1 \
		-nographic -monitor none -no-reboot -nic none \
		-kernel "$ISV_ROM" -append "$1" ${ISV_POPT_extra:-}
}
