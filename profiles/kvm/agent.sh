#!/bin/sh
# profiles/kvm/agent.sh - /init of the nested KVM host (L1, busybox sh).
#
# Runs the guest VMM on /dev/kvm with the ROM, its console on ours (which is
# the host QEMU's stdout, i.e. the runner's console), then speaks the session
# protocol of docs/contracts.md §4 so that the runner can start the next guest
# run without rebooting L1:
#   agent -> runner   @@isvsuite vm-exit STATUS     (the guest VMM exited)
#   runner -> agent   @@isvsuite boot BOOTARGS      (run it again)
#                     @@isvsuite quit               (power off)
# The per-boot layer of the initramfs gives /isv/rom.bin, /isv/bootargs (the
# first run's bootargs) and /isv/config (shell assignments: vmm=qemu|minivmm,
# mem=MiB of the guest, mode= for minivmm), plus /isv/minivmm{,.dtb}.
PATH=/bin:/usr/bin
export PATH
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
stty -echo 2>/dev/null # the runner's commands must not come back as output

vmm=qemu mem=256 mode=""
# shellcheck source=/dev/null
. /isv/config
args=$(cat /isv/bootargs)

off() { sync; poweroff -f; sleep 10; }
if [ ! -c /dev/kvm ]; then
	echo "agent: /dev/kvm missing: KVM did not initialise in L1 (needs EL2: virtualization=on)"
	dmesg | grep -i -e kvm -e hyp | tail -n 5 | sed 's/^/agent: dmesg: /'
	off
fi

# The ROM console is a file chardev on /dev/console: L2 QEMU has no stdin and
# never touches the terminal settings of the console the agent reads.
run_guest() { # BOOTARGS: one guest run; exit status of the VMM
	case $vmm in
	qemu)
		qemu-system-aarch64 -accel kvm -M virt,gic-version=3 -cpu host -m "$mem" -smp 1 \
			-nodefaults -display none -chardev file,id=con,path=/dev/console -serial chardev:con \
			-monitor none -no-reboot \
			-kernel /isv/rom.bin -append "$1" </dev/null ;;
	minivmm)
		/isv/minivmm -m "$mode" -M "$mem" -d /isv/minivmm.dtb -a "$1" /isv/rom.bin </dev/null ;;
	*) echo "agent: unknown vmm '$vmm'" >&2; return 127 ;;
	esac
}

while :; do
	run_guest "$args" 2>/tmp/vmm.err
	st=$?
	# the VMM's last words go to the console, where the runner's YAML keeps them
	tail -n 4 /tmp/vmm.err | sed 's/^/agent: vmm: /'
	echo "@@isvsuite vm-exit $st"
	next=""
	while [ -z "$next" ]; do # wait for a command; ignore anything else
		IFS= read -r cmd || off
		cmd=$(printf "%s" "$cmd" | tr -d "\r")
		case $cmd in
		"@@isvsuite boot "*) next=${cmd#@@isvsuite boot } ;;
		"@@isvsuite quit") off ;;
		?*) echo "agent: ignoring unknown command" ;;
		esac
	done
	args=$next
done
