package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// stand runs standmap commands in-process against one temporary database,
// as a facilitator's shell would. Commands keep their flags in package
// variables, so tests that use it do not run in parallel.
type stand struct {
	t  *testing.T
	db string
}

func newStand(t *testing.T) *stand {
	t.Helper()
	return &stand{t: t, db: filepath.Join(t.TempDir(), "standmap.db")}
}

// run runs one command line with stdin and returns its output and status.
func (s *stand) run(stdin string, args ...string) (stdout, stderr string, code int) {
	s.t.Helper()
	var out, errb bytes.Buffer
	args = append(args, "--db", s.db)
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

// ok runs a command that must succeed and returns its standard output.
func (s *stand) ok(args ...string) string {
	s.t.Helper()
	out, errs, code := s.run("", args...)
	if code != 0 {
		s.t.Fatalf("standmap %s: exit %d\n%s", strings.Join(args, " "), code, errs)
	}
	return out
}

// importText imports CSV text through standard input.
func (s *stand) importText(csv string, args ...string) (stdout, stderr string, code int) {
	s.t.Helper()
	return s.run(csv, append([]string{"import", "-"}, args...)...)
}

// writeFile writes a file in a temporary folder and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// csvHeader is the contract's header line.
const csvHeader = "response_id,created_at,event,age_group,neighbourhood,wish,category\n"

func TestUsage(t *testing.T) {
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
		{[]string{"export", "--event", "no such event"}, 1},
		{[]string{"tally", "--lang", "de"}, 2},
		{[]string{"tally", "--lang", "ru"}, 0},
		{[]string{"report", "--lang", "lv,ru"}, 2}, // two languages: only present
		{[]string{"present", "--lang", "lv,de"}, 2},
		{[]string{"present", "--lang", "ru,ru"}, 2},
	} {
		_, errs, code := s.run("", tc.args...)
		if code != tc.code {
			t.Errorf("standmap %s: exit %d, want %d\n%s", strings.Join(tc.args, " "), code, tc.code, errs)
		}
		if code != 0 && strings.Count(strings.TrimSpace(errs), "\n") > 0 && code == 1 {
			t.Errorf("standmap %s: more than one line on stderr:\n%s", strings.Join(tc.args, " "), errs)
		}
	}
}

func TestEvents(t *testing.T) {
	s := newStand(t)
	if out := s.ok("events"); !strings.Contains(out, "no events") {
		t.Errorf("events on a new database: %q", out)
	}
	s.ok("events", "new", "Skolu diena")
	s.ok("events", "new", "Profesiju gadatirgus")
	_, errs, code := s.run("", "events", "new", "Skolu diena")
	if code != 1 || !strings.Contains(errs, `event "Skolu diena" already exists`) {
		t.Errorf("events new twice: exit %d, %q", code, errs)
	}
	s.importText(csvHeader + "r1,,Skolu diena,,Centrs,,\n")
	out := s.ok("events")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[2], "* Profesiju gadatirgus") || !strings.Contains(lines[1], "Skolu diena") ||
		!strings.Contains(lines[1], " 1 ") {
		t.Errorf("events:\n%s", out)
	}
}

func TestExportOut(t *testing.T) {
	s := newStand(t)
	s.importText(csvHeader + "r1,2025-04-24T09:00:00Z,Fair,,Centrs,\"Sakopt, vidi\",clean\n")
	dir := t.TempDir()
	out := filepath.Join(dir, "export.csv")
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.ok("export", "--out", out)
	b, _ := os.ReadFile(out)
	if string(b) != s.ok("export") {
		t.Errorf("--out wrote %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("--out left %d files behind", len(entries))
	}
	if _, _, code := s.run("", "export", "--event", "Nope", "--out", out); code != 1 {
		t.Errorf("export of an unknown event: exit %d", code)
	}
	if b2, _ := os.ReadFile(out); string(b2) != string(b) {
		t.Error("a failed export changed the --out file")
	}
	if _, _, code := s.run("", "export", "--out", filepath.Join(dir, "no", "such", "dir.csv")); code != 1 {
		t.Errorf("export into a missing folder: exit %d", code)
	}
}

func TestParseInterspersed(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	db := fs.String("db", "", "")
	j := fs.Bool("json", false, "")
	rest, err := parseInterspersed(fs, []string{"a.csv", "--db", "x.db", "b", "--json", "--", "--c", "-"})
	if err != nil || *db != "x.db" || !*j || strings.Join(rest, " ") != "a.csv b --c -" {
		t.Errorf("rest %q, db %q, json %v, err %v", rest, *db, *j, err)
	}
}
