#!/bin/sh
# Start check of the datasource executables in a throwaway chroot that holds only what matters of
# Grafana's official Alpine image:
#   amd64: static busybox (/bin/sh ...), musl (/lib/ld-musl-x86_64.so.1 + libc.musl symlink), the
#          minimal glibc of grafana/grafana's Dockerfile in /usr/glibc-compat/lib (ld-linux-x86-64,
#          libc, libdl, libm, libpthread, librt, libresolv; /lib64/ld-linux-x86-64.so.2 symlink);
#          NO libstdc++ / libgcc_s anywhere.
#   arm64: a static arm64 busybox only (Alpine arm64 has no glibc at all); run under qemu-user-static.
# busybox-static (amd64, arm64), musl, libc6 and qemu-user-static are Debian 12 packages downloaded by
# scripts/fetch-debian-packages.sh and extracted under .cache/alpine/: nothing is installed on the host.
# For arm64 an aarch64 binfmt_misc entry with flag F (so it works inside the chroot) is needed: an
# existing one is used as it is; otherwise a uniquely named one is registered with the extracted
# qemu-aarch64-static for the duration of the check and removed on exit (also on failure or
# interrupt), and binfmt_misc is mounted only if it is not, and then unmounted again.
# dist/ is copied to /var/lib/grafana/plugins/argoperf-workflows-app, the launcher is started the way
# Grafana starts it (absolute path, cwd /usr/share/grafana, uid 472, env grafana_plugin_type=datasource
# only), the first stdout line must be `1|2|unix|<path>|grpc` (or `1|2|tcp|127.0.0.1:<port>|grpc`), grpc.health.v1.Health/Check
# for "plugin" must answer SERVING, then the process is stopped (SIGTERM, SIGKILL after 5 s).
# Negative checks (amd64) prove the check detects a start failure: the bare Node executable without
# the launcher, and the launcher with its bundled libstdc++ hidden, must both fail to start.
#
# usage: test/alpine/run.sh [--arch amd64|arm64|all] [--dist DIR] [--keep] [--no-negative]
# Needs root: chroot, mount (/proc in the chroot, binfmt_misc), mknod and the binfmt_misc entry.
set -eu

HERE=$(CDPATH= cd -P -- "$(dirname -- "$0")" && pwd -P)
ROOT=$(CDPATH= cd -P -- "$HERE/../.." && pwd -P)
CACHE=$ROOT/.cache/alpine
ARCHES=amd64
DIST=$ROOT/dist
KEEP=0
NEGATIVE=1
PLUGIN_REL=/var/lib/grafana/plugins/argoperf-workflows-app
EXE_NAME=gpx_argoperf_workflows

while [ $# -gt 0 ]; do
  case $1 in
    --arch) ARCHES=$2; [ "$ARCHES" = all ] && ARCHES="amd64 arm64"; shift 2 ;;
    --dist) DIST=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --no-negative) NEGATIVE=0; shift ;;
    -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

say() { printf '[alpine] %s\n' "$*"; }
FAILED=0
fail() { printf '[alpine] FAIL: %s\n' "$*" >&2; FAILED=1; exit 1; }

FETCH_DEBS=$ROOT/scripts/fetch-debian-packages.sh
[ "$(id -u)" = 0 ] || fail "needs root (chroot, mount, mknod, binfmt_misc); run it as root, e.g. sudo $0"
[ "$(uname -m)" = x86_64 ] || fail "this check runs on an x86_64 host"
[ -d "$DIST/datasource" ] || fail "$DIST/datasource not found (run scripts/package/build-executables.sh)"
command -v node >/dev/null || fail "node is needed on the host for the health check"
for tool in chroot mount umount mknod dpkg-deb; do
  command -v "$tool" >/dev/null || fail "$tool is needed (util-linux, coreutils and dpkg of a Debian/Ubuntu host)"
done
"$FETCH_DEBS" --check || fail "cannot download Debian packages (see above)"

