package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"standmap/db"
	"standmap/model"
)

// tmuxSession is the built binary running in a private tmux server.
type tmuxSession struct {
	t      *testing.T
	socket string
}

func (s tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// keys sends tmux key names (Enter, Tab, C-s); typeText types literally.
func (s tmuxSession) keys(k ...string) {
	s.t.Helper()
	s.tmux(append([]string{"send-keys", "-t", "e2e"}, k...)...)
	time.Sleep(60 * time.Millisecond)
}

func (s tmuxSession) typeText(text string) {
	s.t.Helper()
	s.tmux("send-keys", "-t", "e2e", "-l", text)
	time.Sleep(60 * time.Millisecond)
}

func (s tmuxSession) screen() string { return s.tmux("capture-pane", "-t", "e2e", "-p") }

// waitFor waits until text is on the screen.
func (s tmuxSession) waitFor(text string) {
	s.t.Helper()
	end := time.Now().Add(10 * time.Second)
	for time.Now().Before(end) {
		if strings.Contains(s.screen(), text) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("%q did not appear; the screen:\n%s", text, s.screen())
}

// TestE2ETmux builds standmap, runs it in tmux at 160×48, keys in three
// visitors — the README's visitor on a fresh database, then again with
// autocomplete, then one whose wish's category is asked for — and checks
// the screen and the database.
func TestE2ETmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the end-to-end test needs it (CI installs it)")
	}
	if testing.Short() {
		t.Skip("-short: no end-to-end test")
	}
	dir := t.TempDir()
	bin := standmapBinary(t)
	dbPath := filepath.Join(dir, "e2e.db")
	s := tmuxSession{t: t, socket: fmt.Sprintf("standmap-e2e-%d", os.Getpid())}
	cmd := fmt.Sprintf("%s --db %s --event 'E2E fair' --lang en", bin, dbPath)
	s.tmux("new-session", "-d", "-s", "e2e", "-x", "160", "-y", "48",
		"-e", "TERM=xterm-256color", "-e", "LANG=en_US.UTF-8", cmd)
	t.Cleanup(func() { exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	s.waitFor("Visitor #1")

	// 1: the README's visitor on a fresh database: the wishes typed in
	// full, their categories suggested by their words.
	s.typeText("gri")
	s.waitFor("▸ Grīva")
	s.keys("Enter")
	s.typeText("Āra trenažieri")
	s.waitFor("↳ suggested by its words")
	s.keys("Enter")
	s.typeText("cen")
	s.keys("Enter")
	s.typeText("Veloceliņi")
	s.keys("Enter", "2", "C-s")
	s.waitFor("saved #1 ✓")
	s.waitFor("Visitor #2")
	// 2: the same visitor again: the wishes come from autocomplete.
	s.typeText("gri")
	s.keys("Enter")
	s.typeText("ara")
	s.waitFor("▸ Āra trenažieri")
	s.keys("Tab", "Enter")
	s.typeText("cen")
	s.keys("Enter")
	s.typeText("vel")
	s.waitFor("▸ Veloceliņi")
	s.keys("Tab", "Enter", "2", "C-s")
	s.waitFor("saved #2 ✓")
	// 3: a city-wide wish of no known words: Enter asks for its category,
	// a letter jumps, Enter adds it; Esplanāde without a wish.
	s.keys("Tab")
	s.typeText("Xyzzy")
	s.keys("Enter")
	s.waitFor("▸   — none (on purpose)")
	s.typeText("w")
	s.waitFor("▸   Walking routes")
	s.keys("Enter")
	s.typeText("esp")
	s.keys("Enter", "Enter", "C-s")
	s.waitFor("saved #3 ✓")
	s.waitFor("3 visitors")
	screen := s.screen()
	for _, want := range []string{"Visitor #4", "Āra trenažieri", "Veloceliņi", "Xyzzy"} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q:\n%s", want, screen)
		}
	}
	if !lineHas(screen, "Grīva", "2") || !lineHas(screen, "Āra trenažieri", "2") {
		t.Errorf("board does not count Grīva and Āra trenažieri twice:\n%s", screen)
	}
	// The same at 80×24: the form alone, ctrl+b the board; smaller: a request.
	s.tmux("resize-window", "-t", "e2e", "-x", "80", "-y", "24")
	s.waitFor("Visitor #4")
	s.keys("C-b")
	s.waitFor("What they want improved")
	if screen := s.screen(); !lineHas(screen, "Grīva", "2") {
		t.Errorf("80×24 board:\n%s", screen)
	}
	s.tmux("resize-window", "-t", "e2e", "-x", "50", "-y", "12")
	s.waitFor("make the window at least 60×16")
	s.keys("C-c")
	time.Sleep(300 * time.Millisecond)

	store, err := db.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var got []model.Response
	store.EachResponse(context.Background(), "E2E fair", func(r model.Response) error {
		got = append(got, r)
		return nil
	})
	if len(got) != 3 {
		t.Fatalf("%d responses stored, want 3: %+v", len(got), got)
	}
	visitor := []model.Mark{{Neighbourhood: "Grīva", Wish: "Āra trenažieri", Category: "fitness"},
		{Neighbourhood: "Centrs", Wish: "Veloceliņi", Category: "cycle"}}
	want := [][]model.Mark{visitor, visitor, {{Wish: "Xyzzy", Category: "walk"}, {Neighbourhood: "Esplanāde"}}}
	ages := []string{"16-18", "16-18", ""}
	for i, r := range got {
		if fmt.Sprint(r.Marks) != fmt.Sprint(want[i]) || r.AgeGroup != ages[i] {
			t.Errorf("response %d: %+v %q, want %+v %q", i+1, r.Marks, r.AgeGroup, want[i], ages[i])
		}
	}
}

// lineHas reports whether one line of screen holds name and then count.
func lineHas(screen, name, count string) bool {
	for _, l := range strings.Split(screen, "\n") {
		if i := strings.Index(l, name); i >= 0 && strings.Contains(l[i:], " "+count+" ") || i >= 0 && strings.HasSuffix(strings.TrimRight(l[i:], " │"), " "+count) {
			return true
		}
	}
	return false
}
