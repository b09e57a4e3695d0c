#!/usr/bin/env bash
# The yardstick of BenchmarkImport100k: times the sqlite3 tool's .import of
# the very same 100,000-row CSV into a plain table, then runs the benchmark.
#
#   scripts/bench-import.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The same options as BenchmarkImport100k: seed 1, 100,000 rows.
go run ./testdata/gen/fairgen -seed 1 -visitors 1073741824 -rows 100000 >"$tmp/100k.csv"
echo "CSV: $(wc -l <"$tmp/100k.csv") lines, $(wc -c <"$tmp/100k.csv") bytes"

for mode in default wal-full; do
	best=""
	for _ in $(seq "$runs"); do
		rm -f "$tmp"/plain.db*
		pragmas=""
		[ "$mode" = wal-full ] && pragmas="PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
		start=$(date +%s%N)
		sqlite3 "$tmp/plain.db" >/dev/null <<SQL
$pragmas
CREATE TABLE rows(response_id TEXT, created_at TEXT, event TEXT, age_group TEXT,
                  neighbourhood TEXT, wish TEXT, category TEXT);
.import --csv --skip 1 $tmp/100k.csv rows
SQL
		ms=$((($(date +%s%N) - start) / 1000000))
		rows=$(sqlite3 "$tmp/plain.db" "SELECT count(*) FROM rows")
		[ "$rows" = 100000 ] || { echo "sqlite3 imported $rows rows" >&2; exit 1; }
		if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
	done
	echo "sqlite3 .import ($mode journal), best of $runs: ${best} ms"
done

go test -run '^$' -bench 'BenchmarkImport100k' -benchtime 5x -count 3 ./exchange
