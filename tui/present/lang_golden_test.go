package present

import (
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestGoldenLanguages draws the projection in Russian and for a bilingual
// room ("lv,ru": headings and captions in both, keys and status in the
// first) at 80×24 and 200×60, every panel, hidden and with the keys, in
// plain text (testdata/TestGoldenLanguages/*.golden; -update rewrites).
func TestGoldenLanguages(t *testing.T) {
	cases := []struct {
		name string
		set  func(m *Model)
	}{
		{"bars", func(m *Model) {}},
		{"map", func(m *Model) { m.panel = panelMap }},
		{"wishes", func(m *Model) { m.panel = panelWishes }},
		{"byplace", func(m *Model) { m.panel = panelByPlace }},
		{"hidden", func(m *Model) { m.display.Hidden = true }},
		{"frozen_help", func(m *Model) { m.display.Frozen, m.help = true, true }},
	}
	for _, lang := range []string{"ru", "lv,ru"} {
		for _, size := range [][2]int{{80, 24}, {200, 60}} {
			base := sized(New(Options{City: testCity(t), Snapshot: testSnapshot(t, 412), Lang: lang,
				JoinLine: "ssh -p 2222 192.168.1.5", Display: DisplayState{RevealAt: "15:00"}}), size[0], size[1])
			for _, c := range cases {
				if size[0] > 80 && c.name != "bars" && c.name != "hidden" {
					continue // the wide screen shows every panel at once
				}
				name := strings.ReplaceAll(lang, ",", "_") + "_" + c.name + "_" + strconv.Itoa(size[0]) + "x" + strconv.Itoa(size[1])
				t.Run(name, func(t *testing.T) {
					m := base
					c.set(&m)
					golden.RequireEqual(t, plain(m))
				})
			}
		}
	}
}

// TestBilingualTexts: with "lv,ru" the room's texts are in both languages
// and the facilitator's in the first only; a heading too wide for its
// panel takes a line per language, never cut.
func TestBilingualTexts(t *testing.T) {
	m := sized(New(Options{City: testCity(t), Snapshot: testSnapshot(t, 412), Lang: "lv,ru"}), 200, 60)
	s := plain(m)
	for _, want := range []string{"Kur pavada brīvo laiku ", "Где проводят свободное время ", "Pilsēta / Город",
		"apmeklētāji līdz šim / всего посетителей", "? taustiņi"} {
		if !strings.Contains(s, want) {
			t.Errorf("no %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "клавиши") {
		t.Errorf("the keys' hint in both languages:\n%s", s)
	}
	m.help = true
	if s := plain(m); !strings.Contains(s, "slēpt / rādīt rezultātus") || strings.Contains(s, "скрыть") {
		t.Errorf("the keys not in Latvian alone:\n%s", s)
	}
}

// TestEverySizeFitsLanguages draws every panel, the keys and the hidden
// results in Russian and for a bilingual room on a grid of sizes: the
// longer texts are cut, never past the edge.
func TestEverySizeFitsLanguages(t *testing.T) {
	city := testCity(t)
	snap := testSnapshot(t, 412)
	sizes := [][2]int{{40, 12}, {41, 13}, {59, 19}, {60, 20}, {79, 23}, {80, 24}, {120, 36}, {149, 60}, {150, 33}, {160, 48}, {200, 60}, {300, 90}}
	for _, lang := range []string{"ru", "lv,ru", "ru,en"} {
		base := New(Options{City: city, Snapshot: snap, Lang: lang,
			JoinLine: "ssh -p 2222 192.168.1.5 — смотрите результаты на своём компьютере", Display: DisplayState{RevealAt: "15:00"}})
		for _, sz := range sizes {
			m := sized(base, sz[0], sz[1])
			for p := range panelCount {
				m.panel = p
				checkFits(t, m, sz[0], sz[1], lang+" panel "+strconv.Itoa(p))
			}
			m, _ = send(m, press("?"))
			checkFits(t, m, sz[0], sz[1], lang+" help")
			m, _ = send(m, press("h"))
			checkFits(t, m, sz[0], sz[1], lang+" hidden")
		}
	}
}
