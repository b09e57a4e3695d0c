package tui

import (
	"github.com/charmbracelet/colorprofile"

	"standmap/model"
)

// screenKey is everything a viewer's screen depends on: two viewers whose
// keys are equal draw the same View, so a room can draw it once for both
// (server/frames).
type screenKey struct {
	snap          *model.Snapshot // what it shows (a new snapshot is a new pointer)
	event         string          // the event's name, followed through renames
	w, h          int
	lang          string
	light         bool
	profile       colorprofile.Profile
	display       model.DisplayState
	status        string
	statusBad     bool
	focus         focus
	fullHelp      bool
	quitAsk       bool
	offset        int    // the bars' scroll
	filter        string // the place the ranking is narrowed to
	theme         Theme
	role          Role
	showBoard     bool
	helpWidth     int
	curating, cmp bool
}

// ScreenKey returns a comparable value standing for everything View
// depends on, and whether other sessions may share the screen: a
// viewer's board may, unless its filter's place field is open (what is
// typed there is this viewer's own) or it shows what only a facilitator
// opens. Two models with equal keys draw the same View.
func (m Model) ScreenKey() (key any, shared bool) {
	k := screenKey{
		snap: m.snap, event: m.o.Event.Name, w: m.w, h: m.h, lang: m.lang, light: m.light, profile: m.profile,
		display: m.display, status: m.status, statusBad: m.statusBad, focus: m.focus, fullHelp: m.fullHelp,
		quitAsk: m.quitAsk, offset: m.board.offset, filter: m.board.filter, theme: m.o.Theme, role: m.o.Role,
		showBoard: m.showBoard, helpWidth: m.helpFor.width, curating: m.curating, cmp: m.cmp.open,
	}
	shared = m.o.Role == Viewer && !m.board.picking && !m.curating && !m.presenting && !m.cmp.open
	return k, shared
}
