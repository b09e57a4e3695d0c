package e2e

import (
	"testing"

	"standmap/cli"
	"standmap/internal/standtest"
)

// stand is standtest.Stand under the names the end-to-end tests of this
// folder use: command lines run in-process (cli.Run) on one temporary
// database.
type stand struct {
	*standtest.Stand
	t  testing.TB
	db string
}

func newStand(t *testing.T) *stand {
	t.Helper()
	s := standtest.New(t, cli.Run)
	return &stand{Stand: s, t: t, db: s.DB}
}

// run runs one command line on the stand's database with stdin.
func (s *stand) run(stdin string, args ...string) (stdout, stderr string, code int) {
	s.t.Helper()
	return s.Run(stdin, args...)
}

// ok runs a command that must succeed and returns its standard output.
func (s *stand) ok(args ...string) string {
	s.t.Helper()
	return s.OK(args...)
}

// importText imports CSV text through standard input.
func (s *stand) importText(csv string, args ...string) (stdout, stderr string, code int) {
	s.t.Helper()
	return s.ImportText(csv, args...)
}

// writeFile writes a file in a temporary folder and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	return standtest.WriteFile(t, name, content)
}

// csvHeader is the contract's header line.
const csvHeader = standtest.CSVHeader
