#!/usr/bin/env bash
# The list + extract benchmark (backend/bench/argoListExtract.ts) with an older client and this one,
# alternately, in one run: the client and extraction code (backend/argo, backend/timeline, src/query) come
# from <ref> on the old side and from this checkout on the new side; the harness and the Argo Server double
# (backend/bench, backend/test) are this checkout's on both. Prints each run's table, then the ratios.
#
#   scripts/bench/argo-old-vs-new.sh [ref=main] [rounds=3] [workflows=10000] [repeats=3]
set -euo pipefail
cd "$(dirname "$0")/../.."
ref=${1:-main}
rounds=${2:-3}
workflows=${3:-10000}
repeats=${4:-3}

old=$(mktemp -d)
out=build/run-ts/old-vs-new
logs=$(mktemp -d)
trap 'rm -rf "$old" "$logs"' EXIT
git archive "$ref" backend src | tar -x -C "$old"
rm -rf "$old/backend/bench" "$old/backend/test"
cp -r backend/bench backend/test "$old/backend/"
mkdir -p "$out"
bundle() {
  node_modules/.bin/esbuild "$1/backend/bench/argoListExtract.ts" --bundle --platform=node --target=node20 \
    --format=cjs --packages=external --loader:.proto=text --log-level=warning --outfile="$out/$2.cjs"
}
bundle "$old" old
bundle . new

for round in $(seq 1 "$rounds"); do
  for side in old new; do
    echo "== round $round, $side ($([ $side = old ] && echo "$ref" || echo "this checkout")); $(uptime | sed 's/.*load/load/')"
    node --expose-gc "$out/$side.cjs" "$workflows" "$repeats" | tee "$logs/$side.$round"
  done
done
echo
echo "list through ArgoClient + extract ÷ (fetch + JSON.parse), per round (median of $repeats each):"
for side in old new; do
  echo "$side: $(grep -h '^ratio list' "$logs/$side".* | sed 's/.*end to end: \([0-9.]*\).*/\1/' | tr '\n' ' ')"
done
