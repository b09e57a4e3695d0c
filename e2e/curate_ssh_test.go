package e2e

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"standmap/model"
)

// curateRows are the imported marks: response id, neighbourhood, wish,
// and the group the wish counts in once facilitator 1 has merged "velo
// celiņi" and "bike paths" into "Veloceliņi", with "hidden" when
// facilitator 2 has hidden its group.
var curateRows = []struct{ id, place, wish, group, hidden string }{
	{"c1", "Centrs", "Veloceliņi", "velocelini", ""},
	{"c2", "Grīva", "Veloceliņi", "velocelini", ""},
	{"c3", "", "Veloceliņi", "velocelini", ""},
	{"c3", "Centrs", "velo celiņi", "velocelini", ""},
	{"c4", "", "velo celiņi", "velocelini", ""},
	{"c5", "", "bike paths", "velocelini", ""},
	{"c6", "Grīva", "Soliņi", "solini", ""},
	{"c7", "", "soliņi", "solini", ""},
	{"c8", "", "Joke word", "joke word", "hidden"},
	{"c9", "", "Āra trenažieri", "ara trenazieri", ""},
	{"c10", "", "Āra trenažieri", "ara trenazieri", ""},
	{"c11", "", "Āra trenažieri", "ara trenazieri", ""},
	{"c12", "", "Āra trenažieri", "ara trenazieri", ""},
}

// The tallies of curateRows, counted by hand (a count is responses, so
// c3, which names both Veloceliņi and velo celiņi, counts once in the
// merged group): key=count in ranking order (count down, then key).
const (
	// Imported: six groups by their folded spellings; "Soliņi" and
	// "soliņi" share a key.
	tallyImported = "ara trenazieri=4 velocelini=3 solini=2 velo celini=2 bike paths=1 joke word=1"
	// Curated: velocelini gathers c1 c2 c3 c4 c5 (3+2+1 mentions, 5
	// responses); joke word is hidden.
	tallyCurated = "velocelini=5 ara trenazieri=4 solini=2"
	// Undone: facilitator 2's u takes back its own hide, not facilitator
	// 1's newer merge: joke word is back, the merge stays.
	tallyUndone = "velocelini=5 ara trenazieri=4 solini=2 joke word=1"
)

