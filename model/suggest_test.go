package model

import (
	"fmt"
	"testing"
)

func TestSuggest(t *testing.T) {
	ws := []WishCount{
		{"Veloceliņi", "velocelini", "cycle", 9},
		{"bike paths", "bike paths", "cycle", 5},
		{"Āra trenažieri", "ara trenazieri", "fitness", 4},
		{"trenažierus", "trenazierus", "", 2},
		{"velocelinji", "velocelinji", "", 1},
		{"Wi-Fi", "wi-fi", "wifi", 1},
		{"more benches", "more benches", "hangout", 1},
		{"more lights", "more lights", "light", 1},
	}
	var got []string
	for _, s := range Suggest(ws) {
		got = append(got, fmt.Sprintf("%s→%s %v", s.From.Key, s.Into.Key, s.Reasons))
	}
	want := []string{
		`velocelinji→velocelini [spelt 1 letter(s) apart shared word "veloc"]`,
		`trenazierus→ara trenazieri [shared word "trena"]`,
		`bike paths→velocelini [same category cycle]`,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("suggestions\n%v\nwant\n%v", got, want)
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"velocelini", "velocelinji", 2, 1}, {"kitten", "sitting", 3, 3}, {"abc", "abc", 1, 0},
		{"short", "a much longer one", 2, 3}, {"больше", "болше", 1, 1},
	} {
		if got := editDistance([]rune(c.a), []rune(c.b), c.limit); got != c.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", c.a, c.b, c.limit, got, c.want)
		}
	}
}
