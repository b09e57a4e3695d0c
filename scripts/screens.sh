#!/usr/bin/env bash
# screens.sh — regenerates the pictures of docs/screens/: the capture
# screen, the board, the projection and the map with testdata/fair (600
# visitors), dark and light, in true colour, 16 colours (TERM=xterm) and
# NO_COLOR, taken as a person sees them: the built binary in tmux, its
# screen captured with its colours (capture-pane -e) and drawn cell by
# cell by scripts/screens (a Go program of its own module).
#
#   scripts/screens.sh            the pictures docs/screens/ holds
#   ALL=1 OUT=/tmp/s scripts/screens.sh
#                                 every screen at 80×24, 120×36, 160×48
#                                 and 250×70 in every look, to look at
#
# Needs tmux and DejaVu Sans Mono (Debian: tmux fonts-dejavu-core).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${OUT:-$root/docs/screens}
tmp=/tmp/standmap-screens # a fixed path: the header shows the database's
rm -rf "$tmp" && mkdir -p "$tmp"
T=(tmux -L "standmap-screens-$$")
cleanup() { "${T[@]}" kill-server 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
cd "$root"
go build -o "$tmp/standmap" .
(cd scripts/screens && go build -o "$tmp/screens" .)
STANDMAP_DB="$tmp/fair.db" "$tmp/standmap" import testdata/fair/fair.csv >/dev/null
mkdir -p "$out"
"${T[@]}" new-session -d -s keep # keeps the server up between shots

# The terminals: true colour, 16 colours, no colour.
declare -A term=(
  [truecolor]="TERM=xterm-256color COLORTERM=truecolor"
  [ansi16]="TERM=xterm"
  [nocolor]="TERM=xterm-256color NO_COLOR=1"
)

# shot NAME WxH THEME LOOK KEYS WAIT ARGS… — runs standmap ARGS in a
# terminal of that size, look and background, waits for WAIT, types
# KEYS (tmux key names, space separated) and saves the screen as NAME.png.
shot() {
  local name=$1 size=$2 theme=$3 look=$4 keys=$5 wait=$6
  shift 6
  local w=${size%x*} h=${size#*x} style='bg=#121212,fg=#d8d8d8'
  [[ $theme == light ]] && style='bg=#fcfcfa,fg=#1a1a1a'
  local args
  printf -v args '%q ' "$@"
  "${T[@]}" new-session -d -s "$name" -x "$w" -y "$h" \
    "env -u TMUX -u COLORTERM -u NO_COLOR ${term[$look]} STANDMAP_DB=$tmp/fair.db $tmp/standmap $args; sleep 60"
  "${T[@]}" set-option -t "$name" status off >/dev/null
  "${T[@]}" set-option -t "$name" window-style "$style" >/dev/null
  settle "$name" "" # the program is up
  for k in $keys; do "${T[@]}" send-keys -t "$name" "$k"; sleep 0.3; done
  settle "$name" "$wait"
  sleep 0.5
  "${T[@]}" capture-pane -t "$name" -p -e >"$tmp/$name.ans"
  "$tmp/screens" -theme "$theme" -o "$out/$name.png" <"$tmp/$name.ans"
  "${T[@]}" kill-session -t "$name"
  echo "$out/$name.png"
}

# settle NAME TEXT — waits until the screen shows TEXT (or, with no TEXT,
# anything at all).
settle() {
  local end=$((SECONDS + 10))
  until "${T[@]}" capture-pane -t "$1" -p | grep -qF -- "${2:-standmap}" ||
    { [[ -z $2 ]] && [[ $("${T[@]}" capture-pane -t "$1" -p | tr -d ' \n') ]]; }; do
    ((SECONDS < end)) || { echo "screens: $1: '$2' did not appear" >&2; "${T[@]}" capture-pane -t "$1" -p >&2; exit 1; }
    sleep 0.2
  done
}

ev=(--event 'Profesiju gadatirgus 2025')
if [[ -z ${ALL:-} ]]; then
  shot capture_dark 160x48 dark truecolor "" "Daugavpils" "${ev[@]}"
  shot capture_120x36 120x36 dark truecolor "" "Daugava" "${ev[@]}"
  shot board_dark 160x48 dark truecolor "C-b" "What they want" "${ev[@]}"
  shot board_light 160x48 light truecolor "C-b" "What they want" "${ev[@]}"
  shot board_ansi16 160x48 dark ansi16 "C-b" "What they want" "${ev[@]}"
  shot board_nocolor 120x36 dark nocolor "C-b" "What they want" "${ev[@]}"
  shot projection_dark 200x60 dark truecolor "" "most marked" present "${ev[@]}"
  shot projection_light 200x60 light truecolor "" "most marked" present --theme light "${ev[@]}"
  shot projection_ansi16 160x48 dark ansi16 "" "most marked" present "${ev[@]}"
  shot map_dark 120x40 dark truecolor "" "Schematic" maps show --demo --width 120 --height 36
  exit 0
fi
for size in 80x24 120x36 160x48 250x70; do
  for look in truecolor ansi16 nocolor; do
    shot "capture_${look}_$size" "$size" dark "$look" "" "Visitor" "${ev[@]}"
    shot "board_${look}_$size" "$size" dark "$look" "C-b" "What they want" "${ev[@]}"
    shot "projection_${look}_$size" "$size" dark "$look" "" "visitors" present "${ev[@]}"
  done
  shot "board_light_$size" "$size" light truecolor "C-b" "What they want" "${ev[@]}"
  shot "projection_light_$size" "$size" light truecolor "" "visitors" present --theme light "${ev[@]}"
done
