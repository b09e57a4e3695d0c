package tui

import (
	"encoding/csv"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"standmap/ascii_maps"
	"standmap/model"

	"standmap/internal/teawait"
)

// fairSnapshot is the snapshot of testdata/fair: a realistic fair of 600
// visitors (both of its events counted as one).
func fairSnapshot(t testing.TB, city *ascii_maps.City) *model.Snapshot {
	t.Helper()
	f, err := os.Open("../testdata/fair/fair.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*model.Response{}
	var order []string
	for _, r := range rows[1:] {
		resp, ok := byID[r[0]]
		if !ok {
			at, _ := time.Parse(time.RFC3339, r[1])
			resp = &model.Response{ID: r[0], Event: "Fair", CreatedAt: at, AgeGroup: r[3], Seq: int64(len(order) + 1)}
			byID[r[0]] = resp
			order = append(order, r[0])
		}
		mk := model.Mark{Wish: r[5], Category: r[6]}
		if r[4] != "" {
			i := city.Index(strings.Join(strings.Fields(r[4]), " "))
			if i < 0 {
				t.Fatalf("unknown neighbourhood %q", r[4])
			}
			mk.Neighbourhood = city.Neighbourhoods[i].Name
		}
		resp.Marks = append(resp.Marks, mk)
	}
	tl := model.NewTallier(city.Gazetteer, "Fair")
	for _, id := range order {
		tl.Put(*byID[id])
	}
	return tl.Snapshot()
}

// goldenSizes are the sizes every screen is compared at.
var goldenSizes = [][2]int{{80, 24}, {120, 36}, {160, 48}, {250, 70}}

// goldenLooks are the themes and terminals compared: dark in true
// colour, 16 colours and none (NO_COLOR), and light in true colour.
var goldenLooks = []struct {
	name    string
	theme   Theme
	profile colorprofile.Profile
}{
	{"dark_truecolor", Dark, colorprofile.TrueColor}, {"dark_ansi16", Dark, colorprofile.ANSI},
	{"nocolor", Dark, colorprofile.ASCII}, {"light_truecolor", Light, colorprofile.TrueColor},
}

// downsample returns s as a terminal of profile p receives it.
func downsample(tb testing.TB, s string, p colorprofile.Profile) string {
	tb.Helper()
	var b strings.Builder
	w := &colorprofile.Writer{Forward: &b, Profile: p}
	if _, err := w.WriteString(s); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}

// TestPictureGolden draws the capture screen and a viewer's board with
// the fair at each size in each look, as the terminal receives them (the
// model told its profile, the output downsampled), and compares them with
// testdata/TestPictureGolden/*.golden (-update rewrites them).
func TestPictureGolden(t *testing.T) {
	city := testCity(t)
	snap := fairSnapshot(t, city)
	for _, screen := range []struct {
		name string
		o    Options
	}{{"capture", Options{Store: nilStore{}, DBPath: "/tmp/standmap.db"}}, {"board", Options{Role: Viewer}}} {
		for _, look := range goldenLooks {
			for _, sz := range goldenSizes {
				t.Run(screen.name+"_"+look.name+"_"+itoa(sz[0])+"x"+itoa(sz[1]), func(t *testing.T) {
					o := screen.o
					o.Theme = look.theme
					m := testModel(t, o, snap, sz[0], sz[1])
					m = send(m, tea.ColorProfileMsg{Profile: look.profile})
					golden.RequireEqual(t, downsample(t, m.View().Content, look.profile))
				})
			}
		}
	}
}

// TestCaptureShowsMapAndWishes: at 120×36 with the fair, the capture
// screen shows the map (the river's name is on it) and at least 8 ranked
// wishes.
func TestCaptureShowsMapAndWishes(t *testing.T) {
	city := testCity(t)
	snap := fairSnapshot(t, city)
	if snap.Responses != 600 {
		t.Fatalf("the fair has %d visitors", snap.Responses)
	}
	for _, p := range []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ASCII} {
		m := send(testModel(t, Options{Store: nilStore{}}, snap, 120, 36), tea.ColorProfileMsg{Profile: p})
		screen := ansi.Strip(m.View().Content)
		if !strings.Contains(screen, "Daugava") {
			t.Errorf("%s: no river on the capture screen:\n%s", p, screen)
		}
		ranks := regexp.MustCompile(`│ +([0-9]+) \S`).FindAllStringSubmatch(screen, -1)
		if len(ranks) < 8 {
			t.Errorf("%s: %d ranked wishes on the capture screen, want at least 8:\n%s", p, len(ranks), screen)
		}
		for i, w := range snap.Wishes[:8] {
			if !strings.Contains(screen, itoa(i+1)+" "+ansi.Truncate(w.Text, 12, "")) {
				t.Errorf("%s: wish %d %q is not shown", p, i+1, w.Text)
			}
		}
	}
}

