# profiles/xen.sh - Debian's real Xen 4.17 (xen-hypervisor-4.17-arm64:arm64)
# nested under qemu-system-aarch64 TCG (-M virt,virtualization=on), the ROM
# booted as a dom0less domU with a vpl011 console and no dom0.
#
# Per boot: QEMU's own virt DTB (dumped once, cached) gets the dom0less nodes
# under /chosen (Xen's bootargs, domU1 with the ROM as its kernel module and
# the ROM's bootargs), compiled with dtc; QEMU's loader places the ROM at
# XEN_MODULE_ADDR. The domU sees RAM at 0x40000000, GICv3 at 0x03001000 and
# the vpl011 (arm,sbsa-uart) at 0x22000000, PSCI over HVC.
#
# Xen 4.17 prints a domU's console lines as "(XEN) DOM1: LINE"; newer Xen
# (4.20) hands the console to the domU when there is no dom0 and prints its
# lines as they are (Xen's `conswitch=ax` keeps the prefix). Both forms are
# read, whatever the version does. Xen does not exit
# when the guest powers off, so profile_boot watches the console itself: it
# stops QEMU (status 0) once the ROM's last line has been printed, and stops
# it with status XEN_STATUS_CRASH when Xen reports that it crashed the domain
# (the runner records that case as `kill`).
#
# Options (--popt): cpu=MODEL (default max), mem=MiB (host QEMU, 1024),
# guestmem=MiB (domU, 128), qemu=BINARY, xenargs='EXTRA XEN BOOTARGS',
# xenlog=LEVEL: Xen's guest_loglvl (default none: Xen's per-access "d1v0
# Unable to decode ..." messages cost ~20% of a full run; xenlog=all keeps
# them in the console log; the domU's own console lines print either way).
xen_qemu=${ISV_POPT_qemu:-qemu-system-aarch64}
# Version (set by a wrapper profile before sourcing this one, e.g.
# profiles/xen-4.20.sh): the package, its asset directory, the private apt
# state and Debian suite it comes from (empty: the host's own sources).
xen_dir=${XEN_DIR:-$ISV_ASSETS/xen}
XEN_PKG=${XEN_PKG:-xen-hypervisor-4.17-arm64}
XEN_DEBS=${XEN_DEBS:-$ISV_ASSETS/debs-state}
XEN_SUITE=${XEN_SUITE:-}
XEN_MODULE_ADDR=0x50000000     # where QEMU's loader puts the ROM (Xen's module)
XEN_STATUS_CRASH=70            # profile_boot status when Xen crashed the domU
XEN_DOM_PREFIX='(XEN) DOM1: ' # a domU line on Xen's console (no focus)
# The ROM's last line, readable or framed (docs/contracts.md section 6), behind
# any of the prefixes the filter knows
XEN_DONE_RE='^(\(XEN\) DOM1: |\(XEN\) |\(d1\) )?(\{[0-9a-f]{8})?# isvsuite: done'
# Xen's words when it kills a domain (__domain_crash(); domain_crash() in debug builds)
XEN_CRASH_RE='^(XEN) \(Domain 1 (vcpu#[0-9]*) crashed\|domain_crash called\)'
# shellcheck disable=SC2034 # read by runner.sh
PROFILE_CASE_TIMEOUT=10 PROFILE_BOOT_TIMEOUT=90 PROFILE_EXIT_GRACE=2

xen_machine() { echo "virt,virtualization=on,gic-version=3"; }
xen_cpu() { echo "${ISV_POPT_cpu:-max}"; }

profile_check() {
	command -v "$xen_qemu" >/dev/null 2>&1 ||
		{ echo "xen: $xen_qemu not found (Debian: apt-get install qemu-system-arm)" >&2; return 1; }
	for t in dtc apt-get dpkg; do
		command -v $t >/dev/null 2>&1 && continue
		case $t in
		dtc) echo "xen: dtc not found (Debian: apt-get install device-tree-compiler)" >&2 ;;
		*) echo "xen: $t not found: the Xen binary comes from Debian's $XEN_PKG:arm64 package" >&2 ;;
		esac
		return 1
	done
}

# Xen's binary from the Debian package, and QEMU's virt DTB as source text.
profile_prepare() {
	if [ ! -s "$xen_dir/xen" ]; then
		mkdir -p "$xen_dir"
		DEBS_SUITE=$XEN_SUITE "$ISV_TOP/tools/debs.sh" "$XEN_DEBS" fetch "$XEN_PKG" || return 1
		rm -rf "$xen_dir/pkg"
		DEBS_SUITE=$XEN_SUITE "$ISV_TOP/tools/debs.sh" "$XEN_DEBS" unpack "$xen_dir/pkg" "$XEN_PKG" || return 1
		x=""
		for f in "$xen_dir"/pkg/boot/xen-*; do
			case $f in *config* | *.efi) ;; *) [ -f "$f" ] && x=$f ;; esac
		done
		[ -n "$x" ] || { echo "xen: no Xen binary in $XEN_PKG" >&2; return 1; }
		cp "$x" "$xen_dir/xen.tmp" && mv "$xen_dir/xen.tmp" "$xen_dir/xen"
	fi
	base="$xen_dir/virt-$(xen_cpu)-${ISV_POPT_mem:-1024}.dts"
	if [ ! -s "$base" ]; then
		"$xen_qemu" -M "$(xen_machine),dumpdtb=$xen_dir/virt.dtb" -cpu "$(xen_cpu)" \
			-m "${ISV_POPT_mem:-1024}" -display none -nic none >/dev/null 2>&1
		dtc -q -I dtb -O dts -o "$base.tmp" "$xen_dir/virt.dtb" || return 1
		mv "$base.tmp" "$base"
	fi
}

