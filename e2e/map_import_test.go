package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"standmap/ascii_maps"
	"standmap/model"
)

// seattleGeoJSON is a real city's open data: Seattle's 90 neighbourhoods.
const seattleGeoJSON = "../mapimport/testdata/real/seattle-neighborhoods.geojson"

// TestMapsImportRealCity makes a map from a real city's district file and
// uses it as any map: it passes maps check, maps show names most of its
// districts at 200×60, and a CSV naming them imports and is tallied.
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
	labelled := 0
	for _, n := range city.Neighbourhoods {
		if strings.Contains(show, " "+n.Name+" ") {
			labelled++
		}
	}
	if labelled <= len(city.Neighbourhoods)/2 {
		t.Errorf("maps show at 200×60 names %d of %d districts in full; want most:\n%s", labelled, len(city.Neighbourhoods), show)
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
