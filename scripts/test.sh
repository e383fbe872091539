#!/usr/bin/env bash
# The whole test run (`npm test`): static checks, unit and integration tests against a real
# Elasticsearch node, the run timeline panel in Chromium, Grafana's own plugin host (Go) against the
# packaged executable, and the start check in an Alpine-like chroot. Every stage runs even when an earlier one fails; the last line is
# the tally, "summary: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RESULTS=$ROOT/.cache/test-results
mkdir -p "$RESULTS"
EXECUTABLE=$ROOT/dist/datasource/gpx_argoperf_workflows_linux_amd64

passed=0
failed=0
failures=()
started=$(date +%s)

stage() { echo; echo "##### $1 ($(( $(date +%s) - started )) s)"; }
count() { passed=$((passed + $1)); failed=$((failed + $2)); if [ "$2" -gt 0 ]; then failures+=("$3"); fi; }
check() { # one pass/fail check from a command's exit status
  local name=$1; shift
  if "$@"; then count 1 0 "$name"; else count 0 1 "$name"; fi
}

if [ ! -d node_modules ]; then
  stage "npm ci"
  npm ci --no-audit --no-fund
fi
if [ ! -x "$EXECUTABLE" ] || [ ! -f build/backend/main.cjs ]; then
  echo "The plugin is not built: run npm run build first (README)." >&2
  exit 1
fi

# On exit: end what this run started, by the PIDs it started (the double) or through the script that
# started it (Elasticsearch, only if this run started the node rather than reusing a running one).
ARGO_DOUBLE_PID=
DEMO_PID=
ES_STARTED=
stop_started() {
  if [ -n "$DEMO_PID" ] && kill -0 "$DEMO_PID" 2>/dev/null; then
    # the demo Argo Server serves until SIGTERM
    kill -TERM "$DEMO_PID" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$DEMO_PID" 2>/dev/null || break; sleep 0.1; done
    wait "$DEMO_PID" 2>/dev/null
  fi
  if [ -n "$ARGO_DOUBLE_PID" ] && kill -0 "$ARGO_DOUBLE_PID" 2>/dev/null; then
    # run-ts.mjs passes SIGTERM to the double it runs and exits when the double has
    kill -TERM "$ARGO_DOUBLE_PID" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$ARGO_DOUBLE_PID" 2>/dev/null || break; sleep 0.1; done
    wait "$ARGO_DOUBLE_PID" 2>/dev/null
  fi
  if [ "$ES_STARTED" = started ]; then scripts/elasticsearch/stop.sh >/dev/null 2>&1 || true; fi
}
trap stop_started EXIT
trap 'exit 130' INT TERM HUP

stage "Elasticsearch"
rm -f "$RESULTS/elasticsearch-started"
ES_URL=$(ES_STARTED_FILE="$RESULTS/elasticsearch-started" scripts/elasticsearch/start.sh) ||
  { echo "Elasticsearch did not start" >&2; exit 1; }
ES_STARTED=$(cat "$RESULTS/elasticsearch-started")
export ES_URL
echo "Elasticsearch at $ES_URL ($ES_STARTED)"

stage "typecheck and lint"
check "typecheck (frontend)" npx tsc --noEmit
check "typecheck (backend)" npx tsc -p backend/tsconfig.json
check "lint" npx eslint --cache .

stage "jest: frontend and backend, unit and integration"
npx jest --ci --maxWorkers 2 --json --outputFile="$RESULTS/jest.json"
if [ -f "$RESULTS/jest.json" ]; then
  read -r jp jf < <(node -e "const r=require('$RESULTS/jest.json'); console.log(r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites)")
  count "$jp" "$jf" "jest"
else
  count 0 1 "jest (no result file)"
fi

stage "browser: the run timeline panel in Chromium"
# The panel's harness page with Grafana's theme and the golden frames, in Debian's Chromium (found or
# fetched by scripts/browser/chromium.sh); its screenshots go to the results folder (run it alone to refresh docs/screenshots/run-timeline-*.png).
RUN_TIMELINE_SCREENSHOTS=$RESULTS/screenshots npx jest -c scripts/browser/jest.config.js --ci --json --outputFile="$RESULTS/browser.json"
if [ -f "$RESULTS/browser.json" ]; then
  read -r bp bf < <(node -e "const r=require('$RESULTS/browser.json'); console.log(r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites)")
  count "$bp" "$bf" "browser"
else
  count 0 1 "browser (no result file)"
fi

stage "Argo Server test double (for the host check)"
node scripts/run-ts.mjs backend/test/argoServer/serveDouble.ts >"$RESULTS/argo-double.out" 2>"$RESULTS/argo-double.err" &
ARGO_DOUBLE_PID=$!
for _ in $(seq 1 150); do [ -s "$RESULTS/argo-double.out" ] && break; sleep 0.2; done
ARGO_DOUBLE=$(head -n 1 "$RESULTS/argo-double.out")
export ARGO_DOUBLE
echo "Argo Server test double: $ARGO_DOUBLE"