# xen_dts BOOTARGS: the virt DTB plus the dom0less nodes.
xen_dts() {
	base="$xen_dir/virt-$(xen_cpu)-${ISV_POPT_mem:-1024}.dts"
	uart=$(grep -o 'pl011@[0-9a-f]*' "$base" | head -n 1)
	size=$(wc -c < "$ISV_ROM")
	# Bootargs become a DTS string: escape backslashes and quotes.
	args=$(printf '%s' "$1" | sed 's/[\\"]/\\&/g')
	cat "$base"
	cat <<EOF

/ {
	chosen {
		#address-cells = <0x2>;
		#size-cells = <0x2>;
		xen,xen-bootargs = "console=dtuart dtuart=/$uart bootscrub=0 loglvl=all guest_loglvl=${ISV_POPT_xenlog:-none} ${ISV_POPT_xenargs:-}";
		domU1 {
			compatible = "xen,domain";
			#address-cells = <0x2>;
			#size-cells = <0x2>;
			cpus = <0x1>;
			memory = <0x0 $(printf '0x%x' $((${ISV_POPT_guestmem:-128} * 1024)))>;
			vpl011;
			module@${XEN_MODULE_ADDR#0x} {
				compatible = "multiboot,kernel", "multiboot,module";
				reg = <0x0 $XEN_MODULE_ADDR 0x0 $(printf '0x%x' "$size")>;
				bootargs = "$args";
			};
		};
	};
};
EOF
}

profile_boot() {
	d=$ISV_RESULTS/xen
	mkdir -p "$d"
	xen_dts "$1" > "$d/xen.dts"
	dtc -q -I dts -O dtb -o "$d/xen.dtb" "$d/xen.dts" || { echo "xen: dtc failed" >&2; return 2; }
	# QEMU's stdio chardev stalls when its stdout is a pipe or FIFO (measured:
	# output stops after ~20 KB), so the console goes to a file that is
	# streamed to our stdout and watched for the end or a domain crash.
	: > "$d/console.raw"
	"$xen_qemu" -M "$(xen_machine)" -cpu "$(xen_cpu)" -m "${ISV_POPT_mem:-1024}" -smp 1 \
		-display none -monitor none -no-reboot -nic none \
		-chardev stdio,id=con0,mux=off,signal=off -serial chardev:con0 \
		-dtb "$d/xen.dtb" -kernel "$xen_dir/xen" \
		-device "loader,file=$ISV_ROM,addr=$XEN_MODULE_ADDR,force-raw=on" \
		> "$d/console.raw" 2>&1 </dev/null &
	qpid=$!
	tail -n +1 -f "$d/console.raw" &
	tpid=$!
	st=""
	while [ -z "$st" ]; do
		sleep 0.2
		if grep -Eq "$XEN_DONE_RE" "$d/console.raw"; then st=0
		elif grep -q "$XEN_CRASH_RE" "$d/console.raw"; then st=$XEN_STATUS_CRASH
		elif ! kill -0 "$qpid" 2>/dev/null; then wait "$qpid"; st=$?; [ "$st" = 0 ] && st=1
		fi
	done
	kill "$qpid" 2>/dev/null
	wait "$qpid" 2>/dev/null
	sleep 0.3 # let tail print the last lines
	kill "$tpid" 2>/dev/null
	wait "$tpid" 2>/dev/null
	return "$st"
}

# The domU's lines, whichever way this Xen prints them:
#   "(XEN) DOM1: LINE"  4.17, or any Xen whose console stays Xen's (conswitch=ax)
#   "(XEN) LINE"        4.20 once it has printed "*** Serial input to DOM1":
#                       the domU holds the console (vpl011_write_data_xen()
#                       then calls printk("%s") without the DOM prefix)
#   "(d1) LINE", "LINE" later Xen (guest_printk / printk without a prefix)
# Xen's own lines before the switch and CRs are dropped; Xen's own messages
# after it pass through as console noise, which the runner ignores.
profile_filter() {
	tr -d '\r' | awk -v pre="$XEN_DOM_PREFIX" '
		index($0, pre) == 1 { print substr($0, length(pre) + 1); next }
		/^\(XEN\) \*\*\* Serial input to DOM1 / { focus = 1; next }
		/^\(XEN\) / { if (focus) print substr($0, 7); next }
		/^\(d1\) / { print substr($0, 6); next }
		{ print }'
}