debs_root() { # <name> <package:arch>...: Debian packages (with dependencies) extracted; prints the root
  d=$CACHE/debs/$1
  shift
  if [ ! -d "$d/root" ]; then
    rm -rf "$d" && mkdir -p "$d/root.tmp"
    "$FETCH_DEBS" "$d" "$@" >&2 || fail "cannot download $* from Debian's archive"
    for deb in "$d"/*.deb; do dpkg-deb -x "$deb" "$d/root.tmp" || fail "cannot extract $deb"; done
    mv "$d/root.tmp" "$d/root"
  fi
  echo "$d/root"
}

# ------------------------------------------------------------------ chroot setup / teardown
W=
R=
PID=
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -KILL "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  PID=
  [ -n "$W" ] && [ -d "$W" ] || return 0
  # unmount everything below $R (deepest first) before deleting anything
  for m in $(awk -v r="$R" '$2 == r || index($2, r "/") == 1 { print $2 }' /proc/mounts | sort -r); do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done
  if awk -v r="$R" 'index($2, r "/") == 1 { found = 1 } END { exit !found }' /proc/mounts; then
    echo "[alpine] WARNING: mounts remain below $R, not deleting $W" >&2
  elif [ "$KEEP" = 1 ]; then
    say "kept $W (unmounted)"
  else
    rm -rf --one-file-system "$W"
  fi
  W= R=
}
trap 'cleanup; binfmt_cleanup' EXIT
trap 'exit 130' INT TERM HUP

make_dev() { # $1 root: /dev like a container's, /proc mounted, /tmp
  mkdir -p "$1/dev" "$1/proc" "$1/tmp" "$1/etc" "$1/usr/share/grafana" "$1/var/lib/grafana/plugins"
  chmod 1777 "$1/tmp"
  for spec in null:1:3 zero:1:5 full:1:7 random:1:8 urandom:1:9 tty:5:0; do
    n=${spec%%:*} mm=${spec#*:}
    if ! mknod -m 666 "$1/dev/$n" c "${mm%%:*}" "${mm#*:}" 2>/dev/null; then
      : >"$1/dev/$n" && mount --bind "/dev/$n" "$1/dev/$n"
    fi
  done
  mount -t proc proc "$1/proc" || fail "cannot mount /proc in the chroot"
  printf 'root:x:0:0:root:/root:/bin/sh\ngrafana:x:472:0:grafana:/home/grafana:/sbin/nologin\n' >"$1/etc/passwd"
  printf 'root:x:0:grafana\n' >"$1/etc/group"
  printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost\n' >"$1/etc/hosts"
}

install_busybox() { # $1 root, $2 busybox binary (static)
  mkdir -p "$1/bin" "$1/sbin" "$1/usr/bin" "$1/usr/sbin"
  cp "$2" "$1/bin/busybox" || fail "cannot copy $2"
  chmod 0755 "$1/bin/busybox"
  # applet list from the amd64 static busybox, which runs here (same Debian version and config as arm64)
  host_bb=$(debs_root busybox-amd64 busybox-static:amd64)/bin/busybox
  for a in $("$host_bb" --list); do
    [ "$a" = busybox ] || ln -sf /bin/busybox "$1/bin/$a"
  done
  # it must run inside the chroot, alone (static; for arm64 this also proves the binfmt entry works)
  chroot "$1" /bin/busybox true || fail "$2 does not run in the chroot (not static, or no binfmt for its arch)"
}

copy_plugin() { # $1 root
  mkdir -p "$1$PLUGIN_REL"
  # hard links when possible (fast, same filesystem); the checks never modify files in place
  cp -al "$DIST/." "$1$PLUGIN_REL/" 2>/dev/null || cp -a "$DIST/." "$1$PLUGIN_REL/"
}

rootfs_amd64() {
  W=$(mktemp -d /tmp/argoperf-alpine-amd64.XXXXXX)
  R=$W/root
  mkdir -m 0755 "$R"
  bb=$(debs_root busybox-amd64 busybox-static:amd64)
  install_busybox "$R" "$bb/bin/busybox"
  # musl as Alpine has it: /lib/ld-musl-x86_64.so.1 and /lib/libc.musl-x86_64.so.1 -> it
  musl=$(debs_root musl-amd64 musl:amd64)
  mkdir -p "$R/lib"
  cp -L "$musl/lib/ld-musl-x86_64.so.1" "$R/lib/ld-musl-x86_64.so.1"
  ln -s ld-musl-x86_64.so.1 "$R/lib/libc.musl-x86_64.so.1"
  # grafana/grafana Dockerfile: glibc-bin tarball -> /usr/glibc-compat/lib/{ld-linux-x86-64.so.2,
  # libc.so.6,libdl.so.2,libm.so.6,libpthread.so.0,librt.so.1,libresolv.so.2}; mkdir /lib64;
  # ln -s /usr/glibc-compat/lib/ld-linux-x86-64.so.2 /lib64   (glibc 2.40 there, Debian 12's 2.36 here)
  glibc=$(debs_root glibc-amd64 libc6:amd64)/lib/x86_64-linux-gnu
  mkdir -p "$R/usr/glibc-compat/lib" "$R/lib64"
  for so in ld-linux-x86-64.so.2 libc.so.6 libdl.so.2 libm.so.6 libpthread.so.0 librt.so.1 libresolv.so.2; do
    cp -L "$glibc/$so" "$R/usr/glibc-compat/lib/$so" || fail "$so missing in Debian's libc6"
  done
  ln -s /usr/glibc-compat/lib/ld-linux-x86-64.so.2 "$R/lib64/ld-linux-x86-64.so.2"
  if find "$R" -xdev \( -name 'libstdc++*' -o -name 'libgcc_s*' \) | grep -q .; then
    fail "chroot unexpectedly holds libstdc++/libgcc_s"
  fi
  make_dev "$R"
  copy_plugin "$R"
}

BINFMT=/proc/sys/fs/binfmt_misc
BINFMT_MOUNTED=0   # 1: this check mounted binfmt_misc and unmounts it on exit
BINFMT_ENTRY=      # the entry this check registered, removed on exit
binfmt_cleanup() {
  if [ -n "$BINFMT_ENTRY" ] && [ -e "$BINFMT/$BINFMT_ENTRY" ]; then
    echo -1 >"$BINFMT/$BINFMT_ENTRY" && say "removed binfmt_misc entry $BINFMT_ENTRY" ||
      echo "[alpine] WARNING: could not remove $BINFMT/$BINFMT_ENTRY (echo -1 > it)" >&2
  fi
  BINFMT_ENTRY=
  if [ "$BINFMT_MOUNTED" = 1 ]; then
    umount "$BINFMT" || echo "[alpine] WARNING: could not unmount $BINFMT" >&2
    BINFMT_MOUNTED=0
  fi
}

ensure_qemu_binfmt() {
  qemu_root=$(debs_root qemu-amd64 qemu-user-static:amd64)
  qemu=$qemu_root/usr/bin/qemu-aarch64-static
  conf=$qemu_root/usr/lib/binfmt.d/qemu-aarch64.conf
  [ -x "$qemu" ] && [ -f "$conf" ] || fail "qemu-user-static has no qemu-aarch64-static or $conf"
  [ -d "$BINFMT" ] || fail "this kernel has no binfmt_misc (CONFIG_BINFMT_MISC), needed to run arm64 under qemu"
  if [ ! -e "$BINFMT/register" ]; then
    mount -t binfmt_misc binfmt_misc "$BINFMT" || fail "cannot mount binfmt_misc on $BINFMT"
    BINFMT_MOUNTED=1
  fi
  # magic and mask of aarch64 ELF executables as qemu-user-static registers them (:name:M::magic:mask:...)
  line=$(grep -v '^#' "$conf" | head -n 1)
  magic=$(echo "$line" | cut -d: -f5) mask=$(echo "$line" | cut -d: -f6)
  hex=$(echo "$magic" | sed 's/\\x//g')
  for entry in "$BINFMT"/*; do
    case ${entry##*/} in register|status) continue ;; esac
    # F: the interpreter was opened when registered, so it runs inside the chroot too
    if grep -qx enabled "$entry" && grep -qx "magic $hex" "$entry" && grep -q '^flags:.*F' "$entry"; then
      say "using the existing binfmt_misc entry ${entry##*/} (flag F), left as it is"
      return 0
    fi
  done
  BINFMT_ENTRY=argoperf-aarch64-$$
  printf ':%s:M::%s:%s:%s:F\n' "$BINFMT_ENTRY" "$magic" "$mask" "$qemu" >"$BINFMT/register" ||
    { BINFMT_ENTRY=; fail "cannot register an aarch64 entry in binfmt_misc"; }
  say "registered binfmt_misc entry $BINFMT_ENTRY ($qemu, flag F) for this check; removed on exit"
}

