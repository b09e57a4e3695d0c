package server

import (
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"standmap/model"
)

// TestHiddenResultsRefusedToViewers: while the snapshot's display state
// hides the results, a viewer's commands (but help) are refused before
// they run, with the reveal time when there is one; a facilitator's run;
// revealed, the viewer's run again.
func TestHiddenResultsRefusedToViewers(t *testing.T) {
	ts := startServer(t, nil)
	viewer := ts.dial(t, gossh.PublicKeys(ts.keys.viewer))
	fac := ts.dial(t, gossh.PublicKeys(ts.keys.fac))
	ts.hub.publish(&model.Snapshot{Version: 2, Tally: model.Tally{Event: "test"}, Display: model.DisplayState{Hidden: true}})
	for _, cmd := range []string{"tally", "tally --json", "tally --at 2030-01-01", "export", "tally -h extra", "nosuch"} {
		out, errOut, code := run(t, viewer, cmd)
		if code != 1 || out != "" || !strings.Contains(errOut, "the results are hidden from the room") {
			t.Errorf("viewer %q while hidden: exit %d, stdout %q, stderr %q", cmd, code, out, errOut)
		}
	}
	for _, cmd := range []string{"help", "help tally", "tally --help", "-h"} {
		if out, _, code := run(t, viewer, cmd); code != 0 || !strings.Contains(out, "role=viewer") {
			t.Errorf("viewer %q while hidden: exit %d, %q: help is no result", cmd, code, out)
		}
	}
	if out, _, code := run(t, fac, "tally"); code != 0 || !strings.Contains(out, "role=facilitator") {
		t.Errorf("facilitator tally while hidden: exit %d, %q", code, out)
	}
	ts.hub.publish(&model.Snapshot{Version: 3, Tally: model.Tally{Event: "test"}, Display: model.DisplayState{Hidden: true, RevealAt: "15:00"}})
	if _, errOut, code := run(t, viewer, "tally"); code != 1 || !strings.Contains(errOut, "hidden from the room until 15:00") {
		t.Errorf("viewer tally hidden until 15:00: exit %d, %q", code, errOut)
	}
	ts.hub.publish(&model.Snapshot{Version: 4, Tally: model.Tally{Event: "test"}})
	if out, _, code := run(t, viewer, "tally"); code != 0 || !strings.Contains(out, "role=viewer") {
		t.Errorf("viewer tally once revealed: exit %d, %q", code, out)
	}
}
