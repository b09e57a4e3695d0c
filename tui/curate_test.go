package tui

import (
	"context"
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"standmap/db"
	"standmap/live"
	"standmap/model"

	"standmap/internal/teawait"
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
	if c = press(c, "u"); !c.failed || c.status != "none of your actions to undo" {
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
	// wait: the texts of the final screen, the spellings read from the
	// store (asynchronously) among them
	cases := []struct {
		name, lang, seq string
		wait            []string
	}{
		{"en", "en", "<down><space><down>", []string{"spelt: bike paths (1)"}},
		{"lv", "lv", "<down><down>", []string{"rakstīts: bike paths (1)"}},
		{"en_category", "en", "<down>c", []string{"Category of", "spelt: Veloceliņi (2)"}},
		{"lv_suggest", "lv", "s", []string{"abas:", "rakstīts: Velo celiņi (1)"}},
		{"en_rename", "en", "<down><down>r<ctrl+w>lanes", []string{"lanes", "spelt: bike paths (1)"}},
		{"ru", "ru", "<down><down>", []string{"написания: bike paths (1)"}},
		{"ru_suggest", "ru", "s", []string{"обе:", "написания: Velo celiņi (1)"}},
		{"ru_category", "ru", "<down>c", []string{"самая частая", "написания: Veloceliņi (2)"}},
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
				w := teawait.Wrap(NewCurate(curateOptions(t, s, c.lang)))
				tm := teatest.NewTestModel(t, w,
					teatest.WithInitialTermSize(size[0], size[1]),
					teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
				tm.Send(SnapshotMsg{Snapshot: hub.Snapshot()})
				for _, k := range keys(c.seq) {
					tm.Send(k)
				}
				w.WaitFor(t, c.wait...)
				if err := tm.Quit(); err != nil {
					t.Fatal(err)
				}
				m := teawait.Unwrap(tm.FinalModel(t, teatest.WithFinalTimeout(teawait.Deadline))).(Curate)
				golden.RequireEqual(t, ansi.Strip(m.View().Content))
			})
		}
	}
}

// curateBase is the ranking of curateResponses, uncurated.
const curateBase = `ara trenazieri|Āra trenažieri|3|fitness
velocelini|Veloceliņi|3|cycle
bike paths|bike paths|2|cycle
solini|Soliņi|1|
velo celini|Velo celiņi|1|cycle
`

// checkRanking fails unless the hub ranks as want and the log holds n
// entries, all by the rig's Who.
func (r *curateRig) checkRanking(step, want string, n int) {
	r.t.Helper()
	if got := r.ranking(); got != want {
		r.t.Fatalf("%s: ranking\n%s\nwant\n%s\nscreen:\n%s", step, got, want, r.screen())
	}
	log, err := r.store.CurationLog(context.Background(), curateEvent)
	if err != nil {
		r.t.Fatal(err)
	}
	if len(log) != n {
		r.t.Fatalf("%s: %d log entries, want %d: %+v", step, len(log), n, log)
	}
	for _, e := range log {
		if e.Who != "local:test" {
			r.t.Errorf("%s: logged by %q", step, e.Who)
		}
	}
}

// TestCurateRename: r opens the field on the shown text, enter shows the
// group as the new text, u undoes it.
func TestCurateRename(t *testing.T) {
	r := newCurateRig(t, "en", 80, 24)
	r.checkRanking("start", curateBase, 0)
	r.selectKey("velocelini")
	r.press("r")
	if s := r.screen(); r.c.mode != modeRename || !strings.Contains(s, "Veloceliņi") || !strings.Contains(s, "enter applies") {
		t.Fatalf("r did not open the field:\n%s", s)
	}
	r.press("<ctrl+u>Velo paths<enter>")
	renamed := strings.Replace(curateBase, "velocelini|Veloceliņi|", "velocelini|Velo paths|", 1)
	r.checkRanking("rename", renamed, 1)
	if s := r.screen(); r.c.mode != modeList || !strings.Contains(s, `#1 shown as “Velo paths” ✓`) {
		t.Fatalf("after rename:\n%s", s)
	}
	r.press("u")
	r.checkRanking("undo", curateBase, 2)
	if !strings.Contains(r.screen(), `undone: “velocelini” shown as “Velo paths” ✓`) {
		t.Errorf("after undo:\n%s", r.screen())
	}
}

