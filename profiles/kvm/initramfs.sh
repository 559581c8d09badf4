#!/bin/sh
# profiles/kvm/initramfs.sh - build the layers of the nested KVM host's (L1)
# initramfs (called by mk/kvm.mk and profiles/kvm.sh). Each layer is a gzipped
# newc cpio; the kernel unpacks concatenated layers in order.
#
#   initramfs.sh base OUT BUSYBOX AGENT   /init (the agent) and busybox
#   initramfs.sh qemu OUT ROOT            ROOT/usr/bin/qemu-system-aarch64 with
#                                         its ELF interpreter and every shared
#                                         library it needs, found by reading
#                                         DT_NEEDED (cross readelf) recursively
#                                         in ROOT (unpacked Debian packages)
#   initramfs.sh dir OUT DIR              DIR's files (a per-boot layer)
#   initramfs.sh needed ROOT ELF...       print the library closure only
#
# READELF (default aarch64-linux-gnu-readelf) reads the arm64 binaries.
set -eu
READELF=${READELF:-aarch64-linux-gnu-readelf}
LIBDIRS="lib/aarch64-linux-gnu usr/lib/aarch64-linux-gnu lib usr/lib"

pack() { # DIR OUT: DIR's tree as a gzipped newc cpio, owned by root
	(cd "$1" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) | gzip -6 > "$2.tmp"
	mv "$2.tmp" "$2"
}

interp() { # ROOT-relative ELF: its program interpreter, without the leading /
	"$READELF" -l "$1" | sed -n 's/.*Requesting program interpreter: \/\([^]]*\)\].*/\1/p'
}

needed() { # ROOT ELF...: ROOT-relative paths of the DT_NEEDED closure
	root=$1; shift
	todo=$*; seen=" "
	while [ -n "$todo" ]; do
		# shellcheck disable=SC2086 # a word list
		set -- $todo; f=$1; shift; todo=$*
		for n in $("$READELF" -d "$root/$f" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
			case $seen in *" $n "*) continue ;; esac
			seen="$seen$n "
			found=""
			for d in $LIBDIRS; do
				[ -e "$root/$d/$n" ] && { found=$d/$n; break; }
			done
			[ -n "$found" ] || { echo "initramfs: $n (needed by $f) not found in $root" >&2; exit 1; }
			echo "$found"
			todo="$todo $found"
		done
	done
}

[ $# -ge 3 ] || { echo "usage: $0 base|qemu|dir|needed OUT|ROOT ..." >&2; exit 2; }
op=$1 out=$2; shift 2
case $op in
base)
	busybox=$1 agent=$2
	stage=$out.d; rm -rf "$stage"
	mkdir -p "$stage/bin" "$stage/proc" "$stage/sys" "$stage/dev" "$stage/tmp" "$stage/isv"
	cp "$busybox" "$stage/bin/busybox"
	ln -s busybox "$stage/bin/sh"
	cp "$agent" "$stage/init"
	chmod 755 "$stage/init" "$stage/bin/busybox"
	pack "$stage" "$out"; rm -rf "$stage"
	;;
qemu)
	root=$1 bin=usr/bin/qemu-system-aarch64
	[ -f "$root/$bin" ] || { echo "initramfs: $root/$bin missing" >&2; exit 1; }
	stage=$out.d; rm -rf "$stage"
	libs=$(needed "$root" "$bin")
	ld=$(interp "$root/$bin")
	[ -n "$ld" ] || { echo "initramfs: $bin has no program interpreter" >&2; exit 1; }
	for f in $bin $libs; do
		mkdir -p "$stage/$(dirname "$f")"
		cp -L "$root/$f" "$stage/$f"
	done
	# Merged /usr (Debian 13): the interpreter lives under usr/, and the /lib ->
	# usr/lib link comes from base-files, outside the closure.
	src=$ld
	[ -e "$root/$src" ] || src=usr/$ld
	mkdir -p "$stage/$(dirname "$ld")"
	cp -L "$root/$src" "$stage/$ld"
	echo "initramfs: qemu-system-aarch64 + $(echo "$libs" | wc -w) shared libraries + $ld" >&2
	pack "$stage" "$out"; rm -rf "$stage"
	;;
dir) pack "$1" "$out" ;;
needed) needed "$out" "$@" ;;
*) echo "initramfs: unknown layer '$op'" >&2; exit 2 ;;
esac
