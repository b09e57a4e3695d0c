package e2e

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestE2EExitStatus: refused commands exit non-zero, with one line on
// stderr, from the built binary and through the real ssh client (the
// status reaches it as `ssh …; echo $?` shows); a time that ssh splits
// is refused saying how to quote it twice, and quoted twice it works.
func TestE2EExitStatus(t *testing.T) {
	s := startServe(t)
	bad := filepath.Join(s.dir, "bad.csv")
	os.WriteFile(bad, []byte("bad,header\n1,2\n"), 0o600)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"completion", "nosuch"}, 2, `unknown command "nosuch"`},
		{[]string{"help", "unknown"}, 2, `unknown command "unknown"`},
		{[]string{"tally", "--db", s.db, "--at", "2026-05-01", "14:00"}, 2, "quote the time: standmap tally --at '2026-05-01 14:00'"},
		{[]string{"tally", "--db", s.db, "--at", "later"}, 2, `--at "later"`},
		{[]string{"tally", "--db", s.db, "--event", "nosuch"}, 1, `no event "nosuch"`},
		{[]string{"import", "--db", s.db, bad}, 1, "line 1: header"},
		{[]string{"tally", "--db", s.db, "--at", "2026-05-01 14:00"}, 0, ""},
	} {
		cmd := exec.Command(s.bin, c.args...)
		var errOut bytes.Buffer
		cmd.Stderr = &errOut
		err := cmd.Run()
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		checkRefusal(t, "standmap", c.args, code, errOut.String(), c.code, c.want)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		// ssh joins its arguments with spaces, and the server splits them.
		{[]string{"tally", "--at", "2026-05-01 14:00"}, 2, `over ssh, quote the time twice: ssh HOST "tally --at '2026-05-01 14:00'"`},
		{[]string{"tally --at '2026-05-01 14:00'"}, 0, ""},
		{[]string{"tally", "--at", "later"}, 2, `--at "later"`},
		{[]string{"tally", "--event", "nosuch"}, 2, "unknown flag: --event"},
		{[]string{"import", "x.csv"}, 2, `unknown command "import"`},
		{[]string{"export"}, 1, "export is for facilitators"},
	} {
		_, errOut, code := s.ssh([]string{"viewer"}, c.args...)
		checkRefusal(t, "ssh HOST", c.args, code, errOut, c.code, c.want)
	}
}

// checkRefusal checks a command's exit status and, when it failed, its
// one line on stderr.
func checkRefusal(t *testing.T, how string, args []string, code int, errOut string, wantCode int, want string) {
	t.Helper()
	if code != wantCode || !strings.Contains(errOut, want) || (code != 0 && strings.Count(errOut, "\n") != 1) {
		t.Errorf("%s %q: exit %d, stderr %q; want exit %d and one line with %q", how, args, code, errOut, wantCode, want)
	}
}
