#!/bin/sh
# Prints the path of a Chromium the browser tests and the panel benchmark can start (playwright-core's
# executablePath): $CHROMIUM if set, else Debian's /usr/bin/chromium (`apt-get install chromium`), else a
# Chromium this script fetches once into .cache/chromium/ without installing anything: Debian 12's
# chromium .deb and its dependencies through scripts/fetch-debian-packages.sh, extracted with
# dpkg-deb -x, started through a wrapper that sets LD_LIBRARY_PATH (the host's own C library is kept:
# libc6 is not extracted). ARGOPERF_CHROMIUM_FETCH=1 skips $CHROMIUM and /usr/bin/chromium (to try the
# fetched one).
set -eu

ROOT=$(CDPATH= cd -P -- "$(dirname -- "$0")/../.." && pwd -P)
CACHE=$ROOT/.cache/chromium
WRAPPER=$CACHE/chromium

if [ "${ARGOPERF_CHROMIUM_FETCH:-}" != 1 ]; then
  if [ -n "${CHROMIUM:-}" ]; then echo "$CHROMIUM"; exit 0; fi
  if [ -x /usr/bin/chromium ]; then echo /usr/bin/chromium; exit 0; fi
fi
if [ -x "$WRAPPER" ]; then echo "$WRAPPER"; exit 0; fi

[ "$(uname -m)" = x86_64 ] || { echo "no chromium: install it (apt-get install chromium) or set CHROMIUM" >&2; exit 1; }
command -v dpkg-deb >/dev/null || { echo "dpkg-deb is needed to extract the chromium .deb (or install chromium)" >&2; exit 1; }
echo "[chromium] fetching Debian 12's chromium into $CACHE (once)" >&2
rm -rf "$CACHE.partial"
mkdir -p "$CACHE.partial/debs" "$CACHE.partial/root"
"$ROOT/scripts/fetch-debian-packages.sh" "$CACHE.partial/debs" chromium:amd64
for deb in "$CACHE.partial/debs"/*.deb; do
  case $(basename "$deb") in libc6_* | libc-bin_*) continue ;; esac
  dpkg-deb -x "$deb" "$CACHE.partial/root"
done
R=$CACHE/root
cat >"$CACHE.partial/chromium" <<WRAP
#!/bin/sh
export LD_LIBRARY_PATH="$R/usr/lib/chromium:$R/usr/lib/x86_64-linux-gnu:$R/lib/x86_64-linux-gnu\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
export FONTCONFIG_PATH="\${FONTCONFIG_PATH:-$R/etc/fonts}"
exec "$R/usr/lib/chromium/chromium" "\$@"
WRAP
chmod +x "$CACHE.partial/chromium"
rm -rf "$CACHE.partial/debs" # extracted: only root/ is used
rm -rf "$CACHE" && mv "$CACHE.partial" "$CACHE"
echo "$WRAPPER"
