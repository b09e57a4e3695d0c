package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"standmap/i18n"
	"standmap/model"
)

// TestCountsInPluralForms: the counts the screens show take each
// language's plural forms — the recent list's wishes, the places without
// marks, the limit of a wish — never "1 wishes" nor "пожеланий: 2".
func TestCountsInPluralForms(t *testing.T) {
	withWishes := func(n int) model.Response {
		r := model.Response{Number: 7, CreatedAt: time.Date(2025, 6, 1, 10, 4, 0, 0, time.UTC)}
		for range n {
			r.Marks = append(r.Marks, model.Mark{Neighbourhood: "Centrs", Wish: "more benches"})
		}
		return r
	}
	for _, c := range []struct {
		lang string
		n    int
		want string
	}{
		{"en", 1, "· 1 wish"}, {"en", 2, "· 2 wishes"},
		{"lv", 1, "· 1 vēlme"}, {"lv", 2, "· 2 vēlmes"}, {"lv", 21, "· 21 vēlme"},
		{"ru", 1, "· 1 пожелание"}, {"ru", 2, "· 2 пожелания"}, {"ru", 5, "· 5 пожеланий"}, {"ru", 22, "· 22 пожелания"},
	} {
		if got := recentLine(c.lang, withWishes(c.n)); !strings.HasSuffix(got, c.want) {
			t.Errorf("%s, %d wishes: %q, want … %q", c.lang, c.n, got, c.want)
		}
	}
	if got := recentLine("en", withWishes(0)); strings.Contains(got, "wish") {
		t.Errorf("no wishes: %q", got)
	}

	rows := []model.NeighbourhoodCount{{Name: "Centrs", Count: 9}, {Name: "Grīva", Count: 4}, {Name: "Križi"}, {Name: "Kalkūni"}}
	for _, c := range []struct{ lang, want string }{
		{"en", "2 places with no marks yet"}, {"lv", "2 apkaimes vēl bez atzīmēm"}, {"ru", "2 района без отметок"},
	} {
		got := ansi.Strip(strings.Join(BarChart{Rows: rows, Max: 9}.View(NewStyles(Dark), c.lang, 40, 3), "\n"))
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: no %q in\n%s", c.lang, c.want, got)
		}
	}

	for _, c := range []struct {
		lang string
		n    int
		want string
	}{
		{"en", 1, "1 place with no marks yet"}, {"lv", 21, "21 apkaime vēl bez atzīmēm"}, {"ru", 1, "1 район без отметок"},
		{"ru", 11, "11 районов без отметок"},
	} {
		if got := i18n.N(c.lang, i18n.AppZeroPlaces, c.n); got != c.want {
			t.Errorf("%s: %q", c.lang, got)
		}
	}
	for _, c := range []struct{ lang, want string }{
		{"en", "a wish holds at most 280 characters"},
		{"lv", "vēlmē var būt ne vairāk kā 280 rakstzīmes"},
		{"ru", "в пожелании не больше 280 символов"},
	} {
		if got := i18n.N(c.lang, i18n.AppWishTooLong, model.MaxWishLen); got != c.want {
			t.Errorf("%s: %q", c.lang, got)
		}
	}
}
