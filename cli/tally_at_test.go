package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"standmap/internal/standtest"
	"standmap/model"
)

// TestTallyAt checks tally --at against the tallies of the responses
// answered by chosen moments, imported on their own into a new database.
func TestTallyAt(t *testing.T) {
	t.Parallel()
	full := newStand(t)
	full.OK("import", fairCSV)
	want := standtest.ExpectedTallies(t, fairExpected)
	rows := readCSV(t, fairCSV)
	moments := []string{
		"2025-04-24T05:00:00Z",      // before the first answer
		"2025-04-24T09:01:13+03:00", // exactly a response's time: included
		"2025-04-24T07:30:00Z",
		"2025-04-24T10:00:00Z",
		"2025-04-24 23:59",     // local time, after the last
		"2030-01-01T00:00:00Z", // after everything
	}
	for _, m := range moments {
		at, err := time.Parse(time.RFC3339, m)
		if err != nil { // the local time one, as tally --at reads it
			at, err = time.ParseInLocation("2006-01-02 15:04", m, time.Local)
		}
		if err != nil {
			t.Fatal(err)
		}
		part := newStand(t)
		kept := [][]string{rows[0]}
		for _, r := range rows[1:] {
			when, err := time.Parse(time.RFC3339Nano, r[1])
			if err != nil {
				t.Fatal(err)
			}
			if !when.After(at) {
				kept = append(kept, r)
			}
		}
		if len(kept) > 1 {
			part.OK("import", writeCSV(t, kept))
		}
		for _, w := range want {
			got := full.TallyJSONArgs("--event", w.Event, "--at", m)
			var exp model.Tally
			if len(kept) > 1 && part.HasEvent(w.Event) {
				exp = part.TallyJSON(w.Event)
			} else {
				exp = full.TallyJSONArgs("--event", w.Event, "--at", "2000-01-01T00:00:00Z")
				if exp.Responses != 0 {
					t.Fatalf("tally at 2000: %d responses", exp.Responses)
				}
			}
			if !reflect.DeepEqual(got, exp) {
				t.Errorf("tally --at %s of %q: %d responses, want %d (or the counts differ)", m, w.Event, got.Responses, exp.Responses)
			}
		}
	}
	// After the last answer, the replay is the expected final tally.
	for _, w := range want {
		if got := full.TallyJSONArgs("--event", w.Event, "--at", "2030-01-01T00:00:00Z"); !reflect.DeepEqual(got, w) {
			t.Errorf("tally --at after the end of %q differs from the expectation", w.Event)
		}
	}
	if _, _, code := full.Run("", "tally", "--at", "yesterday"); code != 2 {
		t.Errorf("tally --at yesterday: exit %d, want 2", code)
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func writeCSV(t *testing.T, rows [][]string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "part.csv")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}
