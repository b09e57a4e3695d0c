package ascii_maps

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"standmap/model"
)

// daugavpils lists the 25 apkaimes and their aliases as daugavpils.md has
// them: other Latvian spellings, then the Russian name in everyday use
// (Визбули, Крижи, Эзермала transliterated; none for Dzelzceļnieks).
var daugavpils = map[string][]string{
	"Centrs":          {"Центр"},
	"Cietoksnis":      {"Крепость"},
	"Dzintari":        {"Дзинтари"},
	"Esplanāde":       {"Эспланада"},
	"Dzelzceļnieks":   {"Dzelzceļnieku ciemats"},
	"Vecā Forštadte":  {"Vecā Forštate", "Старый Форштадт"},
	"Jaunā Forštadte": {"Jaunā Forštate", "Новый Форштадт"},
	"Ķīmija":          {"Ķīmiķu ciemats", "Химия"},
	"Jaunbūve":        {"Новое Строение"},
	"Gajoks":          {"Гаёк"},
	"Čerepova":        {"Черепово"},
	"Ruģeļi":          {"Ругели"},
	"Jaunie Stropi":   {"Новые Стропы"},
	"Vecie Stropi":    {"Vecstropi", "Старые Стропы"},
	"Mazie Stropi":    {"Малые Стропы"},
	"Križi":           {"Крижи"},
	"Vidus Poguļanka": {"Viduspoguļanka", "Погулянка"},
	"Vizbuļi":         {"Визбули"},
	"Mežciems":        {"Межциемс"},
	"Ezermala":        {"Эзермала"},
	"Judovka":         {"Юдовка"},
	"Grīva":           {"Грива"},
	"Liginišķi":       {"Лигинишки"},
	"Niderkūni":       {"Нидеркуны"},
	"Kalkūni":         {"Калкуны"},
}

// TestRussianNames: a Russian name finds its neighbourhood however it is
// cased and whether ё and й are written or not, whole or begun.
func TestRussianNames(t *testing.T) {
	t.Parallel()
	c, err := Load("daugavpils")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []struct{ typed, name string }{
		{"Грива", "Grīva"}, {"грива", "Grīva"}, {"ГРИВА", "Grīva"},
		{"Гаёк", "Gajoks"}, {"гаек", "Gajoks"}, {"ГАЕК", "Gajoks"}, {"гаёк", "Gajoks"},
		{"новое строение", "Jaunbūve"}, {"Новое  Строение", "Jaunbūve"},
		{"старые стропы", "Vecie Stropi"}, {"химия", "Ķīmija"},
	} {
		if n, ok := c.Gazetteer.Lookup(q.typed); !ok || n.Name != q.name {
			t.Errorf("Lookup(%q) = %q, %v; want %s", q.typed, n.Name, ok, q.name)
		}
	}
	for _, q := range []struct{ typed, first string }{
		{"грив", "Grīva"}, {"гае", "Gajoks"}, {"гаё", "Gajoks"}, {"новое", "Jaunbūve"},
		{"новый ф", "Jaunā Forštadte"}, {"старый", "Vecā Forštadte"}, {"стар", "Vecie Stropi"}, {"межц", "Mežciems"},
		{"погул", "Vidus Poguļanka"}, {"юдов", "Judovka"},
	} {
		if got := c.Gazetteer.Search(q.typed); len(got) == 0 || got[0].Name != q.first {
			t.Errorf("Search(%q) = %v, want %s first", q.typed, got, q.first)
		}
	}
}

func TestLoadDaugavpils(t *testing.T) {
	t.Parallel()
	c, err := Load("daugavpils")
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "Daugavpils" || !c.Schematic || c.Gazetteer.Len() != 25 {
		t.Fatalf("got %q schematic=%v with %d neighbourhoods", c.Name, c.Schematic, c.Gazetteer.Len())
	}
	for name, aliases := range daugavpils {
		i := c.Index(name)
		if i < 0 {
			t.Errorf("%s missing", name)
			continue
		}
		if got := c.Neighbourhoods[i].Aliases; !slices.Equal(got, aliases) {
			t.Errorf("%s: aliases %q, want %q", name, got, aliases)
		}
		for _, a := range append(aliases, model.Fold(name)) {
			if n, ok := c.Gazetteer.Lookup(a); !ok || n.Name != name {
				t.Errorf("Lookup(%q) = %v, %v", a, n, ok)
			}
		}
		if c.Areas[i].Cells == 0 || c.Grid.At(c.Areas[i].Label.Col, c.Areas[i].Label.Row) < Water {
			t.Errorf("%s: no cells or label off the grid", name)
		}
	}
	if len(c.Notes) == 0 || !strings.Contains(strings.Join(c.Notes, " "), "Judovka") {
		t.Errorf("notes should say what is unverified: %q", c.Notes)
	}
}

