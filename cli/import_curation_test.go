package cli

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"standmap/internal/standtest"
)

// carryCSV is seven visitors: a wish in three spellings, trees, benches
// and spam.
const carryCSV = standtest.CSVHeader +
	"k1,2025-05-01T10:00:00Z,Fair,,Centrs,Velo celiņi,cycle\n" +
	"k2,2025-05-01T10:01:00Z,Fair,,Centrs,veloceliņi,\n" +
	"k3,2025-05-01T10:02:00Z,Fair,,,bike paths,\n" +
	"k4,2025-05-01T10:03:00Z,Fair,,Centrs,More trees,green\n" +
	"k4,2025-05-01T10:03:00Z,Fair,,,benches,\n" +
	"k5,2025-05-01T10:04:00Z,Fair,,,more trees,\n" +
	"k6,2025-05-01T10:05:00Z,Fair,,,benches,\n" +
	"k7,2025-05-01T10:06:00Z,Fair,,,Spam spam,\n"

// TestImportCarriesCurationCLI: curated with `standmap wishes`, exported
// and imported into another database, the event has the same tally; the
// log says `import FILE`, an undo there works; an event already curated
// keeps its curation, with a note; imported again, nothing new.
func TestImportCarriesCurationCLI(t *testing.T) {
	t.Parallel()
	a := newStand(t)
	if _, errs, code := a.ImportText(carryCSV); code != 0 {
		t.Fatal(errs)
	}
	for _, args := range [][]string{
		{"merge", "veloceliņi", "bike paths", "--into", "Velo celiņi"},
		{"rename", "more trees", "Trees please"},
		{"category", "benches", "hangout"},
		{"hide", "spam spam"},
		{"hide", "--mark", "k4:1"},
	} {
		a.OK(append([]string{"wishes", "--event", "Fair"}, args...)...)
	}
	file := filepath.Join(t.TempDir(), "a.csv")
	a.OK("export", "--event", "Fair", "--out", file)

	b := newStand(t)
	out, errs, code := b.Run("", "import", file)
	if code != 0 || errs != "" || !strings.Contains(out, "5 actions") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	if x, y := a.TallyJSON("Fair"), b.TallyJSON("Fair"); !reflect.DeepEqual(x, y) {
		t.Fatalf("tallies differ:\n%v\n%v", x, y)
	}
	log := b.OK("wishes", "log", "--event", "Fair")
	if n := strings.Count(log, "import "+file); n != 5 {
		t.Fatalf("%d actions by import:\n%s", n, log)
	}
	// The newest action is the rename (renames and categories come last,
	// by group): undone, the trees show as their first spelling.
	b.OK("wishes", "undo", "--event", "Fair")
	if w := wishLines(b); w != "Velo celiņi|cycle|3 ; More trees|green|2 ; benches|hangout|1" {
		t.Errorf("after undo: %s", w)
	}

	// Again: the responses are skipped, the curation (one undo since)
	// differs, so a note and nothing applied.
	out, errs, code = b.Run("", "import", file)
	if code != 0 || !strings.Contains(out, "7 already stored") || !strings.Contains(errs, "already has a curation") {
		t.Errorf("exit %d\n%s\n%s", code, out, errs)
	}
	if again := b.OK("wishes", "log", "--event", "Fair"); strings.Count(again, "\n") != strings.Count(log, "\n")+1 {
		t.Errorf("log grew:\n%s", again)
	}
	b.OK("wishes", "undo", "--event", "Fair", "6") // redo the rename
	if out, errs, _ = b.Run("", "import", file); errs != "" || strings.Contains(out, "carried") {
		t.Errorf("same curation, same file: %s %s", out, errs)
	}

	b2 := newStand(t) // a visitor of its own who wants benches, curated
	if _, errs, code := b2.ImportText(standtest.CSVHeader + "k0,2025-05-01T09:00:00Z,Fair,,,benches,\n"); code != 0 {
		t.Fatal(errs)
	}
	b2.OK("wishes", "category", "--event", "Fair", "benches", "culture")
	out, errs, code = b2.Run("", "import", file)
	if code != 0 || !strings.Contains(out, "imported 7 responses") ||
		strings.Count(errs, "\n") != 1 || !strings.Contains(errs, `event "Fair" already has a curation`) {
		t.Errorf("exit %d\n%s\n%s", code, out, errs)
	}
	if w := wishLines(b2); w != "benches|culture|3 ; More trees|green|2 ; bike paths||1 ; Spam spam||1 ; Velo celiņi|cycle|1 ; veloceliņi||1" {
		t.Errorf("b2: %s", w)
	}
}
