package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"standmap/db"
	"standmap/internal/standtest"
	"standmap/model"
)

// newStand is a temporary database the command lines run on, in
// process, as a facilitator's shell would.
func newStand(t *testing.T) *standtest.Stand { return standtest.New(t, Run) }

// Test files of the repository, from this package's folder.
const (
	fairCSV      = "../testdata/fair/fair.csv"
	fairExpected = "../testdata/fair/expected_tally.json"
)

func TestUsage(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"import"}, 2},
		{[]string{"import", "a.csv", "b.csv"}, 2},
		{[]string{"import", "--nope", "a.csv"}, 2},
		{[]string{"export", "--format", "xml"}, 2},
		{[]string{"export", "extra"}, 2},
		{[]string{"tally", "--csv"}, 2},
		{[]string{"tally", "extra"}, 2},
		{[]string{"events", "old"}, 2},
		{[]string{"events", "new"}, 2},
		{[]string{"events", "new", "a", "b"}, 2},
		{[]string{"import", "-h"}, 0},
		{[]string{"export", "-h"}, 0},
		{[]string{"tally", "-h"}, 0},
		{[]string{"events", "-h"}, 0},
		{[]string{"import", "/nonexistent/file.csv"}, 1},
		{[]string{"tally", "--event", "no such event"}, 1},
		{[]string{"report", "--lang", "de"}, 2},
		{[]string{"tally", "--lang", "ru"}, 0},
		{[]string{"report", "--lang", "lv,ru"}, 2}, // two languages: only present
		{[]string{"present", "--lang", "lv,de"}, 2},
		{[]string{"present", "--lang", "ru,ru"}, 2},
		{[]string{"export", "--event", "no such event"}, 1},
	} {
		_, errs, code := s.Run("", tc.args...)
		if code != tc.code {
			t.Errorf("standmap %s: exit %d, want %d\n%s", strings.Join(tc.args, " "), code, tc.code, errs)
		}
		if code != 0 && strings.Count(strings.TrimSpace(errs), "\n") > 0 && code == 1 {
			t.Errorf("standmap %s: more than one line on stderr:\n%s", strings.Join(tc.args, " "), errs)
		}
	}
}

func TestEvents(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	if out := s.OK("events"); !strings.Contains(out, "no events") {
		t.Errorf("events on a new database: %q", out)
	}
	s.OK("events", "new", "Skolu diena")
	s.OK("events", "new", "Profesiju gadatirgus")
	_, errs, code := s.Run("", "events", "new", "Skolu diena")
	if code != 1 || !strings.Contains(errs, `event "Skolu diena" already exists`) {
		t.Errorf("events new twice: exit %d, %q", code, errs)
	}
	s.ImportText(standtest.CSVHeader + "r1,,Skolu diena,,Centrs,,\n")
	out := s.OK("events")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[2], "* Profesiju gadatirgus") || !strings.Contains(lines[1], "Skolu diena") ||
		!strings.Contains(lines[1], " 1 ") {
		t.Errorf("events:\n%s", out)
	}
}

func TestExportOut(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	s.ImportText(standtest.CSVHeader + "r1,2025-04-24T09:00:00Z,Fair,,Centrs,\"Sakopt, vidi\",clean\n")
	dir := t.TempDir()
	out := filepath.Join(dir, "export.csv")
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.OK("export", "--out", out)
	b, _ := os.ReadFile(out)
	if string(b) != s.OK("export") {
		t.Errorf("--out wrote %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("--out left %d files behind", len(entries))
	}
	if _, _, code := s.Run("", "export", "--event", "Nope", "--out", out); code != 1 {
		t.Errorf("export of an unknown event: exit %d", code)
	}
	if b2, _ := os.ReadFile(out); string(b2) != string(b) {
		t.Error("a failed export changed the --out file")
	}
	if _, _, code := s.Run("", "export", "--out", filepath.Join(dir, "no", "such", "dir.csv")); code != 1 {
		t.Errorf("export into a missing folder: exit %d", code)
	}
}

// TestReadOnlyCommandsCreateNoEvent: on a new database, the commands that
// only read (and the actions that fail) leave the schema but no event;
// they show today's event, empty. Moderation before the first visitor
// starts today's event.
func TestReadOnlyCommandsCreateNoEvent(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	today := model.DefaultEventName(time.Now())
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"wishes"}, 0, "no wishes yet"},
		{[]string{"wishes", "list"}, 0, "no wishes yet"},
		{[]string{"wishes", "suggest"}, 0, "no suggestions"},
		{[]string{"wishes", "pending"}, 0, "no wish is held back"},
		{[]string{"wishes", "log"}, 0, "no curation yet"},
		{[]string{"tally", "--json"}, 0, `"event": "` + today + `"`},
		{[]string{"report"}, 0, "# Report: " + today},
		{[]string{"export"}, 0, "response_id,"},
		{[]string{"events"}, 0, "no events yet"},
		{[]string{"wishes", "merge", "a", "--into", "b"}, 1, ""},
		{[]string{"wishes", "undo"}, 1, ""},
		{[]string{"replay"}, 1, ""},
		{[]string{"tally", "--event", "Fair"}, 1, ""},
		{[]string{"wishes", "approve", "--all"}, 1, ""},
	} {
		out, errs, code := s.Run("", c.args...)
		if code != c.code || !strings.Contains(out, c.want) {
			t.Errorf("standmap %s: exit %d, want %d with %q\n%s%s", strings.Join(c.args, " "), code, c.code, c.want, out, errs)
		}
	}
	if evs := storedEvents(t, s.DB); len(evs) != 0 {
		t.Fatalf("events stored by commands that only read: %v", evs)
	}
	s.OK("wishes", "moderate", "on")
	if evs := storedEvents(t, s.DB); len(evs) != 1 || evs[0].Name != today {
		t.Errorf("after wishes moderate on: %v, want today's event", evs)
	}
}

// storedEvents returns the events the database at path holds.
func storedEvents(t *testing.T, path string) []model.EventSummary {
	t.Helper()
	store, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	evs, err := store.Events(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return evs
}
