# profiles/qemu-tcg-10.sh - the qemu-tcg profile on Debian 13 (trixie)'s
# QEMU 10.0 (qemu-system-arm:amd64 and its Depends closure, fetched with a
# private apt state naming trixie and run from its own unpacked root with its
# own loader and libraries; the host's QEMU is not touched). QEMU 10's -cpu
# max has FEAT_MOPS, so the MOPS cases run instead of skipping.
# Same options (--popt) as qemu-tcg; qemu=BINARY overrides the fetched one.
# Assets: $ISV_ASSETS/qemu-10 (root/ and the qemu-system-aarch64 launcher),
# first run ~37 MB of .debs. x86-64 hosts only (the packages are amd64).
q10_dir=$ISV_ASSETS/qemu-10
q10_debs=$ISV_ASSETS/debs-trixie-amd64
ISV_POPT_qemu=${ISV_POPT_qemu:-$q10_dir/qemu-system-aarch64}
# shellcheck source=profiles/qemu-tcg.sh
. "$ISV_TOP/profiles/qemu-tcg.sh"

profile_check() {
	[ "$(uname -m)" = x86_64 ] || { echo "qemu-tcg-10: Debian 13's amd64 QEMU needs an x86-64 host" >&2; return 1; }
	for t in apt-get apt-cache dpkg; do
		command -v $t >/dev/null 2>&1 ||
			{ echo "qemu-tcg-10: $t not found (QEMU 10 comes from Debian 13 packages)" >&2; return 1; }
	done
}

# QEMU 10 and its libraries unpacked into q10_dir/root; the launcher runs
# the binary through the root's own ld.so with the root's libraries.
profile_prepare() {
	[ -x "$q10_dir/qemu-system-aarch64" ] && return 0
	pkgs=$(DEBS_SUITE=trixie DEBS_ARCH=amd64 "$ISV_TOP/tools/debs.sh" "$q10_debs" closure qemu-system-arm)
	[ -n "$pkgs" ] || { echo "qemu-tcg-10: no qemu-system-arm:amd64 in trixie" >&2; return 1; }
	rm -rf "$q10_dir/root"
	# shellcheck disable=SC2086 # a package list
	DEBS_SUITE=trixie DEBS_ARCH=amd64 "$ISV_TOP/tools/debs.sh" "$q10_debs" fetch $pkgs &&
		DEBS_SUITE=trixie DEBS_ARCH=amd64 "$ISV_TOP/tools/debs.sh" "$q10_debs" unpack "$q10_dir/root" $pkgs ||
		return 1
	cat > "$q10_dir/launch.tmp" <<'LAUNCH'
#!/bin/sh
# Debian 13's QEMU 10 from its unpacked root (profiles/qemu-tcg-10.sh).
r=$(dirname "$0")/root
exec "$r/usr/lib64/ld-linux-x86-64.so.2" --library-path "$r/usr/lib/x86_64-linux-gnu" \
	"$r/usr/bin/qemu-system-aarch64" -L "$r/usr/share/qemu" "$@"
LAUNCH
	chmod +x "$q10_dir/launch.tmp" && mv "$q10_dir/launch.tmp" "$q10_dir/qemu-system-aarch64"
	"$q10_dir/qemu-system-aarch64" --version | head -n 1 >&2
}
