# tools/runner/cmd.sh - the --cmd pseudo profile (sourced by runner.sh).
# The template is run by sh -c after {rom} {elf} {bootargs} {dtb} {romdtb}
# are replaced by shell-quoted words. {dtb}: a DTB with these bootargs in
# /chosen, made per boot from --dtb-base FILE (the user's DTB or DTS: a
# partitioned VM's own memory map and devices), else by QEMU's dumpdtb (virt,
# GICv3, ISV_POPT_mem MiB) or, without QEMU, by dtc from a minimal virt-like
# source. {romdtb}: the ROM with that DTB appended (startup/boot.h), for a
# guest entered with x0 = 0 (Bao, Jailhouse).

shq() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

cmd_expand() { # BOOTARGS DTB ROMDTB: print the command line
	R_T_TPL=$R_CMD R_T_ROM=$(shq "$ISV_ROM") R_T_ELF=$(shq "$ISV_ELF") \
	R_T_ARGS=$(shq "$1") R_T_DTB=$(shq "$2") R_T_ROMDTB=$(shq "$3") awk 'BEGIN {
		t = ENVIRON["R_T_TPL"]; k["{rom}"] = ENVIRON["R_T_ROM"]; k["{elf}"] = ENVIRON["R_T_ELF"]
		k["{bootargs}"] = ENVIRON["R_T_ARGS"]; k["{dtb}"] = ENVIRON["R_T_DTB"]
		k["{romdtb}"] = ENVIRON["R_T_ROMDTB"]; out = ""
		while ((i = index(t, "{")) > 0) {
			out = out substr(t, 1, i - 1); t = substr(t, i); hit = 0
			for (p in k) if (substr(t, 1, length(p)) == p) { out = out k[p]; t = substr(t, length(p) + 1); hit = 1 }
			if (!hit) { out = out "{"; t = substr(t, 2) }
		}
		print out t }'
}

# --dtb-base FILE: checked by profile_check, compiled once per run into
# $S/base.dtb (OUT), then per boot a copy with /chosen/bootargs set.
cmd_base_dtb() { # [OUT]
	[ -f "$R_DTB_BASE" ] || { echo "cmd: --dtb-base: no such file '$R_DTB_BASE'" >&2; return 1; }
	command -v dtc >/dev/null 2>&1 && command -v fdtput >/dev/null 2>&1 ||
		{ echo "cmd: --dtb-base needs dtc and fdtput (Debian: device-tree-compiler)" >&2; return 1; }
	case $R_DTB_BASE in *.dts) in=dts ;; *) in=dtb ;; esac
	dtc -q -I "$in" -O dtb -o "${1:-/dev/null}" "$R_DTB_BASE" ||
		{ echo "cmd: --dtb-base: dtc cannot read '$R_DTB_BASE'" >&2; return 1; }
}

cmd_dtb() { # BOOTARGS FILE
	if [ -n "$R_DTB_BASE" ]; then
		[ -s "$S/base.dtb" ] || cmd_base_dtb "$S/base.dtb" || return 1
		cp "$S/base.dtb" "$2" && { fdtput -c "$2" /chosen 2>/dev/null; :; } &&
			fdtput -t s "$2" /chosen bootargs "$1" && return 0
		echo "cmd: cannot set /chosen/bootargs in a copy of --dtb-base" >&2; return 1
	fi
	q=${ISV_POPT_qemu:-qemu-system-aarch64} mem=${ISV_POPT_mem:-512}
	if command -v "$q" >/dev/null 2>&1; then
		"$q" -M "virt,gic-version=3,dumpdtb=$2.raw" -cpu max -m "$mem" -display none -nic none \
			-kernel "$ISV_ROM" -append "$1" >/dev/null 2>&1 && [ -s "$2.raw" ] &&
			{ dtc -q -I dtb -O dtb -o "$2" "$2.raw" 2>/dev/null || mv "$2.raw" "$2"; } && rm -f "$2.raw" &&
			return 0
	fi
	command -v dtc >/dev/null 2>&1 || { echo "cmd: {dtb} needs $q or dtc" >&2; return 1; }
	dtc -q -I dts -O dtb -o "$2" - <<DTS
/dts-v1/;
/ {
	#address-cells = <2>; #size-cells = <2>;
	compatible = "linux,dummy-virt"; interrupt-parent = <&gic>;
	psci { compatible = "arm,psci-1.0", "arm,psci-0.2"; method = "hvc"; };
	memory@40000000 { device_type = "memory"; reg = <0 0x40000000 0 $((mem * 1048576))>; };
	gic: intc@8000000 { compatible = "arm,gic-v3"; #interrupt-cells = <3>;
		interrupt-controller; reg = <0 0x8000000 0 0x10000>, <0 0x80a0000 0 0xf60000>; };
	pl011@9000000 { compatible = "arm,pl011", "arm,primecell";
		reg = <0 0x9000000 0 0x1000>; };
	chosen { bootargs = "$1"; stdout-path = "/pl011@9000000"; };
};
DTS
}

profile_check() {
	if [ -n "$R_DTB_BASE" ]; then cmd_base_dtb || return 1; fi
	for w in $R_CMD; do
		case $w in *=*) continue ;; esac
		command -v "$w" >/dev/null 2>&1 && return 0
		echo "cmd: '$w' not found" >&2; return 1
	done
	echo "cmd: empty command template" >&2; return 1
}

profile_boot() {
	dtb="" romdtb=""
	case $R_CMD in *"{dtb}"* | *"{romdtb}"*)
		dtb=$R_RESULTS/boot-$(pad "$R_BOOTS").dtb
		cmd_dtb "$1" "$dtb" || return 125 ;;
	esac
	case $R_CMD in *"{romdtb}"*)
		romdtb=$R_RESULTS/boot-$(pad "$R_BOOTS").rom+dtb.bin
		cat "$ISV_ROM" "$dtb" > "$romdtb" || return 125 ;;
	esac
	sh -c "$(cmd_expand "$1" "$dtb" "$romdtb")"
}
