package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"standmap/db"
	"standmap/model"
	"standmap/testdata/gen"
)

// TestImportSurvivesKill kills a child `standmap import` of a large file at
// several moments and checks that the database is intact and holds all of
// the import or none of it.
func TestImportSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and imports a large file")
	}
	if _, err := exec.LookPath("sqlite3"); err != nil {
		t.Skip("needs the sqlite3 command-line tool")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "standmap")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	big := filepath.Join(dir, "big.csv")
	writeGenerated(t, big, gen.Options{Seed: 99, Visitors: 60_000})

	// An uninterrupted import gives the full counts and its duration.
	full := filepath.Join(dir, "full.db")
	start := time.Now()
	if out, err := exec.Command(bin, "import", big, "--db", full).CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	took := time.Since(start)
	want := eventCounts(t, full)
	t.Logf("uninterrupted import: %v, %v", took, want)

	outcomes := map[string]int{}
	for i, frac := range []float64{0.3, 0.5, 0.65, 0.75, 0.82, 0.88, 0.93, 0.97} {
		path := filepath.Join(dir, fmt.Sprintf("killed%d.db", i))
		cmd := exec.Command(bin, "import", big, "--db", path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(frac * float64(took)))
		_ = cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		killed := err != nil && strings.Contains(err.Error(), "killed")
		if _, statErr := os.Stat(path); statErr != nil {
			outcomes["killed before the database existed"]++
			continue
		}
		if out, err := exec.Command("sqlite3", path, "PRAGMA integrity_check").CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != "ok" {
			t.Errorf("kill at %.0f%%: integrity_check: %v %s", frac*100, err, out)
		}
		got := eventCounts(t, path)
		switch {
		case len(got) == 0:
			outcomes[fmt.Sprintf("none (killed=%v)", killed)]++
		case fmt.Sprint(got) == fmt.Sprint(want):
			outcomes[fmt.Sprintf("all (killed=%v)", killed)]++
		default:
			t.Errorf("kill at %.0f%%: the database holds part of the import: %v, want %v or nothing", frac*100, got, want)
		}
	}
	t.Logf("outcomes: %v", outcomes)
}

// eventCounts returns the responses and marks of every event.
func eventCounts(t *testing.T, path string) map[string][2]int {
	t.Helper()
	s, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	evs, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][2]int{}
	for _, ev := range evs {
		var c [2]int
		err := s.EachResponse(ctx, ev.Name, func(r model.Response) error {
			c[0]++
			c[1] += len(r.Marks)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		out[ev.Name] = c
	}
	return out
}

// writeGenerated writes a generated fair CSV to path.
func writeGenerated(t *testing.T, path string, o gen.Options) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	if _, err := gen.Write(w, o); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
