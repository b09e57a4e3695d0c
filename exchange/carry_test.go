package exchange

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"standmap/db"
	"standmap/model"
)

// carryCSV is ten visitors: one wish in four spellings, trees twice,
// benches three times, spam twice.
const carryCSV = header +
	"r1,2025-05-01T10:00:00Z,Fair,16-18,Centrs,Velo celiņi,cycle\n" +
	"r2,2025-05-01T10:01:00Z,Fair,16-18,Centrs,veloceliņi,\n" +
	"r3,2025-05-01T10:02:00Z,Fair,16-18,,bike paths,\n" +
	"r4,2025-05-01T10:03:00Z,Fair,,Grīva,Cycle lanes,transport\n" +
	"r5,2025-05-01T10:04:00Z,Fair,,,Velo celiņi,\n" +
	"r6,2025-05-01T10:05:00Z,Fair,,Centrs,More trees,green\n" +
	"r6,2025-05-01T10:05:00Z,Fair,,,benches,\n" +
	"r7,2025-05-01T10:06:00Z,Fair,,Centrs,more trees,\n" +
	"r8,2025-05-01T10:07:00Z,Fair,,,benches,culture\n" +
	"r9,2025-05-01T10:08:00Z,Fair,,,Spam spam,\n" +
	"r10,2025-05-01T10:09:00Z,Fair,,,spam spam,\n" +
	"r10,2025-05-01T10:09:00Z,Fair,,,benches,\n"

// carryActions curate carryCSV: a merge of three spellings, a rename, a
// category, a hidden group and one hidden mention (benches of r6).
var carryActions = []model.CurationAction{
	{Verb: model.VerbMerge, Keys: []string{"veloceliņi", "bike paths", "Cycle lanes"}, Into: "Velo celiņi"},
	{Verb: model.VerbRename, Keys: []string{"more trees"}, Text: "Trees please"},
	{Verb: model.VerbCategorise, Keys: []string{"benches"}, Code: "hangout"},
	{Verb: model.VerbHide, Keys: []string{"spam spam"}},
	{Verb: model.VerbHide, Marks: []string{"r6:1"}},
}

// curatedSource returns a database holding carryCSV, curated by
// carryActions, and its CSV export.
func curatedSource(t *testing.T) (*db.SQLite, []byte) {
	t.Helper()
	ctx := context.Background()
	a := openStore(t)
	mustImport(t, a, daugavpils(t), []byte(carryCSV))
	for _, act := range carryActions {
		if _, err := a.Curate(ctx, "Fair", "local", act); err != nil {
			t.Fatal(err)
		}
	}
	return a, exportOf(t, a, "csv")
}

