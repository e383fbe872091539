#!/usr/bin/env bash
# Smoke test of a running test node: the features the product relies on.
# Usage: scripts/elasticsearch/smoke.sh [URL]   (default: the URL written by start.sh)
# Needs curl; the last check also needs node and the @elastic/elasticsearch package of the repo.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
URL=${1:-$(cat "${ES_CACHE_DIR:-$ROOT/.cache/elasticsearch}/run/url")}
IDX=smoke-argo-perf-$$
TPL=smoke-argo-perf-tpl-$$
pass=0
fail=0

check() { # name, expected output (grep -E), curl args...
  local name=$1 want=$2
  shift 2
  check_cmd "$name" "$want" curl -sS -m 60 "$@"
}
check_cmd() { # name, expected output (grep -E), command...
  local name=$1 want=$2 out
  shift 2
  out=$("$@" 2>&1 || true)
  if grep -Eq -- "$want" <<<"$out"; then
    pass=$((pass + 1)); echo "ok   $name"
  else
    fail=$((fail + 1)); echo "FAIL $name: $(head -c 400 <<<"$out")"
  fi
}
JSON=(-H 'Content-Type: application/json')

check "GET / reports 8.x" '"number" *: *"8\.' "$URL/"
check "cluster health" '"status" *: *"(green|yellow)"' "$URL/_cluster/health"
check "PUT index template" '"acknowledged" *: *true' -X PUT "$URL/_index_template/$TPL" "${JSON[@]}" -d '{
  "index_patterns": ["'"$IDX"'*"], "priority": 500,
  "template": {
    "settings": {"number_of_shards": 1, "number_of_replicas": 0},
    "mappings": {"properties": {
      "start_time": {"type": "date"}, "labels": {"type": "flattened"},
      "workflow_name": {"type": "keyword"}, "duration_seconds": {"type": "double"}}}}}'
check "create index (mapping from template)" '"acknowledged" *: *true' -X PUT "$URL/$IDX"
check "flattened + date mapping applied" '"labels":\{"type":"flattened"\}.*"start_time":\{"type":"date"\}' "$URL/$IDX/_mapping"
bulk='{"index":{"_id":"1"}}
{"start_time":"2024-05-01T10:00:00Z","workflow_name":"train","duration_seconds":10,"labels":{"team":"cv"}}
{"index":{"_id":"2"}}
{"start_time":"2024-05-01T10:30:00Z","workflow_name":"train","duration_seconds":20,"labels":{"team":"cv"}}
{"index":{"_id":"3"}}
{"start_time":"2024-05-01T11:10:00Z","workflow_name":"ingest","duration_seconds":5,"labels":{"team":"data"}}
{"index":{"_id":"4"}}
{"start_time":"2024-05-01T11:20:00Z","workflow_name":"train","duration_seconds":40,"labels":{"team":"cv"}}
'
check "bulk index" '"errors" *: *false' -X POST "$URL/$IDX/_bulk?refresh=true" \
  -H 'Content-Type: application/x-ndjson' --data-binary "$bulk"
check "date_histogram x terms x percentiles, flattened filter" \
  '"key_as_string":"2024-05-01T11:00:00.000Z".*"key":"train".*"50.0":40.0' \
  -X POST "$URL/$IDX/_search?size=0" "${JSON[@]}" -d '{
  "query": {"term": {"labels.team": "cv"}},
  "aggs": {"t": {"date_histogram": {"field": "start_time", "fixed_interval": "1h"},
    "aggs": {"w": {"terms": {"field": "workflow_name"},
      "aggs": {"p": {"percentiles": {"field": "duration_seconds", "percents": [50, 95]}}}}}}}}'

if command -v node >/dev/null 2>&1 && [ -d "$ROOT/node_modules/@elastic/elasticsearch" ]; then
  check_cmd "@elastic/elasticsearch client.info()" '^ok 8\.' env ES_URL="$URL" NODE_PATH="$ROOT/node_modules" node -e '
    const { Client } = require("@elastic/elasticsearch");
    new Client({ node: process.env.ES_URL }).info()
      .then((r) => console.log("ok " + r.version.number + " " + r.cluster_name))
      .catch((e) => { console.log("error " + e.message); process.exit(1); });'
fi

curl -sS -m 60 -o /dev/null -X DELETE "$URL/$IDX" || true
curl -sS -m 60 -o /dev/null -X DELETE "$URL/_index_template/$TPL" || true
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
