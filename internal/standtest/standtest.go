// Package standtest runs standmap command lines in-process against one
// temporary database, as a facilitator's shell would: the helper of the
// command tests (cli) and of the end-to-end tests.
package standtest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"standmap/model"
)

// CSVHeader is the contract's CSV header line.
const CSVHeader = "response_id,created_at,event,age_group,neighbourhood,wish,category\n"

// Runner runs one command line and returns its exit status: cli.Run.
type Runner func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int

// Stand is one temporary database and the command line run on it.
type Stand struct {
	// T is the test; DB the database's path.
	T   testing.TB
	DB  string
	run Runner
}

// New returns a stand on a fresh database path (nothing is created yet)
// whose commands run is.
func New(t testing.TB, run Runner) *Stand {
	t.Helper()
	return &Stand{T: t, DB: filepath.Join(t.TempDir(), "standmap.db"), run: run}
}

// Run runs one command line on the stand's database (--db is added) with
// stdin, and returns its output and exit status.
func (s *Stand) Run(stdin string, args ...string) (stdout, stderr string, code int) {
	s.T.Helper()
	return s.RunBare(stdin, append(args, "--db", s.DB)...)
}

// RunBare runs a command line as given, for the commands that open no
// database.
func (s *Stand) RunBare(stdin string, args ...string) (stdout, stderr string, code int) {
	s.T.Helper()
	var out, errb bytes.Buffer
	code = s.run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

// OK runs a command that must succeed and returns its standard output.
func (s *Stand) OK(args ...string) string {
	s.T.Helper()
	out, errs, code := s.Run("", args...)
	if code != 0 {
		s.T.Fatalf("standmap %s: exit %d\n%s", strings.Join(args, " "), code, errs)
	}
	return out
}

// ImportText imports CSV text through standard input.
func (s *Stand) ImportText(csv string, args ...string) (stdout, stderr string, code int) {
	s.T.Helper()
	return s.Run(csv, append([]string{"import", "-"}, args...)...)
}

// TallyJSON runs tally --json for the event and decodes it.
func (s *Stand) TallyJSON(event string) model.Tally {
	s.T.Helper()
	return s.TallyJSONArgs("--event", event)
}

// TallyJSONArgs runs tally --json with the arguments and decodes it.
func (s *Stand) TallyJSONArgs(args ...string) model.Tally {
	s.T.Helper()
	var got model.Tally
	out := s.OK(append([]string{"tally", "--json"}, args...)...)
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		s.T.Fatalf("tally --json: %v\n%s", err, out)
	}
	return got
}

// HasEvent reports whether the stand's database holds the event.
func (s *Stand) HasEvent(name string) bool {
	s.T.Helper()
	_, _, code := s.Run("", "tally", "--event", name)
	return code == 0
}

// WriteFile writes a file in a temporary folder and returns its path.
func WriteFile(t testing.TB, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// ExpectedTallies reads a file of expected tallies (JSON, a list of
// tally --json objects), such as testdata/fair/expected_tally.json.
func ExpectedTallies(t testing.TB, path string) []model.Tally {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var want []model.Tally
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	return want
}
