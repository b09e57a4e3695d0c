package e2e

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"standmap/internal/fairgen"
	"standmap/model"
)

// busyLine is the server's refusal of a viewer's command beyond those
// that viewers run at once.
const busyLine = "standmap: the server is busy with other viewers' commands; try again in a few seconds\n"

// TestE2EViewerCommandsBusy: many viewers' `ssh HOST tally --json --at T`
// at once on a big event, with real OpenSSH against the built binary:
// each either answers the very bytes of the local command or is refused
// with the busy line (exit 1); a facilitator's save made meanwhile on
// the board is stored and counted.
func TestE2EViewerCommandsBusy(t *testing.T) {
	event := fairgen.Events[0].Name
	// every client is on 127.0.0.1: the cap per address (10) stands aside
	s := startServe(t, "--event", event, "--max-per-address", "0")
	csv := filepath.Join(s.dir, "fair.csv")
	writeGenerated(t, csv, fairgen.Options{Seed: 7, Visitors: 1 << 30, MaxRows: 60_000})
	if out, err := exec.Command(s.bin, "import", csv, "--db", s.db).CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	at := "2025-04-24T12:00:00Z"
	want, err := exec.Command(s.bin, "tally", "--json", "--at", at, "--db", s.db, "--event", event).Output()
	if err != nil {
		t.Fatalf("local tally --at: %v", err)
	}
	before := localTally(t, s, event).Responses

	fac := s.terminal("fac", 120, 40)
	waitScreen(t, fac, time.Minute, "the facilitator's form", func(sc string) bool { return strings.Contains(sc, "Visitor #") })

	const viewers = 12
	type answer struct {
		out, errOut string
		code        int
	}
	answers := make([]answer, viewers)
	var wg sync.WaitGroup
	for i := range viewers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a := &answers[i]
			a.out, a.errOut, a.code = s.ssh([]string{"viewer"}, "tally", "--json", "--at", at)
		}()
	}
	fac.typeText("centrs")
	fac.keys("Enter")
	fac.typeText("Soliņi pie upes")
	fac.keys("Enter")
	fac.keys("C-s")
	wg.Wait()

	answered := 0
	for i, a := range answers {
		switch {
		case a.code == 0 && a.out == string(want):
			answered++
		case a.code == 1 && a.out == "" && a.errOut == busyLine:
		default:
			t.Errorf("viewer %d: exit %d, stderr %q, stdout of %d bytes (want the local tally's %d bytes, or the busy line)",
				i, a.code, a.errOut, len(a.out), len(want))
		}
	}
	t.Logf("%d of %d viewers answered, the others refused as busy", answered, viewers)
	if answered == 0 {
		t.Error("no viewer's command answered: two should run at once")
	}

	deadline := time.Now().Add(time.Minute)
	for localTally(t, s, event).Responses != before+1 {
		if time.Now().After(deadline) {
			t.Fatalf("the facilitator's save was not stored: %d responses, want %d; the screen:\n%s",
				localTally(t, s, event).Responses, before+1, fac.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// localTally is the local `standmap tally --json` of the event on s's
// database.
func localTally(t *testing.T, s *sshServe, event string) model.Tally {
	t.Helper()
	out, err := exec.Command(s.bin, "tally", "--json", "--db", s.db, "--event", event).Output()
	if err != nil {
		t.Fatalf("local tally: %v", err)
	}
	var tally model.Tally
	if err := json.Unmarshal(out, &tally); err != nil {
		t.Fatal(err)
	}
	return tally
}
