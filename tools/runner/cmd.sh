# tools/runner/cmd.sh - the --cmd pseudo profile (sourced by runner.sh).
# The template is run by sh -c after {rom} {elf} {bootargs} {dtb} are
# replaced by shell-quoted words. {dtb}: a DTB with these bootargs, made per
# boot by QEMU's dumpdtb (virt, GICv3, ISV_POPT_mem MiB) or, without QEMU,
# by dtc from a minimal virt-like source.

shq() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

cmd_expand() { # BOOTARGS DTB: print the command line
	R_T_TPL=$R_CMD R_T_ROM=$(shq "$ISV_ROM") R_T_ELF=$(shq "$ISV_ELF") \
	R_T_ARGS=$(shq "$1") R_T_DTB=$(shq "$2") awk 'BEGIN {
		t = ENVIRON["R_T_TPL"]; k["{rom}"] = ENVIRON["R_T_ROM"]; k["{elf}"] = ENVIRON["R_T_ELF"]
		k["{bootargs}"] = ENVIRON["R_T_ARGS"]; k["{dtb}"] = ENVIRON["R_T_DTB"]; out = ""
		while ((i = index(t, "{")) > 0) {
			out = out substr(t, 1, i - 1); t = substr(t, i); hit = 0
			for (p in k) if (substr(t, 1, length(p)) == p) { out = out k[p]; t = substr(t, length(p) + 1); hit = 1 }
			if (!hit) { out = out "{"; t = substr(t, 2) }
		}
		print out t }'
}

cmd_dtb() { # BOOTARGS FILE
	q=${ISV_POPT_qemu:-qemu-system-aarch64} mem=${ISV_POPT_mem:-512}
	if command -v "$q" >/dev/null 2>&1; then
		"$q" -M "virt,gic-version=3,dumpdtb=$2" -cpu max -m "$mem" -display none \
			-kernel "$ISV_ROM" -append "$1" >/dev/null 2>&1 && [ -s "$2" ] && return 0
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
	for w in $R_CMD; do
		case $w in *=*) continue ;; esac
		command -v "$w" >/dev/null 2>&1 && return 0
		echo "cmd: '$w' not found" >&2; return 1
	done
	echo "cmd: empty command template" >&2; return 1
}

profile_boot() {
	dtb=""
	case $R_CMD in *"{dtb}"*)
		dtb=$R_RESULTS/boot-$(pad "$R_BOOTS").dtb
		cmd_dtb "$1" "$dtb" || return 125 ;;
	esac
	sh -c "$(cmd_expand "$1" "$dtb")"
}
