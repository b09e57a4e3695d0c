package model

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
)

// fairGroups are the wish groups of the first event of testdata/fair
// (its expected tally, computed without standmap's code), ranked.
func fairGroups(t testing.TB) []WishCount {
	t.Helper()
	b, err := os.ReadFile("../testdata/fair/expected_tally.json")
	if err != nil {
		t.Fatal(err)
	}
	var events []struct {
		Wishes []struct {
			Text, Key, Category string
			Count               int
		}
	}
	if err := json.Unmarshal(b, &events); err != nil {
		t.Fatal(err)
	}
	var ws []WishCount
	for _, w := range events[0].Wishes {
		ws = append(ws, WishCount{w.Text, w.Key, w.Category, w.Count})
	}
	return ws
}

// TestSuggestFair: on the fair's own groups exactly the two pairs that
// mean the same are suggested; "Suņu laukums" (a dog park) is paired with
// no other "laukums", and no two groups only for their category.
func TestSuggestFair(t *testing.T) {
	t.Parallel()
	var got []string
	for _, s := range Suggest(fairGroups(t)) {
		got = append(got, fmt.Sprintf("%s → %s (%.2f: %s)", s.From.Key, s.Into.Key, s.Similarity, s.Why()))
	}
	want := []string{
		`basketbola laukums; jauns grozs → basketbola laukums (0.87: words in common "basketbola laukums", both sport)`,
		`free wi-fi, please → free wi-fi (0.73: words in common "free wi fi", both wifi)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("suggestions\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSuggestPairs: the fair's groups and a few more, as a facilitator
// typed them, and the pairs that must and must not be suggested.
func TestSuggestPairs(t *testing.T) {
	t.Parallel()
	extra := []string{"Suns parks", "abcdef sk8 parks", "Suņu parks", "velo celini", "Velocelinji",
		"Āra trenažierus", "велодорожки", "Больше велодорожек", "Skeitparks", "parks"}
	ws := fairGroups(t)
	for _, text := range extra {
		ws = append(ws, WishCount{text, WishKey(text), "", 1})
	}
	found := map[[2]string]Suggestion{}
	for _, s := range Suggest(ws) {
		found[[2]string{s.From.Key, s.Into.Key}] = s
		found[[2]string{s.Into.Key, s.From.Key}] = s
	}
	for _, c := range []struct {
		a, b string
		want bool
		why  string
	}{
		{"velo celini", "velocelini", true, "the same letters"},
		{"velocelinji", "velocelini", true, "spelt 1 letter apart"},
		{"sunu parks", "suns parks", true, "spelt 1 letter apart"},
		{"ara trenazierus", "ara trenazieri", true, "spelt 2 letters apart"},
		{"велодорожки", "больше велодорожек", true, `words in common "велодорож`},
		{"basketbola laukums; jauns grozs", "basketbola laukums", true, ""},
		{"free wi-fi, please", "free wi-fi", true, ""},
		{"parks", "suns parks", true, `words in common "parks"`},
		// One shared word that is under half of the texts.
		{"suns parks", "abcdef sk8 parks", false, ""},
		{"sunu laukums", "basketbola laukums", false, ""},
		{"sunu laukums", "basketbola laukums; jauns grozs", false, ""},
		{"skeitparks", "suns parks", false, ""},
		{"parks", "abcdef sk8 parks", false, ""},
		// Only a stop word, or only the category, in common.
		{"больше велодорожек", "больше скамеек", false, ""},
		{"bike paths", "velocelini", false, ""},
		{`skeitparks "ka riga"`, "basketbola laukums", false, ""},
		{"больше велодорожек", "velocelini", false, ""},
		{"more trees by the river", "pastaigu taka gar daugavu", false, ""},
	} {
		s, ok := found[[2]string{c.a, c.b}]
		if ok != c.want {
			t.Errorf("%q and %q: suggested %v (%s), want %v", c.a, c.b, ok, s.Why(), c.want)
			continue
		}
		if ok && c.why != "" && !strings.HasPrefix(s.Why(), c.why) {
			t.Errorf("%q and %q: why %q, want it to begin %q", c.a, c.b, s.Why(), c.why)
		}
	}
}

