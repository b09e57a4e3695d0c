package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"standmap/db"
	"standmap/internal/standtest"
)

// curationCSV is five visitors: one wish in four spellings and two
// languages, a bench, and a swear word.
const curationCSV = standtest.CSVHeader +
	"c1,2025-04-24T09:00:00Z,Fair,,Centrs,Veloceliņi,cycle\n" +
	"c1,2025-04-24T09:00:00Z,Fair,,Grīva,bike paths,\n" +
	"c2,2025-04-24T09:01:00Z,Fair,,Grīva,velocelini,\n" +
	"c3,2025-04-24T09:02:00Z,Fair,,,Больше велодорожек,transport\n" +
	"c4,2025-04-24T09:03:00Z,Fair,,Centrs,Bike paths!,cycle\n" +
	"c4,2025-04-24T09:03:00Z,Fair,,Centrs,more benches,hangout\n" +
	"c5,2025-04-24T09:04:00Z,Fair,,Centrs,sūds,\n"

// wishLines runs tally --json and returns its wishes as "text|category|count".
func wishLines(s *standtest.Stand) string {
	s.T.Helper()
	var got struct {
		Wishes []struct {
			Text, Key, Category string
			Count               int
		}
	}
	if err := json.Unmarshal([]byte(s.OK("tally", "--json", "--event", "Fair")), &got); err != nil {
		s.T.Fatal(err)
	}
	var lines []string
	for _, w := range got.Wishes {
		lines = append(lines, fmt.Sprintf("%s|%s|%d", w.Text, w.Category, w.Count))
	}
	return strings.Join(lines, " ; ")
}

func TestWishesCommandsRoundTrip(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	if _, errs, code := s.ImportText(curationCSV); code != 0 {
		t.Fatal(errs)
	}
	steps := []struct {
		args []string
		want string // tally --json wishes after the step, computed by hand
	}{
		// sūds is only flagged (no moderation): it counts like any wish.
		{nil, "bike paths|cycle|2 ; Veloceliņi|cycle|2 ; more benches|hangout|1 ; sūds||1 ; Больше велодорожек|transport|1"},
		// c1 (two keys) once, c2, c3, c4: 4. Spellings 1 each but "bike paths"/"Bike paths"
		// are two spellings: all tied, the first entered (c1's Veloceliņi) shows.
		// Categories: cycle 2 (c1, c4), transport 1.
		{[]string{"merge", "velocelini", "Больше велодорожек", "--into", "bike paths"}, "Veloceliņi|cycle|4 ; more benches|hangout|1 ; sūds||1"},
		{[]string{"rename", "bike paths", "Veloceliņi / bike paths"}, "Veloceliņi / bike paths|cycle|4 ; more benches|hangout|1 ; sūds||1"},
		{[]string{"category", "Veloceliņi", "transport"}, "Veloceliņi / bike paths|transport|4 ; more benches|hangout|1 ; sūds||1"},
		// Unmerging velocelini: c1 (bike paths), c3, c4 stay = 3; velocelini is c1, c2 = 2.
		{[]string{"unmerge", "velocelini"}, "Veloceliņi / bike paths|transport|3 ; Veloceliņi|cycle|2 ; more benches|hangout|1 ; sūds||1"},
		{[]string{"hide", "more benches"}, "Veloceliņi / bike paths|transport|3 ; Veloceliņi|cycle|2 ; sūds||1"},
		// c4's first mark is "Bike paths!": without it, the group is c1 and c3.
		{[]string{"hide", "--mark", "c4:0"}, "Veloceliņi / bike paths|transport|2 ; Veloceliņi|cycle|2 ; sūds||1"},
		{[]string{"hide", "sūds"}, "Veloceliņi / bike paths|transport|2 ; Veloceliņi|cycle|2"},
		{[]string{"undo"}, "Veloceliņi / bike paths|transport|2 ; Veloceliņi|cycle|2 ; sūds||1"},
		{[]string{"show", "--mark", "c4:0", "more benches"}, "Veloceliņi / bike paths|transport|3 ; Veloceliņi|cycle|2 ; more benches|hangout|1 ; sūds||1"},
		// The group keeps its text and category; its member leaves: c1 and c4 stay.
		{[]string{"unmerge", "bike paths"}, "Veloceliņi / bike paths|transport|2 ; Veloceliņi|cycle|2 ; more benches|hangout|1 ; sūds||1 ; Больше велодорожек|transport|1"},
	}
	for _, st := range steps {
		if st.args != nil {
			s.OK(append([]string{"wishes", "--event", "Fair"}, st.args...)...)
		}
		if got := wishLines(s); got != st.want {
			t.Fatalf("after wishes %v:\n got %s\nwant %s", st.args, got, st.want)
		}
	}
	log := s.OK("wishes", "log", "--event", "Fair")
	for _, want := range []string{"#1 ", `merge "velocelini" "Больше велодорожек" --into "bike paths"`, "(undone by #8)", "undo #7", "local"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	list := s.OK("wishes", "--event", "Fair")
	if !strings.Contains(list, "Bike paths (1)") || !strings.Contains(list, "flagged: profanity") {
		t.Errorf("list:\n%s", list)
	}
}

// TestWishesUndoSaysWhat: wishes undo says what it took back in words,
// with the groups' texts as they were shown, in the --lang language; an
// undo undone is said as the log says it.
func TestWishesUndoSaysWhat(t *testing.T) {
	s := newStand(t)
	if _, errs, code := s.ImportText(curationCSV); code != 0 {
		t.Fatal(errs)
	}
	s.OK("wishes", "merge", "velocelini", "--into", "bike paths", "--event", "Fair")
	s.OK("wishes", "hide", "more benches", "--event", "Fair")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"undo", "--lang", "en"}, "#3 undone: hid “more benches” ✓\n"},
		{[]string{"undo", "--lang", "lv"}, "#4 atsaukts: “velocelini” apvienots ar “Veloceliņi” ✓\n"},
		{[]string{"undo", "3", "--lang", "en"}, "#5 undone: undo #2 ✓\n"}, // the hide is in force again
		{[]string{"undo", "--lang", "en"}, "#6 undone: hid “more benches” ✓\n"},
	} {
		if got := s.OK(append([]string{"wishes", "--event", "Fair"}, c.args...)...); got != c.want {
			t.Errorf("wishes %v: %q, want %q", c.args, got, c.want)
		}
	}
	if _, errs, code := s.Run("", "wishes", "undo", "--event", "Fair"); code != 1 || !strings.Contains(errs, "nothing to undo") {
		t.Errorf("exit %d: %s", code, errs)
	}
}

