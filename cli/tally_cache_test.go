package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"standmap/internal/standtest"
	"standmap/server"
)

// TestPastTalliesRemembered: over SSH, the same tally --at asked again
// while nothing was written is answered without a replay, the very
// bytes of the local command; after any write — a response answered
// before that time, a curation — it is the new truth, not the
// remembered one.
func TestPastTalliesRemembered(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	s.OK("import", fairCSV)
	event := standtest.ExpectedTallies(t, fairExpected)[0].Event
	r := servedRemote(t, s, event)
	at := "2025-04-24T07:30:00Z"
	check := func(step string, misses int, args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		if code := r.run(context.Background(), server.Viewer, args, strings.NewReader(""), &out, &errOut); code != 0 {
			t.Fatalf("%s: exit %d, %s", step, code, errOut.String())
		}
		if local := s.OK(append(args, "--event", event)...); out.String() != local {
			t.Errorf("%s: over SSH\n%s\nlocally\n%s", step, out.String(), local)
		}
		if r.past.misses != misses {
			t.Errorf("%s: %d replays, want %d", step, r.past.misses, misses)
		}
		return out.String()
	}
	first := check("first", 1, "tally", "--json", "--at", at)
	check("again", 1, "tally", "--json", "--at", at)
	check("as text", 1, "tally", "--at", at)
	check("another time", 2, "tally", "--json", "--at", "2025-04-24T07:00:00Z")
	s.ImportText("response_id,created_at,event,age_group,neighbourhood,wish,category\n"+
		"late-1,2025-04-24T07:10:00Z,"+event+",,Grīva,Jauns skeitparks,\n", "--event", event)
	imported := check("after an import", 3, "tally", "--json", "--at", at)
	s.OK("wishes", "hide", "jauns skeitparks", "--event", event)
	curated := check("after a curation", 4, "tally", "--json", "--at", at)
	if imported == first || curated == imported || !strings.Contains(imported, "Jauns skeitparks") {
		t.Errorf("the import or the curation did not change the tally at %s", at)
	}
}
