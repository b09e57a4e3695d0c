package e2e

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"standmap/ascii_maps"
	"standmap/db"
	"standmap/exchange"
	"standmap/internal/fairgen"
	"standmap/model"
)

// TestImportSurvivesKill kills a child `standmap import` of a large file at
// several moments and checks that the database is intact and holds all of
// the import or none of it, with its mark counts current and right.
func TestImportSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and imports a large file")
	}
	if _, err := exec.LookPath("sqlite3"); err != nil {
		t.Skip("needs the sqlite3 command-line tool")
	}
	dir := t.TempDir()
	bin := standmapBinary(t)
	big := filepath.Join(dir, "big.csv")
	writeGenerated(t, big, fairgen.Options{Seed: 99, Visitors: 30_000})

	// Every database holds an event before the import, whose counts a
	// kill must leave as they were.
	seed := filepath.Join(dir, "seed.csv")
	if err := os.WriteFile(seed, []byte(seedCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	seeded := func(path string) string {
		if out, err := exec.Command(bin, "import", seed, "--db", path).CombinedOutput(); err != nil {
			t.Fatalf("import the seed: %v\n%s", err, out)
		}
		return path
	}

	// An uninterrupted import gives the full counts and its duration.
	full := seeded(filepath.Join(dir, "full.db"))
	start := time.Now()
	if out, err := exec.Command(bin, "import", big, "--db", full).CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	took := time.Since(start)
	want := eventCounts(t, full)
	t.Logf("uninterrupted import: %v, %v", took, want)

	// Kill once at a quarter of the time (while the file is being read),
	// then each time the WAL has grown past a limit: the transaction is
	// writing or committing.
	outcomes := map[string]int{}
	midway := 0 // kills after the import's transaction had written to the WAL
	for i, limit := range []int64{0, walAfterOpen * 2, 1 << 20, 2 << 20, 4 << 20, 8 << 20} {
		path := seeded(filepath.Join(dir, fmt.Sprintf("killed%d.db", i)))
		wal, killed := killImport(t, exec.Command(bin, "import", big, "--db", path), path+"-wal", limit, took/4)
		t.Logf("kill at WAL >= %d bytes: WAL %d bytes, killed=%v", limit, wal, killed)
		if out, err := exec.Command("sqlite3", path, "PRAGMA integrity_check").CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != "ok" {
			t.Errorf("kill at WAL %d: integrity_check: %v %s", wal, err, out)
		}
		countsAgree(t, path)
		switch got := eventCounts(t, path); {
		case fmt.Sprint(got) == fmt.Sprint(seedCounts):
			outcomes[fmt.Sprintf("none (killed=%v)", killed)]++
			if killed && wal > walAfterOpen {
				midway++
			}
		case fmt.Sprint(got) == fmt.Sprint(want):
			outcomes[fmt.Sprintf("all (killed=%v)", killed)]++
		default:
			t.Errorf("kill at WAL %d: the database holds part of the import: %v, want %v or nothing", wal, got, want)
		}
	}
	t.Logf("outcomes: %v", outcomes)
	if midway == 0 {
		t.Errorf("no kill landed inside the import's transaction (outcomes %v)", outcomes)
	}
}

// seedCSV is an event stored before the import; seedCounts its responses
// and marks, as eventCounts gives them.
const seedCSV = `response_id,created_at,event,age_group,neighbourhood,wish,category
s1,2025-04-23T08:00:00Z,Seed,16-18,Centrs,Veloceliņi,cycle
s1,2025-04-23T08:00:00Z,Seed,16-18,Grīva,,
s2,2025-04-23T08:01:00Z,Seed,,,velocelini!,cycle
`

var seedCounts = map[string][2]int{"Seed": {2, 3}}

// killImport runs cmd and kills it with SIGKILL once the file wal is at
// least limit bytes, or after delay when limit is 0. It returns the WAL's
// size at the kill and whether the kill came before cmd ended.
func killImport(t *testing.T, cmd *exec.Cmd, wal string, limit int64, delay time.Duration) (int64, bool) {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	timer := time.After(delay)
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for {
		var size int64
		select {
		case <-done:
			return fileSize(wal), false
		case <-timer:
			if limit > 0 {
				continue
			}
			size = fileSize(wal)
		case <-tick.C:
			if size = fileSize(wal); limit == 0 || size < limit {
				continue
			}
		}
		_ = cmd.Process.Signal(syscall.SIGKILL)
		err := <-done
		return size, err != nil && strings.Contains(err.Error(), "killed")
	}
}

// walAfterOpen bounds the WAL that opening a new database (its migrations)
// writes; a bigger WAL means the import's transaction was writing.
const walAfterOpen = 256 << 10

// fileSize returns the size of the file at path, or 0.
func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
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

// countsAgree fails unless every event's tally from the mark counts the
// import keeps in its transaction is taken from them (they are current)
// and is the tally of its responses counted one by one.
func countsAgree(t *testing.T, path string) {
	t.Helper()
	s, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	city, err := ascii_maps.Load("daugavpils")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	evs, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range evs {
		got, ok, err := s.TallyCounted(ctx, city.Gazetteer, ev.Name)
		if err != nil || !ok {
			t.Fatalf("%s: %q not tallied from its counts (%v)", path, ev.Name, err)
		}
		want, err := exchange.TallyResponses(ctx, s, city.Gazetteer, ev.Name)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %q from the counts\n%+v\nfrom the responses\n%+v", path, ev.Name, got, want)
		}
	}
}

// writeGenerated writes a generated fair CSV to path.
func writeGenerated(t *testing.T, path string, o fairgen.Options) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	if _, err := fairgen.Write(w, o); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
