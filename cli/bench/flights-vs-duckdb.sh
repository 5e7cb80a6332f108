#!/usr/bin/env bash
# Times flights-3m.csv.gz -> Parquet partitioned by day with bin/partita and with DuckDB (through JDBC), with
# /usr/bin/time -v for peak RSS. Numbers go to cli/README.md. Usage: cli/bench/flights-vs-duckdb.sh [MEMORY]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DATA="${PARTITA_DATASETS:-$ROOT/../shared/datasets}/flights-3m.csv.gz"
MEM="${1:-256MB}"
DUCK="$(find ~/.m2/repository/org/duckdb/duckdb_jdbc -name 'duckdb_jdbc-*.jar' | sort | tail -1)"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
"$ROOT/bin/partita" --version >/dev/null   # builds the jar if needed, outside the timing
echo "== partita (--memory $MEM)"
/usr/bin/time -v "$ROOT/bin/partita" write --input "$DATA" --output "$OUT/partita" --partition-by 'date(date)' \
  --memory "$MEM" 2> "$OUT/partita.time"
grep -E "Elapsed|Maximum resident|User time|System time" "$OUT/partita.time"
echo "== partita --no-sync"
/usr/bin/time -v "$ROOT/bin/partita" write --input "$DATA" --output "$OUT/partita2" --partition-by 'date(date)' \
  --memory "$MEM" --no-sync 2> "$OUT/partita2.time"
grep -E "Elapsed|Maximum resident|User time|System time" "$OUT/partita2.time"
for threads in 1 ""; do
  echo "== duckdb (threads ${threads:-all})"
  /usr/bin/time -v java -cp "$DUCK" "$ROOT/cli/bench/DuckDbCopy.java" "$DATA" "$OUT/duck$threads" $threads \
    2> "$OUT/duck.time"
  grep -E "Elapsed|Maximum resident|User time|System time" "$OUT/duck.time"
done
