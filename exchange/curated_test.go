package exchange

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"standmap/model"
)

const wishes = header +
	"v1,2025-04-24T09:00:00Z,Fair,,Centrs,Veloceliņi,cycle\n" +
	"v2,2025-04-24T09:01:00Z,Fair,,Grīva,bike paths,\n" +
	"v2,2025-04-24T09:01:00Z,Fair,,,velocelini,\n" +
	"v3,2025-04-24T09:02:00Z,Fair,,,bike paths!,transport\n" +
	"v4,2025-04-24T09:03:00Z,Fair,,Centrs,sūds,\n" +
	"v5,2025-04-24T09:04:00Z,Fair,,Centrs,benches,hangout\n"

// TestCuratedExportImportRoundTrip merges, renames and hides, checks the
// tally and the exported columns by hand, and imports the export into a
// fresh database: the same responses, and the curation carried (the
// event had none), so the same export.
func TestCuratedExportImportRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, g := openStore(t), daugavpils(t)
	mustImport(t, s, g, []byte(wishes))
	for _, a := range []model.CurationAction{
		{Verb: model.VerbMerge, Keys: []string{"velocelini"}, Into: "bike paths", Text: "Cycle paths"},
		{Verb: model.VerbHide, Marks: []string{"v5:0"}},
	} {
		if _, err := s.Curate(ctx, "Fair", "local", a); err != nil {
			t.Fatal(err)
		}
	}
	tl, err := Tally(ctx, s, g, "Fair")
	if err != nil {
		t.Fatal(err)
	}
	// v1, v2 (two keys, once), v3 = 3; sūds is flagged only (it counts:
	// no moderation, nobody hid it); benches hidden.
	// Categories: cycle 1, transport 1: alphabetical.
	want := []model.WishCount{
		{Text: "Cycle paths", Key: "bike paths", Category: "cycle", Count: 3},
		{Text: "sūds", Key: "suds", Category: "", Count: 1},
	}
	if !reflect.DeepEqual(tl.Wishes, want) {
		t.Fatalf("tally %v", tl.Wishes)
	}
	var out bytes.Buffer
	if err := Export(ctx, s, "", "csv", &out); err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSpace(out.String()), "\n")
	wantTails := []string{
		"wish_group,wish_group_text,wish_group_category,hidden",
		"Veloceliņi,cycle,bike paths,Cycle paths,cycle,", // key velocelini: merged
		"bike paths,,bike paths,Cycle paths,cycle,",
		"velocelini,,bike paths,Cycle paths,cycle,",
		"bike paths!,transport,bike paths,Cycle paths,cycle,",
		"sūds,,suds,sūds,,",
		"benches,hangout,benches,benches,hangout,hidden",
	}
	for i, w := range wantTails {
		if !strings.HasSuffix(rows[i], w) {
			t.Errorf("row %d = %s\nwant it to end %s", i+1, rows[i], w)
		}
	}

	var js bytes.Buffer
	if err := Export(ctx, s, "Fair", "json", &js); err != nil {
		t.Fatal(err)
	}
	var rs []jsonResponse
	if err := json.Unmarshal(js.Bytes(), &rs); err != nil || len(rs) != 5 {
		t.Fatalf("json export: %v", err)
	}
	if m := rs[4].Marks[0]; m.Wish != "benches" || m.Hidden != model.StatusHidden || rs[1].Marks[1].GroupText != "Cycle paths" {
		t.Errorf("json marks %+v %+v", m, rs[1].Marks[1])
	}

	fresh := openStore(t)
	rep := mustImport(t, fresh, g, out.Bytes())
	if rep.Added != 5 || rep.AddedMarks != 6 {
		t.Errorf("import of the export: %+v", rep)
	}
	if rep.CurationActions == 0 || len(rep.Notes) != 0 {
		t.Errorf("the fresh database's event had no curation; carried: %+v", rep)
	}
	// Exported again from the fresh database: the same file, curated
	// columns included.
	var again bytes.Buffer
	if err := Export(ctx, fresh, "", "csv", &again); err != nil {
		t.Fatal(err)
	}
	if a, b := firstColumns(t, out.String()), firstColumns(t, again.String()); !reflect.DeepEqual(a, b) {
		t.Errorf("round trip changed the responses:\n%s\n%s", a, b)
	}
	if out.String() != again.String() {
		t.Errorf("the fresh database's export differs:\n%s\n%s", out.String(), again.String())
	}
}

// firstColumns keeps the contract's seven columns of every record.
func firstColumns(t *testing.T, text string) [][]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range recs {
		recs[i] = r[:len(Header)]
	}
	return recs
}

func TestImportChecksCuratedColumns(t *testing.T) {
	t.Parallel()
	s, g := openStore(t), daugavpils(t)
	// Any subset of the curated columns, in any order, is understood.
	ok := strings.TrimSuffix(header, "\n") + ",hidden,wish_group\n" + "h1,,Fair,,Centrs,x,,held,x\n"
	mustImport(t, s, g, []byte(ok))
	bad := strings.TrimSuffix(header, "\n") + ",hidden,wish_group_category\n" +
		"h2,,Fair,,Centrs,x,,maybe,\n" +
		"h3,,Fair,,Centrs,x,,,sports\n" +
		"h4,,Fair,,Centrs,x,,,\x1b[2J\n"
	rep, err := Import(context.Background(), s, g, "Default", strings.NewReader(bad), false)
	if !errors.Is(err, ErrInvalid) || len(rep.Invalid) != 3 {
		t.Fatalf("%v %v", err, rep.Invalid)
	}
	for i, w := range []string{"line 2: hidden:", "line 3: wish_group_category: unknown category", "line 4: wish_group_category: control"} {
		if !strings.HasPrefix(rep.Invalid[i].Error(), w) {
			t.Errorf("%v, want %s…", rep.Invalid[i], w)
		}
	}
}
