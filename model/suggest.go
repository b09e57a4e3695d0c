package model

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Suggestion is two wish groups that probably mean the same: merging From
// into Into is offered to a facilitator, never done without one.
type Suggestion struct {
	From, Into WishCount
	// Reasons say why, most telling first.
	Reasons []string
	score   int
}

// maxSuggestGroups bounds the groups compared pairwise (the largest).
const maxSuggestGroups = 2000

// stopWords are words too common in wishes to tie two together.
var stopWords = map[string]bool{
	"more": true, "better": true, "new": true, "some": true, "with": true, "near": true,
	"vairak": true, "jaunu": true, "jauni": true, "labak": true, "labaku": true,
	"больше": true, "новые": true, "новых": true, "лучше": true,
}

// Suggest returns pairs of the ranked groups ws that look alike: keys a
// few edits apart, a shared word (or its first five letters), and, for
// groups of one category, its largest group. Strongest first.
func Suggest(ws []WishCount) []Suggestion {
	if len(ws) > maxSuggestGroups {
		ws = ws[:maxSuggestGroups]
	}
	stems := make([]map[string]bool, len(ws))
	for i, w := range ws {
		stems[i] = wordStems(w.Key)
	}
	top := make(map[string]int) // category → index of its largest group
	for i := len(ws) - 1; i >= 0; i-- {
		if c := ws[i].Category; c != "" {
			top[c] = i
		}
	}
	var out []Suggestion
	for i := range ws {
		for j := i + 1; j < len(ws); j++ { // ws is ranked: i is the larger
			s := Suggestion{From: ws[j], Into: ws[i]}
			if d, close := nearKeys(ws[i].Key, ws[j].Key); close {
				s.Reasons = append(s.Reasons, fmt.Sprintf("spelt %d letter(s) apart", d))
				s.score += 3
			}
			if w := sharedStem(stems[i], stems[j]); w != "" {
				s.Reasons = append(s.Reasons, fmt.Sprintf("shared word %q", w))
				s.score += 2
			}
			if c := ws[i].Category; c != "" && c == ws[j].Category && (s.score > 0 || top[c] == i) {
				s.Reasons = append(s.Reasons, "same category "+c)
				s.score++
			}
			if s.score > 0 {
				out = append(out, s)
			}
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].score > out[b].score })
	return out
}

// nearKeys reports the edit distance of two keys and whether it is small:
// at most one edit in five letters of the shorter, and at least one.
func nearKeys(a, b string) (int, bool) {
	n := min(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
	if n < 4 {
		return 0, false
	}
	limit := max(1, n/5)
	d := editDistance([]rune(a), []rune(b), limit)
	return d, d <= limit
}

// editDistance is the Levenshtein distance of a and b, or limit+1 when it
// is larger than limit.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// wordStems returns the first five letters of each word of at least four
// letters that is not a stop word.
func wordStems(key string) map[string]bool {
	out := make(map[string]bool)
	for _, w := range strings.FieldsFunc(key, notWordRune) {
		r := []rune(w)
		if len(r) < 4 || stopWords[w] {
			continue
		}
		out[string(r[:min(5, len(r))])] = true
	}
	return out
}

// sharedStem returns a stem both sets have (the smallest), or "".
func sharedStem(a, b map[string]bool) string {
	best := ""
	for s := range a {
		if b[s] && (best == "" || s < best) {
			best = s
		}
	}
	return best
}
