package e2e

import (
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// setKeys writes the server's authorized keys file anew, whole (a
// temporary file renamed over it), with the public keys of the named key
// files.
func (s *sshServe) setKeys(names ...string) {
	s.t.Helper()
	var data []byte
	for _, n := range names {
		pub, err := os.ReadFile(filepath.Join(s.dir, n+".pub"))
		if err != nil {
			s.t.Fatal(err)
		}
		data = append(data, pub...)
	}
	if len(names) == 0 {
		data = []byte("# no facilitators\n")
	}
	path := filepath.Join(filepath.Dir(s.db), "authorized_keys")
	tmp := path + ".new"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		s.t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		s.t.Fatal(err)
	}
}

// storedCount is the number of responses stored in the server's file,
// read-only.
func storedCount(t *testing.T, dbPath string) int {
	t.Helper()
	raw, err := sql.Open("sqlite3", "file:"+dbPath+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var n int
	if err := raw.QueryRow(`SELECT count(*) FROM responses`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// drafts returns the stored drafts' forms by who, read-only.
func drafts(t *testing.T, dbPath string) map[string]string {
	t.Helper()
	raw, err := sql.Open("sqlite3", "file:"+dbPath+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	rows, err := raw.Query(`SELECT who, form FROM drafts`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var who, form string
		if err := rows.Scan(&who, &form); err != nil {
			t.Fatal(err)
		}
		out[who] = form
	}
	return out
}

// fillVisitor keys in one mark, Centrs with wish, into a facilitator's
// form and waits until the form shows it.
func fillVisitor(term tmuxSession, wish string) {
	term.t.Helper()
	term.typeText("cen")
	term.keys("Enter")
	term.typeText(wish)
	term.waitFor(wish)
}

// TestE2ERemovedKeyCannotSave: a facilitator's form is open in the real
// ssh client when their key is taken out of the authorized keys file;
// ctrl+s then stores nothing, the form says why in words and keeps the
// visitor on the screen, and an export with that key is refused. The
// server reads the file at the write itself (a stat and a read when it
// changed), so there is no reload to wait for: the write after the file
// changed sees it. Put back, the key saves the very visitor kept on the
// screen, once: the refused save had stored nothing.
func TestE2ERemovedKeyCannotSave(t *testing.T) {
	s := startServe(t)
	form := s.terminal("fac", 160, 40)
	form.waitFor("Visitor #1")
	fillVisitor(form, "removed-key bench")
	s.setKeys() // no facilitators at all
	form.keys("C-s")
	form.waitFor("! not saved: your key is no longer a")
	sc := form.screen()
	if !strings.Contains(sc, "authorized keys file): ask to have it put") || !strings.Contains(sc, "removed-key bench") {
		t.Fatalf("after ctrl+s with the key taken out, the form should say not saved and keep the visitor:\n%s", sc)
	}
	if !strings.Contains(s.stderr.String(), "write refused: the session's key is no longer a facilitator's") {
		t.Errorf("the server's log does not say the write was refused:\n%s", s.stderr.String())
	}
	out, errOut, code := s.ssh([]string{"fac"}, "export")
	if code != 1 || out != "" || !strings.Contains(errOut, "export is for facilitators") {
		t.Errorf("export with the key taken out: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	// The key back: the same ctrl+s saves the visitor still on the form.
	s.setKeys("fac")
	form.keys("C-s")
	form.waitFor("saved #1 ✓")
	if n := storedCount(t, s.db); n != 1 {
		t.Fatalf("%d responses stored, want 1: the refused save stored one", n)
	}
}

// TestE2EHiddenResultsRefusedToViewers: while a facilitator hides the
// results from the room, a viewer's read commands over the real ssh
// client (tally, tally --json, tally --at) are refused with words that
// say so, help still answers, and a facilitator's tally still prints;
// revealed, the viewer's tally prints again.
func TestE2EHiddenResultsRefusedToViewers(t *testing.T) {
	s := startServe(t)
	viewer, fac := []string{"viewer"}, []string{"fac"}
	if out, errOut, code := s.ssh(viewer, "tally"); code != 0 || !strings.Contains(out, "E2E") {
		t.Fatalf("viewer tally before hiding: exit %d, %q, %q", code, out, errOut)
	}
	board := s.terminal("viewer", 100, 30)
	board.waitFor("Where they spend free time")
	proj := tmuxSession{t: t, socket: fmt.Sprintf("standmap-e2e-roles-proj-%d", os.Getpid())}
	proj.tmux("new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", "-e", "TERM=xterm-256color",
		strings.Join(append([]string{"ssh", "-tt"}, s.sshCmd(fac, "present").Args[1:]...), " "))
	t.Cleanup(func() { exec.Command("tmux", "-L", proj.socket, "kill-server").Run() })
	proj.waitFor(fmt.Sprintf("ssh -p %d 127.0.0.1", s.port))
	proj.keys("h")
	board.waitFor("visitors so far: 0") // the server's hub has the hidden state
	for _, args := range [][]string{{"tally"}, {"tally", "--json"}, {"tally", "--at", "2030-01-01 10:00"}, {"export"}} {
		out, errOut, code := s.ssh(viewer, args...)
		if code != 1 || out != "" || !strings.Contains(errOut, "the results are hidden from the room") {
			t.Errorf("viewer %v while hidden: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	if out, errOut, code := s.ssh(viewer, "help"); code != 0 || !strings.Contains(out+errOut, "tally") {
		t.Errorf("viewer help while hidden: exit %d, %q, %q", code, out, errOut)
	}
	if out, errOut, code := s.ssh(fac, "tally", "--json"); code != 0 || !strings.Contains(out, `"event"`) {
		t.Errorf("facilitator tally --json while hidden: exit %d, %q, %q", code, out, errOut)
	}
	proj.keys("h")
	board.waitFor("Where they spend free time")
	if out, errOut, code := s.ssh(viewer, "tally", "--json"); code != 0 || !strings.Contains(out, `"event"`) {
		t.Errorf("viewer tally --json once revealed: exit %d, %q, %q", code, out, errOut)
	}
}

// TestE2ETwoWindowsOwnDrafts: one facilitator's key in two windows (two
// real ssh clients) types two visitors at once; each is kept in a draft
// of its own (the key's, and key/2), neither overwriting the other. The
// second window dropped, the key's next session brings its visitor back
// while the first window keeps its own; both are then saved, once each.
func TestE2ETwoWindowsOwnDrafts(t *testing.T) {
	s := startServe(t)
	fp := fingerprint(t, s.dir, "fac.pub")
	one := s.terminalOn(fmt.Sprintf("standmap-e2e-roles-one-%d", os.Getpid()), "fac", 120, 40, false)
	one.waitFor("Visitor #")
	two := s.terminalOn(fmt.Sprintf("standmap-e2e-roles-two-%d", os.Getpid()), "fac", 120, 40, false)
	two.waitFor("Visitor #")
	fillVisitor(one, "window-one bench")
	fillVisitor(two, "window-two bench")
	waitDrafts := func(want map[string]string) {
		t.Helper()
		var got map[string]string
		for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
			got = drafts(t, s.db)
			ok := true
			for who, text := range want {
				ok = ok && strings.Contains(got[who], text)
			}
			if ok {
				return
			}
		}
		t.Fatalf("drafts %v, want %v", got, want)
	}
	waitDrafts(map[string]string{fp: "window-one bench", fp + "/2": "window-two bench"})
	two.tmux("kill-server") // the second window's client is gone
	three := s.terminalOn(fmt.Sprintf("standmap-e2e-roles-three-%d", os.Getpid()), "fac", 120, 40, false)
	three.waitFor("window-two bench")
	if sc := one.screen(); !strings.Contains(sc, "window-one bench") || strings.Contains(sc, "window-two bench") {
		t.Fatalf("the first window lost its visitor or got the other's:\n%s", sc)
	}
	one.keys("C-s")
	one.waitFor("✓")
	three.keys("C-s")
	three.waitFor("✓")
	waitDrafts(map[string]string{fp: "", fp + "/2": ""})
	if n := storedCount(t, s.db); n != 2 {
		t.Fatalf("%d responses stored, want 2", n)
	}
}

// TestE2ERemovedKeyCannotHide: a facilitator's projection is open in the
// real ssh client when their key is taken out of the authorized keys
// file; its h (hide from the room) is then refused — the server logs the
// refusal — and the room keeps seeing the results: a viewer's tally
// still prints and a viewer's board still shows the tallies. Put back,
// the same key's h hides them.
func TestE2ERemovedKeyCannotHide(t *testing.T) {
	s := startServe(t)
	viewer := []string{"viewer"}
	board := s.terminal("viewer", 100, 30)
	board.waitFor("Where they spend free time")
	proj := tmuxSession{t: t, socket: fmt.Sprintf("standmap-e2e-roles-hide-%d", os.Getpid())}
	proj.tmux("new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", "-e", "TERM=xterm-256color",
		strings.Join(append([]string{"ssh", "-tt"}, s.sshCmd([]string{"fac"}, "present").Args[1:]...), " "))
	t.Cleanup(func() { exec.Command("tmux", "-L", proj.socket, "kill-server").Run() })
	proj.waitFor(fmt.Sprintf("ssh -p %d 127.0.0.1", s.port))
	s.setKeys() // no facilitators at all
	proj.keys("h")
	const refused = "write refused: the session's key is no longer a facilitator's"
	for end := time.Now().Add(20 * time.Second); !strings.Contains(s.stderr.String(), refused); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("h with the key taken out: the server's log does not say it was refused:\n%s", s.stderr.String())
		}
	}
	if out, errOut, code := s.ssh(viewer, "tally"); code != 0 || !strings.Contains(out, "E2E") {
		t.Fatalf("viewer tally after a removed key's h: exit %d, %q, %q (the results were hidden)", code, out, errOut)
	}
	if sc := board.screen(); !strings.Contains(sc, "Where they spend free time") {
		t.Fatalf("the viewer's board after a removed key's h:\n%s", sc)
	}
	s.setKeys("fac")
	proj.keys("h")
	board.waitFor("visitors so far: 0") // hidden now: the key is a facilitator's again
}
