#!/usr/bin/env bash
# Runs a benchmark on a loaded machine, reproducibly: N busy loops (plain `sh` spinning, at normal
# priority) beside the command, stopped by their PIDs when it ends. Prints the load average before and
# after, so figures can be reported with it.
#
#   scripts/bench/with-load.sh 2 npm run -s bench:queries
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 <busy loops> <command> [args...]" >&2; exit 2; }
loops=$1
shift
case "$loops" in '' | *[!0-9]*) echo "busy loops: a whole number, not '$loops'" >&2; exit 2 ;; esac

pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap stop EXIT
trap 'exit 130' INT TERM HUP
for _ in $(seq 1 "$loops"); do
  sh -c 'while :; do :; done' &
  pids+=("$!")
done
sleep 20 # let the load average rise towards its new level before measuring
echo "with-load: $loops busy loops (pids ${pids[*]}); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
"$@" || status=$?
echo "with-load: load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
