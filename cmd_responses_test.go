package main

import (
	"context"
	"strings"
	"testing"

	"standmap/db"
)

// TestResponsesCommand: responses deleted lists a deleted response,
// responses restore brings it back with its number, and wrong uses say
// what is wrong.
func TestResponsesCommand(t *testing.T) {
	s := newStand(t)
	s.importText("response_id,created_at,event,age_group,neighbourhood,wish,category\n"+
		"v1,2025-04-24T06:15:00Z,Fair,,Centrs,Veloceliņi,cycle\nv2,2025-04-24T06:16:00Z,Fair,,Grīva,,\n", "--event", "Fair")
	before := s.ok("export", "--event", "Fair")
	store, err := db.Open(s.db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.DeleteResponse(context.Background(), "Fair", "v1", "local:ann"); err != nil {
		t.Fatal(err)
	}
	store.Close()
	if out := s.ok("responses", "deleted", "--event", "Fair"); !strings.Contains(out, "#1") || !strings.Contains(out, "v1") ||
		!strings.Contains(out, "local:ann") || !strings.Contains(out, "Centrs “Veloceliņi” (cycle)") {
		t.Errorf("responses deleted:\n%s", out)
	}
	if out := s.ok("export", "--event", "Fair", "--include-deleted"); !strings.Contains(out, ",deleted_at\n") {
		t.Errorf("export --include-deleted:\n%s", out)
	}
	if out := s.ok("responses", "restore", "v1", "--event", "Fair"); !strings.Contains(out, "restored #1 v1") {
		t.Errorf("responses restore: %q", out)
	}
	if after := s.ok("export", "--event", "Fair"); after != before {
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
		{[]string{"responses"}, 2, "responses deleted"},
		{[]string{"responses", "deleted", "--event", "Atlantis"}, 1, `no event "Atlantis"`},
	} {
		_, errs, code := s.run("", c.args...)
		if code != c.code || !strings.Contains(errs, c.err) {
			t.Errorf("standmap %s: exit %d, %q; want %d saying %q", strings.Join(c.args, " "), code, errs, c.code, c.err)
		}
	}
}