// TestMapGrowsWithTheScreen: at 250×70 the map is at least 100 columns
// wide, its river spanning them, on the capture screen and the board.
func TestMapGrowsWithTheScreen(t *testing.T) {
	city := testCity(t)
	snap := fairSnapshot(t, city)
	for _, o := range []Options{{Store: nilStore{}}, {Role: Viewer}} {
		m := send(testModel(t, o, snap, 250, 70), tea.ColorProfileMsg{Profile: colorprofile.ASCII})
		widest := 0
		for _, l := range strings.Split(ansi.Strip(m.View().Content), "\n") {
			if i, j := strings.Index(l, "~"), strings.LastIndex(l, "~"); i >= 0 {
				widest = max(widest, ansi.StringWidth(l[i:j+1]))
			}
		}
		if widest < 100 {
			t.Errorf("role %v: the river spans %d columns at 250×70, want at least 100", o.Role, widest)
		}
	}
}

// sgrs are the parameters of every SGR sequence in s.
func sgrs(s string) [][]string {
	var out [][]string
	for _, m := range regexp.MustCompile(`\x1b\[([0-9;:]*)m`).FindAllStringSubmatch(s, -1) {
		out = append(out, strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }))
	}
	return out
}

// colours returns the colour codes in SGR parameters ps: "38;5", "48;2"
// for extended ones, else the basic number (39 and 49, the terminal's
// own colours, are none).
func colours(ps []string) []string {
	var out []string
	for i := 0; i < len(ps); i++ {
		switch p := ps[i]; {
		case (p == "38" || p == "48" || p == "58") && i+1 < len(ps):
			out = append(out, p+";"+ps[i+1])
			if ps[i+1] == "5" {
				i += 2
			} else {
				i += 4
			}
		case len(p) == 2 && (p[0] == '3' || p[0] == '4' || p[0] == '9') && p[1] <= '7',
			len(p) == 3 && p[:2] == "10" && p[2] <= '7':
			out = append(out, p)
		}
	}
	return out
}

// TestColoursWithinProfile runs the program (teatest) as a 16-colour
// terminal (TERM=xterm, no COLORTERM) and as NO_COLOR sees it, on the
// capture screen, the board and the projection, and reads every byte it
// wrote: 16 colours get no 256-colour or true colour codes, NO_COLOR no
// colour codes at all.
func TestColoursWithinProfile(t *testing.T) {
	city := testCity(t)
	snap := fairSnapshot(t, city)
	for _, p := range []colorprofile.Profile{colorprofile.ANSI, colorprofile.ASCII} {
		for _, c := range []struct {
			name string
			o    Options
			keys []tea.Msg
			wait string
		}{
			{"capture", Options{Store: nilStore{}}, nil, "Daugava"},
			{"board", Options{Role: Viewer}, nil, "Daugava"},
			{"projection", Options{Store: nilStore{}}, []tea.Msg{namedKey("ctrl+p")}, "visitors so far"},
		} {
			t.Run(c.name+"_"+p.String(), func(t *testing.T) {
				c.o.City, c.o.Event = city, model.Event{Name: "Fair"}
				w := teawait.Wrap(New(c.o))
				tm := teatest.NewTestModel(t, w, teatest.WithInitialTermSize(160, 48),
					teatest.WithProgramOptions(tea.WithColorProfile(p)))
				tm.Send(SnapshotMsg{Snapshot: snap})
				for _, k := range c.keys {
					tm.Send(k)
				}
				w.WaitFor(t, c.wait)
				if err := tm.Quit(); err != nil {
					t.Fatal(err)
				}
				out, err := io.ReadAll(tm.FinalOutput(t, teatest.WithFinalTimeout(teawait.Deadline)))
				if err != nil {
					t.Fatal(err)
				}
				seqs := sgrs(string(out))
				if len(seqs) == 0 {
					t.Fatal("no SGR sequence at all: nothing to check")
				}
				for _, ps := range seqs {
					for _, c := range colours(ps) {
						if strings.HasSuffix(c, ";5") || strings.HasSuffix(c, ";2") || p == colorprofile.ASCII {
							t.Fatalf("%s sent colour %s (in %v)", p, c, ps)
						}
					}
				}
			})
		}
	}
}