func exportOf(t *testing.T, s db.Store, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Export(context.Background(), s, "Fair", format, &b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func importFile(t *testing.T, s db.Store, file []byte) Report {
	t.Helper()
	rep, err := ImportFrom(context.Background(), s, daugavpils(t), "Default", bytes.NewReader(file), false, "a.csv")
	if err != nil {
		t.Fatalf("import: %v (%v)", err, rep.Invalid)
	}
	return rep
}

func tallyOf(t *testing.T, s db.Store) model.Tally {
	t.Helper()
	tl, err := Tally(context.Background(), s, daugavpils(t), "Fair")
	if err != nil {
		t.Fatal(err)
	}
	return tl
}

func logOf(t *testing.T, s *db.SQLite) []db.CurationEntry {
	t.Helper()
	l, err := s.CurationLog(context.Background(), "Fair")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestImportCarriesCuration: the export of a curated event, imported into
// a fresh database, gives the same tally and export, each fact logged as
// taken by "import a.csv" and undoable; imported again, nothing new.
func TestImportCarriesCuration(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, file := curatedSource(t)
	want := tallyOf(t, a)
	// By hand: velo celini r1-r5 (cycle 1, transport 1: cycle), trees
	// r6-r7 renamed, benches r8 and r10 (r6's hidden), spam hidden.
	byHand := []model.WishCount{
		{Text: "Velo celiņi", Key: "velo celini", Category: "cycle", Count: 5},
		{Text: "Trees please", Key: "more trees", Category: "green", Count: 2},
		{Text: "benches", Key: "benches", Category: "hangout", Count: 2},
	}
	model.RankWishes(byHand)
	if !reflect.DeepEqual(want.Wishes, byHand) {
		t.Fatalf("source tally %+v", want.Wishes)
	}

	b := openStore(t)
	rep := importFile(t, b, file)
	if rep.Added != 10 || rep.CurationActions != 5 || !slices.Equal(rep.Curated, []string{"Fair"}) || len(rep.Notes) != 0 {
		t.Fatalf("report %+v", rep)
	}
	if got := tallyOf(t, b); !reflect.DeepEqual(got, want) {
		t.Fatalf("tallies differ:\n%+v\n%+v", want, got)
	}
	for _, f := range []string{"csv", "json"} {
		if x, y := exportOf(t, a, f), exportOf(t, b, f); !bytes.Equal(x, y) {
			t.Errorf("%s exports differ:\n%s\n%s", f, x, y)
		}
	}
	log := logOf(t, b)
	if len(log) != 5 {
		t.Fatalf("log %+v", log)
	}
	var hideSpam int64
	for _, e := range log {
		if e.Who != "import a.csv" {
			t.Errorf("#%d taken by %q", e.Seq, e.Who)
		}
		if e.Describe() == `hide "spam spam"` {
			hideSpam = e.Seq
		}
	}
	// Undoing the hidden group shows spam: r9 and r10, 2; "Spam spam"
	// and "spam spam" tie, the first entered shows.
	u, err := b.UndoCuration(ctx, "Fair", "local", hideSpam)
	if err != nil {
		t.Fatal(err)
	}
	undone := append(slices.Clone(byHand), model.WishCount{Text: "Spam spam", Key: "spam spam", Count: 2})
	model.RankWishes(undone)
	if got := tallyOf(t, b).Wishes; !reflect.DeepEqual(got, undone) {
		t.Errorf("after undo %+v\nwant %+v", got, undone)
	}
	if _, err := b.UndoCuration(ctx, "Fair", "local", u.Seq); err != nil { // redo
		t.Fatal(err)
	}

	// Again: nothing new, and no note (the curation is the file's).
	rep = importFile(t, b, file)
	if rep.Added != 0 || rep.Skipped != 10 || rep.CurationActions != 0 || len(rep.Notes) != 0 {
		t.Errorf("second import %+v", rep)
	}
	if n := len(logOf(t, b)); n != 7 {
		t.Errorf("log has %d entries, want 7 (5 imported, an undo and its redo)", n)
	}
}

// TestImportKeepsExistingCuration: an event already curated keeps its
// curation; the responses are imported and a note says so.
func TestImportKeepsExistingCuration(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, file := curatedSource(t)
	b2 := openStore(t)
	if _, err := b2.CreateEvent(ctx, "Fair"); err != nil {
		t.Fatal(err)
	}
	if _, err := b2.Curate(ctx, "Fair", "local", model.CurationAction{Verb: model.VerbCategorise, Keys: []string{"benches"}, Code: "culture"}); err != nil {
		t.Fatal(err)
	}
	rep := importFile(t, b2, file)
	if rep.Added != 10 || rep.CurationActions != 0 || len(rep.Notes) != 1 || !strings.Contains(rep.Notes[0], "already has a curation") {
		t.Fatalf("report %+v", rep)
	}
	if log := logOf(t, b2); len(log) != 1 || log[0].Who != "local" {
		t.Errorf("log %+v", log)
	}
}

// TestImportUncuratedColumns: curated columns that describe no curation
// log nothing.
func TestImportUncuratedColumns(t *testing.T) {
	t.Parallel()
	a := openStore(t)
	mustImport(t, a, daugavpils(t), []byte(carryCSV))
	b := openStore(t)
	rep := importFile(t, b, exportOf(t, a, "csv"))
	if rep.Added != 10 || rep.CurationActions != 0 || len(rep.Notes) != 0 || len(logOf(t, b)) != 0 {
		t.Errorf("report %+v, log %+v", rep, logOf(t, b))
	}
}

// TestFailedImportWritesNoCuration: one invalid row writes neither
// responses nor curation.
func TestFailedImportWritesNoCuration(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, file := curatedSource(t)
	bad := append(slices.Clone(file), "r11,2025-05-01T10:10:00Z,Fair,,Atlantis,x,,x,x,,\n"...)
	b := openStore(t)
	rep, err := ImportFrom(ctx, b, daugavpils(t), "Default", bytes.NewReader(bad), false, "a.csv")
	if !errors.Is(err, ErrInvalid) || len(rep.Invalid) != 1 {
		t.Fatalf("%v %v", err, rep.Invalid)
	}
	if evs, err := b.Events(ctx); err != nil || len(evs) != 0 {
		t.Errorf("events %v %v", evs, err)
	}
	if v, err := b.CurationVersion(ctx); err != nil || v != 0 {
		t.Errorf("curation version %d %v", v, err)
	}
}

// TestImportRefusesUncertainColumns: columns no curation can export (a
// wish in two groups) carry nothing; the responses are imported.
func TestImportRefusesUncertainColumns(t *testing.T) {
	t.Parallel()
	_, file := curatedSource(t)
	lines := strings.Split(string(file), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "r5,") {
			lines[i] = strings.Replace(l, ",velo celini,", ",elsewhere,", 1)
		}
	}
	edited := strings.Join(lines, "\n")
	if edited == string(file) {
		t.Fatal("r5 not edited")
	}
	b := openStore(t)
	rep := importFile(t, b, []byte(edited))
	if rep.Added != 10 || rep.CurationActions != 0 || len(rep.Notes) != 1 || !strings.Contains(rep.Notes[0], "none carried") {
		t.Fatalf("report %+v", rep)
	}
	if n := len(logOf(t, b)); n != 0 {
		t.Errorf("%d log entries", n)
	}
}

// TestImportCarriesMergeIntoUnmentionedKey: a group whose own key nobody
// wrote, and a key that does not fold to itself ("parks..." folds to
// "parks"), are carried by naming them with a spelling from the file.
func TestImportCarriesMergeIntoUnmentionedKey(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a := openStore(t)
	mustImport(t, a, daugavpils(t), []byte(header+
		"p1,2025-05-01T10:00:00Z,Fair,,,Parks…,\n"+
		"p2,2025-05-01T10:01:00Z,Fair,,,parks,green\n"+
		"p3,2025-05-01T10:02:00Z,Fair,,,Parks…,\n"))
	for _, act := range []model.CurationAction{
		{Verb: model.VerbMerge, Keys: []string{"Parks…", "parks"}, Into: "green areas"},
		{Verb: model.VerbHide, Marks: []string{"p3:0"}},
	} {
		if _, err := a.Curate(ctx, "Fair", "local", act); err != nil {
			t.Fatal(err)
		}
	}
	file := exportOf(t, a, "csv")
	b := openStore(t)
	rep := importFile(t, b, file)
	if rep.CurationActions != 2 || len(rep.Notes) != 0 {
		t.Fatalf("report %+v\n%s", rep, file)
	}
	if x, y := tallyOf(t, a), tallyOf(t, b); !reflect.DeepEqual(x, y) {
		t.Errorf("tallies differ:\n%+v\n%+v", x, y)
	}
	if y := exportOf(t, b, "csv"); !bytes.Equal(file, y) {
		t.Errorf("exports differ:\n%s\n%s", file, y)
	}
}