// TestDaugavpilsGeography checks the places the brief insists on.
func TestDaugavpilsGeography(t *testing.T) {
	t.Parallel()
	c, err := Load("daugavpils")
	if err != nil {
		t.Fatal(err)
	}
	at := func(n string) Area { return c.Areas[c.Index(n)] }
	south := func(a, b string) {
		if at(a).CentreRow <= at(b).CentreRow {
			t.Errorf("%s should lie south of %s", a, b)
		}
	}
	west := func(a, b string) {
		if at(a).CentreCol >= at(b).CentreCol {
			t.Errorf("%s should lie west of %s", a, b)
		}
	}
	for _, left := range []string{"Grīva", "Liginišķi", "Judovka", "Niderkūni"} {
		south(left, "Centrs")
	}
	south("Kalkūni", "Niderkūni")
	south("Centrs", "Križi")
	west("Mežciems", "Vizbuļi")
	west("Cietoksnis", "Centrs")
	west("Centrs", "Gajoks")
	west("Jaunie Stropi", "Vecie Stropi")
	if slices.Contains(c.Neighbours("Kalkūni"), "Niderkūni") {
		t.Error("Kalkūni should be an exclave, not touching Niderkūni")
	}
	if nb := c.Neighbours("Gajoks"); !slices.Contains(nb, "Centrs") || !slices.Contains(nb, "Jaunbūve") || !slices.Contains(nb, "Čerepova") {
		t.Errorf("Gajoks neighbours %q", nb)
	}
}

func TestMove(t *testing.T) {
	t.Parallel()
	c, err := Load("daugavpils")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		from string
		dir  Direction
		want string
	}{
		{"Centrs", Right, "Gajoks"},
		{"Centrs", Left, "Esplanāde"},
		{"Centrs", Down, "Grīva"},
		{"Gajoks", Up, "Jaunbūve"},
		{"Grīva", Up, "Centrs"},
		{"Niderkūni", Down, "Kalkūni"},
		{"Niderkūni", Up, "Cietoksnis"},          // across the river
		{"Jaunie Stropi", Right, "Vecie Stropi"}, // across the lake
		{"Mežciems", Left, "Mežciems"},           // nothing further west
		{"nowhere", Up, "Mežciems"},              // unknown: the first
	} {
		if got := c.Move(tc.from, tc.dir); got != tc.want {
			t.Errorf("Move(%s, %d) = %s, want %s", tc.from, tc.dir, got, tc.want)
		}
	}
	// Every neighbourhood is reachable by arrow keys from the first.
	seen := map[string]bool{}
	queue := []string{c.Neighbourhoods[0].Name}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if seen[n] {
			continue
		}
		seen[n] = true
		for d := Up; d <= Right; d++ {
			queue = append(queue, c.Move(n, d))
		}
	}
	if len(seen) != len(c.Neighbourhoods) {
		t.Errorf("arrow keys reach %d of %d neighbourhoods", len(seen), len(c.Neighbourhoods))
	}
}

func TestBuiltin(t *testing.T) {
	t.Parallel()
	if got := Builtin(); !slices.Contains(got, "daugavpils") {
		t.Fatalf("Builtin() = %q", got)
	}
	for _, name := range Builtin() {
		src, _ := BuiltinSource(name)
		if probs := Check(name, src); len(probs) > 0 {
			t.Errorf("%s: %v", name, probs)
		}
	}
}

