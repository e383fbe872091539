#!/bin/sh
# Cold start of the datasource executable (spawn → go-plugin handshake, median of 20), side by side
# with the floor: the same Node 24 binary, through the same bundled loader, printing a handshake-shaped
# line and doing nothing else. Run after `npm run build`.
#   sh scripts/bench/start-time.sh [runs=20]
# The plugin is also timed to its first answers (measure-start.mjs --grpc: go-plugin's health check,
# a first CheckHealth), and a second floor shows what any Node gRPC server pays: the same Node binary
# loading node:http2 and listening before it prints the line. To compare two builds on a busy
# machine, alternate them in one run: node scripts/bench/start-compare.mjs (see its header).
set -eu
cd "$(dirname "$0")/../.."
launcher=dist/datasource/gpx_argoperf_workflows_linux_amd64
runtime=dist/datasource/runtime/linux_amd64
node=$(ls -d .cache/package/node/*/linux_amd64/node 2>/dev/null | head -n 1)
[ -x "$launcher" ] || { echo "build first: npm run build" >&2; exit 1; }
[ -n "$node" ] || { echo "no cached target node binary; run npm run build" >&2; exit 1; }

floor=$(mktemp)
http2floor=$(mktemp)
trap 'rm -f "$floor" "$http2floor"' EXIT
cat >"$floor" <<SH
#!/bin/sh
exec "$PWD/$runtime/lib/ld-linux-x86-64.so.2" --library-path "$PWD/$runtime/lib" "$PWD/$node" -e 'process.stdout.write("1|2|tcp|127.0.0.1:1|grpc\\n"); setInterval(() => {}, 1000)'
SH
cat >"$http2floor" <<SH
#!/bin/sh
exec "$PWD/$runtime/lib/ld-linux-x86-64.so.2" --library-path "$PWD/$runtime/lib" "$PWD/$node" -e 'const s = require("http2").createServer(); s.listen(0, "127.0.0.1", () => process.stdout.write("1|2|tcp|127.0.0.1:" + s.address().port + "|grpc\\n"))'
SH
chmod +x "$floor" "$http2floor"

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "plugin executable (gRPC server, all services):"
node scripts/package/measure-start.mjs --runs "${1:-20}" --grpc "$launcher"
echo "floor (same Node binary and loader, prints the line only):"
node scripts/package/measure-start.mjs --runs "${1:-20}" "$floor"
echo "http2 floor (same Node binary and loader, an empty node:http2 server listening, then the line):"
node scripts/package/measure-start.mjs --runs "${1:-20}" "$http2floor"
