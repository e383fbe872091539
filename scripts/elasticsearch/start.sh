#!/usr/bin/env bash
# Start a real single-node Elasticsearch 8 on 127.0.0.1 for the tests (see README.md).
#
# stdout: only the node URL (http://127.0.0.1:<port>), as the last line. Progress goes to stderr.
# If a node started by this script is already running (same cache dir), it is reused: its URL is
# printed and nothing new is started. Concurrent calls are serialized with a lock.
# ES_STARTED_FILE (optional): this file receives `started` or `reused`, so a caller stops the node
# afterwards (stop.sh) only if it started it.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CACHE=${ES_CACHE_DIR:-$ROOT/.cache/elasticsearch}
RUN=$CACHE/run
START_TIMEOUT=${ES_START_TIMEOUT:-180}
PORT=${ES_PORT:-0}
LAUNCHER=argoperf.es.Launcher

log() { echo "elasticsearch/start: $*" >&2; }
die() { echo "elasticsearch/start: ERROR: $*" >&2; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

T0=$(now)
mkdir -p "$CACHE" "$RUN" "$CACHE/nodes"

# --- one start/stop at a time for this cache dir (fd 9 is closed for the node process) ---
exec 9>"$CACHE/lock"
command -v flock >/dev/null 2>&1 && { flock -w 900 9 || die "could not get $CACHE/lock"; }

# HTTP GET on 127.0.0.1:<port><path>; prints the body. curl if there is one, bash's /dev/tcp if not.
http_get() {
  local port=$1 path=$2
  if command -v curl >/dev/null 2>&1; then
    curl -sS -m 60 "http://127.0.0.1:$port$path"
  else
    timeout 60 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0" || exit 1
      printf "GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n" "$1" >&3
      cat <&3' "$port" "$path" | sed '1,/^\r\{0,1\}$/d'
  fi
}

is_our_node() { # pid -> true if it is a live JVM running our launcher
  [ -n "${1:-}" ] && [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q "$LAUNCHER"
}

health_ok() { # port -> true if the cluster is yellow or green
  http_get "$1" "/_cluster/health?wait_for_status=yellow&timeout=${2:-1s}" 2>/dev/null \
    | grep -Eq '"status" *: *"(green|yellow)"'
}

# --- reuse a running node ---
if [ -f "$RUN/pid" ] && [ -f "$RUN/url" ]; then
  pid=$(cat "$RUN/pid"); url=$(cat "$RUN/url")
  if is_our_node "$pid" && health_ok "${url##*:}" 5s; then
    log "reusing the running node (pid $pid)"
    [ -z "${ES_STARTED_FILE:-}" ] || echo reused >"$ES_STARTED_FILE"
    echo "$url"
    exit 0
  fi
  log "stale run files (pid $pid not serving); cleaning up"
  if is_our_node "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
  if [ ! -f "$RUN/keep" ] && [ -f "$RUN/home" ]; then rm -rf -- "$(cat "$RUN/home")"; fi
  rm -f "$RUN/pid" "$RUN/url" "$RUN/home" "$RUN/keep"
fi
# No node of ours runs now: node homes left by crashed runs are garbage.
rm -rf -- "$CACHE"/nodes/node-*

# --- tools ---
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
command -v "$JAVA" >/dev/null 2>&1 || die "java not found (Java 17+ is needed)"
JAVAC=${JAVA_HOME:+$JAVA_HOME/bin/}javac
command -v "$JAVAC" >/dev/null 2>&1 || die "javac not found (a Java 17+ JDK is needed)"
java_major=$("$JAVA" -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -1)
[ "${java_major:-0}" -ge 17 ] || die "Java 17+ is needed, found: $("$JAVA" -version 2>&1 | head -1)"

# --- Maven artifacts -> classpath file (keyed by the pom's content) ---
pom_key=$(sha256sum "$HERE/pom.xml" | cut -c1-16)
CPFILE=$CACHE/classpath-$pom_key.txt
cp_complete() {
  [ -s "$CPFILE" ] || return 1
  local jar
  while IFS= read -r -d: jar || [ -n "$jar" ]; do [ -f "$jar" ] || return 1; done <"$CPFILE"
}
if ! cp_complete; then
  command -v mvn >/dev/null 2>&1 || die "mvn (Maven) not found"
  log "resolving Elasticsearch artifacts with Maven (the first run downloads about 50 MB)..."
  mkdir -p "$CACHE/maven"
  cp "$HERE/pom.xml" "$CACHE/maven/pom.xml" # build there, so no target/ appears in the repo
  if ! mvn -B -q -f "$CACHE/maven/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$CPFILE.tmp" -Dmdep.pathSeparator=: >"$CACHE/maven.log" 2>&1; then
    tail -n 40 "$CACHE/maven.log" >&2
    die "Maven could not resolve the artifacts (log: $CACHE/maven.log)"
  fi
  mv "$CPFILE.tmp" "$CPFILE"
  find "$CACHE" -maxdepth 1 -name 'classpath-*.txt' ! -name "classpath-$pom_key.txt" -delete
fi
CP=$(cat "$CPFILE")

# --- compile our launcher (keyed by sources + classpath) ---
mapfile -t SRCS < <(find "$HERE/src/main/java" -name '*.java' | LC_ALL=C sort)
src_key=$( { cat "${SRCS[@]}"; echo "$CP"; } | sha256sum | cut -c1-16)
CLASSES=$CACHE/classes-$src_key
if [ ! -f "$CLASSES/.complete" ]; then
  log "compiling the launcher..."
  rm -rf "$CLASSES.tmp"
  mkdir -p "$CLASSES.tmp"
  "$JAVAC" -nowarn -encoding UTF-8 --release 17 -d "$CLASSES.tmp" -cp "$CP" "${SRCS[@]}" >&2 \
    || die "javac failed"
  touch "$CLASSES.tmp/.complete"
  rm -rf "$CLASSES"
  mv "$CLASSES.tmp" "$CLASSES"
  find "$CACHE" -maxdepth 1 -name 'classes-*' ! -name "classes-$src_key" -exec rm -rf {} +
fi

# --- node home: a fresh one per start unless ES_DATA_DIR names a persistent one ---
if [ -n "${ES_DATA_DIR:-}" ]; then
  mkdir -p "$ES_DATA_DIR"
  NODE_HOME=$(cd "$ES_DATA_DIR" && pwd)
  KEEP=1
else
  NODE_HOME=$(mktemp -d "$CACHE/nodes/node-XXXXXX")
  KEEP=
fi
mkdir -p "$NODE_HOME/tmp"
READY=$NODE_HOME/ready
rm -f "$READY"

# --- JVM options ---
if [ -n "${ES_HEAP:-}" ]; then
  HEAP_OPTS=(-Xms"${ES_HEAP_MIN:-$ES_HEAP}" -Xmx"$ES_HEAP")
else
  HEAP_OPTS=(-Xms"${ES_HEAP_MIN:-512m}" -Xmx1g)
fi
JVM_OPTS=(
  "${HEAP_OPTS[@]}"
  -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow
  -Dfile.encoding=UTF-8 -Djava.awt.headless=true
  -Djava.io.tmpdir="$NODE_HOME/tmp"
  -Djava.locale.providers=SPI,COMPAT
  -Dlog4j2.disable.jmx=true -Dlog4j.shutdownHookEnabled=false
  -Dio.netty.noKeySetOptimization=true -Dio.netty.recycler.maxCapacityPerThread=0
  -Des.networkaddress.cache.ttl=60 -Des.networkaddress.cache.negative.ttl=10
  -Dargoperf.es.log.level="${ES_LOG_LEVEL:-info}"
)
# shellcheck disable=SC2206 # ES_JAVA_OPTS is a space-separated list of JVM options
[ -n "${ES_JAVA_OPTS:-}" ] && JVM_OPTS+=($ES_JAVA_OPTS)
EXTRA=()
# shellcheck disable=SC2206 # ES_SETTINGS is a space-separated list of key=value node settings
for kv in ${ES_SETTINGS:-}; do EXTRA+=("-E$kv"); done

# --- launch ---
log "starting Elasticsearch (home $NODE_HOME, log $NODE_HOME/node.log)..."
nohup "$JAVA" "${JVM_OPTS[@]}" -cp "$CLASSES:$CP" "$LAUNCHER" \
  --home "$NODE_HOME" --port "$PORT" --ready-file "$READY" "${EXTRA[@]}" \
  >"$NODE_HOME/node.log" 2>&1 </dev/null 9>&- &
PID=$!

fail_start() {
  echo "elasticsearch/start: ERROR: $1" >&2
  grep -m1 -o 'failed to start: .*' "$NODE_HOME/node.log" >&2 || true
  echo "----- last lines of $NODE_HOME/node.log -----" >&2
  tail -n 40 "$NODE_HOME/node.log" >&2 || true
  echo "---------------------------------------------" >&2
  if kill -0 "$PID" 2>/dev/null; then
    kill -TERM "$PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$PID" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$PID" 2>/dev/null || true
  fi
  exit 1
}
trap 'fail_start "interrupted"' INT TERM

deadline=$(( $(date +%s) + START_TIMEOUT ))
until [ -s "$READY" ]; do
  kill -0 "$PID" 2>/dev/null || fail_start "the node process exited during startup"
  [ "$(date +%s)" -lt "$deadline" ] || fail_start "the node was not healthy within ${START_TIMEOUT}s (ES_START_TIMEOUT)"
  sleep 0.25
done
HTTP_PORT=$(sed -n 1p "$READY")
URL=http://127.0.0.1:$HTTP_PORT
health_ok "$HTTP_PORT" 30s || fail_start "$URL/_cluster/health did not answer yellow or green"
trap - INT TERM

echo "$PID" >"$RUN/pid"
echo "$URL" >"$RUN/url"
echo "$NODE_HOME" >"$RUN/home"
if [ -n "$KEEP" ]; then touch "$RUN/keep"; else rm -f "$RUN/keep"; fi
log "ready in $(elapsed "$T0")s: $URL (pid $PID)"
[ -z "${ES_STARTED_FILE:-}" ] || echo started >"$ES_STARTED_FILE"
echo "$URL"