// TestCurateRenameRefused: an empty or too long text is refused with a
// reason, the field stays open, and nothing changes; esc leaves it.
func TestCurateRenameRefused(t *testing.T) {
	r := newCurateRig(t, "en", 80, 24)
	r.press("r<ctrl+u><enter>")
	if r.c.mode != modeRename || !r.c.failed || r.c.status != "the shown text cannot be empty (esc leaves it as it was)" {
		t.Fatalf("empty rename: mode %v, status %q", r.c.mode, r.c.status)
	}
	r.checkRanking("empty", curateBase, 0)
	r.do(tea.PasteMsg{Content: strings.Repeat("ā", model.MaxWishLen+1)})
	r.press("<enter>")
	if r.c.mode != modeRename || r.c.status != "a wish holds at most 280 characters" {
		t.Fatalf("long rename: mode %v, status %q", r.c.mode, r.c.status)
	}
	r.checkRanking("long", curateBase, 0)
	r.press("<esc>")
	if r.c.mode != modeList || r.c.failed {
		t.Fatalf("esc: mode %v, status %q", r.c.mode, r.c.status)
	}
	r.press("r<ctrl+u>   <enter>") // spaces only are empty too
	if r.c.mode != modeRename || !r.c.failed {
		t.Fatalf("spaces: mode %v, status %q", r.c.mode, r.c.status)
	}
	r.press("<esc>")
	r.checkRanking("esc", curateBase, 0)
}

// TestCurateCategory: c lists the categories; a letter jumps, arrows
// move, enter gives the group the category; u undoes.
func TestCurateCategory(t *testing.T) {
	r := newCurateRig(t, "en", 80, 24)
	r.selectKey("solini")
	r.press("cp")
	if s := r.screen(); r.c.mode != modeCategory || !strings.Contains(s, "▸   Places to sit and meet  hangout") ||
		!strings.Contains(s, "Category of “Soliņi”") {
		t.Fatalf("c p:\n%s", s)
	}
	r.press("<enter>")
	r.checkRanking("category", strings.Replace(curateBase, "solini|Soliņi|1|\n", "solini|Soliņi|1|hangout\n", 1), 1)
	r.press("u")
	r.checkRanking("undo", curateBase, 2)
	// Arrows from the most frequent (the group's own: cycle) to fitness.
	r.selectKey("bike paths")
	r.press("c<up><enter>")
	r.checkRanking("fitness", strings.Replace(curateBase, "bike paths|bike paths|2|cycle", "bike paths|bike paths|2|fitness", 1), 3)
	r.press("c<esc>")
	if r.c.mode != modeList {
		t.Fatal("esc did not close the list")
	}
}

// TestCurateUnmerge: x takes the merged keys out of the group; undo puts
// them back.
func TestCurateUnmerge(t *testing.T) {
	r := newCurateRig(t, "en", 80, 24)
	r.selectKey("solini")
	if r.press("x"); !r.c.failed || r.c.status != "nothing is merged into “Soliņi”" {
		t.Fatalf("x on an unmerged group: %q", r.c.status)
	}
	r.selectKey("bike paths")
	r.press("<space>")
	r.selectKey("velo celini")
	r.press("<space>")
	r.selectKey("velocelini")
	r.press("m")
	// velocelini: r1 r2 r7, velo celini: r3, bike paths: r4 r5.
	merged := "velocelini|Veloceliņi|6|cycle\nara trenazieri|Āra trenažieri|3|fitness\nsolini|Soliņi|1|\n"
	r.checkRanking("merge", merged, 1)
	if !strings.Contains(r.screen(), "merged in: bike paths, velo celini") {
		t.Fatalf("members not shown:\n%s", r.screen())
	}
	r.press("x")
	r.checkRanking("unmerge", curateBase, 2)
	r.press("u")
	r.checkRanking("undo unmerge", merged, 3)
	r.press("u")
	r.checkRanking("undo merge", curateBase, 4)
}

// TestCurateSuggest: s lists the pairs that probably mean the same; enter
// merges the selected one, u undoes it, esc goes back.
func TestCurateSuggest(t *testing.T) {
	r := newCurateRig(t, "en", 80, 24)
	r.press("s")
	s := r.screen()
	for _, want := range []string{"Probably the same (1)",
		"▸ Velo celiņi (1) → Veloceliņi (3)   the same letters · both Cycling paths",
		"── Velo celiņi · Cycling paths"} {
		if !strings.Contains(s, want) {
			t.Fatalf("no %q:\n%s", want, s)
		}
	}
	r.checkRanking("suggest", curateBase, 0) // nothing merged by showing
	r.press("<enter>")
	// velocelini: r1 r2 r7 and r3 (velo celini).
	r.checkRanking("merge", "velocelini|Veloceliņi|4|cycle\nara trenazieri|Āra trenažieri|3|fitness\n"+
		"bike paths|bike paths|2|cycle\nsolini|Soliņi|1|\n", 1)
	if s := r.screen(); r.c.mode != modeSuggest || !strings.Contains(s, "Probably the same (0)") ||
		strings.Contains(s, "bike paths (2) →") { // only the category in common: never suggested
		t.Fatalf("after the merge:\n%s", s)
	}
	r.press("u")
	r.checkRanking("undo", curateBase, 2)
	if s := r.screen(); !strings.Contains(s, "undone: merged “velo celini” into “Veloceliņi” ✓") {
		t.Fatalf("the undo does not say what it took back in words:\n%s", s)
	}
	r.press("<esc>")
	if r.c.mode != modeList {
		t.Fatal("esc did not go back to the list")
	}
	r.press("s")
	if m, cmd := r.c.Update(keys("q")[0]); m.(Curate).mode != modeList || cmd != nil {
		t.Errorf("q in the suggestions: mode %v, command %v; want back to the list, nothing else", m.(Curate).mode, cmd != nil)
	}
	r = newCurateRig(t, "lv", 80, 24)
	if r.press("s"); !strings.Contains(r.screen(), "tie paši burti · abas: Veloceliņi") {
		t.Fatalf("Latvian reasons:\n%s", r.screen())
	}
}