func TestParseSecondCity(t *testing.T) {
	t.Parallel()
	c, err := Load(filepath.Join("..", "testdata", "maps", "riverton.map"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "Riverton" || c.Schematic || len(c.Neighbourhoods) != 5 || c.Grid.Width != 32 || c.Grid.Height != 10 {
		t.Fatalf("got %q schematic=%v %d neighbourhoods, %d×%d", c.Name, c.Schematic, len(c.Neighbourhoods), c.Grid.Width, c.Grid.Height)
	}
	if n, ok := c.Gazetteer.Lookup("oldtown"); !ok || n.Name != "Old Town" {
		t.Errorf("alias Oldtown: %v %v", n, ok)
	}
	o, h := c.Areas[c.Index("Old Town")], c.Areas[c.Index("Harbour")]
	if !o.LabelFixed || o.Label != (Point{15, 4}) || h.LabelFixed || h.Short != "Harb." {
		t.Errorf("labels: %+v %+v", o, h)
	}
	if c.Grid.At(h.Label.Col, h.Label.Row) != Cell(c.Index("Harbour")) {
		t.Errorf("computed label %v is not on Harbour", h.Label)
	}
	if len(c.Water) != 1 || c.Water[0].Name != "Blue River" || c.Grid.At(0, 6) != Water || c.Grid.At(0, 0) != Empty {
		t.Errorf("water: %+v", c.Water)
	}
}

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	if _, err := Load("no-such-city"); err == nil || !strings.Contains(err.Error(), "daugavpils") {
		t.Errorf("unknown map: %v", err)
	}
	_, err := Load(filepath.Join("..", "testdata", "maps", "broken", "ragged.map"))
	var pe ProblemsError
	if !errors.As(err, &pe) || len(pe.Problems) != 4 || !strings.Contains(err.Error(), "ragged.map:7:8:") {
		t.Errorf("broken map: %v", err)
	}
}

func TestCheckBroken(t *testing.T) {
	t.Parallel()
	want := map[string][]string{
		"undefined_letter.map": {"7:3: cell letter Z has no", "7:7: cell letter Q has no"},
		"no_cells.map":         {"4:1: Gamma (C) has no cells"},
		"label_outside.map":    {"2:13: label 9,1 of Alpha is outside the 8×2", "3:12: label 2,3 of Beta", "4:13: label 0,2 of River"},
		"duplicates.map": {
			`3:5: "VECA FORSTADTE" is the same as "Vecā Forštadte" on line 2`,
			"4:1: cell letter A is already used on line 2",
			`5:24: "Vecā Forštate" is the same as "Veca Forstate" on line 2`,
			`6:13: "delta" is the same as "Delta"`,
		},
		"ragged.map":     {"7:8: row is 7 characters wide", "8:1: blank grid row", "9:4: tab in the grid", "10:9: row is 9"},
		"empty_grid.map": {`1:1: missing "city: NAME"`, "5:1: the grid is empty"},
		"bad_head.map": {
			`2:12: schematic: is yes or no, not "perhaps"`,
			`3:1: unknown key "colour"`,
			"4:1: '.' cannot be a cell letter",
			`5:13: label is "label COL,ROW"`,
			`6:12: unknown option "size large"`,
			"7:5: empty name or alias",
			`8:1: expected "key: value"`,
			"11:5: cell letter C has no neighbourhood",
		},
		"no_grid.map": {"2:1: missing [grid] section"},
		"control_chars.map": {
			"2:7: control, escape or bidi character",
			"3:18: control, escape or bidi character",
		},
	}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "maps", "broken", "*.map"))
	if len(files) != len(want) {
		t.Errorf("%d broken files, %d expectations", len(files), len(want))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range Check(f, src) {
			got = append(got, p.String())
		}
		w := want[filepath.Base(f)]
		if len(got) != len(w) {
			t.Errorf("%s: %d problems, want %d:\n%s", f, len(got), len(w), strings.Join(got, "\n"))
			continue
		}
		for _, prefix := range w {
			if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, prefix) }) {
				t.Errorf("%s: no problem %q in\n%s", f, prefix, strings.Join(got, "\n"))
			}
		}
	}
}

// TestFormatExample keeps FORMAT.md's example a valid map.
func TestFormatExample(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile("FORMAT.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(doc), "```\n")
	example, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatal("no example in FORMAT.md")
	}
	c, err := Parse("FORMAT.md", strings.NewReader(example))
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "Riverton" || len(c.Neighbourhoods) != 3 || len(c.Water) != 1 {
		t.Errorf("got %+v", c)
	}
}
