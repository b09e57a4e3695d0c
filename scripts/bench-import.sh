#!/usr/bin/env bash
# Times `standmap import` of 100,000 CSV rows against its yardstick, the
# sqlite3 tool's .import of the same file into a plain table with WAL and
# synchronous=FULL (standmap's settings), in pairs: each run of one is
# followed by a run of the other, so both see the same load.
#
#   scripts/bench-import.sh [pairs]      (default 15)
#
# Each run writes a fresh database file in a temporary folder. It prints
# every pair, then the range and median of each and of their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-15}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v sqlite3 >/dev/null || { echo "bench-import: needs the sqlite3 tool" >&2; exit 1; }

go build -o "$tmp/standmap" .
# internal/fairgen's fair, seed 1, 100,000 rows: 44,839 responses, one event.
go run ./scripts/fairgen -seed 1 -visitors 1073741824 -rows 100000 >"$tmp/100k.csv" 2>/dev/null
echo "CSV: $(($(wc -l <"$tmp/100k.csv") - 1)) rows, $(wc -c <"$tmp/100k.csv") bytes; $(uptime)"

ms() { echo $((($(date +%s%N) - $1) / 1000000)); }
yardstick() {
	rm -f "$tmp"/plain.db*
	local start; start=$(date +%s%N)
	sqlite3 "$tmp/plain.db" >/dev/null <<SQL
PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
CREATE TABLE rows(response_id TEXT, created_at TEXT, event TEXT, age_group TEXT,
                  neighbourhood TEXT, wish TEXT, category TEXT);
.import --csv --skip 1 $tmp/100k.csv rows
SQL
	ms "$start"
}
standmap() {
	rm -f "$tmp"/standmap.db*
	local start; start=$(date +%s%N)
	"$tmp/standmap" import --db "$tmp/standmap.db" "$tmp/100k.csv" >/dev/null
	ms "$start"
}

yardstick >/dev/null && standmap >/dev/null # warm the page cache
[ "$(sqlite3 "$tmp/plain.db" 'SELECT count(*) FROM rows')" = 100000 ] || { echo "sqlite3 did not import 100,000 rows" >&2; exit 1; }
[ "$(sqlite3 "$tmp/standmap.db" 'SELECT count(*) FROM marks')" = 100000 ] || { echo "standmap did not import 100,000 marks" >&2; exit 1; }

echo "pair  sqlite3 .import (ms)  standmap import (ms)  ratio"
for i in $(seq "$pairs"); do
	y=$(yardstick)
	s=$(standmap)
	printf '%4d  %20d  %20d  %5s\n' "$i" "$y" "$s" "$(awk "BEGIN { printf \"%.2f\", $s / $y }")"
done | tee "$tmp/pairs"
summary() { # column name
	sort -n | awk -v name="$1" '{ v[NR] = $1 } END { printf "%-16s min %7.2f  median %7.2f  max %7.2f\n", name, v[1], v[int((NR + 1) / 2)], v[NR] }'
}
awk '{ print $2 }' "$tmp/pairs" | summary "sqlite3 (ms)"
awk '{ print $3 }' "$tmp/pairs" | summary "standmap (ms)"
awk '{ print $4 }' "$tmp/pairs" | summary "ratio"
echo "$(uptime)"
