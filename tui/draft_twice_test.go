package tui

import (
	"strings"
	"testing"
)

// TestRestoredDraftSavedOnce: a facilitator's second session (a
// reconnect while the dropped one still runs on the server, a second
// window) starts with the draft of the first; the first saves the
// visitor, then the second does too, with a mark more: the visitor is
// one response, #1, as the second session left it. The next visitor of
// each session is a response of its own.
func TestRestoredDraftSavedOnce(t *testing.T) {
	first := newRig(t)
	first.press("cen<enter>Soliņi<enter>")
	second := newRigAs(t, first, "local:test")
	if len(second.m.capture.marks) != 1 {
		t.Fatalf("the second session did not get the draft: %+v", second.m.capture.marks)
	}
	first.press("<ctrl+s>")
	second.press("gri<enter><enter><ctrl+s>")
	got := second.stored()
	if len(got) != 1 || got[0].Number != 1 || len(got[0].Marks) != 2 || !strings.Contains(second.screen(), "saved #1 ✓") {
		t.Fatalf("one visitor stored as %+v\n%s", got, second.screen())
	}
	first.press("esp<enter><enter><ctrl+s>")
	second.press("gaj<enter><enter><ctrl+s>")
	if got := second.stored(); len(got) != 3 {
		t.Fatalf("the next visitors: %+v", got)
	}
}
