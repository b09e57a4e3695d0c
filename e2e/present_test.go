package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestE2EPresentHidden: over the real ssh client, a facilitator's h in
// `ssh -t … present` hides the results on a viewer's board and on the
// facilitator's own application; a viewer's h does nothing; h again
// reveals them everywhere.
func TestE2EPresentHidden(t *testing.T) {
	s := startServe(t)
	open := func(name string, keys []string, args ...string) tmuxSession {
		ts := tmuxSession{t: t, socket: fmt.Sprintf("standmap-e2e-present-%s-%d", name, os.Getpid())}
		ssh := s.sshCmd(keys, args...)
		ts.tmux("new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", "-e", "TERM=xterm-256color",
			strings.Join(append([]string{"ssh", "-tt"}, ssh.Args[1:]...), " "))
		t.Cleanup(func() { exec.Command("tmux", "-L", ts.socket, "kill-server").Run() })
		return ts
	}
	board := open("board", []string{"viewer"})
	board.waitFor("read-only board")
	proj := open("proj", []string{"fac"}, "present")
	proj.waitFor(fmt.Sprintf("ssh -p %d 127.0.0.1", s.port)) // the join line
	vproj := open("vproj", []string{"viewer"}, "present")
	vproj.waitFor("? keys")
	app := open("app", []string{"fac"})
	app.waitFor("Visitor #1")

	proj.keys("h")
	board.waitFor("visitors so far: 0")
	vproj.waitFor("results will be shown later")
	app.waitFor("projection hidden")
	if sc := board.screen(); strings.Contains(sc, "Where they spend") {
		t.Fatalf("the hidden board shows the tallies:\n%s", sc)
	}
	// A viewer's projection is locked: its h does nothing. The keys
	// after it (? opens the keys, esc closes them) show, so h was read.
	vproj.keys("h")
	vproj.keys("?")
	vproj.waitFor("hide / reveal results")
	vproj.keys("Escape")
	vproj.waitFor("results will be shown later")
	if sc := board.screen(); strings.Contains(sc, "Where they spend") {
		t.Fatalf("a viewer's h revealed the results on the board:\n%s", sc)
	}
	app.keys("C-p")
	app.waitFor("results will be shown later")
	app.keys("h")
	board.waitFor("Where they spend free time")
	proj.waitFor("Where they spend free time")
	app.keys("Escape")
	app.waitFor("Visitor #1")
}

// TestE2EPresentProcessHides: `standmap present --hidden` on the
// projector, a process of its own beside `standmap serve` on the same
// database, hides the results on the SSH viewers' boards too; its h
// reveals them there as well.
func TestE2EPresentProcessHides(t *testing.T) {
	s := startServe(t)
	board := s.terminal("viewer", 100, 30)
	board.waitFor("Where they spend free time")
	proj := tmuxSession{t: t, socket: fmt.Sprintf("standmap-e2e-present-proc-%d", os.Getpid())}
	proj.tmux("new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", "-e", "TERM=xterm-256color",
		fmt.Sprintf("%s present --hidden --reveal-at 15:00 --db %s --event E2E --lang en", s.bin, s.db))
	t.Cleanup(func() { exec.Command("tmux", "-L", proj.socket, "kill-server").Run() })
	proj.waitFor("results at 15:00")
	board.waitFor("visitors so far: 0")
	if sc := board.screen(); strings.Contains(sc, "Where they spend") {
		t.Fatalf("the viewer's board shows the tallies while hidden:\n%s", sc)
	}
	// A second projection with only --reveal-at keeps the results hidden
	// (it changes the time, not whether they show).
	proj2 := tmuxSession{t: t, socket: proj.socket + "-2"}
	proj2.tmux("new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", "-e", "TERM=xterm-256color",
		fmt.Sprintf("%s present --reveal-at 16:00 --db %s --event E2E --lang en", s.bin, s.db))
	t.Cleanup(func() { exec.Command("tmux", "-L", proj2.socket, "kill-server").Run() })
	proj2.waitFor("results at 16:00")
	proj.waitFor("results at 16:00")
	if sc := board.screen(); strings.Contains(sc, "Where they spend") {
		t.Fatalf("--reveal-at alone revealed the results on the viewer's board:\n%s", sc)
	}
	proj.keys("h")
	board.waitFor("Where they spend free time")
}
