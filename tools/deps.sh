#!/bin/sh
# tools/deps.sh - make sure host packages are installed.
#
#   tools/deps.sh PKG[:CMD] ...
#
# Each argument names a Debian package, optionally with a command that proves
# it is present (e.g. "qemu-system-arm:qemu-system-aarch64"). Without a
# command, dpkg's status is checked. Missing packages are installed with one
# apt-get update + apt-get install (we are root on Debian, or sudo works).
# On a non-Debian host the missing package names are printed and we fail.
set -eu

missing=""
for spec in "$@"; do
	pkg=${spec%%:*}
	cmd=""
	case $spec in *:*) cmd=${spec#*:} ;; esac
	if [ -n "$cmd" ]; then
		command -v "$cmd" >/dev/null 2>&1 && continue
	elif command -v dpkg-query >/dev/null 2>&1; then
		st=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
		[ "$st" = "install ok installed" ] && continue
	fi
	missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps: missing packages:$missing (Debian names; install the equivalents for your distribution)" >&2
	exit 1
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
	if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
		echo "deps: missing packages:$missing; run as root: apt-get install$missing" >&2
		exit 1
	fi
fi
echo "deps: installing missing Debian packages:$missing" >&2
stamp=${ISV_APT_UPDATED:-/tmp/.isvsuite-apt-updated}
if [ ! -e "$stamp" ]; then
	$SUDO apt-get update -qq >&2 || { echo "deps: apt-get update failed" >&2; exit 1; }
	: > "$stamp" 2>/dev/null || true
fi
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >&2 || {
	echo "deps: apt-get install$missing failed" >&2; exit 1; }
