package model

import (
	"fmt"
	"sort"
	"strings"
)

// Suggestion is two wish groups that probably mean the same: merging From
// into Into is offered to a facilitator, never done without one.
type Suggestion struct {
	From, Into WishCount
	// Similarity is how alike the two whole texts are, from 0 to 1
	// (1: the same letters); suggestions are ranked by it.
	Similarity float64
	// Reasons say why, most telling first.
	Reasons []Reason
}

// ReasonKind is what made two groups look alike.
type ReasonKind int

// The kinds of reason, most telling first.
const (
	// ReasonSpacing: the same letters and digits, only spaced or
	// punctuated otherwise ("velo celini", "Veloceliņi").
	ReasonSpacing ReasonKind = iota
	// ReasonSpelt: a few letters apart (Letters), a slip of the keys.
	ReasonSpelt
	// ReasonWords: most of both texts is the same words (Words), or the
	// same words with other endings ("trenažieri", "trenažierus").
	ReasonWords
	// ReasonCategory: both groups have the category Category (told
	// alongside another reason, never a reason alone).
	ReasonCategory
)

// Reason is one reason why two groups look alike.
type Reason struct {
	Kind ReasonKind
	// Letters is ReasonSpelt's number of edits.
	Letters int
	// Words are ReasonWords' shared words, as From's key has them.
	Words []string
	// Category is ReasonCategory's code.
	Category string
}

// String says the reason in English, as the command line prints it.
func (r Reason) String() string {
	switch r.Kind {
	case ReasonSpacing:
		return "the same letters"
	case ReasonSpelt:
		if r.Letters == 1 {
			return "spelt 1 letter apart"
		}
		return fmt.Sprintf("spelt %d letters apart", r.Letters)
	case ReasonWords:
		return fmt.Sprintf("words in common %q", strings.Join(r.Words, " "))
	}
	return "both " + r.Category
}

// Why says the reasons in English, joined by commas.
func (s Suggestion) Why() string {
	out := make([]string, len(s.Reasons))
	for i, r := range s.Reasons {
		out[i] = r.String()
	}
	return strings.Join(out, ", ")
}

// maxSuggestGroups bounds the groups compared pairwise (the largest).
const maxSuggestGroups = 2000

// minSimilarity is the least share of both texts' words (by letters) two
// groups must have in common to be suggested: one common word that is
// under half of the texts ("parks" in "Suns parks" and "abcdef sk8
// parks", 0.43; "laukums" in "Suņu laukums" and "Basketbola laukums",
// 0.5) is not enough.
const minSimilarity = 0.6

// stopWords are words too common in wishes to tie two together; they
// count in neither text.
var stopWords = map[string]bool{
	"more": true, "better": true, "new": true, "some": true, "with": true, "near": true,
	"the": true, "and": true, "for": true,
	"vairak": true, "jaunu": true, "jauni": true, "jauns": true, "labak": true, "labaku": true,
	"un": true, "ar": true, "pie": true, "uz": true,
	"больше": true, "новые": true, "новых": true, "лучше": true, "и": true, "в": true, "на": true, "для": true,
}

// Suggest returns pairs of the ranked groups ws whose whole texts look
// alike: the same letters spaced otherwise, keys a few edits apart, or
// most of both texts in the same words (their first letters). Most alike
// first; equally alike, in the groups' ranking. Translations and synonyms
// are not guessed: nothing ties "bike paths" to "Veloceliņi".
func Suggest(ws []WishCount) []Suggestion {
	if len(ws) > maxSuggestGroups {
		ws = ws[:maxSuggestGroups]
	}
	shapes := make([]shape, len(ws))
	byWord := map[string][]int{} // a word's first four letters → the groups with it
	for i, w := range ws {
		shapes[i] = shapeOf(w.Key)
		for _, p := range shapes[i].prefixes() {
			byWord[p] = append(byWord[p], i)
		}
	}
	type ranked struct {
		Suggestion
		i, j int
	}
	var out []ranked
	var d distance
	shares := make([]bool, len(ws)) // shares[j]: j has a word beginning as one of i's
	for i := range ws {
		clear(shares)
		for _, p := range shapes[i].prefixes() {
			for _, j := range byWord[p] {
				shares[j] = true
			}
		}
		for j := i + 1; j < len(ws); j++ { // ws is ranked: i is the larger
			s, ok := d.alike(shapes[j], shapes[i], shares[j])
			if !ok {
				continue
			}
			s.From, s.Into = ws[j], ws[i]
			if c := ws[i].Category; c != "" && c == ws[j].Category {
				s.Reasons = append(s.Reasons, Reason{Kind: ReasonCategory, Category: c})
			}
			out = append(out, ranked{s, i, j})
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Similarity != out[b].Similarity {
			return out[a].Similarity > out[b].Similarity
		}
		if out[a].i != out[b].i {
			return out[a].i < out[b].i
		}
		return out[a].j < out[b].j
	})
	list := make([]Suggestion, len(out))
	for k, r := range out {
		list[k] = r.Suggestion
	}
	return list
}