// TestCurateUndoOwn: with two facilitators on one event, u takes back the
// presser's own newest action, never the other's newer one, and says
// what it took back.
func TestCurateUndoOwn(t *testing.T) {
	r := newCurateRig(t, "en", 80, 24)
	other := *r
	o := curateOptions(t, r.store, "en")
	o.Who = "SHA256:other"
	other.c = NewCurate(o)
	other.do(tea.WindowSizeMsg{Width: 80, Height: 24})

	r.selectKey("solini")
	r.press("h") // #1, ours
	other.refresh()
	other.selectKey("bike paths")
	other.press("r<ctrl+u>Bikes<enter>") // #2, the other's
	renamed := strings.Replace(curateBase, "bike paths|bike paths|", "bike paths|Bikes|", 1)
	if got, want := r.ranking(), strings.Replace(renamed, "solini|Soliņi|1|\n", "", 1); got != want {
		t.Fatalf("after hide and rename:\n%s\nwant\n%s", got, want)
	}

	r.refresh()
	r.press("u")
	if got := r.ranking(); got != renamed {
		t.Fatalf("our u: ranking\n%s\nwant our hide undone, their rename kept:\n%s", got, renamed)
	}
	if !strings.Contains(r.screen(), `undone: hid “solini” ✓`) {
		t.Errorf("our u does not say what it undid:\n%s", r.screen())
	}
	r.press("u")
	if r.c.status != "none of your actions to undo" || r.ranking() != renamed {
		t.Errorf("a second u: %q, ranking\n%s", r.c.status, r.ranking())
	}
	other.refresh()
	other.press("u")
	if got := r.ranking(); got != curateBase {
		t.Errorf("their u: ranking\n%s\nwant\n%s", got, curateBase)
	}
	log, err := r.store.CurationLog(context.Background(), curateEvent)
	if err != nil || len(log) != 4 || log[2].Who != "local:test" || log[3].Who != "SHA256:other" {
		t.Fatalf("log %+v, %v", log, err)
	}
}

// TestCurateFollowsRenameAndReadsOnce: the standalone view (wishes
// curate) acts on the event's new name once its hub follows a rename; and
// while one read of the details is under way, new snapshots start none.
func TestCurateFollowsRenameAndReadsOnce(t *testing.T) {
	r := newCurateRig(t, "en", 80, 24)
	if err := r.store.RenameEvent(context.Background(), curateEvent, "Fair 2"); err != nil {
		t.Fatal(err)
	}
	if err := r.hub.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	snap := r.hub.Snapshot()
	m, first := r.c.Update(SnapshotMsg{Snapshot: snap})
	r.c = m.(Curate)
	s2 := *snap
	s2.Version++
	m, second := r.c.Update(SnapshotMsg{Snapshot: &s2})
	r.c = m.(Curate)
	if first == nil || second != nil {
		t.Fatalf("reads started: first %v, second %v; want one, then none while it runs", first != nil, second != nil)
	}
	r.run(first) // the first read ends for an older snapshot: Update asks again
	r.selectKey("solini")
	r.press("h")
	log, err := r.store.CurationLog(context.Background(), "Fair 2")
	if err != nil || len(log) != 1 {
		t.Fatalf("hide after the rename: log %+v, %v", log, err)
	}
}

// failingReader fails every read, as a closed database would.
type failingReader struct{}

func (failingReader) Curation(context.Context, string) (*model.Curation, error) {
	return nil, errors.New("database is closed")
}
func (failingReader) EachResponse(context.Context, string, func(model.Response) error) error {
	return errors.New("database is closed")
}
func (failingReader) CurationLog(context.Context, string) ([]db.CurationEntry, error) {
	return nil, errors.New("database is closed")
}

// TestCurateFailedReadWaits: a read of the details that fails is not
// retried at once (it would loop), only for the next snapshot.
func TestCurateFailedReadWaits(t *testing.T) {
	c := NewCurate(CurateOptions{Curator: &fakeCurator{}, Reader: failingReader{}, Gazetteer: testCity(t).Gazetteer, Event: "Fair"})
	m, cmd := c.Update(SnapshotMsg{Snapshot: curateSnapshot()})
	if cmd == nil {
		t.Fatal("a snapshot asked for no read")
	}
	m, again := m.(Curate).Update(cmd())
	if again != nil {
		t.Fatal("a failed read was retried at once")
	}
	if !strings.Contains(m.(Curate).status, "database is closed") {
		t.Errorf("status %q does not say why", m.(Curate).status)
	}
	if _, next := m.(Curate).Update(SnapshotMsg{Snapshot: curateSnapshot()}); next == nil {
		t.Error("a newer snapshot did not ask again")
	}
}
