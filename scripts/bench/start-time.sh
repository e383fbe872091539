#!/bin/sh
# Cold start of the datasource executable (spawn → go-plugin handshake, median of 20), side by side
# with the floor: the same Node 24 binary, through the same bundled loader, printing a handshake-shaped
# line and doing nothing else. Run after `npm run build`.
#   sh scripts/bench/start-time.sh [runs=20]
set -eu
cd "$(dirname "$0")/../.."
launcher=dist/datasource/gpx_argoperf_workflows_linux_amd64
runtime=dist/datasource/runtime/linux_amd64
node=$(ls -d .cache/package/node/*/linux_amd64/node 2>/dev/null | head -n 1)
[ -x "$launcher" ] || { echo "build first: npm run build" >&2; exit 1; }
[ -n "$node" ] || { echo "no cached target node binary; run npm run build" >&2; exit 1; }

floor=$(mktemp)
trap 'rm -f "$floor"' EXIT
cat >"$floor" <<SH
#!/bin/sh
exec "$PWD/$runtime/lib/ld-linux-x86-64.so.2" --library-path "$PWD/$runtime/lib" "$PWD/$node" -e 'process.stdout.write("1|2|tcp|127.0.0.1:1|grpc\\n"); setInterval(() => {}, 1000)'
SH
chmod +x "$floor"

echo "plugin executable (gRPC server, all services):"
node scripts/package/measure-start.mjs --runs "${1:-20}" "$launcher"
echo "floor (same Node binary and loader, prints the line only):"
node scripts/package/measure-start.mjs --runs "${1:-20}" "$floor"
