#!/usr/bin/env bash
# Times `standmap tally --json` of the generated fair's 100,000 marks
# against its yardstick, the sqlite3 tool's plain GROUP BY of the same
# marks per place and per lower-cased wish, in pairs on the same database
# file, so both see the same load.
#
#   scripts/bench-tally.sh [pairs]        (default 20)
#
# The database is made the way a user makes one: the built binary imports
# internal/fairgen's fair (seed 1, 100,000 rows, 44,839 responses, one event).
# With STANDMAP_BENCH_CURATE=1 the event is curated first (merges, a
# hidden group, hidden mentions, an approval under moderation), which
# makes the tally read the responses those touch one by one.
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v sqlite3 >/dev/null || { echo "bench-tally: needs the sqlite3 tool" >&2; exit 1; }

go build -o "$tmp/standmap" .
go run ./scripts/fairgen -seed 1 -visitors 1073741824 -rows 100000 >"$tmp/100k.csv" 2>/dev/null
db="$tmp/fair.db"
"$tmp/standmap" import --db "$db" "$tmp/100k.csv" >/dev/null
event="Profesiju gadatirgus 2025"
if [ "${STANDMAP_BENCH_CURATE:-}" = 1 ]; then
	sm() { "$tmp/standmap" "$@" --db "$db" --event "$event" >/dev/null; }
	sm wishes merge "ara trenazieri" "bike paths" --into "velocelini"
	sm wishes merge "basketbola laukums; jauns grozs" --into "basketbola laukums"
	sm wishes hide "free wi-fi, please"
	ids=$(sqlite3 "$db" "SELECT response_id FROM responses ORDER BY seq LIMIT 3")
	for id in $ids; do sm wishes hide --mark "$id:0"; done
	sm wishes moderate on
	sm wishes approve "velocelini" "basketbola laukums" "sakopt vidi"
fi
echo "database: $(sqlite3 "$db" 'SELECT count(*) FROM responses') responses, $(sqlite3 "$db" 'SELECT count(*) FROM marks') marks, $(du -k "$db" | cut -f1) KiB; $(uptime)"

cat >"$tmp/yardstick.sql" <<SQL
SELECT m.neighbourhood, count(*) FROM marks m JOIN responses r ON r.seq = m.response_seq
WHERE r.event_id = (SELECT id FROM events WHERE name = '$event') AND m.neighbourhood <> ''
GROUP BY m.neighbourhood;
SELECT lower(m.wish), count(*) FROM marks m JOIN responses r ON r.seq = m.response_seq
WHERE r.event_id = (SELECT id FROM events WHERE name = '$event') AND m.wish <> ''
GROUP BY lower(m.wish);
SQL
ms() { echo $((($(date +%s%N) - $1) / 1000000)); }
yardstick() {
	local start; start=$(date +%s%N)
	sqlite3 "$db" ".read $tmp/yardstick.sql" >"$tmp/yardstick.out"
	ms "$start"
}
standmap() {
	local start; start=$(date +%s%N)
	"$tmp/standmap" tally --db "$db" --event "$event" --json >"$tmp/tally.json"
	ms "$start"
}
yardstick >/dev/null && standmap >/dev/null # warm the page cache
grep -q '"responses": 44839' "$tmp/tally.json" || { echo "tally: not 44,839 responses" >&2; exit 1; }

echo "pair  sqlite3 GROUP BY (ms)  standmap tally --json (ms)  ratio"
for i in $(seq "$pairs"); do
	y=$(yardstick)
	s=$(standmap)
	printf '%4d  %21d  %26d  %5s\n' "$i" "$y" "$s" "$(awk "BEGIN { printf \"%.2f\", $s / $y }")"
done | tee "$tmp/pairs"
summary() {
	sort -n | awk -v name="$1" '{ v[NR] = $1 } END { printf "%-16s min %7.2f  median %7.2f  max %7.2f\n", name, v[1], v[int((NR + 1) / 2)], v[NR] }'
}
awk '{ print $2 }' "$tmp/pairs" | summary "sqlite3 (ms)"
awk '{ print $3 }' "$tmp/pairs" | summary "standmap (ms)"
awk '{ print $4 }' "$tmp/pairs" | summary "ratio"
echo "$(uptime)"
