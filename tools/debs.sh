#!/bin/sh
# tools/debs.sh - fetch and unpack Debian packages of a foreign architecture
# (arm64) into the build tree, without touching the host's apt/dpkg setup.
#
#   tools/debs.sh STATE_DIR fetch  PKG...      download PKG:arm64 .debs into STATE_DIR/debs
#   tools/debs.sh STATE_DIR unpack DEST PKG... dpkg -x each downloaded PKG into DEST
#   tools/debs.sh STATE_DIR closure PKG        print the Depends closure (arm64 names)
#
# A private apt state (lists, cache, empty dpkg status) lives in STATE_DIR/apt;
# the host's own sources (/etc/apt/sources.list{,.d}) are read, with the
# architecture overridden to arm64. DEBS_SUITE=SUITE (e.g. trixie) reads a
# private sources list naming only that Debian suite instead (same keyring;
# use a separate STATE_DIR per suite). Package lists are refreshed once (then
# cached); a .deb already in STATE_DIR/debs is never downloaded again.
set -eu
[ $# -ge 2 ] || { echo "usage: $0 STATE_DIR fetch|unpack|closure ..." >&2; exit 2; }
state=$1; shift
op=$1; shift
arch=${DEBS_ARCH:-arm64}
mkdir -p "$state/apt/lists/partial" "$state/apt/cache/archives/partial" "$state/debs"
[ -e "$state/apt/status" ] || : > "$state/apt/status"
state=$(cd "$state" && pwd)
suite=${DEBS_SUITE:-}
suite_opts="" # apt options for DEBS_SUITE: a private sources list, no host parts
if [ -n "$suite" ]; then
	case $suite in *[!a-z0-9-]*) echo "debs: bad suite name '$suite'" >&2; exit 2 ;; esac
	mkdir -p "$state/apt/sources.list.d"
	printf 'deb [arch=%s signed-by=%s] %s %s main\n' "$arch" \
		"${DEBS_KEYRING:-/usr/share/keyrings/debian-archive-keyring.gpg}" \
		"${DEBS_MIRROR:-http://deb.debian.org/debian}" "$suite" > "$state/apt/sources.list"
	suite_opts="-o Dir::Etc::SourceList=$state/apt/sources.list -o Dir::Etc::SourceParts=$state/apt/sources.list.d"
fi

apt_() { # apt_ apt-get|apt-cache ARGS...: run with the private state
	tool=$1; shift
	# shellcheck disable=SC2086 # suite_opts: several words
	"$tool" -o "APT::Architecture=$arch" -o "APT::Architectures::=$arch" \
		-o "Dir::State::Lists=$state/apt/lists" -o "Dir::State::status=$state/apt/status" \
		-o "Dir::Cache=$state/apt/cache" -o "Debug::NoLocking=1" -o "APT::Sandbox::User=root" \
		$suite_opts "$@"
}
update_once() {
	[ -e "$state/apt/updated" ] && return 0
	echo "debs: fetching $arch package lists (private apt state in $state/apt)" >&2
	apt_ apt-get -qq update >&2 || { echo "debs: apt-get update for $arch failed" >&2; exit 1; }
	: > "$state/apt/updated"
}
debfile() { # newest downloaded .deb for package $1
	for f in "$state/debs/${1}_"*"_${arch}.deb" "$state/debs/${1}_"*"_all.deb"; do
		[ -e "$f" ] && last=$f
	done
	printf '%s\n' "${last:-}"
	last=""
}

case $op in
fetch)
	need=""
	for p in "$@"; do [ -n "$(debfile "$p")" ] || need="$need $p:$arch"; done
	[ -z "$need" ] && exit 0
	update_once
	echo "debs: downloading$need" >&2
	# shellcheck disable=SC2086
	(cd "$state/debs" && { apt_ apt-get -qq download $need 2>&1 | grep -v 'unsandboxed' >&2; } ) || true
	for p in "$@"; do
		[ -n "$(debfile "$p")" ] || { echo "debs: could not download $p:$arch" >&2; exit 1; }
	done
	;;
unpack)
	dest=$1; shift
	mkdir -p "$dest"
	for p in "$@"; do
		f=$(debfile "$p")
		[ -n "$f" ] || { echo "debs: $p not downloaded" >&2; exit 1; }
		dpkg -x "$f" "$dest"
	done
	;;
closure)
	update_once
	apt_ apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts \
		--no-breaks --no-replaces --no-enhances "$1:$arch" 2>/dev/null |
		grep -v '^ ' | grep -v '^<' | sed "s/:$arch\$//" | sort -u
	;;
*) echo "debs: unknown operation '$op'" >&2; exit 2 ;;
esac