// TestSuggestRanking: the same letters first, then a slip of the keys,
// then shared words; equally alike, in the groups' ranking.
func TestSuggestRanking(t *testing.T) {
	t.Parallel()
	ws := []WishCount{
		{"Veloceliņi", "velocelini", "cycle", 9},
		{"Āra trenažieri", "ara trenazieri", "fitness", 4},
		{"trenažieri pie upes", "trenazieri pie upes", "fitness", 3},
		{"velo celini", "velo celini", "", 2},
		{"velocelinji", "velocelinji", "", 1},
		{"Wi-Fi", "wi-fi", "wifi", 1},
		{"wifi", "wifi", "", 1},
	}
	var got []string
	for _, s := range Suggest(ws) {
		got = append(got, s.From.Key+"→"+s.Into.Key+" "+strconv.FormatFloat(s.Similarity, 'f', 2, 64))
	}
	want := []string{"velo celini→velocelini 1.00", "wifi→wi-fi 1.00", "velocelinji→velocelini 0.91",
		"velocelinji→velo celini 0.91", "trenazieri pie upes→ara trenazieri 0.74"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("ranking\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestWordMatch(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"parks", "parks", 5}, {"parks", "parku", 4}, {"trenazieri", "trenazierus", 9},
		{"suns", "sunu", 0}, {"skeitparks", "skeitlaukums", 0}, {"wi", "wi", 2}, {"velo", "velocelini", 4},
		{"велодорожки", "велодорожек", 9},
	} {
		if got := wordMatch([]rune(c.a), []rune(c.b)); got != c.want {
			t.Errorf("wordMatch(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	t.Parallel()
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

// TestEditDistanceBand: the banded distance equals the whole table's,
// capped at limit+1, on random words over a small alphabet.
func TestEditDistanceBand(t *testing.T) {
	t.Parallel()
	rnd := rand.New(rand.NewPCG(1, 2))
	word := func() []rune {
		r := make([]rune, rnd.IntN(9))
		for i := range r {
			r[i] = rune('a' + rnd.IntN(3))
		}
		return r
	}
	full := func(a, b []rune) int {
		d := make([][]int, len(a)+1)
		for i := range d {
			d[i] = make([]int, len(b)+1)
			d[i][0] = i
		}
		for j := range d[0] {
			d[0][j] = j
		}
		for i := 1; i <= len(a); i++ {
			for j := 1; j <= len(b); j++ {
				cost := 1
				if a[i-1] == b[j-1] {
					cost = 0
				}
				d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			}
		}
		return d[len(a)][len(b)]
	}
	for range 20000 {
		a, b, limit := word(), word(), rnd.IntN(4)
		if got, want := editDistance(a, b, limit), min(full(a, b), limit+1); got != want {
			t.Fatalf("editDistance(%q, %q, %d) = %d, want %d", string(a), string(b), limit, got, want)
		}
	}
}

// BenchmarkSuggest2000 compares the most groups Suggest looks at: 2,000
// texts of two to four words from a vocabulary of 300 (made of
// syllables, with the fair's words), so that words recur as in a fair's
// wishes.
func BenchmarkSuggest2000(b *testing.B) {
	rnd := rand.New(rand.NewPCG(2025, 15))
	syllables := strings.Fields("ve lo ce li ni tre na zie ri par ks lau ku ms ba ske to la sa ko pt vi di ско ме ек ве до ро жк")
	var vocab []string
	for _, w := range fairGroups(b) {
		vocab = append(vocab, strings.Fields(w.Key)...)
	}
	for len(vocab) < 300 {
		w := ""
		for range 2 + rnd.IntN(3) {
			w += syllables[rnd.IntN(len(syllables))]
		}
		vocab = append(vocab, w)
	}
	seen := map[string]bool{}
	var ws []WishCount
	for len(ws) < maxSuggestGroups {
		words := make([]string, 2+rnd.IntN(3))
		for k := range words {
			words[k] = vocab[rnd.IntN(len(vocab))]
		}
		text := strings.Join(words, " ")
		if key := WishKey(text); !seen[key] {
			seen[key] = true
			ws = append(ws, WishCount{text, key, "", maxSuggestGroups - len(ws)})
		}
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = len(Suggest(ws))
	}
	b.ReportMetric(float64(n), "suggestions")
}