// shape is what Suggest compares of a key.
type shape struct {
	compact []rune   // its letters and digits, nothing else
	same    string   // compact as a string
	words   [][]rune // its words, stop words left out
	letters int      // the letters of words
}

func shapeOf(key string) shape {
	var s shape
	for _, w := range strings.FieldsFunc(key, notWordRune) {
		r := []rune(w)
		s.compact = append(s.compact, r...)
		if !stopWords[w] {
			s.words = append(s.words, r)
			s.letters += len(r)
		}
	}
	s.same = string(s.compact)
	return s
}

// prefixes returns the first four letters of each word (a shorter word
// whole): two words that wordMatch pairs begin alike.
func (s shape) prefixes() []string {
	out := make([]string, len(s.words))
	for i, w := range s.words {
		out[i] = string(w[:min(4, len(w))])
	}
	return out
}

// distance holds the rows of an edit distance, reused pair after pair.
type distance struct{ prev, cur []int }

// alike compares two keys' shapes (shares: a word of one begins as a word
// of the other): the Similarity and Reasons of a Suggestion, and whether
// they are alike enough to suggest.
func (d *distance) alike(from, into shape, shares bool) (Suggestion, bool) {
	var s Suggestion
	if len(from.compact) > 0 && from.same == into.same {
		s.Similarity = 1
		s.Reasons = append(s.Reasons, Reason{Kind: ReasonSpacing})
	} else if n, near := d.near(from.compact, into.compact); near {
		s.Similarity = 1 - float64(n)/float64(max(len(from.compact), len(into.compact)))
		s.Reasons = append(s.Reasons, Reason{Kind: ReasonSpelt, Letters: n})
	}
	// At best every letter of the shorter text is shared.
	if shares && float64(2*min(from.letters, into.letters)) >= minSimilarity*float64(from.letters+into.letters) {
		if share, words := sharedWords(from, into); share >= minSimilarity {
			if s.Similarity == 0 {
				s.Reasons = append(s.Reasons, Reason{Kind: ReasonWords, Words: words})
			}
			s.Similarity = max(s.Similarity, share)
		}
	}
	return s, s.Similarity > 0
}

// near reports the edit distance of two compact keys and whether it is
// small: at most one edit in five letters of the shorter, and at least
// one; keys under four letters are never near.
func (d *distance) near(a, b []rune) (int, bool) {
	n := min(len(a), len(b))
	if n < 4 {
		return 0, false
	}
	limit := max(1, n/5)
	if l := len(a) - len(b); l > limit || -l > limit {
		return limit + 1, false
	}
	if cap(d.prev) <= len(b) {
		d.prev, d.cur = make([]int, 2*len(b)+1), make([]int, 2*len(b)+1)
	}
	e := editDistanceIn(a, b, limit, d.prev[:len(b)+1], d.cur[:len(b)+1])
	return e, e > 0 && e <= limit
}

// sharedWords pairs the words of two shapes (each word once; the same
// word, or two with a common beginning of at least four letters and
// three fifths of the shorter, "trenazieri" / "trenazierus") and returns
// the share of both texts' letters in those beginnings (a Dice
// coefficient weighted by letters), with from's words that were paired.
func sharedWords(from, into shape) (float64, []string) {
	if from.letters == 0 || into.letters == 0 {
		return 0, nil
	}
	used := make([]bool, len(into.words))
	common := 0
	var words []string
	for _, a := range from.words {
		best, at := 0, -1
		for k, b := range into.words {
			if p := wordMatch(a, b); !used[k] && p > best {
				best, at = p, k
			}
		}
		if at >= 0 {
			used[at] = true
			common += 2 * best
			words = append(words, string(a))
		}
	}
	return float64(common) / float64(from.letters+into.letters), words
}

// wordMatch returns the length of the beginning two words share when it
// makes them one word (the whole of equal words; else at least four
// letters and three fifths of the shorter), or 0.
func wordMatch(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	if n == len(a) && n == len(b) {
		return n
	}
	if shorter := min(len(a), len(b)); n >= 4 && 5*n >= 3*shorter {
		return n
	}
	return 0
}

// editDistance is the Levenshtein distance of a and b, or limit+1 when it
// is larger than limit.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	return editDistanceIn(a, b, limit, make([]int, len(b)+1), make([]int, len(b)+1))
}

// editDistanceIn is editDistance in the rows prev and cur, of len(b)+1.
// Only the band of cells within limit of the diagonal is computed: a path
// through any other cell costs more than limit (Ukkonen).
func editDistanceIn(a, b []rune, limit int, prev, cur []int) int {
	over := limit + 1
	for j := range prev {
		prev[j] = min(j, over)
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-limit), min(len(b), i+limit)
		cur[0] = min(i, over)
		if lo > 1 {
			cur[lo-1] = over
		}
		best := cur[0]
		if lo > 1 {
			best = over
		}
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost, over)
			best = min(best, cur[j])
		}
		if hi < len(b) {
			cur[hi+1] = over
		}
		if best > limit {
			return over
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
