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
	"standmap/live"
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

// TestCurateSpellings: the detail area shows the selected group's
// spellings with their mentions, and after a merge the members' too.
func TestCurateSpellings(t *testing.T) {
	r := newCurateRig(t, "en", 80, 24)
	r.selectKey("velocelini")
	if s := r.screen(); !strings.Contains(s, "spelt: Veloceliņi (2) · veloceliņi (1)") ||
		!strings.Contains(s, "── Veloceliņi · Cycling paths & bike parking ──") {
		t.Fatalf("no spellings of velocelini:\n%s", s)
	}
	r.press("<down><down><down><space><up><up><up>m") // velo celini into velocelini
	if s := r.screen(); !strings.Contains(s, "spelt: Veloceliņi (2) · veloceliņi (1) · Velo celiņi (1)") ||
		!strings.Contains(s, "merged in: velo celini") {
		t.Fatalf("after the merge:\n%s", s)
	}
	r = newCurateRig(t, "lv", 80, 24)
	if s := r.screen(); !strings.Contains(s, "rakstīts: Āra trenažieri (2) · ara trenazieri (1)") ||
		!strings.Contains(s, "Vēlmes: Fair") || !strings.Contains(s, "Āra trenažieri ─") {
		t.Fatalf("Latvian:\n%s", s)
	}
}

// TestCurateScreens runs the view (teatest, ASCII profile, fixed size) on
// a real store and compares the final screen with
// testdata/TestCurateScreens/*.golden (-update rewrites them).
func TestCurateScreens(t *testing.T) {
	cases := []struct{ name, lang, seq, wait string }{
		{"en", "en", "<down><space><down>", "spelt: bike paths (1)"},
		{"lv", "lv", "<down><down>", "rakstīts: bike paths (1)"},
	}
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		for _, c := range cases {
			t.Run(c.name+"_"+itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
				s := curateStore(t)
				hub, err := live.NewHub(s, testCity(t).Gazetteer, curateEvent)
				if err != nil {
					t.Fatal(err)
				}
				if err := hub.Refresh(context.Background()); err != nil {
					t.Fatal(err)
				}
				tm := teatest.NewTestModel(t, NewCurate(curateOptions(t, s, c.lang)),
					teatest.WithInitialTermSize(size[0], size[1]),
					teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
				tm.Send(SnapshotMsg{Snapshot: hub.Snapshot()})
				for _, k := range keys(c.seq) {
					tm.Send(k)
				}
				teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return strings.Contains(string(b), c.wait) },
					teatest.WithDuration(5*time.Second))
				if err := tm.Quit(); err != nil {
					t.Fatal(err)
				}
				m := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Curate)
				golden.RequireEqual(t, ansi.Strip(m.View().Content))
			})
		}
	}
}
