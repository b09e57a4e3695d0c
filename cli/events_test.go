package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"standmap/model"
)

func TestEventsRenameSwitchSet(t *testing.T) {
	s := newStand(t)
	s.ok("events", "new", "Skolu diena")
	s.ok("events", "new", "Gadatirgus")
	s.importText(csvHeader + "r1,2025-04-24T09:00:00Z,Skolu diena,16-18,Centrs,,\n")

	s.ok("events", "switch", "Skolu diena")
	if out := s.ok("events"); !strings.Contains(out, "* Skolu diena") {
		t.Errorf("after switch:\n%s", out)
	}
	if out := s.ok("tally"); !strings.HasPrefix(out, "Skolu diena: 1 responses") {
		t.Errorf("tally did not follow the switch:\n%s", out)
	}
	s.ok("events", "rename", "Skolu diena", "Skolu diena 2025")
	if out := s.ok("events"); !strings.Contains(out, "* Skolu diena 2025") || !strings.Contains(out, " 1 ") {
		t.Errorf("after rename (still current, with its response):\n%s", out)
	}
	s.ok("events", "new", "Trešais")
	if out := s.ok("events"); !strings.Contains(out, "* Trešais") {
		t.Errorf("a new event did not become current:\n%s", out)
	}

	out := s.ok("events", "set", "Gadatirgus", "--age-groups", "12-14, 15-17,18+", "--min-group", "3")
	if !strings.Contains(out, "age groups 12-14, 15-17, 18+; privacy threshold 3") {
		t.Errorf("events set: %q", out)
	}
	if out := s.ok("events", "set", "Gadatirgus", "--min-group", "4"); !strings.Contains(out, "12-14, 15-17, 18+; privacy threshold 4") {
		t.Errorf("events set kept what was not given? %q", out)
	}
	if out := s.ok("events", "set", "Skolu diena 2025"); !strings.Contains(out, "13-15, 16-18, 19+; privacy threshold 5") {
		t.Errorf("defaults: %q", out)
	}
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"events", "rename", "Nope", "X"}, 1},
		{[]string{"events", "rename", "Gadatirgus", "Trešais"}, 1},
		{[]string{"events", "rename", "Gadatirgus"}, 2},
		{[]string{"events", "switch", "Nope"}, 1},
		{[]string{"events", "switch"}, 2},
		{[]string{"events", "set", "Nope", "--min-group", "3"}, 1},
		{[]string{"events", "set", "Gadatirgus", "--age-groups", "a,,b"}, 1},
		{[]string{"events", "set", "Gadatirgus", "--min-group", "-1"}, 2},
		{[]string{"events", "new", "X", "--min-group", "3"}, 2},
		{[]string{"events", "compare", "Gadatirgus"}, 2},
		{[]string{"events", "compare", "Gadatirgus", "Nope"}, 1},
	} {
		if _, errs, code := s.run("", tc.args...); code != tc.code {
			t.Errorf("standmap %s: exit %d, want %d\n%s", strings.Join(tc.args, " "), code, tc.code, errs)
		}
	}
}

func TestEventsCompare(t *testing.T) {
	s := newStand(t)
	s.ok("import", fairCSV)
	want := expectedFair(t)
	out := s.ok("events", "compare", want[0].Event, want[1].Event)
	lines := strings.Split(out, "\n")
	if !strings.Contains(lines[0], want[0].Event+" compared with "+want[1].Event) {
		t.Errorf("title: %q", lines[0])
	}
	top := want[0].Neighbourhoods[0]
	if !strings.Contains(out, top.Name) || !strings.Contains(out, want[0].Wishes[0].Text) {
		t.Errorf("compare lacks the top neighbourhood or wish:\n%s", out)
	}
}

// TestReplay checks tally --at against the tallies of the responses
// answered by chosen moments, imported on their own into a new database.
func TestReplay(t *testing.T) {
	full := newStand(t)
	full.ok("import", fairCSV)
	want := expectedFair(t)
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
			part.ok("import", writeCSV(t, kept))
		}
		for _, w := range want {
			got := full.tallyJSONArgs("--event", w.Event, "--at", m)
			var exp model.Tally
			if len(kept) > 1 && part.hasEvent(w.Event) {
				exp = part.TallyJSON(w.Event)
			} else {
				exp = full.tallyJSONArgs("--event", w.Event, "--at", "2000-01-01T00:00:00Z")
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
		if got := full.tallyJSONArgs("--event", w.Event, "--at", "2030-01-01T00:00:00Z"); !reflect.DeepEqual(got, w) {
			t.Errorf("tally --at after the end of %q differs from the expectation", w.Event)
		}
	}
	if _, _, code := full.run("", "tally", "--at", "yesterday"); code != 2 {
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

// tallyJSONArgs runs tally --json with the arguments and decodes it.
func (s *stand) tallyJSONArgs(args ...string) model.Tally {
	s.t.Helper()
	var got model.Tally
	out := s.ok(append([]string{"tally", "--json"}, args...)...)
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		s.t.Fatalf("tally --json: %v\n%s", err, out)
	}
	return got
}

// hasEvent reports whether the stand's database holds the event.
func (s *stand) hasEvent(name string) bool {
	s.t.Helper()
	_, _, code := s.run("", "tally", "--event", name)
	return code == 0
}
