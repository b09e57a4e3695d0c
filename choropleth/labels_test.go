package choropleth

import (
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"standmap/ascii_maps"
	"standmap/mapimport"
	"standmap/palette"
)

// seattle is Seattle's 90 neighbourhoods, imported from its open data at
// the importer's default size: a real city of many small districts.
var seattle = sync.OnceValues(func() (*ascii_maps.City, error) {
	const file = "../mapimport/testdata/real/seattle-neighborhoods.geojson"
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	res, err := mapimport.Import(src, mapimport.Options{File: file, NameProperty: "name", City: "Seattle"})
	if err != nil {
		return nil, err
	}
	return res.City, nil
})

func seattleCity(t testing.TB) *ascii_maps.City {
	t.Helper()
	c, err := seattle()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestLabelsOnTheirOwnArea: at every size and profile, no label leaves
// the map or touches another, and each lies wholly on its own area (a
// water's name on water) or wholly on the background beside it.
func TestLabelsOnTheirOwnArea(t *testing.T) {
	for _, c := range []*ascii_maps.City{daugavpils(t), seattleCity(t)} {
		counts, highlight := fair, "Kalkūni"
		if c.Name == "Seattle" {
			counts, highlight = DemoCounts(c), "Fremont"
		}
		labelsOnTheirOwnArea(t, c, counts, highlight)
	}
}

func labelsOnTheirOwnArea(t *testing.T, c *ascii_maps.City, counts map[string]int, highlight string) {
	for _, p := range profiles {
		st := NewStyles(palette.Dark, p)
		for _, sz := range append(sizes, [2]int{60, 20}, [2]int{120, 36}, [2]int{200, 60}, [2]int{250, 70}) {
			l := newLayout(&c.Grid, sz[0], sz[1], st.sub())
			cv, spans, area, _ := compose(c, cityForms(c), l, scaled(&c.Grid, l), counts, 0, st, highlight)
			for i, a := range spans {
				if a.x < 0 || a.y < 0 || a.x+a.n > l.mw || a.y >= l.mh {
					t.Errorf("%s %v %s: label %v leaves the %d×%d map", c.Name, sz, p, a, l.mw, l.mh)
					continue
				}
				for k, got := range area[a.y*l.mw+a.x : a.y*l.mw+a.x+a.n] {
					want := a.area
					if a.beside {
						want = ascii_maps.Empty
					}
					// In patterns a label's blank ends may blank a border
					// or the background.
					end := p == colorprofile.ASCII && !a.beside && a.area >= 0 && (k == 0 || k == a.n-1)
					if got != want && !(end && (got == mixed || got == ascii_maps.Empty)) {
						t.Errorf("%s %v %s: label %q lies on %d, not on %d", c.Name, sz, p,
							string(cv.runes[(l.y0+a.y)*l.w+l.x0+a.x:(l.y0+a.y)*l.w+l.x0+a.x+a.n]), got, want)
						break
					}
				}
				for _, b := range spans[i+1:] {
					if a.y == b.y && a.x <= b.x+b.n && b.x <= a.x+a.n {
						t.Errorf("%s %v %s: labels %v and %v touch", c.Name, sz, p, a, b)
					}
				}
			}
			// On the map, or on the legend's line when it finds no place.
			if out := ansi.Strip(Render(c, counts, 0, sz[0], sz[1], st, highlight)); !strings.Contains(out, "["+highlight[:2]) {
				t.Errorf("%s %v %s: the highlighted label is missing", c.Name, sz, p)
			}
		}
	}
}

func TestAllLabelsAtFullScreen(t *testing.T) {
	c := daugavpils(t)
	for _, p := range profiles {
		out := ansi.Strip(Render(c, fair, 0, 200, 60, NewStyles(palette.Dark, p), ""))
		for _, n := range c.Neighbourhoods {
			if !strings.Contains(out, n.Name) {
				t.Errorf("%s: %s has no label at 200×60", p, n.Name)
			}
		}
		for _, w := range c.Water {
			if !strings.Contains(out, w.Name) && !strings.Contains(out, w.Short) {
				t.Errorf("%s: %s has no label at 200×60", p, w.Name)
			}
		}
	}
}

// TestSeattleLabels: on a real city of 90 small districts at 200×60,
// most carry a label, none twice, and none that reads as another district
// (a whole name aside): stacked forms and beside ones included.
func TestSeattleLabels(t *testing.T) {
	c := seattleCity(t)
	for _, p := range profiles {
		labels := Labels(c, DemoCounts(c), 0, 200, 60, NewStyles(palette.Dark, p), "")
		if len(labels) <= len(c.Neighbourhoods)*2/3 {
			t.Errorf("%s: %d of %d districts labelled", p, len(labels), len(c.Neighbourhoods))
		}
		seen := map[string]bool{}
		stacked, beside := 0, 0
		for _, l := range labels {
			if seen[l.Name] {
				t.Errorf("%s: %s labelled twice", p, l.Name)
			}
			seen[l.Name] = true
			if strings.Contains(l.Text, "\n") {
				stacked++
			}
			if l.Beside {
				beside++
			}
			if slices.Equal(nameWords(l.Text), nameWords(l.Name)) {
				continue
			}
			for _, o := range c.Neighbourhoods {
				if o.Name != l.Name && readsAs(l.Text, o.Name) {
					t.Errorf("%s: %s's label %q reads as %s", p, l.Name, l.Text, o.Name)
				}
			}
		}
		if stacked == 0 || beside == 0 {
			t.Errorf("%s: %d stacked labels, %d beside their area; want some of each", p, stacked, beside)
		}
	}
}

func TestReadsAs(t *testing.T) {
	for _, c := range []struct {
		text, name string
		want       bool
	}{
		{"N. Beacon", "North Beacon Hill", true},
		{"N.B.H.", "North Beacon Hill", true},
		{"Beacon\nHill", "North Beacon Hill", true},
		{"H. Park", "Highland Park", true},
		{"H. Park", "Holly Park", true},
		{"H. Park", "Madison Park", false},
		{"Pike-M.", "Pike-Market", true},
		{"Univ.\nDist.", "University District", true},
		{"Univ.\nDist.", "Industrial District", false},
		{"jauna f.", "Jaunā Forštadte", true},
		{"Harrison", "Harrison - Denny-Blaine", true},
		{"Hill", "Crown Hill", true},
		{"Crown", "Crown Hill", true},
		{"Crow", "Crown Hill", false},
		{"", "Crown Hill", false},
	} {
		if got := readsAs(c.text, c.name); got != c.want {
			t.Errorf("readsAs(%q, %q) = %v", c.text, c.name, got)
		}
	}
}

// TestAbbreviations: the forms of a label by rank, each best first; a
// form of several lines is written here with / between them.
func TestAbbreviations(t *testing.T) {
	for _, c := range []struct {
		name, short          string
		whole, legible, stub string
	}{
		{"Jaunā Forštadte", "Jaunā F.", "Jaunā Forštadte|Jaunā F.|Jaunā/Forštadte", "J. Forštadte|Jaunā/Forštad.|Jaunā/Foršta.|Jaunā/Foršt.|Jaunā/Forš.", "J.F."},
		{"Centrs", "", "Centrs", "", "Cen.|Ce."},
		{"Cietoksnis", "", "Cietoksnis", "Cietoks.|Cietok.|Cieto.|Ciet.", "Cie.|Ci."},
		{"North Beach - Blue Ridge", "", "North Beach - Blue Ridge|North Beach/Blue Ridge",
			"North Beach|N. Beach|North B.|North/Beach", "N.B."},
		{"Harrison - Denny-Blaine", "", "Harrison - Denny-Blaine|Harrison/Denny-Blaine", "Harrison|Harri.|Harr.", "Har.|Ha."},
		{"Pike-Market", "", "Pike-Market", "Pike-M.|Pike", ""},
		{"North Beacon Hill", "", "North Beacon Hill|North Beacon/Hill|North/Beacon Hill|North/Beacon/Hill",
			"North Beacon H.|N. Beacon Hill|N. Beacon H.|N. Beacon|North/Beac./Hill", "N.B.H."},
		{"University District", "", "University District|University/District",
			"University D.|U. District|Universi./District|Univers./District|Univer./Distri.|Unive./Distr.|Univ./Dist.", "U.D."},
		{"Alki", "", "Alki", "", ""},
	} {
		f := abbreviations(c.name, c.short)
		got := make([]string, 3)
		for rank, forms := range f {
			got[rank] = strings.ReplaceAll(strings.Join(forms, "|"), "\n", "/")
		}
		if want := []string{c.whole, c.legible, c.stub}; !slices.Equal(got, want) {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, want)
		}
	}
}
