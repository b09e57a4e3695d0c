package present

import (
	"strconv"
	"strings"
	"testing"

	"standmap/model"
)

// distinctSnapshot has counts that stand out: 5208 visitors, and 4173,
// 977 and 365 for neighbourhoods and wishes.
func distinctSnapshot() *model.Snapshot {
	ns := []model.NeighbourhoodCount{{Name: "Centrs", Count: 4173}, {Name: "Grīva", Count: 977}, {Name: "Mežciems", Count: 365}}
	ws := []model.WishCount{{Text: "Āra trenažieri", Key: "ara trenazieri", Count: 977}, {Text: "Veloceliņi", Key: "velocelini", Count: 365}}
	return &model.Snapshot{
		Tally:           model.Tally{Event: "e", Responses: 5208, Neighbourhoods: ns, Wishes: ws},
		Counts:          map[string]int{"Centrs": 4173, "Grīva": 977, "Mežciems": 365},
		MaxCount:        4173,
		ByNeighbourhood: map[string][]model.WishCount{"Centrs": ws, "": ws[:1]},
		Version:         7,
	}
}

// TestHiddenShowsOnlyVisitors hides the results and checks, in every theme
// and at many sizes, that no count but the visitors' shows: neither as
// digits nor in block digits, nor any neighbourhood or wish.
func TestHiddenShowsOnlyVisitors(t *testing.T) {
	secret := []string{"4173", "977", "365"}
	banned := append([]string{"Centrs", "CENTRS", "Grīva", "trenažieri", "TRENAŽIERI"}, secret...)
	sizes := [][2]int{{80, 24}, {200, 60}, {40, 12}, {57, 13}, {300, 90}, {123, 37}, {41, 30}}
	for _, th := range Themes {
		for _, lang := range []string{"en", "lv"} {
			m := New(Options{City: testCity(t), Theme: th, Lang: lang, Snapshot: distinctSnapshot(),
				Display: DisplayState{Hidden: true, RevealAt: "15:00"}, JoinLine: "ssh -p 2222 10.0.0.1"})
			for _, sz := range sizes {
				m := sized(m, sz[0], sz[1])
				for _, help := range []bool{false, true} {
					m.help = help
					screen := plain(m)
					for _, b := range banned {
						if strings.Contains(screen, b) {
							t.Fatalf("%s %s %dx%d: hidden screen shows %q:\n%s", th, lang, sz[0], sz[1], b, screen)
						}
					}
					for _, s := range secret {
						for scale := 1; scale <= 4; scale++ {
							if hasBlock(screen, bigDigits(s, scale, 1)) || hasBlock(screen, bigDigits(s, scale, 2)) {
								t.Fatalf("%s %s %dx%d: hidden screen shows %s in block digits:\n%s", th, lang, sz[0], sz[1], s, screen)
							}
						}
					}
					if !help && !strings.Contains(screen, "15:00") {
						t.Errorf("%s %dx%d: no reveal time:\n%s", th, sz[0], sz[1], screen)
					}
					if !help && !strings.Contains(screen, "5208") && !hasVisitors(screen) {
						t.Errorf("%s %dx%d: no visitors count:\n%s", th, sz[0], sz[1], screen)
					}
				}
			}
		}
	}
}

// TestRevealedShowsCounts is the counterpart: revealed, the counts show.
func TestRevealedShowsCounts(t *testing.T) {
	m := sized(New(Options{City: testCity(t), Snapshot: distinctSnapshot()}), 200, 60)
	screen := plain(m)
	for _, s := range []string{"4173", "977", "365", "CENTRS"} {
		if !strings.Contains(screen, s) {
			t.Errorf("revealed screen lacks %q", s)
		}
	}
	m, _ = send(m, press("h"))
	if !m.Display().Hidden || strings.Contains(plain(m), strconv.Itoa(4173)) {
		t.Fatalf("h did not hide:\n%s", plain(m))
	}
	m, _ = send(m, press("h"))
	if m.Display().Hidden || !strings.Contains(plain(m), "4173") {
		t.Fatalf("h again did not reveal:\n%s", plain(m))
	}
}

// hasBlock reports whether the rows appear on the screen one under the
// other, starting in the same column.
func hasBlock(screen string, rows []string) bool {
	ls := lines(screen)
	cells := make([][]rune, len(ls))
	for i, l := range ls {
		cells[i] = []rune(l)
	}
	want := make([][]rune, len(rows))
	for k, row := range rows {
		want[k] = []rune(row)
	}
	at := func(y, x int, r []rune) bool {
		if y >= len(cells) || x+len(r) > len(cells[y]) {
			return false
		}
		for i, c := range r {
			if cells[y][x+i] != c {
				return false
			}
		}
		return true
	}
	for y := range cells {
		for x := range cells[y] {
			ok := true
			for k, row := range want {
				if !at(y+k, x, row) {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// hasVisitors reports whether 5208 shows in block digits of any size.
func hasVisitors(screen string) bool {
	for scale := 1; scale <= 4; scale++ {
		for tall := 1; tall <= 2; tall++ {
			if hasBlock(screen, bigDigits("5208", scale, tall)) {
				return true
			}
		}
	}
	return false
}
