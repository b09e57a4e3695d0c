package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/colorprofile"

	"standmap/ascii_maps"
	"standmap/choropleth"
	"standmap/model"
	"standmap/palette"
)

// seattleGeoJSON is a real city's open data: Seattle's 90 neighbourhoods.
const seattleGeoJSON = "../mapimport/testdata/real/seattle-neighborhoods.geojson"

// TestMapsImportRealCity makes a map from a real city's district file and
// uses it as any map: it passes maps check, maps show labels most of its
// districts at 200×60 so that a reader can tell which (with patterns and
// in colour), and a CSV naming them imports and is tallied.
func TestMapsImportRealCity(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	out := filepath.Join(t.TempDir(), "seattle.map")
	if got := s.ok("maps", "import", seattleGeoJSON, "--name-property", "name", "--city", "Seattle",
		"--attribution", "Seattle neighbourhoods: seattle-boundaries-data 5.0.3, CC0 1.0.", "--out", out); got != "" {
		t.Errorf("maps import --out wrote to standard output: %q", got)
	}
	if got := s.ok("maps", "check", out); !strings.Contains(got, "seattle.map: ok") {
		t.Errorf("maps check: %s", got)
	}
	city, err := ascii_maps.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(city.Neighbourhoods) != 90 {
		t.Fatalf("%d neighbourhoods, want 90", len(city.Neighbourhoods))
	}
	show := s.ok("maps", "show", out, "--width", "200", "--height", "60", "--demo")
	// What maps show draws to a pipe (patterns), then what a terminal in
	// colour shows (half blocks).
	for _, p := range []colorprofile.Profile{colorprofile.NoTTY, colorprofile.TrueColor} {
		labels := choropleth.Labels(city, choropleth.DemoCounts(city), 0, 200, 60, choropleth.NewStyles(palette.Dark, p), "")
		read := legibleLabels(t, city, labels)
		t.Logf("%s: %d labels, %d legible", p, len(labels), read)
		if read <= len(city.Neighbourhoods)/2 {
			t.Errorf("%s: at 200×60 %d of %d districts carry a label a reader can tell apart; want most:\n%s", p, read, len(city.Neighbourhoods), show)
		}
		if p != colorprofile.NoTTY {
			continue
		}
		for _, l := range labels {
			for line := range strings.SplitSeq(l.Text, "\n") {
				if !strings.Contains(show, line) {
					t.Errorf("maps show has no %q of %s's label %q", line, l.Name, l.Text)
				}
			}
		}
	}
	for _, want := range []string{"Seattle\n", "90 districts from seattle-neighborhoods.geojson", "CC0 1.0."} {
		if !strings.Contains(show, want) {
			t.Errorf("maps show has no %q", want)
		}
	}

	csv := csvHeader +
		"s1,2025-06-01T10:00:00Z,Seattle fair,,Ballard,,\n" + // not a neighbourhood here: Ballard is a district of several
		"s2,2025-06-01T10:01:00Z,Seattle fair,,Fremont,More benches,\n" +
		"s2,2025-06-01T10:01:00Z,Seattle fair,,university district,,\n" +
		"s3,2025-06-01T10:02:00Z,Seattle fair,,FREMONT,,\n" +
		"s4,2025-06-01T10:03:00Z,Seattle fair,,Pike-Market,,\n" +
		"s5,2025-06-01T10:04:00Z,Seattle fair,,Harrison - Denny-Blaine,Fix the stairs,\n"
	_, errs, code := s.importText(csv, "--map", out)
	if code != 1 || !strings.Contains(errs, `line 2: neighbourhood: unknown neighbourhood "Ballard"`) {
		t.Fatalf("import naming Ballard: exit %d\n%s", code, errs)
	}
	if _, errs, code = s.importText(csv, "--map", out, "--skip-invalid"); code != 0 {
		t.Fatalf("import --skip-invalid: exit %d\n%s", code, errs)
	}
	var tally model.Tally
	if err := json.Unmarshal([]byte(s.ok("tally", "--json", "--map", out)), &tally); err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, n := range tally.Neighbourhoods {
		counts[n.Name] = n.Count
	}
	if tally.Responses != 4 || len(tally.Neighbourhoods) != 90 || counts["Fremont"] != 2 || counts["University District"] != 1 ||
		counts["Pike-Market"] != 1 || counts["Harrison - Denny-Blaine"] != 1 || counts["Alki"] != 0 {
		t.Errorf("tally: %d responses, %d neighbourhoods, %v", tally.Responses, len(tally.Neighbourhoods), tally.Neighbourhoods[:5])
	}
}

