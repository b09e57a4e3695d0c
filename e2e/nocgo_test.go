package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuiltWithoutCgo: a binary built with CGO_ENABLED=0 (what Go does
// when gcc is missing) cannot use SQLite; it says so in one line naming
// cgo and exits 1 before it creates or touches any file: no database, no
// folder for it, no throwaway demo folder.
func TestBuiltWithoutCgo(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds the binary again without cgo")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "standmap-nocgo")
	build := exec.Command("go", "build", "-o", bin, "standmap")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build without cgo: %v\n%s", err, out)
	}
	home := filepath.Join(dir, "home")
	if err := os.Mkdir(home, 0o755); err != nil {
		t.Fatal(err)
	}
	newDB := filepath.Join(dir, "NEW.db")
	for _, args := range [][]string{
		{"tally", "--db", newDB},
		{"import", "-", "--db", filepath.Join(dir, "new", "folder", "x.db")},
		{"events"}, // the default database, under XDG_DATA_HOME
		{"demo"},   // a throwaway database under TMPDIR
		{},         // the application
	} {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "XDG_DATA_HOME="+filepath.Join(home, "xdg"), "TMPDIR="+home, "STANDMAP_DB=")
		var stderr strings.Builder
		cmd.Stderr = &stderr
		err := cmd.Run()
		if cmd.ProcessState == nil {
			t.Fatalf("standmap %v did not run: %v", args, err)
		}
		code := cmd.ProcessState.ExitCode()
		if err == nil || code != 1 || !strings.Contains(stderr.String(), "built without cgo") ||
			strings.Count(stderr.String(), "\n") != 1 {
			t.Errorf("standmap %v without cgo: exit %d, stderr %q; want 1 and one line naming cgo", args, code, stderr.String())
		}
	}
	for _, p := range []string{newDB, filepath.Join(dir, "new")} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s exists after the refusal (%v)", p, err)
		}
	}
	if left, _ := os.ReadDir(home); len(left) != 0 {
		t.Errorf("the refusals left %d files in the home and temporary folder", len(left))
	}
}
