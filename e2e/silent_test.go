package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestE2ESilentClientLeavesItsDraft: a facilitator's OpenSSH client that
// goes silent without closing its connection (its process stopped, as a
// laptop whose network vanished) holds a half-typed visitor. The
// facilitator's new window waits for it — its keys wait too, and the
// screen says so — then gets that visitor back, the keys typed meanwhile
// left out and counted; the silent client's connection is closed, so when
// it wakes it finds it closed and ends (it can write nothing over the new
// window's form), and the draft holds what the new window types; the new
// window's save stores the visitor once. The new window's draft read used to time
// out (the application waited 15 s, the server up to 30 s): its form was
// not kept, and a client that woke up wrote its old form over the new
// window's.
func TestE2ESilentClientLeavesItsDraft(t *testing.T) {
	if _, err := exec.LookPath("setsid"); err != nil {
		t.Skip("setsid is not installed (util-linux): tmux would continue a stopped client")
	}
	s := startServe(t)
	fp := fingerprint(t, s.dir, "fac.pub")
	one := tmuxSession{t: t, socket: fmt.Sprintf("standmap-e2e-silent-one-%d", os.Getpid())}
	ssh := strings.Join(append([]string{"setsid", "-w", "ssh", "-tt"}, s.sshCmd([]string{"fac"}).Args[1:]...), " ")
	one.tmux("new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", "-e", "TERM=xterm-256color", ssh)
	t.Cleanup(func() { exec.Command("tmux", "-L", one.socket, "kill-server").Run() })
	one.waitFor("Visitor #")
	fillVisitor(one, "silent bench")
	waitUntil(t, "the first window's draft", func() bool { return strings.Contains(drafts(t, s.db)[fp], "silent bench") })

	pane, err := strconv.Atoi(strings.TrimSpace(one.tmux("display-message", "-p", "-t", "e2e", "#{pane_pid}")))
	if err != nil {
		t.Fatal(err)
	}
	client := childOf(t, pane) // setsid's child: ssh, in a session of its own
	if err := syscall.Kill(client, syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.Kill(client, syscall.SIGKILL); syscall.Kill(client, syscall.SIGCONT) })

	two := s.terminalOn(fmt.Sprintf("standmap-e2e-silent-two-%d", os.Getpid()), "fac", 120, 40, false)
	two.waitFor("Place")
	two.typeText("zz")
	two.waitFor("reading this form's draft")
	waitUntil(t, "the silent window's visitor in the new one", func() bool { return strings.Contains(two.screen(), "silent bench") })
	if sc := two.screen(); !strings.Contains(sc, "keys typed while it was read") || strings.Contains(sc, "zz") {
		t.Fatalf("the new window:\n%s", sc)
	}
	if !strings.Contains(s.stderr.String(), "connection closed: a facilitator's client did not answer") {
		t.Errorf("the server's log does not say it closed the silent connection:\n%s", s.stderr.String())
	}
	if err := syscall.Kill(client, syscall.SIGCONT); err != nil { // it wakes: its connection is closed
		t.Fatal(err)
	}
	waitUntil(t, "the woken client to find its connection closed and end", func() bool { return syscall.Kill(client, 0) != nil })
	two.typeText(" here")
	waitUntil(t, "the new window's draft", func() bool { return strings.Contains(drafts(t, s.db)[fp], "silent bench here") })
	two.keys("C-s")
	two.waitFor("✓")
	if n := storedCount(t, s.db); n != 1 {
		t.Fatalf("%d responses stored, want 1", n)
	}
}

// waitUntil polls ok until it holds, failing after a minute (a bound on a
// hang, not a timing: the server may take 30 s by design).
func waitUntil(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for end := time.Now().Add(time.Minute); !ok(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("%s: not after a minute", what)
		}
	}
}

// childOf returns the one child process of pid, read from /proc.
func childOf(t *testing.T, pid int) int {
	t.Helper()
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", pid, pid))
		if err != nil {
			t.Skipf("no /proc children list: %v", err)
		}
		if f := strings.Fields(string(raw)); len(f) > 0 {
			child, err := strconv.Atoi(f[0])
			if err != nil {
				t.Fatal(err)
			}
			return child
		}
	}
	t.Fatalf("process %d has no child", pid)
	return 0
}
