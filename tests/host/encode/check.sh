#!/bin/sh
# Encoder test: every encoding of a matrix disassembled by the cross objdump
# must read exactly as the case's own asm text (mnemonic, registers,
# addressing mode, immediate). Usage: check.sh DUMP CROSS_COMPILE WORKDIR [all|full|quick]
set -eu
dump=$1 cross=$2 work=$3 matrix=${4:-full}
mkdir -p "$work"
"$dump" "$matrix" "$work/words.S" "$work/expect.txt"
# Every extension a family may use; .inst makes the assembler check nothing.
{ printf '\t.arch armv8.8-a+sve+lse+rcpc+ls64+mops\n\t.text\n'; cat "$work/words.S"; } > "$work/all.S"
"${cross}as" -o "$work/all.o" "$work/all.S"
# objdump: "  addr:\tword \tmnemonic\toperands[\t// comment]" -> "mnemonic operands"
"${cross}objdump" -d "$work/all.o" |
	sed -n 's/^ *[0-9a-f]*:\t[0-9a-f]\{8\} \t//p' |
	sed 's/\t\/\/.*$//; s/\t/ /g; s/ *$//' > "$work/got.txt"
cut -f1 "$work/expect.txt" > "$work/want.txt"
n=$(wc -l < "$work/want.txt")
if [ "$n" -eq 0 ] || [ "$(wc -l < "$work/got.txt")" -ne "$n" ]; then
	echo "check.sh: $(wc -l < "$work/got.txt") disassembled lines for $n cases" >&2
	exit 1
fi
# Line by line: got, want, id of every disagreement.
paste "$work/got.txt" "$work/expect.txt" |
	awk -F '\t' '$1 != $2 && $4 == "unpredictable" && $1 ~ /; undefined$/ { undef++; next }
		$1 != $2 { bad++; if (bad <= 20) printf "MISMATCH %s\n  objdump: %s\n  case:    %s\n", $3, $1, $2 }
		END { if (undef) printf "%d CONSTRAINED UNPREDICTABLE encodings objdump calls undefined\n", undef
		      if (bad) { printf "%d of %d encodings disagree with their text\n", bad, NR; exit 1 } }'
echo "check.sh: $n $matrix encodings match objdump"