rootfs_arm64() {
  ensure_qemu_binfmt
  W=$(mktemp -d /tmp/argoperf-alpine-arm64.XXXXXX)
  R=$W/root
  mkdir -m 0755 "$R"
  bb=$(debs_root busybox-arm64 busybox-static:arm64)
  install_busybox "$R" "$bb/bin/busybox"
  make_dev "$R"
  copy_plugin "$R"
}

# ------------------------------------------------------------------ start check
# start_plugin <label> <timeout s> <command inside the chroot> [env...]: sets PID, OUT, ERR, LINE, ADDRESS, SOCKET,
# START_MS; returns 1 with REASON set when no valid handshake arrives.
start_plugin() {
  label=$1 timeout=$2 cmd=$3
  shift 3
  OUT=$W/$label.out ERR=$W/$label.err SOCKET=
  : >"$OUT"; : >"$ERR"
  t0=$(date +%s%N)
  env -i grafana_plugin_type=datasource "$@" /usr/sbin/chroot --userspec=472:0 "$R" \
    /bin/sh -c 'cd /usr/share/grafana && exec "$0"' "$cmd" >"$OUT" 2>"$ERR" </dev/null &
  PID=$!
  end=$(( $(date +%s) + timeout ))
  while [ "$(wc -l <"$OUT")" -lt 1 ]; do
    if ! kill -0 "$PID" 2>/dev/null; then
      rc=0; wait "$PID" || rc=$?; PID=
      REASON="exited with status $rc before printing a handshake"; return 1
    fi
    if [ "$(date +%s)" -ge "$end" ]; then REASON="no handshake line within ${timeout}s"; return 1; fi
    sleep 0.01
  done
  START_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
  IFS= read -r LINE <"$OUT" || true
  case $LINE in
    "1|2|tcp|127.0.0.1:"*"|grpc")
      PORT=${LINE#1|2|tcp|127.0.0.1:}; PORT=${PORT%|grpc}; ADDRESS=127.0.0.1:$PORT
      case $PORT in ''|*[!0-9]*) REASON="bad port in handshake: $LINE"; return 1 ;; esac ;;
    "1|2|unix|/"*"|grpc")
      # the path is inside the chroot; seen from here it is under the chroot's root
      SOCKET=${LINE#1|2|unix|}; SOCKET=${SOCKET%|grpc}; ADDRESS=unix:$R$SOCKET ;;
    *) REASON="first stdout line is not a go-plugin handshake: $LINE"; return 1 ;;
  esac
  return 0
}

