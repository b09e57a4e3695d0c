package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"standmap/i18n"
	"standmap/model"
	"standmap/tui/replay"
)

// ReplayOptions configure the replay screen: the replay's own, and the
// board's.
type ReplayOptions struct {
	replay.Options
	// DBPath is shown in the board's header.
	DBPath string
	// Theme is the board's palette (Auto follows the terminal).
	Theme Theme
}

// Replay is the replay screen: the ordinary read-only board (a viewer's
// Model) at a moment of the event, with the replay's status and help
// lines in place of the board's help bar. The replay (tui/replay) keeps
// the position and hands the board the snapshot of each moment.
type Replay struct {
	o         ReplayOptions
	lang      string
	board     Model
	tl        replay.Model
	filtering bool // the board's filter field has the keys
	w, h      int
}

// NewReplay returns the replay screen at o.At (else at the start),
// paused.
func NewReplay(o ReplayOptions) Replay {
	o.Lang = i18n.Lang(o.Lang)
	o.Styles = replayStyles(NewStyles(o.Theme))
	r := Replay{o: o, lang: o.Lang, w: 80, h: 24, tl: replay.New(o.Options),
		board: New(Options{City: o.City, Event: o.Event, Lang: o.Lang, Role: Viewer, DBPath: o.DBPath, Theme: o.Theme})}
	r, _ = r.toBoard(SnapshotMsg{Snapshot: r.tl.Snapshot()})
	return r
}

// replayStyles are the replay's lines' looks in the palette of st.
func replayStyles(st Styles) replay.Styles {
	return replay.Styles{Title: st.Title.Render, Muted: st.Muted.Render, Accent: st.Accent.Render, Bar: st.Bar.Render, Help: st.Help}
}

// Init asks the board for what it needs (the terminal's background).
func (r Replay) Init() tea.Cmd { return r.board.Init() }

// Position returns the number of answers counted and the moment shown.
func (r Replay) Position() (n int, at time.Time) { return r.tl.Position() }

// Playing reports whether the replay is playing.
func (r Replay) Playing() bool { return r.tl.Playing() }

// Snapshot returns the snapshot the board shows.
func (r Replay) Snapshot() *model.Snapshot { return r.board.Snapshot() }

// Update handles one message.
func (r Replay) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		r.w, r.h = msg.Width, msg.Height
		r.tl, _ = r.tl.Update(msg)
		return r.toBoard(tea.WindowSizeMsg{Width: r.w, Height: r.boardHeight()})
	case tea.BackgroundColorMsg:
		if r.o.Theme == Auto && !msg.IsDark() {
			r.tl = r.tl.SetStyles(replayStyles(NewStyles(Light)))
		}
		return r.toBoard(msg)
	case tea.KeyPressMsg:
		return r.onKey(msg)
	case tea.PasteMsg:
		if r.filtering {
			return r.toBoard(msg)
		}
		return r, nil
	}
	r, cmd := r.toReplay(msg) // its ticks
	r, bcmd := r.toBoard(msg)
	return r, tea.Batch(cmd, bcmd)
}

// onKey moves through the event, or passes the board's keys on.
func (r Replay) onKey(k tea.KeyPressMsg) (Replay, tea.Cmd) {
	keys := r.tl.Keys()
	switch {
	case k.String() == "ctrl+c":
		return r, tea.Quit
	case r.filtering: // the filter's field takes every key until esc or enter
		if s := k.String(); s == "esc" || s == "enter" {
			r.filtering = false
		}
		return r.toBoard(k)
	case key.Matches(k, keys.Quit):
		return r, tea.Quit
	case key.Matches(k, keys.Filter):
		r.filtering = true
		return r.toBoard(k)
	case key.Matches(k, keys.Scroll), k.String() == "esc":
		return r.toBoard(k)
	}
	return r.toReplay(k)
}

// toReplay hands msg to the replay, and the board the snapshot of the
// moment when it moved.
func (r Replay) toReplay(msg tea.Msg) (Replay, tea.Cmd) {
	before := r.tl.Snapshot()
	var cmd tea.Cmd
	r.tl, cmd = r.tl.Update(msg)
	if s := r.tl.Snapshot(); s != before {
		r, _ = r.toBoard(SnapshotMsg{Snapshot: s})
	}
	return r, cmd
}

// toBoard hands msg to the board.
func (r Replay) toBoard(msg tea.Msg) (Replay, tea.Cmd) {
	var cmd tea.Cmd
	r.board, cmd = r.board.Handle(msg)
	return r, cmd
}

// boardHeight is the height the board draws in: the screen less the
// replay's lines, plus the board's own help bar, which View replaces.
func (r Replay) boardHeight() int { return max(1, r.h-len(r.tl.Lines())+1) }

// minReplayHeight is the least height that leaves the board its minimum
// beside the replay's lines, at the window's width (or the least).
func (r Replay) minReplayHeight() int {
	return minHeight - 1 + r.tl.LinesAt(max(r.w, minWidth))
}

// View draws the board with the replay's lines in place of the board's
// own help bar: never wider than the window, never taller.
func (r Replay) View() tea.View {
	v := r.board.View()
	v.AltScreen = true
	v.WindowTitle = "standmap · " + tr(r.lang, i18n.ReplayReplay)
	if minH := r.minReplayHeight(); r.w < minWidth || r.h < minH {
		msg := ansi.Truncate(tr(r.lang, i18n.TooSmall, minWidth, minH), max(r.w, 0), "")
		v.Content = lipgloss.Place(max(r.w, 0), max(r.h, 0), lipgloss.Center, lipgloss.Center, msg)
		return v
	}
	lines := strings.Split(v.Content, "\n")
	if len(lines) > 1 {
		lines = lines[:len(lines)-1] // the board's help bar: its keys are in ours
	}
	lines = append(lines, r.tl.Lines()...)
	if len(lines) > r.h {
		lines = lines[len(lines)-max(r.h, 0):]
	}
	v.Content = strings.Join(lines, "\n")
	return v
}
