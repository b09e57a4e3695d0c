#!/usr/bin/env bash
# A room of real OpenSSH viewers against the built standmap serve: the
# delay from a facilitator's save to the viewers' screens (median, p90,
# max), serve's CPU idle and at one save a second, and its resident memory
# per viewer; quiet, then with two busy processes beside it.
#
#   scripts/bench-room.sh [runs] [-- flags of scripts/room]
#   BIN=/path/to/standmap scripts/bench-room.sh   # another build (e.g. before a change)
#
# Defaults: 100 viewers (90 at 80×24, 10 at 120×40), 10,000 answers
# stored, 30 saves a round. Needs ssh, ssh-keygen and script(1).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1}
shift || true
[ "${1:-}" = "--" ] && shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin=${BIN:-}
if [ -z "$bin" ]; then
	go build -o "$tmp/standmap" .
	bin=$tmp/standmap
fi
go build -o "$tmp/room" ./scripts/room
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(git rev-parse --short HEAD 2>/dev/null || echo '?'); uptime:$(uptime)"
for i in $(seq "$runs"); do
	echo "== run $i of $runs"
	"$tmp/room" -bin "$bin" "$@"
done
