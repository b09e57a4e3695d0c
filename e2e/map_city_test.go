package e2e

import (
	"context"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"standmap/ascii_maps"
	"standmap/db"
	"standmap/model"
	"standmap/tui"
)

// rivertonMap is the small second city of testdata: its file proves the
// map format end to end, with nothing of Daugavpils in the way.
const rivertonMap = "../testdata/maps/riverton.map"

// rivertonCSV names Riverton's neighbourhoods by name and by alias, and on
// line 6 a Daugavpils neighbourhood, which Riverton does not have.
const rivertonCSV = csvHeader +
	"r1,2025-05-01T10:00:00Z,Riverton fair,,Old Town,More benches,\n" +
	"r1,2025-05-01T10:00:00Z,Riverton fair,,Harbor,,\n" +
	"r2,2025-05-01T10:05:00Z,Riverton fair,16-18,oldtown,,\n" +
	"r3,2025-05-01T10:07:00Z,Riverton fair,,Mills,Fix the bridge,\n" +
	"r4,2025-05-01T10:09:00Z,Riverton fair,,Grīva,,\n"

// TestSecondCity runs the commands on Riverton's map: the Daugavpils name
// is refused with its line, the rest imports, the tally lists exactly
// Riverton's neighbourhoods (in the file's order) and maps show draws it.
func TestSecondCity(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	_, errs, code := s.importText(rivertonCSV, "--map", rivertonMap)
	if code != 1 || !strings.Contains(errs, `line 6: neighbourhood: unknown neighbourhood "Grīva"`) {
		t.Fatalf("import with a Daugavpils name: exit %d\n%s", code, errs)
	}
	if strings.Contains(errs, "line 2") || strings.Contains(errs, "line 3") ||
		strings.Contains(errs, "line 4") || strings.Contains(errs, "line 5") {
		t.Errorf("a Riverton name or alias was refused:\n%s", errs)
	}
	if out := s.ok("events"); strings.Contains(out, "Riverton fair") {
		t.Errorf("the refused import left its event behind:\n%s", out)
	}
	_, errs, code = s.importText(rivertonCSV, "--map", rivertonMap, "--skip-invalid")
	if code != 0 || !strings.Contains(errs, "line 6:") {
		t.Fatalf("import --skip-invalid: exit %d\n%s", code, errs)
	}

	var tally model.Tally
	if err := json.Unmarshal([]byte(s.ok("tally", "--json", "--map", rivertonMap)), &tally); err != nil {
		t.Fatal(err)
	}
	want := []model.NeighbourhoodCount{
		{Name: "Old Town", Count: 2}, {Name: "Harbour", Count: 1}, {Name: "Mill Quarter", Count: 1},
		{Name: "North Hill", Count: 0}, {Name: "South Bank", Count: 0},
	}
	if tally.Responses != 3 || !equalCounts(tally.Neighbourhoods, want) {
		t.Errorf("tally: %d responses, %v; want 3, %v", tally.Responses, tally.Neighbourhoods, want)
	}
	if len(tally.Wishes) != 2 {
		t.Errorf("wishes: %v", tally.Wishes)
	}

	out := s.ok("maps", "show", rivertonMap, "--width", "80", "--height", "24") // labels lie on their own area only: Mill Quarter needs the room
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if lines[0] != "Riverton" {
		t.Errorf("maps show: title %q", lines[0])
	}
	for _, name := range []string{"North Hill", "Old Town", "Harbour", "Mill Quarter", "South Bank", "Blue River"} {
		if !strings.Contains(out, name) {
			t.Errorf("maps show does not name %s:\n%s", name, out)
		}
	}
	if strings.Contains(out, "Daugav") || strings.Contains(out, "Centrs") {
		t.Errorf("maps show draws Daugavpils:\n%s", out)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("maps show line %d is %d wide: %q", i+1, w, l)
		}
	}
}

// equalCounts compares tallies in order.
func equalCounts(a, b []model.NeighbourhoodCount) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestSecondCityApp: the application on Riverton's map finds its places by
// a prefix of name or alias, and on the map with the arrow keys.
func TestSecondCityApp(t *testing.T) {
	t.Parallel()
	city, err := ascii_maps.Load(rivertonMap)
	if err != nil {
		t.Fatal(err)
	}
	store, err := db.Open(filepath.Join(t.TempDir(), "standmap.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ev, err := store.CreateEvent(context.Background(), "Riverton fair")
	if err != nil {
		t.Fatal(err)
	}
	start := func() tea.Model {
		var m tea.Model = tui.New(tui.Options{Store: store, City: city, Event: ev, Lang: "en"})
		m, _ = m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		return m
	}
	screen := func(m tea.Model) string { return ansi.Strip(m.(tui.Model).View().Content) }
	press := func(m tea.Model, ks ...tea.KeyPressMsg) tea.Model {
		for _, k := range ks {
			m, _ = m.Update(k)
		}
		return m
	}
	typed := func(s string) []tea.KeyPressMsg {
		var ks []tea.KeyPressMsg
		for _, r := range s {
			ks = append(ks, tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		return ks
	}
	enter := tea.KeyPressMsg{Code: tea.KeyEnter}

	for prefix, want := range map[string]string{"mil": "Mill Quarter", "harb": "Harbour", "north": "North Hill", "oldt": "Old Town"} {
		m := press(start(), typed(prefix)...)
		if !strings.Contains(screen(m), "▸ "+want) {
			t.Errorf("%q does not suggest %s:\n%s", prefix, want, screen(m))
		}
		m = press(m, enter)
		if !regexp.MustCompile(`Place +` + want).MatchString(screen(m)) {
			t.Errorf("%q, enter: the wish is not for %s:\n%s", prefix, want, screen(m))
		}
	}
	m := press(start(), typed("griv")...)
	if !strings.Contains(screen(m), "no neighbourhood matches") && strings.Contains(screen(m), "▸ ") {
		t.Errorf("a Daugavpils name is suggested on Riverton's map:\n%s", screen(m))
	}

	// On the map: ctrl+g, then ↓ from wherever it starts goes across the
	// river to South Bank, the only place south of it.
	m = press(start(), tea.KeyPressMsg{Code: 'g', Mod: tea.ModCtrl}, tea.KeyPressMsg{Code: tea.KeyDown})
	if got := screen(m); !strings.Contains(got, "◆ South Bank") || !strings.Contains(got, "[South Bank]") {
		t.Errorf("ctrl+g ↓ does not mark South Bank:\n%s", got)
	}
	m = press(m, enter)
	if !regexp.MustCompile(`Place +South Bank`).MatchString(screen(m)) {
		t.Errorf("enter does not take South Bank:\n%s", screen(m))
	}
}
