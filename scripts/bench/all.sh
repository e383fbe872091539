#!/usr/bin/env bash
# `npm run bench`: every benchmark of docs/benchmarks.md, one after the other, on one Elasticsearch
# node: ES_URL, or this checkout's test node (scripts/elasticsearch/start.sh), started here if it is
# not running and then stopped at the end. The Argo Server test double is started by each benchmark
# that needs it, in its own process. Run `npm run build` first (the benchmarks use dist/).
#
#   npm run bench              the sizes of docs/benchmarks.md
#   npm run bench -- --quick   small sizes: proves that everything starts and finishes (figures meaningless)
set -euo pipefail
cd "$(dirname "$0")/../.."

quick=0
case "${1:-}" in
  --quick) quick=1 ;;
  '') ;;
  *) echo "usage: npm run bench [-- --quick]" >&2; exit 2 ;;
esac
[ -x dist/datasource/gpx_argoperf_workflows_linux_amd64 ] || { echo "build first: npm run build" >&2; exit 1; }

started_file=$(mktemp)
es_started=
finish() {
  rm -f "$started_file"
  if [ "$es_started" = started ]; then scripts/elasticsearch/stop.sh || true; fi
}
trap finish EXIT
trap 'exit 130' INT TERM HUP
if [ -z "${ES_URL:-}" ]; then
  ES_URL=$(ES_STARTED_FILE=$started_file scripts/elasticsearch/start.sh)
  es_started=$(cat "$started_file")
  export ES_URL
fi

# The small searches and the QueryData floor from Grafana's own client (Go, go-plugin), on the index
# bench:queries made (hosttest/bench_test.go).
host_queries() {
  PLUGIN_EXECUTABLE=$PWD/dist/datasource/gpx_argoperf_workflows_linux_amd64 hosttest/run.sh -run '^$' -bench QueryData -benchtime "$1" |
    grep -E '^(Benchmark|ok|FAIL|---)'
}

if [ "$quick" = 1 ]; then
  sh scripts/bench/start-time.sh 3
  npm run -s bench:queries -- 3 20000 0
  host_queries 20x
  npm run -s bench:argo -- 300 1
  npm run -s bench:collector -- 300
  npm run -s bench:memory -- --clients 4 --load 5 --idle 12
  npm run -s bench:load -- --clients 4 --seconds 3 --rounds 1
  npm run -s bench:cron -- 2000,5000 1
  npm run -s bench:panel -- 1
else
  sh scripts/bench/start-time.sh
  npm run -s bench:queries
  host_queries 300x
  npm run -s bench:argo
  npm run -s bench:collector
  npm run -s bench:memory
  npm run -s bench:load
  npm run -s bench:cron
  npm run -s bench:panel
fi
