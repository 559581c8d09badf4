# profiles/kvm.sh - real KVM: Debian's arm64 kernel (KVM built in) nested
# under host QEMU TCG (-M virt,virtualization=on,gic-version=3), and inside
# it Debian's own arm64 qemu-system-aarch64 with -accel kvm -M
# virt,gic-version=3 -cpu host running the ROM with -kernel/-append
# (docs/kvm.md).
#
# L1 boots once per runner run (a few seconds of TCG): its /init
# (profiles/kvm/agent.sh) runs the guest VMM and speaks the session protocol
# (contracts §4), so a guest that dies is restarted inside the same L1. The
# initramfs is concatenated per L1 boot from cached layers (mk/kvm.mk: base
# = agent + busybox, qemu = QEMU + its libraries) and a small layer with this
# run's ROM, bootargs and config. The L1 kernel runs `quiet loglevel=0` so no
# kernel message interleaves with the ROM's console.
#
# Options (--popt): cpu=MODEL (L1 CPU, default max,pauth-impdef=on: VHE, fast
# pointer auth under TCG), mem=MiB (L1 RAM, 1024), guestmem=MiB (the ROM's
# VM, 256), qemu=BINARY (host QEMU).
kvm_qemu=${ISV_POPT_qemu:-qemu-system-aarch64}
# Version (set by a wrapper profile before sourcing this one, e.g.
# profiles/kvm-6.12.sh): the asset directory and its make target (mk/kvm.mk).
kvm_dir=${KVM_DIR:-$ISV_ASSETS/kvm}
KVM_ASSETS=${KVM_ASSETS:-kvm-assets}
KVM_L1_APPEND="console=ttyAMA0 quiet loglevel=0 panic=-1"
# shellcheck disable=SC2034 # read by runner.sh
PROFILE_BOOT_TIMEOUT=180 PROFILE_CASE_TIMEOUT=20 PROFILE_EXIT_GRACE=20

profile_check() {
	command -v "$kvm_qemu" >/dev/null 2>&1 ||
		{ echo "kvm: $kvm_qemu not found (Debian: apt-get install qemu-system-arm)" >&2; return 1; }
	for t in make apt-get dpkg-deb; do
		command -v $t >/dev/null 2>&1 ||
			{ echo "kvm: $t not found (assets come from Debian arm64 packages via make kvm-assets)" >&2; return 1; }
	done
}

profile_prepare() { kvm_make "$KVM_ASSETS"; }

profile_boot() {
	kvm_boot "$1" "vmm=qemu mem=$(kvm_q "${ISV_POPT_guestmem:-256}")" "$kvm_dir/qemu.cpio.gz"
}

# kvm_make TARGET...: build assets with mk/kvm.mk (cached; messages to stderr)
kvm_make() {
	make -s --no-print-directory -C "$ISV_TOP" O="$ISV_BUILD" "$@" >&2
}

kvm_q() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

# kvm_boot BOOTARGS CONFIG [LAYER|FILE...]: boot L1 with the base layer, the
# given layers (*.cpio.gz) and a boot layer holding the ROM, BOOTARGS, CONFIG
# (shell assignments for the agent) and any other FILE (into /isv).
kvm_boot() {
	kvm_b=$ISV_RESULTS/kvm-l1
	rm -rf "$kvm_b"; mkdir -p "$kvm_b/root/isv" || return 125
	cp "$ISV_ROM" "$kvm_b/root/isv/rom.bin" || return 125
	printf '%s\n' "$1" > "$kvm_b/root/isv/bootargs"
	printf '%s\n' "$2" > "$kvm_b/root/isv/config"
	shift 2
	cat "$kvm_dir/base.cpio.gz" > "$kvm_b/initrd" || return 125
	for f in "$@"; do
		case $f in
		*.cpio.gz) cat "$f" >> "$kvm_b/initrd" || return 125 ;;
		*) cp "$f" "$kvm_b/root/isv/" || return 125 ;;
		esac
	done
	sh "$ISV_TOP/profiles/kvm/initramfs.sh" dir "$kvm_b/boot.cpio.gz" "$kvm_b/root" || return 125
	cat "$kvm_b/boot.cpio.gz" >> "$kvm_b/initrd" || return 125
	"$kvm_qemu" -M virt,virtualization=on,gic-version=3 -cpu "${ISV_POPT_cpu:-max,pauth-impdef=on}" \
		-m "${ISV_POPT_mem:-1024}" -smp 1 -nodefaults -display none -serial stdio -monitor none \
		-no-reboot -kernel "$kvm_dir/vmlinuz" -initrd "$kvm_b/initrd" -append "$KVM_L1_APPEND"
}
