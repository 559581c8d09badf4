# profiles/xen-4.20.sh - Debian 13 (trixie)'s Xen 4.20
# (xen-hypervisor-4.20-arm64:arm64, fetched with a private apt state whose
# sources list names trixie), booted exactly as profiles/xen.sh boots 4.17:
# nested under qemu-system-aarch64 TCG, the ROM as a dom0less domU with a
# vpl011 console, no dom0. Same options (--popt) as xen; e.g.
# `--popt xenargs=conswitch=ax` keeps Xen's console (prefixed domU lines)
# instead of handing it to the domU: the verdicts are the same either way.
# shellcheck disable=SC2034 # read by profiles/xen.sh
XEN_DIR=$ISV_ASSETS/xen-4.20 XEN_PKG=xen-hypervisor-4.20-arm64 \
	XEN_DEBS=$ISV_ASSETS/debs-trixie XEN_SUITE=trixie
# shellcheck source=profiles/xen.sh
. "$ISV_TOP/profiles/xen.sh"
