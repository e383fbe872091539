#!/usr/bin/env bash
# Stop the Elasticsearch node started by start.sh (SIGTERM, wait, then SIGKILL) and clean up its
# run files and, unless it was started with ES_DATA_DIR, its home (data and log).
# Exits 0 when no node is running.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CACHE=${ES_CACHE_DIR:-$ROOT/.cache/elasticsearch}
RUN=$CACHE/run
STOP_TIMEOUT=${ES_STOP_TIMEOUT:-30}
LAUNCHER=argoperf.es.Launcher

log() { echo "elasticsearch/stop: $*" >&2; }

[ -d "$RUN" ] || { log "no node is running"; exit 0; }
exec 9>"$CACHE/lock"
command -v flock >/dev/null 2>&1 && { flock -w 300 9 || { log "could not get $CACHE/lock"; exit 1; }; }

is_our_node() {
  [ -n "${1:-}" ] && [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q "$LAUNCHER"
}

pid=$(cat "$RUN/pid" 2>/dev/null || true)
if is_our_node "$pid"; then
  log "stopping pid $pid..."
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$(( $(date +%s) + STOP_TIMEOUT ))
  while is_our_node "$pid" && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.2; done
  if is_our_node "$pid"; then
    log "still running after ${STOP_TIMEOUT}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do is_our_node "$pid" || break; sleep 0.1; done
  fi
  log "stopped"
else
  log "no node is running${pid:+ (pid $pid is gone)}"
fi

if [ ! -f "$RUN/keep" ] && [ -f "$RUN/home" ]; then
  home=$(cat "$RUN/home")
  case "$home" in
    "$CACHE"/nodes/node-*) rm -rf -- "$home" ;;
  esac
fi
rm -f "$RUN/pid" "$RUN/url" "$RUN/home" "$RUN/keep"
