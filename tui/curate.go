package tui

import (
	"context"
	"errors"
	"sort"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"standmap/db"
	"standmap/i18n"
	"standmap/model"
)

// CurateOptions is what the curation view needs.
type CurateOptions struct {
	// Curator takes the facilitator's actions; Changed (when set) is
	// called after each, so the hub refreshes at once.
	Curator db.Curator
	Changed func()
	// Writes counts each action from the key that decides on it (the SSH
	// session's store); nil: none counts them.
	Writes WriteTracker
	// Reader and Gazetteer give the groups' spellings and merges (the
	// detail area stays empty without them).
	Reader    CurationReader
	Gazetteer *model.Gazetteer
	// Event is the event curated; Who names the facilitator in the log.
	Event, Who string
	// Theme is the palette; Lang the language ("lv", else English).
	Theme Theme
	Lang  string
}

// Curate is the facilitator's curation view: the ranked wish groups as
// every board shows them, then the wishes held back for approval, with the
// selected group's spellings below. Groups are marked and merged,
// unmerged, renamed, given a category, hidden, approved, merged as
// suggested, and any action undone; each is a command that writes
// through the Curator, and the next snapshot redraws the list.
type Curate struct {
	o       CurateOptions
	st      Styles
	keys    curateKeys
	rows    []curateRow
	snap    *model.Snapshot // the snapshot shown
	reading bool            // a read of the details is under way (one at a time)
	readErr *model.Snapshot // the snapshot whose read failed: asked again only for a newer one
	detail  *curateDetail   // nil until read
	sel     int
	marked  map[string]bool // group keys marked for a merge
	mode    curateMode
	edit    field              // modeRename: the new shown text
	editKey string             // the group renamed or categorised
	cat     catList            // modeCategory: the first line is the most frequent
	sugs    []model.Suggestion // modeSuggest: the pairs, strongest first
	sugSel  int
	status  string
	failed  bool
	w, h    int
}

// curateRow is one line of the list: a shown group or a held wish.
type curateRow struct {
	model.WishCount
	held bool
}

// curatedMsg: a curation action reached the store (or failed), or the
// details were read (quiet: no status unless they failed); detail holds
// the details read after it, when they could be.
type curatedMsg struct {
	text   string
	err    error
	detail *curateDetail
	quiet  bool
}

// NewCurate returns the curation view; it shows nothing until the first
// SnapshotMsg.
func NewCurate(o CurateOptions) Curate {
	return Curate{o: o, st: NewStyles(o.Theme), keys: newCurateKeys(o.Lang), marked: make(map[string]bool), w: 80, h: 24}
}

// Init asks for nothing.
func (c Curate) Init() tea.Cmd { return nil }

// Update handles snapshots, window sizes, results and keys.
func (c Curate) Update(msg tea.Msg) (tea.Model, tea.Cmd) { return c.Handle(msg) }

// Handle is Update returning the concrete type, for the application that
// holds the view.
func (c Curate) Handle(msg tea.Msg) (Curate, tea.Cmd) {
	switch msg := msg.(type) {
	case SnapshotMsg:
		if msg.Snapshot == nil || msg.Snapshot.SameCounts(c.snap) { // nothing to list again
			return c, nil
		}
		if ev := msg.Snapshot.Event; ev != "" {
			c.o.Event = ev // the hub follows a renamed event; so do the actions
		}
		c.snap = msg.Snapshot
		c.setRows(msg.Snapshot)
		if c.mode == modeSuggest {
			c = c.suggest()
		}
		return c.refreshDetail()
	case tea.PasteMsg:
		if c.mode == modeRename {
			c.edit.update(msg)
		}
	case tea.WindowSizeMsg:
		c.w, c.h = msg.Width, msg.Height
	case curatedMsg:
		if msg.quiet { // the read detailCmd started has ended
			c.reading = false
			if msg.err != nil {
				c.readErr = c.snap
			}
		}
		if d := msg.detail; d != nil && (c.detail == nil || d.of.Version >= c.detail.of.Version) {
			c.detail = d // never an older read over a newer one
		}
		if !msg.quiet || msg.err != nil {
			c.status, c.failed = msg.text, msg.err != nil
		}
		if msg.err != nil {
			c.status = c.errText(msg.err)
		}
		return c.refreshDetail() // the snapshot may have moved on meanwhile
	case tea.KeyPressMsg:
		return c.onKey(msg)
	}
	return c, nil
}

