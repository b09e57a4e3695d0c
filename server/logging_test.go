package server

import (
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// TestLongCommandRefused: a command over maxCommand is refused (exit 2)
// and its text is not logged, not even in part; one at the limit runs.
func TestLongCommandRefused(t *testing.T) {
	ts, lb := loggedServer(t, nil)
	long := "tally " + strings.Repeat("x\"'", 100<<10/3) // quotes: the splitter's worst case
	_, errOut, code := run(t, ts.dial(t, noKey), long)
	if code != 2 || !strings.Contains(errOut, "command refused") {
		t.Errorf("100 KB command: exit %d, stderr %q", code, errOut)
	}
	if log := lb.String(); strings.Contains(log, "x\"'x") || !strings.Contains(log, "command refused") {
		t.Errorf("the log holds the command, or not its refusal:\n%.2000s", log)
	}
	if _, errOut, code := run(t, ts.dial(t, noKey), "tally"+strings.Repeat(" ", maxCommand-5)); code != 0 {
		t.Errorf("a command at the limit: exit %d, %q", code, errOut)
	}
}

// TestLogSaysWho: every session's lines carry the key's fingerprint, or
// "viewer"; a client's texts are logged sanitised and truncated.
func TestLogSaysWho(t *testing.T) {
	ts, lb := loggedServer(t, nil)
	run(t, ts.dial(t, gossh.PublicKeys(ts.keys.fac)), "export")
	c, err := gossh.Dial("tcp", ts.addr, &gossh.ClientConfig{User: "evil\x1b[2J" + strings.Repeat("u", 1000),
		Auth: []gossh.AuthMethod{noKey}, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	run(t, c, "tally --json \x1b]0;pwned\x07")
	fp := gossh.FingerprintSHA256(ts.keys.fac.PublicKey())
	var sawFac, sawViewer bool
	for _, line := range strings.Split(lb.String(), "\n") {
		if !strings.Contains(line, "connect") && !strings.Contains(line, "command failed") {
			continue
		}
		switch {
		case strings.Contains(line, "who="+fp):
			sawFac = true
		case strings.Contains(line, "who=viewer"):
			sawViewer = true
		default:
			t.Errorf("a session's line without who: %s", line)
		}
		if strings.ContainsAny(line, "\x1b\x07") || strings.Contains(line, strings.Repeat("u", maxLogged+1)) {
			t.Errorf("a client's text logged raw or whole: %q", line)
		}
	}
	if !sawFac || !sawViewer {
		t.Errorf("facilitator's lines %v, viewer's %v:\n%s", sawFac, sawViewer, lb.String())
	}
}