// TestMapsImportWritesNothingOnError: a bad file is refused with its
// feature and property, and neither --out nor standard output gets a byte;
// a file already at --out is left as it was.
func TestMapsImportWritesNothingOnError(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	bad := writeFile(t, "bad.geojson", `{"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"name": "A"}, "geometry": {"type": "Polygon", "coordinates": [[[26.5, 55.8], [26.6, 55.8], [26.6, 55.9], [26.5, 55.8]]]}},
{"type": "Feature", "properties": {"nosaukums": "B"}, "geometry": {"type": "Polygon", "coordinates": [[[26.6, 55.8], [26.7, 55.8], [26.7, 55.9], [26.6, 55.8]]]}}]}`)
	dir := t.TempDir()
	out := filepath.Join(dir, "city.map")
	stdout, errs, code := s.run("", "maps", "import", bad, "--name-property", "name", "--out", out)
	if code != 1 || !strings.Contains(errs, `bad.geojson: features[1]: property "name": missing or null (it has nosaukums)`) || stdout != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, errs)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the failed import left %v", entries)
	}
	if err := os.WriteFile(out, []byte("before"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, code = s.run("", "maps", "import", bad, "--name-property", "name", "--out", out); code != 1 {
		t.Errorf("exit %d", code)
	}
	if b, _ := os.ReadFile(out); string(b) != "before" {
		t.Errorf("the failed import changed %s: %q", out, b)
	}
	if stdout, _, _ = s.run("", "maps", "import", bad, "--name-property", "name"); stdout != "" {
		t.Errorf("a failed import to standard output wrote %q", stdout)
	}
	for _, args := range [][]string{
		{"maps", "import", bad},
		{"maps", "import", "--name-property", "name"},
		{"maps", "import", bad, "--name-property", "name", "--size", "wide"},
		{"maps", "import", bad, "--name-property", "name", "--size", "5000x10"},
	} {
		if _, errs, code := s.run("", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2 (usage)\n%s", args, code, errs)
		}
	}
}

// legibleLabels counts the labels a reader can tell apart: a district's
// whole name (on one line or several), or a shorter form that keeps a
// word of four letters or more and could stand for no other district —
// each of its words a word of the name, or one's beginning cut with a
// full stop, in order ("Univ. Dist." is University District; "H. Park"
// names none, Highland Park and Holly Park both fit; "C.H." neither).
func legibleLabels(t *testing.T, c *ascii_maps.City, labels []choropleth.Label) int {
	t.Helper()
	words := func(s string) []string { return regexp.MustCompile(`[\s\-–/]+`).Split(strings.TrimSpace(s), -1) }
	fits := func(text, name string) bool {
		ws, i := words(name), 0
		for _, tok := range regexp.MustCompile(`[^\s\-–/.]+\.?`).FindAllString(text, -1) {
			for i < len(ws) && !(strings.EqualFold(tok, ws[i]) ||
				strings.HasSuffix(tok, ".") && strings.HasPrefix(strings.ToLower(ws[i]), strings.ToLower(strings.TrimSuffix(tok, ".")))) {
				i++
			}
			if i == len(ws) {
				return false
			}
			i++
		}
		return true
	}
	n, seen := 0, map[string]bool{}
	for _, l := range labels {
		if seen[l.Name] {
			t.Errorf("%s is labelled twice", l.Name)
		}
		seen[l.Name] = true
		if strings.Join(words(l.Text), " ") == strings.Join(words(l.Name), " ") {
			n++
			continue
		}
		word := false
		for _, w := range strings.FieldsFunc(l.Text, func(r rune) bool { return !unicode.IsLetter(r) }) {
			word = word || len([]rune(w)) >= 4
		}
		others := 0
		for _, o := range c.Neighbourhoods {
			if o.Name != l.Name && fits(l.Text, o.Name) {
				others++
			}
		}
		if word && others == 0 && fits(l.Text, l.Name) {
			n++
		}
	}
	return n
}
