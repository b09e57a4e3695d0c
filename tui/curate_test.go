package tui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"standmap/db"
	"standmap/model"
)

// fakeCurator records the actions it is given.
type fakeCurator struct{ acts []string }

func (f *fakeCurator) Curate(_ context.Context, _, who string, a model.CurationAction) (db.CurationEntry, error) {
	f.acts = append(f.acts, who+" "+a.Describe())
	return db.CurationEntry{Seq: int64(len(f.acts))}, nil
}

func (f *fakeCurator) UndoCuration(context.Context, string, string, int64) (db.CurationEntry, error) {
	return db.CurationEntry{}, errors.New("nothing to undo")
}

// curateSnapshot is a few groups and a held swear word.
func curateSnapshot() *model.Snapshot {
	return &model.Snapshot{Tally: model.Tally{Event: "Fair", Wishes: []model.WishCount{
		{Text: "Veloceliņi", Key: "velocelini", Category: "cycle", Count: 9},
		{Text: "bike paths", Key: "bike paths", Category: "cycle", Count: 5},
		{Text: "Больше велодорожек", Key: "больше велодорожек", Count: 2},
	}}, Held: []model.WishCount{{Text: "sūds", Key: "suds", Count: 1}}}
}

// press sends the keys to c and runs the commands they return.
func press(c Curate, seq string) Curate {
	for _, k := range keys(seq) {
		m, cmd := c.Update(k)
		c = m.(Curate)
		if cmd != nil {
			if msg, ok := cmd().(curatedMsg); ok {
				m, _ = c.Update(msg)
				c = m.(Curate)
			}
		}
	}
	return c
}

func TestCurateKeys(t *testing.T) {
	f := &fakeCurator{}
	changed := 0
	c := NewCurate(CurateOptions{Curator: f, Changed: func() { changed++ }, Event: "Fair", Who: "local"})
	m, _ := c.Update(SnapshotMsg{Snapshot: curateSnapshot()})
	c = m.(Curate)
	c = press(c, "<down><space><down><space><up><up>m")
	c = press(c, "<down><down><down>a<up>h")
	want := []string{
		`local merge "bike paths" "больше велодорожек" --into "velocelini"`,
		`local approve "suds"`,
		`local hide "больше велодорожек"`,
	}
	if strings.Join(f.acts, "\n") != strings.Join(want, "\n") || changed != 3 {
		t.Fatalf("actions (%d changes):\n%s", changed, strings.Join(f.acts, "\n"))
	}
	if c = press(c, "u"); !c.failed || c.status != "nothing to undo" {
		t.Errorf("undo status %q", c.status)
	}
	if c = press(c, "<up>m"); !c.failed || len(f.acts) != 3 {
		t.Errorf("merge without marks: %q, %v", c.status, f.acts)
	}
	// A new snapshot keeps the selection on the same key.
	sel := c.rows[c.sel].Key
	s := curateSnapshot()
	s.Wishes = append([]model.WishCount{{Text: "new", Key: "new", Count: 20}}, s.Wishes...)
	m, _ = c.Update(SnapshotMsg{Snapshot: s})
	if c = m.(Curate); c.rows[c.sel].Key != sel {
		t.Errorf("selection moved from %q to %q", sel, c.rows[c.sel].Key)
	}
}

// TestCurateScreen compares the whole screen with
// testdata/TestCurateScreen.golden (-update rewrites it).
func TestCurateScreen(t *testing.T) {
	tm := teatest.NewTestModel(t, NewCurate(CurateOptions{Curator: &fakeCurator{}, Event: "Fair", Who: "local", Theme: Dark}),
		teatest.WithInitialTermSize(80, 12),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	tm.Send(SnapshotMsg{Snapshot: curateSnapshot()})
	for _, k := range keys("<down><space><down>") {
		tm.Send(k)
	}
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return strings.Contains(string(b), "suds") },
		teatest.WithDuration(5*time.Second))
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	m := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Curate)
	golden.RequireEqual(t, ansi.Strip(m.View().Content))
}