stop_plugin() {
  [ -n "$PID" ] || return 0
  kill -TERM "$PID" 2>/dev/null || true
  i=0
  while kill -0 "$PID" 2>/dev/null && [ $i -lt 500 ]; do sleep 0.01; i=$((i + 1)); done
  if kill -0 "$PID" 2>/dev/null; then
    say "WARNING: did not exit within 5 s of SIGTERM, sending SIGKILL"
    kill -KILL "$PID" 2>/dev/null || true
  else
    say "exited $((i * 10)) ms after SIGTERM"
  fi
  wait "$PID" 2>/dev/null || true
  PID=
}

show_stderr() { [ -s "$ERR" ] && { echo "--- stderr ($1):"; head -c 4000 "$ERR"; echo; echo "---"; } >&2 || true; }

check_arch() {
  arch=$1
  case $arch in
    amd64) rootfs_amd64; timeout=30; loader=ld-linux-x86-64.so.2 ;;
    arm64) rootfs_arm64; timeout=180; loader=ld-linux-aarch64.so.1 ;;
    *) fail "unknown arch $arch" ;;
  esac
  launcher=$PLUGIN_REL/datasource/${EXE_NAME}_linux_$arch
  [ -f "$R$launcher" ] || fail "$launcher missing in dist"
  say "linux/$arch chroot: $R"
  say "starting $launcher"
  if ! start_plugin "$arch" "$timeout" "$launcher"; then
    show_stderr "$arch"
    fail "linux/$arch: $REASON"
  fi
  say "handshake after ${START_MS} ms: $LINE"
  exe=$(readlink "/proc/$PID/exe" 2>/dev/null || true)
  say "pid $PID runs $exe"
  if [ "$arch" = amd64 ]; then
    case $exe in */runtime/linux_amd64/lib/$loader) ;;
      *) stop_plugin; fail "the handshake PID is not the bundled loader (exec chain broken?): $exe" ;; esac
  fi
  tr '\0' '\n' <"/proc/$PID/environ" | grep -qx "ARGOPERF_EXECUTABLE_DIR=$PLUGIN_REL/datasource" ||
    { stop_plugin; fail "ARGOPERF_EXECUTABLE_DIR is not $PLUGIN_REL/datasource in the plugin's environment"; }
  hc_timeout=5000; [ "$arch" = arm64 ] && hc_timeout=60000
  if ! hc=$(node "$HERE/health-check.cjs" "$ADDRESS" plugin "$hc_timeout"); then
    show_stderr "$arch"; stop_plugin; fail "linux/$arch: health check failed"
  fi
  say "grpc.health.v1.Health/Check(plugin): $hc"
  stop_plugin
  if [ -n "$SOCKET" ] && [ -e "$R$SOCKET" ]; then fail "linux/$arch: the plugin left its socket file $SOCKET behind after SIGTERM"; fi
  [ "$(wc -l <"$OUT")" -le 1 ] || say "WARNING: more than one stdout line (Grafana ignores the rest)"

  if [ "$arch" = amd64 ] && [ "$NEGATIVE" = 1 ]; then
    rt=$PLUGIN_REL/datasource/runtime/linux_amd64
    # 1. a plain Node SEA (no launcher, no bundled libs) through the image's glibc-compat loader;
    #    LD_LIBRARY_PATH stands in for the /usr/glibc-compat prefix that Grafana's glibc build has
    say "negative 1: $rt/argoperf-workflows started directly (no launcher) must fail"
    if start_plugin neg1 20 "$rt/argoperf-workflows" LD_LIBRARY_PATH=/usr/glibc-compat/lib; then
      stop_plugin; fail "negative 1 started although the image has no libstdc++ - the chroot is not faithful"
    fi
    say "  failed as expected: $REASON; stderr: $(head -c 300 "$ERR")"
    # 2. the launcher with its bundled libstdc++ hidden
    say "negative 2: launcher with runtime/linux_amd64/lib/libstdc++.so.6 hidden must fail"
    mv "$R$rt/lib/libstdc++.so.6" "$R$rt/lib/libstdc++.so.6.hidden"
    ok=0; start_plugin neg2 20 "$launcher" || ok=1
    mv "$R$rt/lib/libstdc++.so.6.hidden" "$R$rt/lib/libstdc++.so.6"
    [ $ok = 1 ] || { stop_plugin; fail "negative 2 started without libstdc++ - the check cannot see missing libraries"; }
    say "  failed as expected: $REASON; stderr: $(head -c 300 "$ERR")"
  fi
  if [ "$arch" = arm64 ] && [ "$NEGATIVE" = 1 ]; then
    rt=$PLUGIN_REL/datasource/runtime/linux_arm64
    say "negative: $rt/argoperf-workflows started directly (no launcher, no glibc in the image) must fail"
    if start_plugin neg1 60 "$rt/argoperf-workflows"; then
      stop_plugin; fail "the bare arm64 executable started in a chroot without glibc - the chroot is not faithful"
    fi
    say "  failed as expected: $REASON; stderr: $(head -c 300 "$ERR")"
  fi
  cleanup
  say "linux/$arch: PASS"
}

for a in $ARCHES; do check_arch "$a"; done
say "all checks passed ($ARCHES)"
