#!/bin/sh
# tools/check-elf.sh CROSS_COMPILE ELF: the ROM must be fully position
# independent: only R_AARCH64_RELATIVE dynamic relocations (head.S applies
# nothing else).
set -eu
cross=$1 elf=$2
bad=$("${cross}readelf" -rW "$elf" | awk '/^ *[0-9a-f]+ +[0-9a-f]+ +R_AARCH64_/ && $3 != "R_AARCH64_RELATIVE" {print $3}' | sort -u)
if [ -n "$bad" ]; then
	echo "check-elf: $elf has relocations head.S cannot apply: $bad" >&2
	exit 1
fi
