//go:build unix

package cli

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHelperHoldsDraftSlot is not a test: run by TestDraftSlots as another
// process, it takes a slot, prints it and holds it until killed.
func TestHelperHoldsDraftSlot(t *testing.T) {
	path := os.Getenv("STANDMAP_DRAFT_LOCK")
	if path == "" {
		t.Skip("a helper process of TestDraftSlots")
	}
	slot, _, err := claimDraftSlot(path, 3)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("slot %d\n", slot)
	select {}
}

// TestDraftSlots: applications on one database each hold a draft slot
// of their own, the lowest free; a process killed (-9) frees its slot for
// the next; with every slot held the last is shared.
func TestDraftSlots(t *testing.T) {
	path := filepath.Join(t.TempDir(), "standmap.db"+draftLockSuffix)
	hold := func() (*exec.Cmd, int) {
		t.Helper()
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHoldsDraftSlot$")
		cmd.Env = append(os.Environ(), "STANDMAP_DRAFT_LOCK="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		line, err := bufio.NewReader(out).ReadString('\n')
		var slot int
		if _, serr := fmt.Sscanf(strings.TrimSpace(line), "slot %d", &slot); err != nil || serr != nil {
			t.Fatalf("helper said %q (%v)", line, err)
		}
		return cmd, slot
	}
	first, s1 := hold()
	_, s2 := hold()
	if s1 != 1 || s2 != 2 {
		t.Fatalf("two applications: slots %d and %d, want 1 and 2", s1, s2)
	}
	first.Process.Kill() // SIGKILL: the system drops its locks
	first.Wait()
	if _, s := hold(); s != 1 {
		t.Fatalf("after the first was killed: slot %d, want 1", s)
	}
	if _, s := hold(); s != 3 {
		t.Fatalf("a third: slot %d, want 3", s)
	}
	if _, s := hold(); s != 3 {
		t.Fatalf("every slot held: slot %d, want the last, 3", s)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("the lock file: %v, %v", info, err)
	}
	// A directory in the lock file's place refuses, naming it.
	dir := filepath.Join(t.TempDir(), "x.db"+draftLockSuffix)
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if _, _, err := claimDrafts(nil, strings.TrimSuffix(dir, draftLockSuffix)); err == nil || !strings.Contains(err.Error(), dir) ||
		!strings.Contains(err.Error(), "two windows on this database could share one visitor") {
		t.Errorf("a directory as the lock file: %v", err)
	}
}
