package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"standmap/db"
	"standmap/model"
)

// startApp runs the built binary in a private tmux server at 120×36
// (exec: the pane's process is standmap itself, to kill).
func startApp(t *testing.T, name, bin, dbPath string) tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the end-to-end test needs it (CI installs it)")
	}
	if testing.Short() {
		t.Skip("-short: no end-to-end test")
	}
	s := tmuxSession{t: t, socket: fmt.Sprintf("standmap-e2e-%s-%d", name, os.Getpid())}
	s.tmux("new-session", "-d", "-s", "e2e", "-x", "120", "-y", "36", "-e", "TERM=xterm-256color", "-e", "USER=e2e",
		fmt.Sprintf("exec %s --db %s --event Fair --lang en", bin, dbPath))
	t.Cleanup(func() { exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	s.tmux("set-option", "-t", "e2e", "remain-on-exit", "on") // a killed app's pane stays, to start again
	return s
}

// killApp ends the application with SIGKILL and starts it again in the
// same pane.
func (s tmuxSession) killApp(bin, dbPath string) {
	s.t.Helper()
	pid, err := strconv.Atoi(strings.TrimSpace(s.tmux("display-message", "-p", "-t", "e2e", "#{pane_pid}")))
	if err != nil {
		s.t.Fatal(err)
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		s.t.Fatal(err)
	}
	s.tmux("respawn-pane", "-k", "-t", "e2e", fmt.Sprintf("exec %s --db %s --event Fair --lang en", bin, dbPath))
}

// waitDraft waits until the facilitator's stored draft holds text.
func waitDraft(t *testing.T, dbPath, text string) {
	t.Helper()
	waitDraftOf(t, dbPath, "local:e2e", text)
}

// counted returns the event's counted responses, read from the file.
func counted(t *testing.T, dbPath string) []model.Response {
	t.Helper()
	store, err := db.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var out []model.Response
	if err := store.EachResponse(context.Background(), "Fair", func(r model.Response) error { out = append(out, r); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestE2EDraftSurvivesKill: a half-typed visitor, then kill -9 of the
// application: after a restart the form holds it, under the same number;
// ctrl+s saves it once, and another kill and restart bring back an empty
// form.
func TestE2EDraftSurvivesKill(t *testing.T) {
	bin, dbPath := standmapBinary(t), filepath.Join(t.TempDir(), "draft.db")
	s := startApp(t, "draft", bin, dbPath)
	s.waitFor("Visitor #1")
	s.typeText("cen")
	s.keys("Enter")
	s.typeText("Soliņi")
	s.keys("Enter")
	s.typeText("gri")
	s.keys("Enter")
	s.typeText("Pludm")
	s.waitFor("Pludm")
	waitDraft(t, dbPath, `"wish":"Pludm"`)
	s.killApp(bin, dbPath)
	s.waitFor("the unsaved visitor is back")
	screen := s.screen()
	for _, want := range []string{"Visitor #1", "Soliņi", "Wish     > Pludm", "Place      Grīva"} {
		if !strings.Contains(screen, want) {
			t.Fatalf("the restored form lacks %q:\n%s", want, screen)
		}
	}
	s.typeText("ale")
	s.keys("Enter", "C-s")
	s.waitFor("saved #1 ✓")
	s.waitFor("Visitor #2")
	s.killApp(bin, dbPath)
	for end := time.Now().Add(10 * time.Second); strings.Contains(s.screen(), "saved #1 ✓") || !strings.Contains(s.screen(), "Visitor #2"); {
		if time.Now().After(end) { // the new process's first screen has no "saved"
			t.Fatalf("no restart:\n%s", s.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if strings.Contains(s.screen(), "unsaved visitor is back") {
		t.Errorf("the saved visitor came back as a draft:\n%s", s.screen())
	}
	got := counted(t, dbPath)
	want := "[{Centrs Soliņi hangout} {Grīva Pludmale green}]"
	if len(got) != 1 || got[0].Number != 1 || fmt.Sprint(got[0].Marks) != want {
		t.Fatalf("stored %+v, want one response #1 with %s", got, want)
	}
}

// TestE2EUndoRedoRestore is the first "done when" on the built
// binary: save A; half of B; ctrl+z takes B's last step, A stays; the
// form emptied, ctrl+z takes A back (not counted), ctrl+y brings it with
// the same id and number; deleting A in the recent list and `standmap
// responses restore ID` give the export from before.
func TestE2EUndoRedoRestore(t *testing.T) {
	bin, dbPath := standmapBinary(t), filepath.Join(t.TempDir(), "undo.db")
	s := startApp(t, "undo", bin, dbPath)
	s.waitFor("Visitor #1")
	s.typeText("cen")
	s.keys("Enter")
	s.typeText("Soliņi")
	s.keys("Enter", "C-s")
	s.waitFor("saved #1 ✓")
	a := counted(t, dbPath)
	s.typeText("gri")
	s.keys("Enter")
	s.typeText("Plud")
	s.waitFor("Plud")
	s.keys("C-z")
	s.waitFor("Wish     > ")
	if strings.Contains(s.screen(), "Plud") || len(counted(t, dbPath)) != 1 {
		t.Fatalf("ctrl+z in B:\n%s", s.screen())
	}
	s.keys("C-z")
	s.keys("C-z") // the form is empty
	s.keys("C-z")
	s.waitFor("undone #1")
	s.waitFor("0 visitors")
	if n := len(counted(t, dbPath)); n != 0 {
		t.Fatalf("A still counted (%d)", n)
	}
	s.keys("C-y")
	s.waitFor("redone #1")
	s.waitFor("1 visitor")
	if b := counted(t, dbPath); len(b) != 1 || b[0].ID != a[0].ID || b[0].Number != 1 {
		t.Fatalf("after ctrl+y: %+v, want %+v", b, a)
	}
	export := func() string {
		out, err := exec.Command(bin, "export", "--db", dbPath, "--event", "Fair").CombinedOutput()
		if err != nil {
			t.Fatalf("export: %v\n%s", err, out)
		}
		return string(out)
	}
	before := export()
	s.keys("C-e")
	s.waitFor("▸#1")
	s.keys("DC") // the Delete key
	s.waitFor("deleted #1")
	out, err := exec.Command(bin, "responses", "deleted", "--db", dbPath, "--event", "Fair").CombinedOutput()
	if err != nil || !strings.Contains(string(out), a[0].ID) || !strings.Contains(string(out), "local:e2e") {
		t.Fatalf("responses deleted: %v\n%s", err, out)
	}
	if out, err := exec.Command(bin, "responses", "restore", a[0].ID, "--db", dbPath, "--event", "Fair").CombinedOutput(); err != nil {
		t.Fatalf("responses restore: %v\n%s", err, out)
	}
	if after := export(); after != before {
		t.Errorf("export after restore:\n%s\nbefore the delete:\n%s", after, before)
	}
	s.waitFor("1 visitor") // the open board follows the restore made by another process
}

// TestE2ETwoWindowsTwoDrafts: two applications on one database (two
// windows at one laptop) each keep their own visitor and number; one
// killed and started again gets its own visitor back, not the other's,
// and both save under the numbers their forms showed.
func TestE2ETwoWindowsTwoDrafts(t *testing.T) {
	bin, dbPath := standmapBinary(t), filepath.Join(t.TempDir(), "two.db")
	a := startApp(t, "twoa", bin, dbPath)
	a.waitFor("Visitor #1")
	b := startApp(t, "twob", bin, dbPath)
	b.waitFor("Visitor #2")
	a.typeText("mez")
	a.keys("Enter")
	a.typeText("soliņi")
	b.typeText("jaunb")
	b.waitFor("jaunb")
	waitDraftOf(t, dbPath, "local:e2e", `"wish":"soliņi"`)
	waitDraftOf(t, dbPath, "local:e2e/2", `"place":"jaunb"`)
	a.killApp(bin, dbPath)
	a.waitFor("the unsaved visitor is back")
	if s := a.screen(); !strings.Contains(s, "Visitor #1") || !strings.Contains(s, "soliņi") || strings.Contains(s, "jaunb") {
		t.Fatalf("the first window after kill -9:\n%s", s)
	}
	a.keys("Enter", "C-s")
	a.waitFor("saved #1 ✓")
	b.keys("Enter")
	b.typeText("skeitparks")
	b.keys("Enter", "C-s")
	b.waitFor("saved #2 ✓")
	got := counted(t, dbPath)
	if len(got) != 2 || got[0].Number != 1 || got[0].Marks[0].Neighbourhood != "Mežciems" ||
		got[1].Number != 2 || got[1].Marks[0].Neighbourhood != "Jaunbūve" {
		t.Fatalf("stored %+v", got)
	}
}

// waitDraftOf waits until who's stored draft holds text (read only: a
// draft read through the store would reserve a number).
func waitDraftOf(t *testing.T, dbPath, who, text string) {
	t.Helper()
	waitUntil(t, fmt.Sprintf("%s's draft holding %q", who, text), func() bool { return strings.Contains(drafts(t, dbPath)[who], text) })
}
