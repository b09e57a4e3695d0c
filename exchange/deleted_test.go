package exchange

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"standmap/db"
)

const twoVisitors = `response_id,created_at,event,age_group,neighbourhood,wish,category
a1,2025-04-24T06:15:00Z,Fair,16-18,Grīva,Āra trenažieri,fitness
a1,2025-04-24T06:15:00Z,Fair,16-18,Centrs,,
b2,2025-04-24T06:16:00Z,Fair,,Centrs,Veloceliņi,cycle
`

// TestDeletedLeftOutAndRestored: a deleted response counts nowhere and
// is not exported; --include-deleted writes it with its deleted_at; the
// list names it; restoring it gives the export from before the delete.
func TestDeletedLeftOutAndRestored(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, g := openStore(t), daugavpils(t)
	mustImport(t, s, g, []byte(twoVisitors))
	export := func(o ExportOptions, format string) string {
		t.Helper()
		var b bytes.Buffer
		if err := ExportWith(ctx, s, "Fair", format, &b, o); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	before := export(ExportOptions{}, "csv")
	gone, err := s.DeleteResponse(ctx, "Fair", "a1", "local:ann")
	if err != nil {
		t.Fatal(err)
	}
	if got := export(ExportOptions{}, "csv"); strings.Contains(got, "a1,") || !strings.Contains(got, "b2,") {
		t.Errorf("the export after the delete:\n%s", got)
	}
	tally, err := Tally(ctx, s, g, "Fair")
	if err != nil || tally.Responses != 1 || tally.Wishes[0].Text != "Veloceliņi" || len(tally.Wishes) != 1 {
		t.Errorf("tally after the delete: %+v, %v", tally, err)
	}
	audit := export(ExportOptions{IncludeDeleted: true}, "csv")
	lines := strings.Split(strings.TrimSpace(audit), "\n")
	if !strings.HasSuffix(lines[0], ",hidden,deleted_at") || len(lines) != 4 {
		t.Fatalf("the audit export:\n%s", audit)
	}
	at := formatTime(gone.DeletedAt)
	if !strings.HasSuffix(lines[1], ","+at) || !strings.HasSuffix(lines[2], ","+at) || !strings.HasSuffix(lines[3], ",") {
		t.Errorf("deleted_at not on a1's rows only (%s):\n%s", at, audit)
	}
	var js []map[string]any
	if err := json.Unmarshal([]byte(export(ExportOptions{IncludeDeleted: true}, "json")), &js); err != nil || len(js) != 2 ||
		js[0]["deleted_at"] != at || js[1]["deleted_at"] != "" {
		t.Errorf("the JSON audit export: %v, %v", js, err)
	}
	if strings.Contains(export(ExportOptions{}, "json"), "deleted_at") {
		t.Errorf("a plain JSON export names deleted_at")
	}

	var list bytes.Buffer
	if err := WriteDeleted(ctx, s, "Fair", &list); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"#1", "a1", "local:ann", "Grīva “Āra trenažieri” (fitness), Centrs"} {
		if !strings.Contains(list.String(), want) {
			t.Errorf("the list lacks %q:\n%s", want, list.String())
		}
	}
	r, err := Restore(ctx, s, "Fair", "a1")
	if err != nil || r.Number != 1 {
		t.Fatalf("restore: #%d, %v", r.Number, err)
	}
	if after := export(ExportOptions{}, "csv"); after != before {
		t.Errorf("the export after restoring differs:\n%s\nwas:\n%s", after, before)
	}
	if _, err := Restore(ctx, s, "Fair", "a1"); !errors.Is(err, db.ErrNotDeleted) {
		t.Errorf("restoring again: %v", err)
	}
	list.Reset()
	WriteDeleted(ctx, s, "Fair", &list)
	if !strings.Contains(list.String(), "no deleted responses") {
		t.Errorf("empty list: %q", list.String())
	}
}

// TestImportDeletedColumn: the audit export imports into another database
// as it was (the deleted response kept, deleted, not counted), and again
// without a change; a bad or disagreeing deleted_at is an invalid line.
func TestImportDeletedColumn(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	src, g := openStore(t), daugavpils(t)
	mustImport(t, src, g, []byte(twoVisitors))
	if _, err := src.DeleteResponse(ctx, "Fair", "b2", "local"); err != nil {
		t.Fatal(err)
	}
	var audit bytes.Buffer
	if err := ExportWith(ctx, src, "", "csv", &audit, ExportOptions{IncludeDeleted: true}); err != nil {
		t.Fatal(err)
	}
	dst := openStore(t)
	rep := mustImport(t, dst, g, audit.Bytes())
	if rep.Added != 2 || rep.AddedMarks != 3 {
		t.Errorf("import: %+v", rep)
	}
	deleted, err := dst.DeletedResponses(ctx, "Fair")
	if err != nil || len(deleted) != 1 || deleted[0].ID != "b2" || deleted[0].DeletedBy != "import" {
		t.Fatalf("deleted after import: %+v, %v", deleted, err)
	}
	if tally, _ := Tally(ctx, dst, g, "Fair"); tally.Responses != 1 {
		t.Errorf("the imported deleted response counts: %+v", tally)
	}
	if rep := mustImport(t, dst, g, audit.Bytes()); rep.Added != 0 || rep.Skipped != 2 || rep.AddedMarks != 0 {
		t.Errorf("import again: %+v", rep)
	}
	for _, c := range []struct{ file, want string }{
		{"x1,,Fair,,Centrs,,,soon\n", `line 2: deleted_at: "soon" is not an RFC 3339 time`},
		{"x1,,Fair,,Centrs,,,2025-04-24T07:00:00Z\nx1,,Fair,,Grīva,,,\n", `line 3: deleted_at: "" differs from line 2`},
	} {
		rep, err := Import(ctx, dst, g, "Fair", strings.NewReader(strings.Join(Header, ",")+",deleted_at\n"+c.file), false)
		if !errors.Is(err, ErrInvalid) || len(rep.Invalid) != 1 || !strings.HasPrefix(rep.Invalid[0].Error(), c.want) {
			t.Errorf("%q: %v, %v; want %s", c.file, err, rep.Invalid, c.want)
		}
	}
}
