#!/usr/bin/env bash
# Grafana host check: starts the datasource executable the way Grafana does (go-plugin, SDK handshake)
# and checks its answers with Grafana's Go libraries. See hosttest/README.md.
#
#   PLUGIN_EXECUTABLE=dist/datasource/gpx_argoperf_workflows_linux_amd64 \
#   ES_URL=$(scripts/elasticsearch/start.sh) hosttest/run.sh [extra go test flags, e.g. -run TestQueryData]
#
# Modules come from the Go module proxy (GOPROXY, default https://proxy.golang.org) on first use.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

die() { echo "hosttest/run.sh: $*" >&2; exit 2; }
command -v go >/dev/null 2>&1 || die "go not found (Go 1.26+ is needed)"
[ -n "${PLUGIN_EXECUTABLE:-}" ] || die "PLUGIN_EXECUTABLE is not set (path of the datasource executable)"
[ -n "${ES_URL:-}" ] || die "ES_URL is not set (scripts/elasticsearch/start.sh prints it)"

# The tests run inside hosttest/: make a relative executable path absolute first.
case $PLUGIN_EXECUTABLE in
  /*) ;;
  *) PLUGIN_EXECUTABLE=$(cd "$(dirname "$PLUGIN_EXECUTABLE")" && pwd)/$(basename "$PLUGIN_EXECUTABLE") ;;
esac
export PLUGIN_EXECUTABLE ES_URL

cd "$HERE"
start=$(date +%s)
go mod download
echo "hosttest/run.sh: modules ready in $(( $(date +%s) - start )) s" >&2
go test -count=1 -v "$@" ./...
