package mapview

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"standmap/ascii_maps"
	"standmap/model"
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

func daugavpils(t testing.TB) *ascii_maps.City {
	t.Helper()
	c, err := ascii_maps.Load("daugavpils")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// downsample writes s as a terminal of profile p would receive it.
func downsample(t *testing.T, s string, p colorprofile.Profile) string {
	var buf bytes.Buffer
	w := &colorprofile.Writer{Forward: &buf, Profile: p}
	if _, err := w.WriteString(s); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestGolden(t *testing.T) {
	c := daugavpils(t)
	for _, sz := range sizes {
		out := Render(c, fair, 0, sz[0], sz[1], DefaultStyles(), "Esplanāde")
		for _, p := range []colorprofile.Profile{colorprofile.NoTTY, colorprofile.ANSI, colorprofile.ANSI256} {
			name := fmt.Sprintf("daugavpils_%dx%d_%s.golden", sz[0], sz[1], p)
			t.Run(name, func(t *testing.T) {
				got := downsample(t, out, p)
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
	for _, path := range []string{"daugavpils", filepath.Join("..", "..", "testdata", "maps", "riverton.map")} {
		c, err := ascii_maps.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []int{1, 2, 5, 9, 10, 33, 40, 61, 80, 117, 160, 200} {
			for _, h := range []int{1, 2, 3, 4, 8, 15, 24, 37, 48, 60} {
				for _, counts := range []map[string]int{nil, fair, {"Old Town": 3, "Harbour": 1}} {
					out := Render(c, counts, 0, w, h, DefaultStyles(), "Grīva")
					checkBox(t, out, w, h)
				}
			}
		}
	}
}

func TestLabelsNeitherOverlapNorLeave(t *testing.T) {
	c := daugavpils(t)
	for _, sz := range append(sizes, [2]int{60, 20}, [2]int{200, 60}) {
		l := newLayout(&c.Grid, sz[0], sz[1])
		cv, spans, _ := compose(c, l, scaled(&c.Grid, l), fair, 0, "Kalkūni")
		for i, a := range spans {
			if a.x < 0 || a.y < 0 || a.x+a.n > l.mw || a.y >= l.mh {
				t.Errorf("%v: label %v leaves the %d×%d map", sz, a, l.mw, l.mh)
			}
			for _, b := range spans[i+1:] {
				if a.y == b.y && a.x < b.x+b.n && b.x < a.x+a.n {
					t.Errorf("%v: labels %v and %v overlap", sz, a, b)
				}
			}
		}
		if !strings.Contains(string(cv.runes), "[Kalk") {
			t.Errorf("%v: the highlighted label is missing", sz)
		}
	}
}

func TestAllLabelsAtFullScreen(t *testing.T) {
	c := daugavpils(t)
	out := ansi.Strip(Render(c, fair, 0, 200, 60, DefaultStyles(), ""))
	for _, n := range c.Neighbourhoods {
		if !strings.Contains(out, " "+n.Name+" ") {
			t.Errorf("%s has no label at 200×60", n.Name)
		}
	}
	if !strings.Contains(out, " Daugava ") {
		t.Error("the river has no label")
	}
}

func TestShadesWithoutColour(t *testing.T) {
	c := daugavpils(t)
	out := ansi.Strip(Render(c, fair, 0, 80, 24, DefaultStyles(), "Centrs"))
	for _, r := range "░▒▓█~·[" {
		if !strings.ContainsRune(out, r) {
			t.Errorf("no %c without colour", r)
		}
	}
	last := out[strings.LastIndex(out, "\n")+1:]
	if !strings.HasPrefix(last, " ░ 1–50  ▒ 51–101  ▓ 102–152  █ 153+  · 0") {
		t.Errorf("legend %q", last)
	}
}

func TestSteps(t *testing.T) {
	for _, tc := range []struct{ top, n, want int }{
		{0, 5, 0}, {10, 0, 0}, {203, 1, 1}, {203, 50, 1}, {203, 51, 2}, {203, 203, 4}, {203, 500, 4},
		{1, 1, 4}, {2, 1, 2}, {2, 2, 4}, {3, 1, 2}, {3, 2, 3}, {3, 3, 4},
	} {
		if got := step(tc.n, tc.top); got != tc.want {
			t.Errorf("step(%d, %d) = %d, want %d", tc.n, tc.top, got, tc.want)
		}
	}
	// Every count falls in its step's range.
	for top := 1; top < 50; top++ {
		for n := 1; n <= top; n++ {
			lo, hi, ok := stepRange(step(n, top), top)
			if !ok || n < lo || n > hi {
				t.Fatalf("top %d: %d in step %d [%d, %d]", top, n, step(n, top), lo, hi)
			}
		}
	}
}

func TestAbbreviations(t *testing.T) {
	got := abbreviations("Jaunā Forštadte", "Jaunā F.")
	want := []string{"Jaunā Forštadte", "Jaunā F.", "J. Forštadte", "J.F."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := abbreviations("Centrs", ""); got[len(got)-1] != "Ce." || got[0] != "Centrs" {
		t.Errorf("got %q", got)
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

// TestScaleSurvivesDownsampling: the four steps stay four colours, and
// none is the water's or the highlight's, in 256 and in 16 colours.
func TestScaleSurvivesDownsampling(t *testing.T) {
	for name, st := range map[string]Styles{"dark": DefaultStyles(), "light": LightStyles()} {
		for _, p := range []colorprofile.Profile{colorprofile.ANSI256, colorprofile.ANSI} {
			seen := map[string]bool{}
			for _, s := range append(st.Steps[:], st.Water, st.Highlight) {
				c := fmt.Sprint(p.Convert(s.GetForeground()))
				if seen[c] {
					t.Errorf("%s in %s: colour %s used twice", name, p, c)
				}
				seen[c] = true
			}
		}
	}
}

func TestCountsOf(t *testing.T) {
	m := CountsOf([]model.NeighbourhoodCount{{Name: "Centrs", Count: 3}, {Name: "Grīva", Count: 1}})
	if len(m) != 2 || m["Centrs"] != 3 || m["Grīva"] != 1 {
		t.Errorf("got %v", m)
	}
}
