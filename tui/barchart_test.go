package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"standmap/model"
)

// TestBarChartFoldsZeros: when the rows run short, the places without
// marks fold into one line and the marked ones keep their rows; with room
// enough every place has its row.
func TestBarChartFoldsZeros(t *testing.T) {
	rows := []model.NeighbourhoodCount{{Name: "Centrs", Count: 9}, {Name: "Grīva", Count: 4}, {Name: "Ķīmija", Count: 1}}
	for _, n := range []string{"Križi", "Kalkūni", "Judovka", "Ezermala"} {
		rows = append(rows, model.NeighbourhoodCount{Name: n})
	}
	st := NewStyles(Dark)
	c := BarChart{Rows: rows, Max: 9}
	got := ansi.Strip(strings.Join(c.View(st, "en", 40, 5), "\n"))
	for _, want := range []string{"Centrs", "Grīva", "Ķīmija", "4 places with no marks yet"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Križi") || strings.Contains(got, "more") {
		t.Errorf("zero rows not folded:\n%s", got)
	}
	if got := ansi.Strip(strings.Join(c.View(st, "en", 40, 7), "\n")); !strings.Contains(got, "Ezermala") || strings.Contains(got, "no marks") {
		t.Errorf("with room, every place has its row:\n%s", got)
	}
	// Short of even that: the marked places, "…N more", the fold.
	got = ansi.Strip(strings.Join(c.View(st, "en", 40, 3), "\n"))
	if !strings.Contains(got, "Centrs") || !strings.Contains(got, "…2 more") || !strings.Contains(got, "4 places") {
		t.Errorf("3 rows:\n%s", got)
	}
	// One scale: a count's bar is as long wherever it is drawn.
	lines := c.View(st, "en", 40, 7)
	if w := ansi.StringWidth(strings.TrimRight(ansi.Strip(lines[0]), " 0123456789")); w < 30 {
		t.Errorf("the top bar does not fill its width: %q", ansi.Strip(lines[0]))
	}
}
