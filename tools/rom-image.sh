#!/bin/sh
# tools/rom-image.sh CROSS_COMPILE ELF BIN [DTB|DTS]: the Image file from the
# ELF, padded to _file_end (where the ROM looks for an appended DTB, see
# startup/boot.h), then the DTB appended when one is given at build time
# (DTS compiled, DTB compacted by dtc). Same layout as
# `cat isvsuite.bin my.dtb > rom.bin` by hand.
set -eu
cross=$1 elf=$2 bin=$3 dt=${4:-}
APPENDED_DTB_MAX=65536           # startup/boot.h
"${cross}objcopy" -O binary "$elf" "$bin"
end=$(printf '%d' "0x$("${cross}nm" "$elf" | awk '$3 == "_file_end" { print $1 }')")
size=$(wc -c < "$bin")
[ "$size" -le "$end" ] || { echo "rom-image: $bin is $size bytes, past _file_end ($end)" >&2; exit 1; }
truncate -s "$end" "$bin"
[ -n "$dt" ] || exit 0
[ -f "$dt" ] || { echo "rom-image: no such file '$dt'" >&2; exit 1; }
case $dt in *.dts) in=dts ;; *) in=dtb ;; esac
dtc -q -I "$in" -O dtb -o "$bin.dtb" "$dt"
dsize=$(wc -c < "$bin.dtb")
[ "$dsize" -le "$APPENDED_DTB_MAX" ] ||
	{ echo "rom-image: $dt compiles to $dsize bytes, more than $APPENDED_DTB_MAX" >&2; exit 1; }
cat "$bin.dtb" >> "$bin"
rm -f "$bin.dtb"
