package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestE2ERenameWhileOpen: the facilitator's application is open on an
// event when someone renames it from another terminal; the next answer
// is still saved (into the renamed event) and the header follows.
func TestE2ERenameWhileOpen(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the end-to-end test needs it (CI installs it)")
	}
	if testing.Short() {
		t.Skip("-short: no end-to-end test")
	}
	bin := standmapBinary(t)
	dbPath := filepath.Join(t.TempDir(), "rename.db")
	s := tmuxSession{t: t, socket: fmt.Sprintf("standmap-e2e-rename-%d", os.Getpid())}
	s.tmux("new-session", "-d", "-s", "e2e", "-x", "120", "-y", "36", "-e", "TERM=xterm-256color",
		fmt.Sprintf("%s --db %s --event 'Stand A' --lang en", bin, dbPath))
	t.Cleanup(func() { exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	s.waitFor("Visitor #1")

	if out, err := exec.Command(bin, "events", "rename", "Stand A", "Stand B", "--db", dbPath).CombinedOutput(); err != nil {
		t.Fatalf("events rename: %v\n%s", err, out)
	}
	s.waitFor("Stand B") // the header, once the hub noticed
	s.typeText("centrs")
	s.keys("Enter")
	s.typeText("Renamed benches") // its category, hangout, from its words
	s.keys("Enter", "C-s")
	s.waitFor("saved #1 ✓")

	out, err := exec.Command(bin, "export", "--db", dbPath, "--event", "Stand B").CombinedOutput()
	if err != nil || !strings.Contains(string(out), ",Stand B,,Centrs,Renamed benches,hangout,") {
		t.Errorf("export of the renamed event: %v\n%s", err, out)
	}
	out, _ = exec.Command(bin, "events", "--db", dbPath).CombinedOutput()
	if strings.Contains(string(out), "Stand A") || !strings.Contains(string(out), "Stand B") {
		t.Errorf("events after the rename:\n%s", out)
	}
}
