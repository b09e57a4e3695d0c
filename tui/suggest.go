package tui

import (
	"strings"

	"standmap/model"
)

// suggestScan is how many of the most frequent wish groups type-ahead
// looks through, so a keystroke's cost stays bounded however many groups
// an event collects.
const suggestScan = 2000

// maxSuggestions is the length of a suggestion list.
const maxSuggestions = 4

// suggestWishes returns up to n wish groups for the typed text, best
// first: keys that begin with it, then keys with a word that begins with
// it, then keys holding its letters in order. Ties keep the ranking
// (most frequent first). exact is the group whose key equals the text's.
func suggestWishes(groups []model.WishCount, typed string, n int) (out []model.WishCount, exact *model.WishCount) {
	q := model.WishKey(typed)
	if q == "" {
		return nil, nil
	}
	groups = groups[:min(len(groups), suggestScan)]
	word1 := " " + q
	var word, loose []model.WishCount
	for i := range groups {
		g := &groups[i]
		switch {
		case g.Key == q:
			exact = g
			out = append(out, *g)
		case strings.HasPrefix(g.Key, q):
			if len(out) < n {
				out = append(out, *g)
			}
		case strings.Contains(g.Key, word1):
			if len(word) < n {
				word = append(word, *g)
			}
		case len(loose) < n && subsequence(q, g.Key):
			loose = append(loose, *g)
		}
	}
	if exact != nil { // the exact group first
		for i := range out {
			if out[i].Key == exact.Key {
				out[0], out[i] = out[i], out[0]
				break
			}
		}
	}
	out = append(out, word...)
	out = append(out, loose...)
	if len(out) > n {
		out = out[:n]
	}
	return out, exact
}

// subsequence reports whether the bytes of q appear in s in order,
// ignoring spaces in q.
func subsequence(q, s string) bool {
	j := 0
	for i := 0; i < len(q); i++ {
		if q[i] == ' ' {
			continue
		}
		k := strings.IndexByte(s[j:], q[i])
		if k < 0 {
			return false
		}
		j += k + 1
	}
	return true
}
