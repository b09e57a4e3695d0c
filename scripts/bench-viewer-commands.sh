#!/usr/bin/env bash
# Many viewers' `ssh HOST tally --json --at T` at once against
# `standmap serve` on the generated fair's 100,000 marks, with the real
# OpenSSH client on 127.0.0.1: how long the storm takes, how many
# answered and how many were refused as busy, and how long a
# facilitator's `ssh HOST tally --json` takes alone and during it.
#
#   scripts/bench-viewer-commands.sh [viewers] [binary]   (default 40; a build of this tree)
#
# Give the binary of another commit to compare (git archive COMMIT | tar
# -x -C DIR; go build -C DIR -o BIN .). Every viewer asks for the same
# moment; with STANDMAP_BENCH_DISTINCT=1 each asks for another (a minute
# apart), which no remembered tally answers.
set -euo pipefail
cd "$(dirname "$0")/.."
viewers=${1:-40}
tmp=$(mktemp -d)
serve=
trap '[ -n "$serve" ] && kill "$serve" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT
bin=${2:-}
if [ -z "$bin" ]; then
	bin="$tmp/standmap"
	go build -o "$bin" .
fi
go run ./scripts/fairgen -seed 1 -visitors 1073741824 -rows 100000 >"$tmp/100k.csv" 2>/dev/null
mkdir -p "$tmp/data"
db="$tmp/data/standmap.db"
"$bin" import --db "$db" "$tmp/100k.csv" >/dev/null
event="Profesiju gadatirgus 2025"
for k in fac viewer; do ssh-keygen -q -t ed25519 -N "" -f "$tmp/$k"; done
cp "$tmp/fac.pub" "$tmp/data/authorized_keys"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" serve --db "$db" --event "$event" --listen "127.0.0.1:$port" --max-viewers 1000 --max-per-address 0 >"$tmp/serve.log" 2>&1 &
serve=$!
sshk() { ssh -p "$port" -o BatchMode=yes -o IdentitiesOnly=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
	-o LogLevel=ERROR -i "$tmp/$1" 127.0.0.1 "${@:2}"; }
for i in $(seq 300); do
	sshk viewer tally --help >/dev/null 2>&1 && break
	[ "$i" = 300 ] && { echo "bench-viewer-commands: serve did not answer:" >&2; cat "$tmp/serve.log" >&2; exit 1; }
	sleep 0.1
done
ms() { echo $((($(date +%s%N) - $1) / 1000000)); }
timed() { local s; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; ms "$s"; }
at="2025-05-10T12:00:00Z"
one=$(timed sshk viewer tally --json --at "$at")
alone=$(for i in 1 2 3 4 5; do timed sshk fac tally --json; done | sort -n | sed -n 3p)
echo "database: 100,000 marks; one viewer's tally --at alone: $one ms; a facilitator's tally --json alone (median of 5): $alone ms; $(uptime)"

start=$(date +%s%N)
for i in $(seq "$viewers"); do
	t=$at
	[ "${STANDMAP_BENCH_DISTINCT:-}" = 1 ] && t=$(printf '2025-05-10T%02d:%02d:00Z' $((i / 60 % 24)) $((i % 60)))
	(s=$(date +%s%N); if sshk viewer tally --json --at "$t" >/dev/null 2>"$tmp/err.$i"; then r=ok; else r=refused; fi
	echo "$r $(ms "$s")" >"$tmp/v.$i") &
done
during=$(for i in 1 2 3 4 5; do timed sshk fac tally --json; done | sort -n | tr '\n' ' ')
wait $(jobs -p | grep -v "^$serve$") 2>/dev/null || true
storm=$(ms "$start")
cat "$tmp"/v.* >"$tmp/all"
ok=$(grep -c '^ok' "$tmp/all" || true)
refused=$(grep -c '^refused' "$tmp/all" || true)
busy=$(cat "$tmp"/err.* | grep -c 'busy' || true)
slowest=$(awk '{print $2}' "$tmp/all" | sort -n | tail -1)
echo "$viewers viewers' tally --json --at at once (distinct times: ${STANDMAP_BENCH_DISTINCT:-0}): all done in $storm ms (slowest $slowest ms); answered $ok, refused $refused ($busy as busy)"
echo "a facilitator's tally --json during it (5 in a row, ms): $during"
echo "$(uptime)"