// setRows lists the snapshot's groups, then its held wishes, keeping the
// selection on the same key when it is still there.
func (c *Curate) setRows(s *model.Snapshot) {
	prev := ""
	if c.sel < len(c.rows) {
		prev = c.rows[c.sel].Key
	}
	c.rows = c.rows[:0]
	for _, w := range s.Wishes {
		c.rows = append(c.rows, curateRow{WishCount: w})
	}
	for _, w := range s.Held {
		c.rows = append(c.rows, curateRow{WishCount: w, held: true})
	}
	c.sel = min(c.sel, max(0, len(c.rows)-1))
	for i, r := range c.rows {
		if r.Key == prev {
			c.sel = i
		}
	}
}

func (c Curate) onKey(k tea.KeyPressMsg) (Curate, tea.Cmd) {
	if c, cmd, ok := c.modeKey(k); ok {
		return c, cmd
	}
	switch {
	case key.Matches(k, c.keys.Quit):
		return c, tea.Quit
	case c.move(k, &c.sel, len(c.rows)):
	case key.Matches(k, c.keys.Undo):
		return c, c.undoCmd()
	case key.Matches(k, c.keys.Help):
		c.mode = modeHelp
	case key.Matches(k, c.keys.Suggest):
		return c.startSuggest(), nil
	case len(c.rows) == 0:
	case key.Matches(k, c.keys.Rename):
		return c.startRename(), nil
	case key.Matches(k, c.keys.Category):
		return c.startCategory(), nil
	case key.Matches(k, c.keys.Unmerge):
		return c.unmerge()
	case key.Matches(k, c.keys.Mark):
		r := c.rows[c.sel]
		c.marked = cloneMarks(c.marked)
		if c.marked[r.Key] {
			delete(c.marked, r.Key)
		} else {
			c.marked[r.Key] = true
		}
	case key.Matches(k, c.keys.Merge):
		into := c.rows[c.sel].Key
		var from []string
		for m := range c.marked {
			if m != into {
				from = append(from, m)
			}
		}
		if len(from) == 0 {
			c.status, c.failed = c.tr(i18n.AppCurateMarkFirst), true
			return c, nil
		}
		sort.Strings(from)
		c.marked = make(map[string]bool)
		return c, c.curateCmd(model.CurationAction{Verb: model.VerbMerge, Keys: from, Into: into},
			c.tr(i18n.AppCurateMerged, c.shown(c.sel)))
	case key.Matches(k, c.keys.Hide):
		return c, c.curateCmd(model.CurationAction{Verb: model.VerbHide, Keys: []string{c.rows[c.sel].Key}},
			c.tr(i18n.AppCurateHidden, c.shown(c.sel)))
	case key.Matches(k, c.keys.Approve) && c.rows[c.sel].held:
		return c, c.curateCmd(model.CurationAction{Verb: model.VerbApprove, Keys: []string{c.rows[c.sel].Key}},
			c.tr(i18n.AppCurateApproved, c.shown(c.sel)))
	}
	return c, nil
}

// move moves *sel up or down among n items when k is ↑ or ↓ (k, j) and
// reports whether it was.
func (c Curate) move(k tea.KeyPressMsg, sel *int, n int) bool {
	switch {
	case key.Matches(k, c.keys.Up):
		*sel = max(0, *sel-1)
	case key.Matches(k, c.keys.Down):
		*sel = min(max(0, n-1), *sel+1)
	default:
		return false
	}
	return true
}

// unmerge takes every key merged into the selected group out of it.
func (c Curate) unmerge() (Curate, tea.Cmd) {
	r := c.rows[c.sel]
	if c.detail != nil && len(c.detail.cur.Members(r.Key)) == 0 {
		c.status, c.failed = c.tr(i18n.AppCurateNotMerged, c.shown(c.sel)), true
		return c, nil
	}
	return c, c.curateCmd(model.CurationAction{Verb: model.VerbUnmerge, Keys: []string{r.Key}},
		c.tr(i18n.AppCurateUnmerged, c.shown(c.sel)))
}