stage "demo history (for the host checks of the alert rules and the bundled dashboards)"
# The demo catalog's history, written into this run's Elasticsearch under a prefix of its own (the
# datasource's default pattern argo-workflows-* does not match it) and served as an Argo Server from
# the same process (write first, then serve, until SIGTERM: ended by its PID on exit).
DEMO_PREFIX=argoperf-hosttest-demo
"$EXECUTABLE" collect demo --es-url "$ES_URL" --index-prefix "$DEMO_PREFIX" --serve --listen 127.0.0.1:0 \
  >"$RESULTS/demo.out" 2>"$RESULTS/demo.err" &
DEMO_PID=$!
for _ in $(seq 1 1500); do grep -q '^demo Argo Server at ' "$RESULTS/demo.out" 2>/dev/null && break; kill -0 "$DEMO_PID" 2>/dev/null || break; sleep 0.2; done
DEMO_ARGO_URL=$(sed -n 's/^demo Argo Server at //p' "$RESULTS/demo.out")
DEMO_INDEX="$DEMO_PREFIX-*"
export DEMO_ARGO_URL DEMO_INDEX
echo "demo Argo Server: ${DEMO_ARGO_URL:-(did not start; see $RESULTS/demo.err)}, history in $DEMO_INDEX"

# The packaged executable runs the collector too: a dry run over the double's last two days.
packaged_collector() {
  local lines
  lines=$("$EXECUTABLE" collect backfill --from 2026-01-14 --to 2026-01-16 --argo-url "${ARGO_DOUBLE%% *}" --dry-run 2>"$RESULTS/collector.err" | wc -l)
  echo "packaged collector dry run: $lines NDJSON lines"
  [ "$lines" -gt 100 ]
}
check "packaged collector (dry run against the double)" packaged_collector
# Its --help names the guide in the plugin folder (the build ships it into dist/docs/), and it is there.
packaged_collector_guide() {
  local guide
  guide=$("$EXECUTABLE" collect --help | sed -n 's/^Guide: //p')
  echo "packaged collect --help names the guide: $guide"
  [ -n "$guide" ] && [ "$guide" -ef dist/docs/collector.md ] && cmp -s "$guide" docs/collector.md
}
check "packaged collector --help names a guide that is there" packaged_collector_guide
# The packaged executable runs the demo: writes a 30-day history into the node and serves it; the demo
# Argo Server answers with the four CronWorkflows. Ended by its PID; its indices and template deleted.
packaged_demo() {
  local prefix="demo-packaged-$$" out="$RESULTS/packaged-demo.out" pid url="" crons docs ok=1
  "$EXECUTABLE" collect demo --es-url "$ES_URL" --index-prefix "$prefix" --days 30 --serve --listen 127.0.0.1:0 >"$out" 2>"$RESULTS/packaged-demo.err" &
  pid=$!
  for _ in $(seq 1 600); do
    url=$(sed -n 's/^demo Argo Server at //p' "$out")
    [ -n "$url" ] || ! kill -0 "$pid" 2>/dev/null && break
    sleep 0.5
  done
  crons=$(curl -fs "$url/api/v1/cron-workflows/" | grep -o '"kind":"CronWorkflow"' | wc -l)
  docs=$(curl -fs "$ES_URL/$prefix-*/_count" | sed -n 's/.*"count":\([0-9]*\).*/\1/p')
  echo "packaged demo: served at ${url:-nothing}, $crons cron workflows, ${docs:-no} documents written"
  [ -n "$url" ] && [ "$crons" -eq 4 ] && [ "${docs:-0}" -gt 10000 ] && ok=0
  kill -TERM "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  curl -fs -XDELETE "$ES_URL/$prefix-*" >/dev/null
  curl -fs -XDELETE "$ES_URL/_index_template/$prefix" >/dev/null
  return $ok
}
check "packaged collector runs the demo (write and serve)" packaged_demo

stage "the bundled dashboards' queries (for the host check)"
# Every panel target of every bundled dashboard, as Grafana would send it, against the demo loaded above.
DEMO_ES_INDEX=$DEMO_INDEX
DASHBOARD_REQUESTS=$RESULTS/dashboard-requests.json
export DEMO_ES_INDEX DASHBOARD_REQUESTS
check "demo history loaded and served (collect demo --serve)" test -n "$DEMO_ARGO_URL"
check "bundled dashboards' queries written" node scripts/run-ts.mjs src/dashboards/hostcheck/writeQueryRequests.ts "$DASHBOARD_REQUESTS"

stage "Grafana host check (go-plugin + grafana-plugin-sdk-go + dataplane)"
PLUGIN_EXECUTABLE=$EXECUTABLE hosttest/run.sh 2>&1 | tee "$RESULTS/hosttest.log"
gp=$(grep -cE '^\s*--- PASS' "$RESULTS/hosttest.log")
gf=$(grep -cE '^\s*--- FAIL|^FAIL|^panic:' "$RESULTS/hosttest.log")
[ "$gp" -gt 0 ] || gf=$((gf + 1))
count "$gp" "$gf" "host check"

stage "start in an Alpine-like chroot (amd64, arm64 under qemu)"
check "alpine chroot" test/alpine/run.sh --arch all

echo
echo "took $(( $(date +%s) - started )) s"
if [ ${#failures[@]} -gt 0 ]; then
  echo "failed: ${failures[*]}"
fi
echo "summary: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
