# profiles/minivmm.sh - the minimal KVM VMM fixture (tests/fixtures/minivmm)
# on real KVM: the same nested L1 as profiles/kvm.sh (Debian's arm64 kernel
# under QEMU TCG, session agent), running minivmm instead of QEMU. It
# reproduces what real VMMs do with ISV=0 data aborts (docs/kvm.md):
#
#   --popt mode=nonisv=off  no KVM_CAP_ARM_NISV_TO_USER: KVM_RUN fails with
#                           ENOSYS and the VMM dies (kvmtool, Firecracker)
#   --popt mode=inject      external data abort injected (what QEMU does)
#   --popt mode=pcstep      PC += 4 without emulating (silent corruption)
#
# Not part of `make run` (a test fixture, not a hypervisor). Other options as
# for kvm (cpu=, mem=, qemu=); guestmem=MiB is the VM's RAM (128).
# shellcheck source=profiles/kvm.sh
. "$ISV_TOP/profiles/kvm.sh"
minivmm_dir=$ISV_BUILD/tests/minivmm
minivmm_mode=${ISV_POPT_mode:-inject}

profile_check() {
	case $minivmm_mode in
	nonisv=off | inject | pcstep) ;;
	*) echo "minivmm: --popt mode= nonisv=off, inject or pcstep, not '$minivmm_mode'" >&2; return 1 ;;
	esac
	command -v "$kvm_qemu" >/dev/null 2>&1 ||
		{ echo "minivmm: $kvm_qemu not found (Debian: apt-get install qemu-system-arm)" >&2; return 1; }
	command -v make >/dev/null 2>&1 || { echo "minivmm: make not found" >&2; return 1; }
}

profile_prepare() { kvm_make minivmm-assets; }

profile_boot() {
	kvm_boot "$1" "vmm=minivmm mode=$(kvm_q "$minivmm_mode") mem=$(kvm_q "${ISV_POPT_guestmem:-128}")" \
		"$minivmm_dir/minivmm" "$minivmm_dir/minivmm.dtb"
}