// cloneMarks copies the marks, so that an older Curate value keeps its own.
func cloneMarks(m map[string]bool) map[string]bool {
	out := make(map[string]bool, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	return out
}

// tr returns the message in the view's language.
func (c Curate) tr(id i18n.Key, args ...any) string { return tr(c.o.Lang, id, args...) }

// shown returns row i's text as drawn.
func (c Curate) shown(i int) string { return model.Sanitize(c.rows[i].Text) }

// errText says why an action failed, in the view's language where the
// reason is one the facilitator can act on.
func (c Curate) errText(err error) string {
	switch {
	case errors.Is(err, model.ErrNothingToDo):
		return c.tr(i18n.AppCurateNothing)
	case errors.Is(err, db.ErrUndoConflict):
		return c.tr(i18n.AppCurateConflict)
	case errors.Is(err, db.ErrNotFound):
		return c.tr(i18n.AppNothingToUndo)
	case errors.Is(err, errNothingOwn):
		return c.tr(i18n.AppCurateNothingOwn)
	}
	return model.Sanitize(i18n.Reason(c.o.Lang, err))
}

// curateCmd takes the action through the Curator; done says what it did.
func (c Curate) curateCmd(a model.CurationAction, done string) tea.Cmd {
	return c.writeCmd(func(ctx context.Context, o CurateOptions) (string, error) {
		e, err := o.Curator.Curate(ctx, o.Event, o.Who, a)
		return tr(o.Lang, i18n.AppCurateDone, e.Seq, done), err
	})
}

// undoCmd takes back the facilitator's own newest action still in force:
// with two facilitators curating at once, u never takes back the other's
// work. The status says what was taken back, in words, with the groups'
// shown texts: `undone: merged “velo celini” into “Veloceliņi”`.
func (c Curate) undoCmd() tea.Cmd {
	snap := c.snap // immutable: read in the command, not in Update
	return c.writeCmd(func(ctx context.Context, o CurateOptions) (string, error) {
		target, err := ownNewest(ctx, o)
		if err != nil {
			return "", err
		}
		if _, err := o.Curator.UndoCuration(ctx, o.Event, o.Who, target.Seq); err != nil {
			return "", err
		}
		return tr(o.Lang, i18n.AppCurateUndone, DescribeEntry(o.Lang, target, shownTexts(snap))), nil
	})
}

// writeCmd runs one write of the curation (counted from now, for the SSH
// server's shutdown), tells the hub, and reports the text it returns with
// the details read afresh.
func (c Curate) writeCmd(write func(context.Context, CurateOptions) (string, error)) tea.Cmd {
	o, of := c.o, c.snap
	finished := begin(o.Writes)
	return func() tea.Msg {
		defer finished()
		ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
		defer cancel()
		text, err := write(ctx, o)
		if err != nil {
			return curatedMsg{err: err}
		}
		if o.Changed != nil {
			o.Changed()
		}
		return curatedMsg{text: text, detail: detailAfter(o, of)}
	}
}

// ownNewest finds the newest action of o.Who in the event's log that is
// neither undone nor an undo; errNothingOwn when there is none.
func ownNewest(ctx context.Context, o CurateOptions) (db.CurationEntry, error) {
	if o.Reader == nil {
		return db.CurationEntry{}, errNothingOwn
	}
	log, err := o.Reader.CurationLog(ctx, o.Event)
	if err != nil {
		return db.CurationEntry{}, err
	}
	for i := len(log) - 1; i >= 0; i-- {
		if e := log[i]; e.Who == o.Who && e.UndoneBy == 0 && e.Action != db.ActionUndo {
			return e, nil
		}
	}
	return db.CurationEntry{}, errNothingOwn
}

// errNothingOwn: the facilitator has no action left to undo.
var errNothingOwn = errors.New("none of your actions to undo")

// detailAfter reads the details after an action, or returns nil when they
// cannot be read (the next key asks again).
func detailAfter(o CurateOptions, of *model.Snapshot) *curateDetail {
	if o.Reader == nil || o.Gazetteer == nil {
		return nil
	}
	d, err := loadDetail(o, of)
	if err != nil {
		return nil
	}
	return d
}

// shownTexts returns a lookup of the snapshot's groups' shown texts by key
// (nil snapshot: none).
func shownTexts(s *model.Snapshot) func(key string) string {
	texts := map[string]string{}
	if s != nil {
		for _, w := range s.Wishes {
			texts[w.Key] = w.Text
		}
	}
	return func(key string) string { return texts[key] }
}

// DescribeEntry says what a logged curation action did, in words
// (i18n.Describe) in lang, shown giving a group's shown text by key; an
// undo, or an entry whose action cannot be read, is said as the log says
// it (`undo #4`).
func DescribeEntry(lang string, e db.CurationEntry, shown func(string) string) string {
	a, ok := e.CurationAction()
	if !ok {
		return model.Sanitize(e.Describe())
	}
	return i18n.Describe(lang, a, shown)
}
