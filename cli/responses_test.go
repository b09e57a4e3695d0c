package cli

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"standmap/db"
	"standmap/tui/replay"
)

// TestResponsesCommand: responses deleted lists a deleted response,
// responses restore brings it back with its number, and wrong uses say
// what is wrong.
func TestResponsesCommand(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	s.ImportText("response_id,created_at,event,age_group,neighbourhood,wish,category\n"+
		"v1,2025-04-24T06:15:00Z,Fair,,Centrs,Veloceliņi,cycle\nv2,2025-04-24T06:16:00Z,Fair,,Grīva,,\n", "--event", "Fair")
	before := s.OK("export", "--event", "Fair")
	store, err := db.Open(s.DB)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.DeleteResponse(context.Background(), "Fair", "v1", "local:ann"); err != nil {
		t.Fatal(err)
	}
	store.Close()
	if out := s.OK("responses", "deleted", "--event", "Fair"); !strings.Contains(out, "#1") || !strings.Contains(out, "v1") ||
		!strings.Contains(out, "local:ann") || !strings.Contains(out, "Centrs “Veloceliņi” (cycle)") {
		t.Errorf("responses deleted:\n%s", out)
	}
	if out := s.OK("export", "--event", "Fair", "--include-deleted"); !strings.Contains(out, ",deleted_at\n") {
		t.Errorf("export --include-deleted:\n%s", out)
	}
	if out := s.OK("responses", "restore", "v1", "--event", "Fair"); !strings.Contains(out, "restored #1 v1") {
		t.Errorf("responses restore: %q", out)
	}
	if after := s.OK("export", "--event", "Fair"); after != before {
		t.Errorf("export after restore:\n%s\nbefore:\n%s", after, before)
	}
	for _, c := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"responses", "restore", "v1", "--event", "Fair"}, 1, "is not deleted"},
		{[]string{"responses", "restore", "zz", "--event", "Fair"}, 1, `no response "zz"`},
		{[]string{"responses", "restore"}, 2, "give the id"},
		{[]string{"responses", "frobnicate"}, 2, "unknown command"},
		{[]string{"responses", "deleted", "extra"}, 2, ""},
		{[]string{"responses", "deleted", "--event", "Atlantis"}, 1, `no event "Atlantis"`},
	} {
		_, errs, code := s.Run("", c.args...)
		if code != c.code || !strings.Contains(errs, c.err) {
			t.Errorf("standmap %s: exit %d, %q; want %d saying %q", strings.Join(c.args, " "), code, errs, c.code, c.err)
		}
	}
}

// TestDeletedCountNowhere: a deleted response is left out of every reader
// of responses: tally (now and --at), events, events compare, the report,
// replay and the export; restored, it counts in all of them again.
func TestDeletedCountNowhere(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	s.ImportText("response_id,created_at,event,age_group,neighbourhood,wish,category\n"+
		"v1,2025-04-24T06:15:00Z,A,,Kalkūni,Zzz unique wish,other\nv2,2025-04-24T06:16:00Z,A,,Grīva,,\n"+
		"w1,2025-04-24T06:17:00Z,B,,Grīva,,\n", "--event", "A")
	ctx := context.Background()
	store, err := db.Open(s.DB)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.DeleteResponse(ctx, "A", "v1", "local"); err != nil {
		t.Fatal(err)
	}
	rs, _, err := replay.Load(ctx, store, "A")
	store.Close()
	if err != nil || len(rs) != 1 || rs[0].ID != "v2" {
		t.Errorf("replay loads %+v, %v", rs, err)
	}
	for _, c := range []struct {
		args []string
		gone string
	}{
		{[]string{"tally", "--event", "A", "--json"}, "Zzz unique wish"},
		{[]string{"tally", "--event", "A", "--json", "--at", "2025-04-24T12:00:00Z"}, "Zzz unique wish"},
		{[]string{"report", "--event", "A", "--lang", "en"}, "Zzz unique wish"},
		{[]string{"export", "--event", "A"}, "v1,"},
		{[]string{"export", "--event", "A", "--format", "json"}, `"v1"`},
	} {
		if out := s.OK(c.args...); strings.Contains(out, c.gone) {
			t.Errorf("standmap %s shows the deleted response (%q):\n%s", strings.Join(c.args, " "), c.gone, out)
		}
	}
	if out := s.OK("tally", "--event", "A", "--json"); !strings.Contains(out, `"responses": 1`) {
		t.Errorf("tally counts the deleted response:\n%s", out)
	}
	if out := s.OK("events"); !regexp.MustCompile(`(?m)^\s+A\s+1\s`).MatchString(out) {
		t.Errorf("events counts the deleted response:\n%s", out)
	}
	if out := s.OK("events", "compare", "A", "B", "--lang", "en"); !regexp.MustCompile(`Kalkūni\s+0\s`).MatchString(out) {
		t.Errorf("events compare counts the deleted response:\n%s", out)
	}
	s.OK("responses", "restore", "v1", "--event", "A")
	if out := s.OK("report", "--event", "A", "--lang", "en"); !strings.Contains(out, "Zzz unique wish") {
		t.Errorf("the restored response is not in the report:\n%s", out)
	}
}
