// Package tui is standmap's terminal interface: the capture form, the live
// board, and the root model that routes keys between them.
package tui

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"standmap/ascii_maps"
	"standmap/db"
	"standmap/i18n"
	"standmap/live"
	"standmap/model"
	"standmap/tui/present"
)

// Role says what a session may do.
type Role int

// The roles.
const (
	// Facilitator captures, edits and deletes responses.
	Facilitator Role = iota
	// Viewer sees the board only, read-only.
	Viewer
)

// Minimum usable size; wideWidth is where capture and board sit side by side.
const (
	minWidth  = 60
	minHeight = 16
	wideWidth = 120
)

// Options configure one session's model.
type Options struct {
	// Store saves and deletes responses and curates; nil for viewers.
	Store Store
	// Drafts keeps the facilitator's form durably and gives it the number
	// its response will have (the database does: pass the same store);
	// nil: the form lives in memory only and its number is a guess.
	Drafts db.Drafts
	// Writes counts each write from the key that decides on it (the SSH
	// session's store, for its shutdown); nil: none counts them.
	Writes WriteTracker
	// Hub is told after every write (nil: nobody to tell).
	Hub *live.Hub
	// SetDisplay shares a hide, reveal or freeze set in the projection
	// (ctrl+p) with every screen; nil: the Hub's SetDisplay. An SSH
	// session passes one that first checks the session may still write:
	// its error takes the projection back to the state shared before.
	SetDisplay func(live.DisplayState) error
	// City is the event's map.
	City *ascii_maps.City
	// Event is the event responses belong to.
	Event model.Event
	// Lang is the interface language, one of i18n.Languages (any other:
	// English).
	Lang string
	// Role is Facilitator or Viewer.
	Role Role
	// DBPath is shown in the header.
	DBPath string
	// Who is "local" or the SSH key fingerprint of the session.
	Who string
	// AgeGroups are the event's age groups (db.EventSettings); none means
	// model.DefaultAgeGroups.
	AgeGroups []string
	// Theme is the palette: Auto (the default) follows the terminal.
	Theme Theme
	// JoinLine is shown at the bottom of the projection (ctrl+p), e.g.
	// how to reach the board by ssh; empty shows none.
	JoinLine string
}

// Model is the root of the interface: header, capture form, recent list,
// board and help bar.
type Model struct {
	o     Options
	lang  string
	st    *Styles // replaced, never changed: copies of the model share it
	keys  *KeyMap
	help  *help.Model // replaced, never changed
	gaz   *model.Gazetteer
	snap  *model.Snapshot
	w, h  int
	focus focus // focusPlace stands for the form (whose own focus says which field)

	capture Capture
	board   Board
	recent  Recent

	showBoard bool // ctrl+b: the board instead of (narrow) or without (wide) the form
	saving    bool
	held      []tea.Msg // keys typed while saving, handled once the store has answered
	status    string
	statusBad bool
	undo      []undoEntry // this session's changes of the store, newest last
	redo      []redoEntry // what ctrl+z took, newest last

	keeper    *draftKeeper // writes the form's draft (nil: no Drafts)
	draftRead bool         // the draft was read: number is the form's
	draftLost bool         // reading the draft failed: the form is not kept
	number    int64        // the number reserved for the form's next new response
	quitAsk   bool         // "quit? y/n" is on screen
	quitting  bool         // quit is decided: keys still arriving are not the form's

	display    model.DisplayState   // the reveal state shown
	shared     model.DisplayState   // the one the last snapshot carried (a change of it is followed)
	proj       present.Model        // the projection, once opened (hasProj)
	hasProj    bool                 // proj was built
	presenting bool                 // ctrl+p: the projection fills the screen
	profile    colorprofile.Profile // the terminal's, for the projection
	light      bool                 // the palette is light

	cmp compareState // ctrl+o: the event beside another (compare.go)

	cur      *Curate // the curation view, once opened (replaced at each change)
	curating bool    // ctrl+k: the curation view fills the screen

	fullHelp  bool     // ?: every key, in place of the body
	helpFor   helpKey  // what helpLines were drawn for
	helpLines []string // the help bar, drawn by Update
	fullLines []string // the full help, drawn by Update
}

// New returns the model of one session.
func New(o Options) Model {
	o.Lang = i18n.Lang(o.Lang)
	var gaz *model.Gazetteer
	if o.City != nil {
		gaz = o.City.Gazetteer
	}
	if gaz == nil {
		gaz, _ = model.NewGazetteer(nil)
	}
	keys := DefaultKeyMap(o.Lang)
	m := Model{
		o: o, lang: o.Lang, keys: &keys, gaz: gaz,
		w: 80, h: 24,
		capture: NewCapture(&keys, gaz, o.Lang).SetAgeGroups(o.AgeGroups).WithCity(o.City),
		board:   NewBoard(&keys, gaz),
		recent:  Recent{keys: &keys},
	}
	m.board.mapView = mapViewFor(o.City)
	if o.City != nil {
		m.board.gridW, m.board.gridH = o.City.Grid.Width, o.City.Grid.Height
		m.board.city = model.Sanitize(o.City.Name)
	}
	if o.Role == Viewer || o.Store == nil {
		m.o.Role, m.focus = Viewer, focusBoard
	}
	if o.Hub != nil {
		m.snap = o.Hub.Snapshot()
		m.display, m.shared = m.snap.Display, m.snap.Display
	}
	m.light = o.Theme == Light
	m.profile = colorprofile.TrueColor // until the terminal's is known
	m = m.restyled()
	if m.snap == nil {
		m.snap = model.NewTallier(gaz, o.Event.Name).Snapshot()
		m.snap.Event = o.Event.Name
	}
	m.capture = m.capture.SetGroups(m.snap.Wishes)
	if o.Drafts != nil && m.o.Role == Facilitator {
		m.keeper = newDraftKeeper(o.Drafts, o.Event.Name, m.who())
	}
	return m.withHelp()
}

