package e2e

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"standmap/internal/standtest"
	"standmap/model"
)

const (
	fairCSV      = "../testdata/fair/fair.csv"
	fairExpected = "../testdata/fair/expected_tally.json"
)

// expectedFair reads the independently computed tallies of fair.csv.
func expectedFair(t *testing.T) []model.Tally { return standtest.ExpectedTallies(t, fairExpected) }

// checkFair compares every event's tally with the expectation.
func (s *stand) checkFair(want []model.Tally) {
	s.t.Helper()
	s.checkTallies(want, fairExpected)
}

// checkTallies compares every event's tally with the expectation read from
// the file named from.
func (s *stand) checkTallies(want []model.Tally, from string) {
	s.t.Helper()
	for _, w := range want {
		if got := s.TallyJSON(w.Event); !reflect.DeepEqual(got, w) {
			gb, _ := json.MarshalIndent(got, "", "  ")
			s.t.Errorf("tally of %q differs from %s; got:\n%s", w.Event, from, gb)
		}
	}
}

func TestFairTally(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	out := s.ok("import", fairCSV)
	want := expectedFair(t)
	if !strings.HasPrefix(out, "imported 600 responses (1362 marks), 0 already stored, into event(s) ") {
		t.Errorf("import summary: %q", out)
	}
	for _, w := range want {
		if !strings.Contains(out, `"`+w.Event+`" (new)`) {
			t.Errorf("summary does not name new event %q: %q", w.Event, out)
		}
	}
	s.checkFair(want)

	// The JSON is the contract's shape, indented by two spaces.
	raw := s.ok("tally", "--json", "--event", want[0].Event)
	if !strings.HasPrefix(raw, "{\n  \"event\": ") || !strings.Contains(raw, "\n  \"neighbourhoods\": [\n    {\n      \"name\": ") {
		t.Errorf("tally --json layout:\n%.300s", raw)
	}
	// The text table names the top neighbourhood and wish.
	text := s.ok("tally", "--event", want[0].Event)
	for _, x := range []string{want[0].Neighbourhoods[0].Name, want[0].Wishes[0].Text, want[0].Wishes[0].Category} {
		if !strings.Contains(text, x) {
			t.Errorf("tally text lacks %q:\n%s", x, text)
		}
	}
}

// TestTiesTally checks the contract's tie rules on a small file whose
// expectation was worked out by hand (testdata/fair/README.md).
func TestTiesTally(t *testing.T) {
	t.Parallel()
	const expected = "../testdata/fair/ties_expected.json"
	s := newStand(t)
	s.ok("import", "../testdata/fair/ties.csv")
	s.checkTallies(standtest.ExpectedTallies(t, expected), expected)
}

func TestIdempotentImport(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	s.ok("import", fairCSV)
	before := s.ok("export")
	out := s.ok("import", fairCSV)
	if !strings.HasPrefix(out, "imported 0 responses (0 marks), 600 already stored") {
		t.Errorf("second import: %q", out)
	}
	if after := s.ok("export"); after != before {
		t.Error("a second import of the same file changed the export")
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	s.ok("import", fairCSV)
	want := expectedFair(t)
	for _, format := range []string{"csv", "json"} {
		exported := writeFile(t, "export."+format, "")
		s.ok("export", "--format", format, "--out", exported)
		if format == "json" {
			b, _ := os.ReadFile(exported)
			var rs []map[string]any
			if err := json.Unmarshal(b, &rs); err != nil || len(rs) != 600 {
				t.Errorf("export --format json: %d responses, %v", len(rs), err)
			}
			continue
		}
		fresh := newStand(t)
		fresh.ok("import", exported)
		fresh.checkFair(want)
		if a, b := s.ok("export"), fresh.ok("export"); a != b {
			t.Error("export → import → export is not the same file")
		}
	}
}

func TestMergeStands(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile(fairCSV)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(b), "\n")
	header, rows := lines[0], lines[1:]
	// Two stands' files overlap in the middle third of the rows; a
	// response's rows may be split between them, as long as each file
	// holds all of it: cut at response boundaries.
	cut := func(i int) int {
		for i < len(rows) && i > 0 && strings.SplitN(rows[i], ",", 2)[0] == strings.SplitN(rows[i-1], ",", 2)[0] {
			i++
		}
		return i
	}
	a, c := cut(len(rows)*2/3), cut(len(rows)/3)
	s := newStand(t)
	s.ok("import", writeFile(t, "stand-a.csv", header+strings.Join(rows[:a], "")))
	out := s.ok("import", writeFile(t, "stand-b.csv", header+strings.Join(rows[c:], "")))
	if !strings.Contains(out, "already stored") || strings.Contains(out, ", 0 already stored") {
		t.Errorf("merge of overlapping files: %q", out)
	}
	s.checkFair(expectedFair(t))
}
