package server

import (
	"context"
	"io"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// TestViewerCommandsBounded: while ViewerCommands viewers' commands run,
// another viewer's command waits, then is refused as busy (exit 1, one
// line that says to try again); a facilitator's command runs meanwhile;
// once a viewer's command ends, the next viewer's runs.
func TestViewerCommandsBounded(t *testing.T) {
	started, finish := make(chan struct{}), make(chan struct{})
	ts := startServer(t, func(c *Config) {
		c.Commands = func(ctx context.Context, role Role, args []string, in io.Reader, out, errOut io.Writer) int {
			if args[0] == "hold" {
				started <- struct{}{}
				<-finish
			}
			return fakeCommands(ctx, role, args, in, out, errOut)
		}
	})
	ended := make(chan struct{}, ViewerCommands) // a held command's client got its exit
	for range ViewerCommands {
		go func() {
			defer func() { ended <- struct{}{} }()
			sess, err := ts.dial(t, noKey).NewSession()
			if err != nil {
				t.Error(err)
				return
			}
			defer sess.Close()
			if err := sess.Run("hold"); err != nil {
				t.Errorf("a held viewer's command: %v", err)
			}
		}()
		<-started
	}

	_, errOut, code := run(t, ts.dial(t, noKey), "tally --json")
	if code != 1 || errOut != "standmap: the server is busy with other viewers' commands; try again in a few seconds\n" {
		t.Errorf("a viewer's command beyond %d: exit %d, stderr %q; want 1 and the busy line", ViewerCommands, code, errOut)
	}
	out, errOut, code := run(t, ts.dial(t, gossh.PublicKeys(ts.keys.fac)), "export")
	if code != 0 || !strings.Contains(out, "role=facilitator") {
		t.Errorf("a facilitator's command while viewers' are busy: exit %d, stdout %q, stderr %q", code, out, errOut)
	}

	finish <- struct{}{} // one held command ends: its turn is free once its client has the exit
	<-ended
	out, errOut, code = run(t, ts.dial(t, noKey), "tally")
	if code != 0 || !strings.Contains(out, "role=viewer") {
		t.Errorf("a viewer's command after one ended: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	close(finish)
	<-ended
}