// restyled gives m the styles (and the help bar's) of its theme, its
// terminal's background and colour profile, and its language.
func (m Model) restyled() Model {
	t := m.o.Theme
	if m.light {
		t = Light
	}
	m.st, m.help = sharedStyles(t, m.profile, m.lang)
	return m
}

// Init asks the terminal for its background colour (for the Auto theme)
// and reads the form's draft; snapshots arrive as SnapshotMsg.
func (m Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	if m.o.Theme == Auto {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.keeper != nil {
		cmds = append(cmds, m.keeper.loadCmd())
	}
	return tea.Batch(cmds...)
}

// Snapshot returns the snapshot the model draws.
func (m Model) Snapshot() *model.Snapshot { return m.snap }

// typing reports whether a text field has focus, so global letter keys
// must not fire.
func (m Model) typing() bool {
	return m.focus == focusPlace || m.focus == focusFilter
}

// Update handles one message. A change of what the form holds is handed
// to the draft's keeper, whose command writes it.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) { return m.Handle(msg) }

// Handle is Update returning the concrete type, for a screen that holds
// the board (the replay).
func (m Model) Handle(msg tea.Msg) (Model, tea.Cmd) {
	before := m.capture
	m, cmd := m.update(msg)
	if !sameForm(before, m.capture) {
		m.capture = m.capture.WithVisitor(time.Now())
		var keep tea.Cmd
		m, keep = m.keepDraft()
		cmd = tea.Batch(cmd, keep)
	}
	return m.withHelp(), cmd
}

func (m Model) update(msg tea.Msg) (Model, tea.Cmd) {
	if m.quitting { // the rest of a burst typed after y must not change the draft being kept
		switch msg.(type) {
		case tea.KeyPressMsg, tea.PasteMsg:
			return m, nil
		}
	}
	if m.o.Role == Facilitator && m.w > 0 && (m.w < minWidth || m.h < minHeight) {
		// The screen only asks for a larger window: keys typed blind would
		// save, undo or delete what nobody sees. Only ctrl+c goes through.
		switch k := msg.(type) {
		case tea.KeyPressMsg:
			if !key.Matches(k, m.keys.Quit) && !m.quitAsk { // the quit question shows, and takes its keys
				return m, nil
			}
		case tea.PasteMsg:
			return m, nil
		}
	}
	if (m.saving || m.readingDraft() && !isQuitKey(msg, m.keys)) && m.hold(msg) {
		if !m.saving {
			m.status, m.statusBad = tr(m.lang, i18n.FormReadingDraft), false
		}
		return m, nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && m.quitAsk { // y or n, whatever fills the screen
		return m.quitKey(k)
	}
	if mm, cmd, ok := m.compareUpdate(msg); ok {
		return mm, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		m, _ = m.toCurate(msg)
		return m.toProjection(msg)
	case tea.ColorProfileMsg:
		m.profile = msg.Profile
		m = m.restyled()
		return m.toProjection(msg)
	case tea.BackgroundColorMsg:
		if m.o.Theme == Auto && !msg.IsDark() {
			m.light = true
			m = m.restyled()
			m.helpLines = nil // drawn again in the new colours
		}
		return m, nil
	case SnapshotMsg:
		if msg.Snapshot == nil {
			return m, nil
		}
		m.snap = msg.Snapshot
		if d := m.snap.Display; d != m.shared { // changed by a screen: follow it
			m.shared, m.display = d, d
		}
		if ev := m.snap.Event; ev != "" && ev != m.o.Event.Name {
			m = m.renamed(ev)
		}
		m.capture = m.capture.SetGroups(m.snap.Wishes)
		var curCmd tea.Cmd
		if m.curating { // the open view asks for the new spellings
			m, curCmd = m.toCurate(msg)
		}
		m, cmd := m.toProjection(present.SnapshotMsg{Snapshot: msg.Snapshot})
		return m, tea.Batch(curCmd, cmd)
	case savedMsg:
		return m.onSaved(msg).replayHeld()
	case deletedMsg, undoneMsg, redoneMsg:
		return m.onStoreAnswer(msg), nil
	case errMsg:
		m = m.onStoreAnswer(msg)
		m, held := m.replayHeld()
		m, keep := m.keepDraft() // the form as it is now: not written while saving
		return m, tea.Batch(held, keep)
	case draftLoadedMsg:
		return m.onDraftLoaded(msg)
	case draftStoredMsg:
		if msg.err != nil {
			m.status, m.statusBad = tr(m.lang, i18n.FormDraftFailed, model.Sanitize(msg.err.Error())), true
		}
		return m, nil
	case flushedMsg:
		return m, nil
	case curatedMsg:
		return m.toCurate(msg)
	case present.DisplayRefusedMsg: // the projection's h or space refused
		m, cmd := m.toProjection(msg)
		m.display = m.shared
		return m, cmd
	case tea.KeyPressMsg:
		if m.curating {
			return m.curateKey(msg)
		}
		if m.presenting {
			return m.projectionKey(msg)
		}
		return m.onKey(msg)
	case tea.PasteMsg:
		if m.curating {
			return m.toCurate(msg) // into the rename field, when open
		}
		if m.presenting {
			return m, nil
		}
		return m.route(msg)
	}
	return m.toProjection(msg) // the projection's own ticks
}

func (m Model) onKey(k tea.KeyPressMsg) (Model, tea.Cmd) {
	if key.Matches(k, m.keys.Quit) {
		return m.askQuit()
	}
	if m.fullHelp { // any key closes the full help; a letter, as on the map, is typed too
		m.fullHelp = false
		if !(k.Text != "" && m.focus == focusPlace && !key.Matches(k, m.keys.Help) && k.String() != "q") {
			return m, nil
		}
	}
	if m.focus == focusBoard && key.Matches(k, m.keys.QuitQ) { // only the top level quits with q
		return m.askQuit()
	}
	// ? is text in a field, except in the empty place field ("?" names no
	// neighbourhood) and while choosing on the map, so that the help bar's
	// "? help" works in the form.
	if key.Matches(k, m.keys.Help) && (!m.typing() || m.focus == focusPlace &&
		(m.capture.focus == focusPlace && m.capture.place.Empty() || m.capture.focus == focusMapPick || m.capture.focus == focusMarks)) {
		m.fullHelp = !m.fullHelp
		return m, nil
	}
	if m.o.Role == Viewer && m.display.Hidden { // nothing on the board to move
		return m, nil
	}
	if m.o.Role == Facilitator {
		switch {
		case key.Matches(k, m.keys.Save) && !m.showBoard:
			return m.save()
		case key.Matches(k, m.keys.Undo):
			return m.undoLast()
		case key.Matches(k, m.keys.Redo):
			return m.redoLast()
		case key.Matches(k, m.keys.Present):
			return m.openProjection()
		case key.Matches(k, m.keys.Compare):
			return m.openCompare()
		case key.Matches(k, m.keys.Wishes):
			return m.openCurate()
		case key.Matches(k, m.keys.Board):
			m.showBoard = !m.showBoard
			m.focus = m.boardHome()
			return m, nil
		case key.Matches(k, m.keys.Recent) && m.focus != focusRecent && !m.showBoard:
			m.focus, m.recent = focusRecent, m.recent.Open(m.snap.Recent)
			return m, nil
		}
	}
	if k.String() == "ctrl+f" && m.focus != focusFilter {
		m.board, m.focus = m.board.StartFilter(), focusFilter
		return m, nil
	}
	if m.focus == focusPlace && (key.Matches(k, m.keys.PageDown) || key.Matches(k, m.keys.PageUp)) {
		m.board, _ = m.board.Update(k)
		return m, nil
	}
	return m.route(k)
}

// isQuitKey reports whether msg is ctrl+c, which is never held: a
// facilitator can leave while the draft is still being read.
func isQuitKey(msg tea.Msg, keys *KeyMap) bool {
	k, ok := msg.(tea.KeyPressMsg)
	return ok && key.Matches(k, keys.Quit)
}

// route gives a key or paste to what has focus.
func (m Model) route(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.focus {
	case focusPlace:
		asked := m.capture.AskingForSave()
		m.capture, cmd = m.capture.Update(msg)
		if m.capture.note != "" {
			m.status = ""
		}
		if asked && m.capture.focus != focusCategory && m.capture.focus != focusWish {
			// the category ctrl+s asked for is taken and the mark added: the save goes on
			var save tea.Cmd
			m, save = m.save()
			return m, tea.Batch(cmd, save)
		}
	case focusRecent:
		var act recentAction
		m.recent, act = m.recent.Update(msg, m.snap.Recent)
		if act == recentType {
			m.focus = focusPlace
			return m.route(msg)
		}
		return m.onRecent(act)
	case focusBoard, focusFilter:
		m.board, cmd = m.board.Update(msg)
		if m.focus == focusBoard && m.board.Typing() {
			m.focus = focusFilter
		} else if m.focus == focusFilter && !m.board.Typing() {
			m.focus = m.boardHome()
		}
	}
	return m, cmd
}

// boardHome is where focus belongs when no list or filter has it: the
// board when it is shown alone, else the form.
func (m Model) boardHome() focus {
	if m.o.Role == Viewer || m.showBoard {
		return focusBoard
	}
	return focusPlace
}
