#!/bin/sh
# Download Debian 12 (bookworm) .deb files through a private apt configuration, without touching the
# host's apt or dpkg: no `dpkg --add-architecture`, no installs, no root needed. Used by the build
# (C runtime of the executables) and by the Alpine check (busybox, musl, qemu).
#
#   scripts/fetch-debian-packages.sh <dir> <package>:<arch> ...   # the .debs, with their dependencies
#   scripts/fetch-debian-packages.sh --check                      # is what it needs there?
#
# <dir> receives each named package and what it depends on (Depends and Pre-Depends, no Recommends)
# as apt resolves them for an empty Debian 12 system, at the versions apt chose.
#
# Everything apt reads or writes lives in .cache/debian-apt/ (APT_CONFIG points there, so the host's
# apt.conf.d, sources, keys and dpkg status are ignored): its own sources list for bookworm and
# bookworm-security on deb.debian.org, signatures checked against the Debian archive keyring, both
# architectures' package lists. The lists are fetched when missing, and once more from scratch when a
# download fails (stale lists name versions the archive no longer has).
#
# Environment (optional): ARGOPERF_DEBIAN_MIRROR (default http://deb.debian.org/debian),
# ARGOPERF_DEBIAN_SECURITY_MIRROR (default http://deb.debian.org/debian-security),
# ARGOPERF_DEBIAN_KEYRING (default /usr/share/keyrings/debian-archive-keyring.gpg).
set -eu

ROOT=$(CDPATH= cd -P -- "$(dirname -- "$0")/.." && pwd -P)
APT_DIR=$ROOT/.cache/debian-apt
MIRROR=${ARGOPERF_DEBIAN_MIRROR:-http://deb.debian.org/debian}
SECURITY=${ARGOPERF_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
KEYRING=${ARGOPERF_DEBIAN_KEYRING:-/usr/share/keyrings/debian-archive-keyring.gpg}

die() { printf '[debian-packages] ERROR: %s\n' "$*" >&2; exit 1; }
say() { printf '[debian-packages] %s\n' "$*" >&2; }

check() {
  command -v apt-get >/dev/null ||
    die "apt-get is needed to download Debian packages (a Debian or Ubuntu host; nothing is installed with it)"
  [ -r "$KEYRING" ] ||
    die "$KEYRING is missing: apt-get install debian-archive-keyring (on Ubuntu too), or set ARGOPERF_DEBIAN_KEYRING"
}

write_config() {
  mkdir -p "$APT_DIR/apt.conf.d" "$APT_DIR/sources.list.d" "$APT_DIR/preferences.d" "$APT_DIR/trusted.gpg.d" \
    "$APT_DIR/lists/partial" "$APT_DIR/cache/archives/partial" "$APT_DIR/log"
  : >>"$APT_DIR/status"
  sandbox=
  # as root apt would hand downloads to the _apt user, who cannot write into this checkout
  [ "$(id -u)" = 0 ] && sandbox='APT::Sandbox::User "root";'
  cat >"$APT_DIR/apt.conf.tmp" <<EOF
Dir::Etc::main "/dev/null";
Dir::Etc::Parts "$APT_DIR/apt.conf.d";
Dir::Etc::SourceList "$APT_DIR/sources.list";
Dir::Etc::SourceParts "$APT_DIR/sources.list.d";
Dir::Etc::Preferences "$APT_DIR/preferences";
Dir::Etc::PreferencesParts "$APT_DIR/preferences.d";
Dir::Etc::Trusted "$APT_DIR/trusted.gpg";
Dir::Etc::TrustedParts "$APT_DIR/trusted.gpg.d";
Dir::State "$APT_DIR/";
Dir::State::Lists "$APT_DIR/lists/";
Dir::State::status "$APT_DIR/status";
Dir::Cache "$APT_DIR/cache/";
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
Dir::Log "$APT_DIR/log/";
APT::Architecture "amd64";
APT::Architectures { "amd64"; "arm64"; };
Acquire::Languages "none";
Acquire::GzipIndexes "true";
$sandbox
EOF
  mv "$APT_DIR/apt.conf.tmp" "$APT_DIR/apt.conf"
  cat >"$APT_DIR/sources.list" <<EOF
deb [arch=amd64,arm64 signed-by=$KEYRING] $MIRROR bookworm main
deb [arch=amd64,arm64 signed-by=$KEYRING] $SECURITY bookworm-security main
EOF
}

apt() { APT_CONFIG=$APT_DIR/apt.conf apt-get -q "$@"; }

update() {
  say "apt-get update (Debian 12 package lists into $APT_DIR/lists)"
  apt update >&2 || die "apt-get update of the private Debian lists failed: no network to $MIRROR, or $KEYRING
  lacks Debian 12's keys (NO_PUBKEY above: debian-archive-keyring 2023.3 or newer is needed, as in Debian 12
  and Ubuntu 24.04; elsewhere take that package's keyring from Debian and set ARGOPERF_DEBIAN_KEYRING)"
}

lists_present() { ls "$APT_DIR/lists/" 2>/dev/null | grep -q '_InRelease$'; }

# the packages and their dependencies as apt would install them on an empty system: name[:arch]=version
resolve() {
  apt -s install --no-install-recommends "$@" 2>"$APT_DIR/log/resolve.err" |
    sed -n 's/^Inst \([^ ]*\) (\([^ ]*\) .*\[\([^]]*\)\]).*/\1 \2 \3/p' |
    while read -r name version arch; do
      name=${name%%:*}
      if [ "$arch" = all ]; then echo "$name=$version"; else echo "$name:$arch=$version"; fi
    done
}

download() {
  set -- $(resolve "$@")
  [ $# -gt 0 ] || { cat "$APT_DIR/log/resolve.err" >&2; return 1; }
  (cd "$dir" && apt download "$@" >&2)
}

if [ "${1:-}" = --check ]; then check; exit 0; fi
[ $# -ge 2 ] || die "usage: $0 <dir> <package>:<arch> ..."
dir=$1
shift
check
write_config
lists_present || update
mkdir -p "$dir"
if ! download "$@"; then
  say "download failed; fetching the lists again, once (they may name versions the archive no longer has)"
  # from scratch: apt keeps index files whose Release entry looks unchanged, even if they are damaged
  rm -rf "$APT_DIR/lists" && mkdir -p "$APT_DIR/lists/partial"
  update
  download "$@" || die "apt-get download of $* (with dependencies) failed"
fi
