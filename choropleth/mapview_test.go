package choropleth

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"standmap/ascii_maps"
	"standmap/model"
	"standmap/palette"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fair is a made-up fair's tallies (screens.md's numbers and a tail).
var fair = map[string]int{
	"Centrs": 203, "Jaunie Stropi": 111, "Esplanāde": 101, "Jaunbūve": 95,
	"Jaunā Forštadte": 93, "Grīva": 83, "Mežciems": 66, "Ķīmija": 38,
	"Cietoksnis": 30, "Gajoks": 22, "Vecā Forštadte": 19, "Ruģeļi": 15,
	"Dzelzceļnieks": 12, "Vecie Stropi": 9, "Niderkūni": 5, "Kalkūni": 1,
}

var sizes = [][2]int{{40, 15}, {80, 24}, {160, 48}}

// profiles are the terminals drawn for: true colour, 16 colours and none.
var profiles = []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI, colorprofile.ASCII}

func daugavpils(t testing.TB) *ascii_maps.City {
	t.Helper()
	c, err := ascii_maps.Load("daugavpils")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestGolden(t *testing.T) {
	c := daugavpils(t)
	for _, sz := range sizes {
		for _, p := range profiles {
			name := fmt.Sprintf("daugavpils_%dx%d_%s.golden", sz[0], sz[1], p)
			t.Run(name, func(t *testing.T) {
				got := Render(c, fair, 0, sz[0], sz[1], NewStyles(palette.Dark, p), "Esplanāde")
				checkBox(t, got, sz[0], sz[1])
				path := filepath.Join("testdata", name)
				if *update {
					if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (go test -update writes it)", err)
				}
				if got != string(want) {
					t.Errorf("differs from %s (go test -update rewrites it); got:\n%s", path, ansi.Strip(got))
				}
			})
		}
	}
}

// checkBox asserts exactly h lines of exactly w cells.
func checkBox(t *testing.T, s string, w, h int) {
	t.Helper()
	lines := strings.Split(s, "\n")
	if len(lines) != h {
		t.Fatalf("%d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if lipgloss.Width(l) != w || ansi.StringWidth(l) != w {
			t.Errorf("line %d is %d wide, want %d: %q", i+1, ansi.StringWidth(l), w, ansi.Strip(l))
		}
	}
}

func TestEverySizeFits(t *testing.T) {
	for _, path := range []string{"daugavpils", filepath.Join("..", "testdata", "maps", "riverton.map")} {
		c, err := ascii_maps.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range profiles {
			st := NewStyles(palette.Dark, p)
			for _, w := range []int{1, 2, 5, 9, 10, 33, 40, 61, 80, 117, 160, 200} {
				for _, h := range []int{1, 2, 3, 4, 8, 15, 24, 37, 48, 60} {
					for _, counts := range []map[string]int{nil, fair, {"Old Town": 3, "Harbour": 1}} {
						checkBox(t, Render(c, counts, 0, w, h, st, "Grīva"), w, h)
					}
				}
			}
		}
	}
}

// TestOutlineBeforeAnyMark: with no marks, the city is drawn in the
// neutral shade (half blocks in colour, dots without) and the legend
// says there are no marks yet.
func TestOutlineBeforeAnyMark(t *testing.T) {
	c := daugavpils(t)
	for _, p := range profiles {
		out := ansi.Strip(Render(c, nil, 0, 80, 24, NewStyles(palette.Dark, p), ""))
		glyph := "█"
		if p == colorprofile.ASCII {
			glyph = "·"
		}
		if n := strings.Count(out, glyph); n < 300 {
			t.Errorf("%s: only %d cells of the city drawn before any mark:\n%s", p, n, out)
		}
		if !strings.Contains(out, "no marks yet") {
			t.Errorf("%s: the legend does not say there are no marks", p)
		}
	}
}

func TestPatternsWithoutColour(t *testing.T) {
	c := daugavpils(t)
	out := Render(c, fair, 0, 80, 24, NewStyles(palette.Dark, colorprofile.ASCII), "Centrs")
	if regexp.MustCompile(`\x1b\[[0-9;]*[34]8;`).MatchString(out) || regexp.MustCompile(`\x1b\[[0-9;]*(3|4|9|10)[0-7]m`).MatchString(out) {
		t.Errorf("colour codes without colour: %q", out)
	}
	out = ansi.Strip(out)
	for _, r := range "░▒▓█~·[" {
		if !strings.ContainsRune(out, r) {
			t.Errorf("no %c without colour", r)
		}
	}
	last := out[strings.LastIndex(out, "\n")+1:]
	if !strings.HasPrefix(last, " ·· 0  ░░ 1–50  ▒▒ 51–100  ▓▓ 101–150  ██ 151+") {
		t.Errorf("legend %q", last)
	}
}

// TestColoursWithinProfile: 16 colours send only the basic colour codes;
// true colour sends true colours.
func TestColoursWithinProfile(t *testing.T) {
	c := daugavpils(t)
	for _, light := range []bool{false, true} {
		out := Render(c, fair, 0, 160, 48, NewStyles(palette.For(light), colorprofile.ANSI), "Centrs")
		for _, bad := range []string{"38;5", "48;5", "38;2", "48;2"} {
			if strings.Contains(out, bad) {
				t.Errorf("light %v: 16 colours send %s", light, bad)
			}
		}
		if !strings.Contains(Render(c, fair, 0, 160, 48, NewStyles(palette.For(light), colorprofile.TrueColor), ""), "38;2;") {
			t.Errorf("light %v: true colour sends no true colour", light)
		}
	}
}

func TestRendererCaches(t *testing.T) {
	c := daugavpils(t)
	r := NewRenderer(c, DefaultStyles())
	a := r.Render(fair, 1, 0, 80, 24, "")
	if b := Render(c, fair, 0, 80, 24, DefaultStyles(), ""); a != b {
		t.Fatal("cached renderer and Render differ")
	}
	counts := map[string]int{"Centrs": 1}
	if r.Render(counts, 1, 0, 80, 24, "") != a {
		t.Error("same version should return the cached drawing")
	}
	if r.Render(counts, 2, 0, 80, 24, "") == a {
		t.Error("a new version should redraw")
	}
	if allocs := testing.AllocsPerRun(100, func() { r.Render(counts, 2, 0, 80, 24, "") }); allocs != 0 {
		t.Errorf("a cached frame allocates %v times", allocs)
	}
	b := r.Render(counts, 2, 0, 80, 24, "")
	r.SetStyles(NewStyles(palette.Dark, colorprofile.ASCII))
	if r.Render(counts, 2, 0, 80, 24, "") == b {
		t.Error("new styles should redraw")
	}
}

func BenchmarkRenderFresh(b *testing.B) {
	c := daugavpils(b)
	st := DefaultStyles()
	for b.Loop() {
		Render(c, fair, 0, 160, 48, st, "Centrs")
	}
}

func BenchmarkRenderCached(b *testing.B) {
	r := NewRenderer(daugavpils(b), DefaultStyles())
	for b.Loop() {
		r.Render(fair, 7, 0, 160, 48, "Centrs")
	}
}

func BenchmarkRenderNewCounts(b *testing.B) {
	r := NewRenderer(daugavpils(b), DefaultStyles())
	v := uint64(0)
	for b.Loop() {
		v++
		r.Render(fair, v, 0, 160, 48, "Centrs")
	}
}

func TestCountsOf(t *testing.T) {
	m := CountsOf([]model.NeighbourhoodCount{{Name: "Centrs", Count: 3}, {Name: "Grīva", Count: 1}})
	if len(m) != 2 || m["Centrs"] != 3 || m["Grīva"] != 1 {
		t.Errorf("got %v", m)
	}
}
