package cli

import (
	"strings"
	"testing"

	"standmap/internal/standtest"
	"standmap/server"
)

// TestExitStatusRefusals: a command whose words or input are refused
// exits non-zero with one line that says what (2: a wrong use of the
// command line; 1: an input refused), here and over SSH, where a time
// split by ssh is told how to quote it twice.
func TestExitStatusRefusals(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	s.OK("events", "new", "Fair")
	bad := standtest.WriteFile(t, "bad.csv", "bad,header\n1,2\n")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"completion", "nosuch"}, 2, `standmap completion: unknown command "nosuch" (standmap completion --help lists them)`},
		{[]string{"completion", "bash", "extra"}, 2, `unknown command "extra"`},
		{[]string{"help", "unknown"}, 2, `standmap help: unknown command "unknown"`},
		{[]string{"tally", "--at", "nonsense"}, 2, `--at "nonsense": give a time as`},
		{[]string{"tally", "--at", "2026-05-01", "14:00"}, 2,
			`standmap tally: --at got '2026-05-01' and then an extra argument '14:00': quote the time: standmap tally --at '2026-05-01 14:00'`},
		{[]string{"report", "--at", "2026-05-01", "14:00:30"}, 2, `quote the time: standmap report --at '2026-05-01 14:00:30'`},
		{[]string{"replay", "--at", "2026-05-01", "9:05"}, 2, `quote the time: standmap replay --at '2026-05-01 9:05'`},
		{[]string{"tally", "--at", "2026-05-01", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"tally", "--event", "nosuch"}, 1, `no event "nosuch"`},
		{[]string{"report", "--event", "nosuch"}, 1, `no event "nosuch"`},
		{[]string{"import", "/nonexistent/file.csv"}, 1, "/nonexistent/file.csv"},
		{[]string{"import", bad}, 1, bad + ": line 1: header"},
		{[]string{"tally", "--at", "2026-05-01 14:00"}, 0, ""},
		{[]string{"completion", "bash"}, 0, ""},
	} {
		run := s.Run
		if c.args[0] == "completion" || c.args[0] == "help" { // they take no --db
			run = s.RunBare
		}
		_, errs, code := run("", c.args...)
		if code != c.code || !strings.Contains(errs, c.want) || (code != 0 && strings.Count(errs, "\n") != 1) {
			t.Errorf("standmap %q: exit %d, stderr %q; want exit %d and one line with %q", c.args, code, errs, c.code, c.want)
		}
	}

	ssh := served(t, s, "Fair")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"tally", "--at", "2026-05-01", "14:00"}, 2,
			`standmap tally: --at got '2026-05-01' and then an extra argument '14:00': over ssh, quote the time twice: ssh HOST "tally --at '2026-05-01 14:00'"`},
		{[]string{"tally", "--at", "nonsense"}, 2, `--at "nonsense"`},
		{[]string{"tally", "--event", "nosuch"}, 2, `unknown flag: --event`},
		{[]string{"completion", "bash"}, 2, `unknown command "completion"`},
		{[]string{"import", "x.csv"}, 2, `unknown command "import"`},
		{[]string{"help", "unknown"}, 2, `unknown command "unknown"`},
		{[]string{"export"}, 1, "export is for facilitators"},
		{[]string{"tally", "--at", "2026-05-01 14:00"}, 0, ""},
	} {
		_, errs, code := ssh(server.Viewer, c.args...)
		if code != c.code || !strings.Contains(errs, c.want) || (code != 0 && strings.Count(errs, "\n") != 1) {
			t.Errorf("ssh HOST %q: exit %d, stderr %q; want exit %d and one line with %q", c.args, code, errs, c.code, c.want)
		}
	}
}