// TestE2ECurateTwoFacilitators: two facilitators, each in real OpenSSH
// in tmux, curate the same event at once in the ctrl+k view: one marks
// two groups and merges them into a third while the other hides a group.
// A viewer's board shows the result within a second; tally, the audit log
// (who by key fingerprint) and the export agree; u undoes the presser's
// own newest action, not the other's newer one; all of it survives a
// restart.
func TestE2ECurateTwoFacilitators(t *testing.T) {
	s := startServe(t)
	// A second facilitator, added while the server runs.
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", filepath.Join(s.dir, "fac2")).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v\n%s", err, out)
	}
	pub2, _ := os.ReadFile(filepath.Join(s.dir, "fac2.pub"))
	keys, err := os.OpenFile(filepath.Join(filepath.Dir(s.db), "authorized_keys"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	keys.Write(pub2)
	keys.Close()
	fp1, fp2 := fingerprint(t, s.dir, "fac.pub"), fingerprint(t, s.dir, "fac2.pub")

	var in strings.Builder
	in.WriteString("response_id,created_at,event,age_group,neighbourhood,wish,category\n")
	for _, r := range curateRows {
		fmt.Fprintf(&in, "%s,,,,%s,%s,\n", r.id, r.place, r.wish)
	}
	file := filepath.Join(s.dir, "wishes.csv")
	os.WriteFile(file, []byte(in.String()), 0o644)
	if out, err := exec.Command(s.bin, "import", file, "--db", s.db, "--event", "E2E").CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}

	board := s.terminal("viewer", 100, 40)
	board.waitFor("12 visitors")
	if got := sshTally(s, "fac"); got != tallyImported {
		t.Fatalf("tally after import: %s, want %s", got, tallyImported)
	}
	f1, f2 := s.terminal("fac", 120, 30), s.terminal("fac2", 120, 30)
	// Each facilitator's form has its own number, the next after the
	// import's twelve: 13 and 14, in the order their sessions started.
	f1.waitFor("Visitor #1")
	f2.waitFor("Visitor #1")
	if a, b := strings.Contains(f1.screen(), "Visitor #13"), strings.Contains(f2.screen(), "Visitor #13"); a == b ||
		!strings.Contains(f1.screen()+f2.screen(), "Visitor #14") {
		t.Fatalf("the two forms' numbers:\n%s\n%s", f1.screen(), f2.screen())
	}
	f1.keys("C-k")
	f2.keys("C-k")
	waitSelected(f1, "Āra trenažieri")
	waitSelected(f2, "Āra trenažieri")

	// Interleaved: 1 goes down to velo celiņi, 2 to Joke word.
	for i := 0; i < 5; i++ {
		if i < 3 {
			f1.keys("j")
		}
		f2.keys("j")
	}
	waitSelected(f1, "velo celiņi")
	waitSelected(f2, "Joke word")
	f1.keys("Space", "j")
	waitSelected(f1, "bike paths")
	f1.keys("Space")
	// 2 hides while 1 holds its marks; the board drops the group.
	f2.keys("h")
	waitScreen(t, board, 10*time.Second, "the hide on the board", func(sc string) bool { return !strings.Contains(sc, "Joke word") })
	f1.keys("k", "k", "k")
	waitSelected(f1, "Veloceliņi")
	last := time.Now()
	f1.keys("m")
	// The promise is one second, measured by the soak's long form
	// (docs/soak.md), not asserted in the default run, whose load no
	// test controls: here the board must get there, and the figure is
	// logged.
	waitScreen(t, board, 30*time.Second, "the merge on the board", func(sc string) bool {
		return lineHas(sc, "Veloceliņi", "5") && !strings.Contains(sc, "velo celiņi") && !strings.Contains(sc, "bike paths")
	})
	t.Logf("merge shown on the viewer's board %v after m", time.Since(last))
	if sc := board.screen(); !lineHas(sc, "Āra trenažieri", "4") || !lineHas(sc, "Soliņi", "2") {
		t.Errorf("the board's ranking after curation:\n%s", sc)
	}

	if got := sshTally(s, "fac"); got != tallyCurated {
		t.Errorf("tally after curation: %s, want %s", got, tallyCurated)
	}
	merge := `merge "bike paths" "velo celini" --into "velocelini"`
	wantLog := []string{"#1 " + fp2 + ` hide "joke word"`, "#2 " + fp1 + " " + merge}
	if got := curationLog(t, s); !slices.Equal(got, wantLog) {
		t.Errorf("wishes log:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantLog, "\n"))
	}
	checkCuratedExport(t, s)

	// 2's u undoes 2's own hide, though 1's merge is newer.
	f2.keys("u")
	waitScreen(t, board, 10*time.Second, "the undo on the board", func(sc string) bool {
		return lineHas(sc, "Veloceliņi", "5") && lineHas(sc, "Joke word", "1")
	})
	f2.waitFor(`undone: hid “joke word”`)
	wantLog = []string{wantLog[0] + " (undone by #3)", wantLog[1], "#3 " + fp2 + " undo #1"}
	checkCurated := func(when string) {
		t.Helper()
		if got := sshTally(s, "fac"); got != tallyUndone {
			t.Errorf("tally %s: %s, want %s", when, got, tallyUndone)
		}
		if got := curationLog(t, s); !slices.Equal(got, wantLog) {
			t.Errorf("wishes log %s:\n%s\nwant\n%s", when, strings.Join(got, "\n"), strings.Join(wantLog, "\n"))
		}
	}
	checkCurated("after the undo")
	s.restart()
	checkCurated("after a restart")
}

// fingerprint is ssh-keygen's SHA256 fingerprint of the public key file.
func fingerprint(t *testing.T, dir, pub string) string {
	out, err := exec.Command("ssh-keygen", "-lf", filepath.Join(dir, pub)).Output()
	f := strings.Fields(string(out))
	if err != nil || len(f) < 2 || !strings.HasPrefix(f[1], "SHA256:") {
		t.Fatalf("ssh-keygen -lf %s: %v %q", pub, err, out)
	}
	return f[1]
}

// waitSelected waits until the line of the curation view's selection
// holds text.
func waitSelected(s tmuxSession, text string) {
	s.t.Helper()
	waitScreen(s.t, s, 10*time.Second, "▸ on "+text, func(sc string) bool {
		for _, l := range strings.Split(sc, "\n") {
			if strings.Contains(l, "▸") && strings.Contains(l, text) {
				return true
			}
		}
		return false
	})
}

// waitScreen polls the screen until ok, at most d.
func waitScreen(t *testing.T, s tmuxSession, d time.Duration, what string, ok func(string) bool) {
	t.Helper()
	end := time.Now().Add(d)
	for {
		sc := s.screen()
		if ok(sc) {
			return
		}
		if time.Now().After(end) {
			t.Fatalf("waited %v for %s; the screen:\n%s", d, what, sc)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// sshTally is `ssh tally --json` with key, as key=count in ranking order.
func sshTally(s *sshServe, key string) string {
	s.t.Helper()
	out, errOut, code := s.ssh([]string{key}, "tally", "--json")
	var tally model.Tally
	if err := json.Unmarshal([]byte(out), &tally); code != 0 || err != nil {
		s.t.Fatalf("tally --json: exit %d, %v, %q %q", code, err, out, errOut)
	}
	if tally.Responses != 12 {
		s.t.Errorf("tally: %d responses, want 12", tally.Responses)
	}
	var ws []string
	for _, w := range tally.Wishes {
		ws = append(ws, fmt.Sprintf("%s=%d", w.Key, w.Count))
		if w.Key == "velocelini" && w.Text != "Veloceliņi" {
			s.t.Errorf("the velocelini group is shown as %q, want its most frequent spelling Veloceliņi", w.Text)
		}
	}
	return strings.Join(ws, " ")
}

// curationLog is `standmap wishes log`, a line "#SEQ WHO ACTION" an entry.
func curationLog(t *testing.T, s *sshServe) []string {
	t.Helper()
	out, err := exec.Command(s.bin, "wishes", "log", "--db", s.db, "--event", "E2E").CombinedOutput()
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if err != nil || len(lines) < 2 || !strings.HasPrefix(lines[0], "#") {
		t.Fatalf("wishes log: %v\n%s", err, out)
	}
	var got []string
	for _, l := range lines[1:] {
		f := strings.Fields(l) // #SEQ DATE TIME WHO ACTION…
		if len(f) < 5 {
			t.Fatalf("wishes log line %q", l)
		}
		got = append(got, strings.Join(append(f[:1], f[3:]...), " "))
	}
	return got
}

// checkCuratedExport checks `ssh export`: every imported mark word for
// word, with its curated group and hidden columns.
func checkCuratedExport(t *testing.T, s *sshServe) {
	t.Helper()
	out, errOut, code := s.ssh([]string{"fac"}, "export")
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(recs) == 0 {
		t.Fatalf("export: exit %d, %v, %q", code, err, errOut)
	}
	col := map[string]int{}
	for i, name := range recs[0] {
		col[name] = i
	}
	for _, name := range []string{"response_id", "neighbourhood", "wish", "wish_group", "wish_group_text", "hidden"} {
		if _, ok := col[name]; !ok {
			t.Fatalf("export lacks the %s column: %q", name, recs[0])
		}
	}
	if len(recs)-1 != len(curateRows) {
		t.Errorf("export has %d rows, want %d", len(recs)-1, len(curateRows))
	}
	for i, r := range curateRows {
		if i+1 >= len(recs) {
			break
		}
		e := recs[i+1]
		got := []string{e[col["response_id"]], e[col["neighbourhood"]], e[col["wish"]], e[col["wish_group"]], e[col["hidden"]]}
		if want := []string{r.id, r.place, r.wish, r.group, r.hidden}; !slices.Equal(got, want) {
			t.Errorf("export row %d: %q, want %q", i+1, got, want)
		}
		if r.group == "velocelini" && e[col["wish_group_text"]] != "Veloceliņi" {
			t.Errorf("export row %d: wish_group_text %q, want Veloceliņi", i+1, e[col["wish_group_text"]])
		}
	}
}
