#!/usr/bin/env bash
# Benchmark: generate an inbox of the given scale (once), then run the pipeline on it twice —
# cold (empty warehouse) and warm (the same inbox again) — and print wall time, CPU time and
# peak memory of each run, and the stage lines of the pipeline's log.
#   pipelines/scripts/benchmark.sh [district|region|country] [work dir]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scale="${1:-region}"
work="${2:-/tmp/edulake-benchmark-$scale}"
mkdir -p "$work"
if [[ ! -d "$work/inbox" ]]; then
  /usr/bin/time -f "generate: %e s wall, %M KB max RSS" \
    "$ROOT/edulake" generate --scale "$scale" --seed 7 --out "$work/inbox"
fi
echo "inbox: $(find "$work/inbox" -type f | wc -l) files, $(du -sh "$work/inbox" | cut -f1)"
rm -rf "$work/warehouse" "$work/mart"
for pass in cold warm; do
  /usr/bin/time -o "$work/$pass.time" -f "%e %U %S %M" "$ROOT/edulake" run --inbox "$work/inbox" \
    --warehouse "$work/warehouse" --mart "$work/mart/edulake.duckdb" > "$work/$pass.log" 2>&1 \
    || { tail -30 "$work/$pass.log"; exit 1; }
  read -r wall user sys rss < "$work/$pass.time"
  echo "== $pass run: ${wall} s wall, $(python3 -c "print(round($user + $sys, 1))") s CPU, $((rss / 1024)) MB max RSS"
  grep -E "Pipeline - (inbox|bronze|silver|gold|mart|run done)" "$work/$pass.log" | sed 's/^.*Pipeline - /   /'
done