func TestWishesModerationAndRefusals(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	s.ImportText(curationCSV)
	s.OK("wishes", "moderate", "on", "--event", "Fair")
	if got := wishLines(s); got != "" {
		t.Fatalf("moderated board shows %s", got)
	}
	pending := s.OK("wishes", "pending", "--event", "Fair")
	if !strings.Contains(pending, "profanity") || strings.Count(pending, "\n") < 6 {
		t.Errorf("pending:\n%s", pending)
	}
	s.OK("wishes", "approve", "more benches", "--event", "Fair")
	if got := wishLines(s); got != "more benches|hangout|1" {
		t.Fatalf("approved: %s", got)
	}
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"merge", "a"}, 2},
		{[]string{"rename", "a"}, 2},
		{[]string{"moderate", "maybe"}, 2},
		{[]string{"frobnicate"}, 2},
		{[]string{"undo", "x"}, 2},
		{[]string{"hide", "--mark", "nocolon"}, 2},
		{[]string{"approve", "more benches"}, 1}, // nothing to change
		{[]string{"category", "a", "sports"}, 1},
		{[]string{"undo", "99"}, 1},
	} {
		if _, _, code := s.Run("", append([]string{"wishes", "--event", "Fair"}, c.args...)...); code != c.code {
			t.Errorf("wishes %v: exit %d, want %d", c.args, code, c.code)
		}
	}
}

func TestWishesSuggest(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	s.ImportText(curationCSV + "c6,2025-04-24T09:05:00Z,Fair,,,Velocelinji,\n")
	out := s.OK("wishes", "suggest", "--event", "Fair")
	if !strings.Contains(out, `standmap wishes merge "velocelinji" --into "velocelini"`) {
		t.Errorf("suggest:\n%s", out)
	}
	if strings.Contains(wishLines(s), "4") {
		t.Error("suggest merged something")
	}
}

func TestStartModeration(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	s.ImportText(curationCSV)
	store, err := db.Open(s.DB)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	e := &env{ctx: context.Background(), store: store}
	for range 2 { // a second start is fine
		if err := startModeration(e, "Fair", "SHA256:facilitator"); err != nil {
			t.Fatal(err)
		}
	}
	if got := wishLines(s); got != "" {
		t.Errorf("moderated board shows %s", got)
	}
	if log := s.OK("wishes", "log", "--event", "Fair"); strings.Count(log, "moderate on") != 1 || !strings.Contains(log, "SHA256:facilitator") {
		t.Errorf("log:\n%s", log)
	}
}

// TestWishesUnknownKeyRefused: a curation naming a key no wish of the
// event has (a typo, over ssh too) is refused, exit 1, with the key and
// where the keys are listed, and logs nothing; a wish's text as shown
// (not yet its key) is taken as the curation keys it.
func TestWishesUnknownKeyRefused(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	if _, errs, code := s.ImportText(standtest.CSVHeader + "k1,2025-05-01T10:00:00Z,Fair,,Centrs,Bike paths,cycle\n"); code != 0 {
		t.Fatal(errs)
	}
	for _, args := range [][]string{
		{"hide", "bike pahts"},
		{"merge", "bike paths", "--into", "nosuch"},
		{"rename", "nosuch", "x"},
		{"category", "nosuch", "cycle"},
		{"approve", "nosuch"},
		{"unmerge", "nosuch"},
		{"show", "nosuch"},
	} {
		out, errs, code := s.Run("", append([]string{"wishes", "--event", "Fair"}, args...)...)
		if code != 1 || out != "" || !strings.Contains(errs, `no wish of event "Fair" has the key`) ||
			!strings.Contains(errs, "standmap wishes list shows the keys") {
			t.Errorf("wishes %v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
	if log := s.OK("wishes", "log", "--event", "Fair"); strings.Contains(log, "#1") {
		t.Errorf("refused actions were logged:\n%s", log)
	}
	if out := s.OK("wishes", "hide", "--event", "Fair", "Bike paths"); !strings.Contains(out, `#1 hide "Bike paths"`) {
		t.Errorf("hide by the text as shown: %q", out)
	}
}
