package e2e

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The hostile, crowded room (issue 13) with the real OpenSSH client
// against the built binary: the keys file failing closed, the viewer cap,
// a junk command, and what a facilitator is told at shutdown. The sizes
// are size_test.go's, the dropped client drop_test.go's.

// TestE2EKeysFailClosed: with the real ssh client against the built
// binary, the authorized keys file edited while serve runs to drop the
// facilitator's key K and add a malformed line: K is a viewer on its next
// login and its export is refused, and the log names the bad line. Then
// the file at mode 0666: serve refuses to start, naming the mode.
func TestE2EKeysFailClosed(t *testing.T) {
	s := startServe(t)
	keys := filepath.Join(filepath.Dir(s.db), "authorized_keys")
	if _, errOut, code := s.ssh([]string{"fac"}, "export"); code != 0 {
		t.Fatalf("K's export: exit %d, %q", code, errOut)
	}
	viewerPub, _ := os.ReadFile(filepath.Join(s.dir, "viewer.pub"))
	os.WriteFile(keys, append([]byte("# K removed\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5-truncated\n"), viewerPub...), 0o600)
	out, errOut, code := s.ssh([]string{"fac"}, "export")
	if code != 1 || out != "" || !strings.Contains(errOut, "export is for facilitators") {
		t.Errorf("K's export after its removal: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if _, errOut, code := s.ssh([]string{"viewer"}, "export"); code != 0 {
		t.Errorf("the key added beside the bad line: export exit %d, %q", code, errOut)
	}
	if log := s.stderr.String(); !strings.Contains(log, "line 2") || !strings.Contains(log, "facilitators=1") {
		t.Errorf("the log does not name the bad line and the facilitators:\n%s", log)
	}
	stopServe(t, s.cmd, s.exited)
	s.cmd = nil
	os.Chmod(keys, 0o666)
	cmd := exec.Command(s.bin, "serve", "--listen", fmt.Sprintf("127.0.0.1:%d", s.port), "--db", s.db, "--event", "E2E")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 || !strings.Contains(stderr.String(), "mode 0666") || !strings.Contains(stderr.String(), keys) {
		t.Errorf("serve with a 0666 keys file: %v, stderr %q", err, stderr.String())
	}
}

// TestE2EViewerCap: with the real ssh client against the built binary
// and --max-viewers 1, a viewer's board open: another viewer is refused,
// and a facilitator still gets the application and export.
func TestE2EViewerCap(t *testing.T) {
	s := startServe(t, "--max-viewers", "1")
	board := s.terminal("viewer", 100, 30)
	board.waitFor("read-only board")
	if _, errOut, code := s.ssh([]string{"viewer"}, "tally"); code != 1 || !strings.Contains(errOut, "the server is full: it admits 1 viewer at once") {
		t.Errorf("second viewer: exit %d, stderr %q", code, errOut)
	}
	app := s.terminal("fac", 120, 40)
	app.waitFor("Visitor #1")
	if out, errOut, code := s.ssh([]string{"fac"}, "export"); code != 0 || !strings.HasPrefix(out, "response_id,") {
		t.Errorf("facilitator export at the cap: exit %d, %q", code, errOut)
	}
	if !strings.Contains(s.stdout.String(), "viewers       up to 1 at once") {
		t.Errorf("the banner does not give the cap:\n%s", s.stdout.String())
	}
}

// TestE2ELongCommand: with the real ssh client against the built binary,
// a 100 KB command is refused (exit 2) and the log does not hold it; the
// facilitator's export is logged with the key's fingerprint. The wall
// time is logged here and measured by BenchmarkLongCommandRefused
// (server), not asserted.
func TestE2ELongCommand(t *testing.T) {
	s := startServe(t)
	long := "tally " + strings.Repeat("x\"'", 100<<10/3)
	start := time.Now()
	_, errOut, code := s.ssh([]string{"viewer"}, long)
	t.Logf("a 100 KB command refused after %v (wall time, ssh's start included)", time.Since(start).Round(time.Millisecond))
	if code != 2 || !strings.Contains(errOut, "command refused") {
		t.Errorf("100 KB command: exit %d, stderr %.300q", code, errOut)
	}
	s.ssh([]string{"fac"}, "export")
	fp, err := exec.Command("ssh-keygen", "-l", "-f", filepath.Join(s.dir, "fac.pub")).Output()
	if err != nil {
		t.Fatal(err)
	}
	log := s.stderr.String()
	if strings.Contains(log, "x\"'x") || !strings.Contains(log, "command refused") {
		t.Errorf("the log holds the command, or not its refusal:\n%.2000s", log)
	}
	if f := strings.Fields(string(fp)); len(f) < 2 || !strings.Contains(log, "who="+f[1]+" ") || !strings.Contains(log, "command=export") {
		t.Errorf("the export is not logged with the key's fingerprint %s:\n%s", fp, log)
	}
}

// TestE2EShutdownShowsSaved: with the real ssh client against the built
// binary, a facilitator presses ctrl+s and serve gets SIGTERM as soon as
// the screen shows the key taken ("saving…", or already "saved"):
// when the session ends, its terminal says the server is shutting down
// and that the visitor was saved, under its number (the program's screen
// is gone with it), and the database holds it once.
func TestE2EShutdownShowsSaved(t *testing.T) {
	s := startServe(t)
	c := s.terminalOn(fmt.Sprintf("standmap-e2e-term-%d-%d", os.Getpid(), s.port), "fac", 120, 40, true)
	c.waitFor("Visitor #1")
	for _, k := range []string{"cen", "Enter", "shutdown wish bench", "Enter"} {
		if k == "Enter" {
			c.tmux("send-keys", "-t", "e2e", k)
		} else {
			c.tmux("send-keys", "-t", "e2e", "-l", k)
		}
	}
	c.waitFor("shutdown wish bench")
	c.tmux("send-keys", "-t", "e2e", "C-s")
	// SIGTERM once the server has the key (a key it never got cannot be
	// saved): the save is in flight or just done.
	for end := time.Now().Add(30 * time.Second); !strings.Contains(c.screen(), "saving…") && !strings.Contains(c.screen(), "saved #1"); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("ctrl+s was not taken; the screen:\n%s", c.screen())
		}
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	if err := <-s.exited; err != nil {
		t.Errorf("serve after SIGTERM: %v", err)
	}
	s.cmd = nil
	for end := time.Now().Add(10 * time.Second); strings.TrimSpace(c.tmux("display-message", "-p", "-t", "e2e", "#{pane_dead}")) != "1"; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("ssh did not end; the screen:\n%s", c.screen())
		}
	}
	sc := c.screen()
	if !strings.Contains(sc, "the server is shutting down; 1 saved in this session, the last: #1 ✓") {
		t.Errorf("the facilitator was not told the save:\n%s", sc)
	}
	out, err := exec.Command(s.bin, "export", "--db", s.db, "--event", "E2E").Output()
	if err != nil || strings.Count(string(out), ",Centrs,shutdown wish bench,") != 1 {
		t.Errorf("export after the shutdown: %v\n%s", err, out)
	}
}
