package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"standmap/db"
	"standmap/live"
	"standmap/model"
)

// curateEvent is the event of the curation fixtures.
const curateEvent = "Fair"

// curateResponses are nine visitors whose wishes come in several
// spellings. Uncurated, the groups rank (count = responses):
//
//	ara trenazieri  3  Āra trenažieri (2), ara trenazieri (1)   fitness
//	velocelini      3  Veloceliņi (2), veloceliņi (1)           cycle
//	bike paths      2  bike paths (1), Bike paths (1)           cycle
//	solini          1  Soliņi (1)
//	velo celini     1  Velo celiņi (1)                          cycle
func curateResponses() []model.Response {
	marks := [][]model.Mark{
		{{Neighbourhood: "Centrs", Wish: "Veloceliņi", Category: "cycle"}},
		{{Neighbourhood: "Centrs", Wish: "veloceliņi", Category: "cycle"}},
		{{Neighbourhood: "Grīva", Wish: "Velo celiņi", Category: "cycle"}},
		{{Neighbourhood: "Centrs", Wish: "bike paths", Category: "cycle"}},
		{{Neighbourhood: "Grīva", Wish: "Bike paths", Category: "cycle"}},
		{{Neighbourhood: "Centrs", Wish: "Āra trenažieri", Category: "fitness"}},
		{{Neighbourhood: "Grīva", Wish: "ara trenazieri", Category: "fitness"},
			{Neighbourhood: "Centrs", Wish: "Veloceliņi", Category: "cycle"}},
		{{Neighbourhood: "Esplanāde", Wish: "Soliņi"}},
		{{Neighbourhood: "Esplanāde", Wish: "Āra trenažieri", Category: "fitness"}},
	}
	base := time.Date(2025, 4, 24, 9, 0, 0, 0, time.UTC)
	out := make([]model.Response, len(marks))
	for i, ms := range marks {
		out[i] = model.Response{ID: fmt.Sprintf("c%02d", i+1), Event: curateEvent,
			CreatedAt: base.Add(time.Duration(i) * time.Minute), Marks: ms}
	}
	return out
}

// curateRig is the curation view on a real SQLite store, fed by a real
// hub refreshed after every action, as `standmap wishes curate` runs it.
type curateRig struct {
	t     *testing.T
	store *db.SQLite
	hub   *live.Hub
	c     Curate
}

func newCurateRig(t *testing.T, lang string, w, h int) *curateRig {
	t.Helper()
	s := curateStore(t)
	gaz := testCity(t).Gazetteer
	hub, err := live.NewHub(s, gaz, curateEvent)
	if err != nil {
		t.Fatal(err)
	}
	r := &curateRig{t: t, store: s, hub: hub, c: NewCurate(curateOptions(t, s, lang))}
	r.do(tea.WindowSizeMsg{Width: w, Height: h})
	r.refresh()
	return r
}

// curateStore is a database holding curateResponses.
func curateStore(t *testing.T) *db.SQLite {
	t.Helper()
	s, err := db.Open(filepath.Join(t.TempDir(), "standmap.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	if _, err := s.CreateEvent(ctx, curateEvent); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(ctx, curateResponses(), false); err != nil {
		t.Fatal(err)
	}
	return s
}

// curateOptions are the view's options on store s.
func curateOptions(t *testing.T, s *db.SQLite, lang string) CurateOptions {
	return CurateOptions{Curator: s, Reader: s, Gazetteer: testCity(t).Gazetteer,
		Event: curateEvent, Who: "local:test", Theme: Dark, Lang: lang}
}

// refresh gives the view the hub's snapshot of the store.
func (r *curateRig) refresh() {
	r.t.Helper()
	if err := r.hub.Refresh(context.Background()); err != nil {
		r.t.Fatal(err)
	}
	r.do(SnapshotMsg{Snapshot: r.hub.Snapshot()})
}

// do sends msg and runs the commands it returns (batches too), giving
// their messages back; after an action, the hub's new snapshot follows.
func (r *curateRig) do(msg tea.Msg) {
	r.t.Helper()
	m, cmd := r.c.Update(msg)
	r.c = m.(Curate)
	r.run(cmd)
}

func (r *curateRig) run(cmd tea.Cmd) {
	r.t.Helper()
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			r.run(c)
		}
	case tea.QuitMsg:
	case curatedMsg:
		r.do(msg)
		if !msg.quiet {
			r.refresh()
		}
	default:
		r.do(msg)
	}
}

// press types the keys (see keys).
func (r *curateRig) press(seq string) {
	r.t.Helper()
	for _, k := range keys(seq) {
		r.do(k)
	}
}

// ranking is the hub's ranking as "key text count category" lines.
func (r *curateRig) ranking() string {
	var b strings.Builder
	for _, w := range r.hub.Snapshot().Wishes {
		fmt.Fprintf(&b, "%s|%s|%d|%s\n", w.Key, w.Text, w.Count, w.Category)
	}
	return b.String()
}

// screen is the view without colours.
func (r *curateRig) screen() string { return ansi.Strip(r.c.View().Content) }

// selectKey moves the selection to the row of key.
func (r *curateRig) selectKey(key string) {
	r.t.Helper()
	for r.c.sel > 0 {
		r.press("<up>")
	}
	for i := 0; i < len(r.c.rows) && r.c.rows[r.c.sel].Key != key; i++ {
		r.press("<down>")
	}
	if r.c.rows[r.c.sel].Key != key {
		r.t.Fatalf("no row %q in %v", key, r.c.rows)
	}
}
