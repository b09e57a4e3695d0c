package choropleth

import (
	"slices"
	"strings"
	"unicode"

	"standmap/ascii_maps"
	"standmap/model"
)

// cityForms returns the forms each neighbourhood's label may take
// (abbreviations), less the shortened ones a reader could take for
// another neighbourhood of c ("H. Park" where Highland Park and Holly
// Park both are): a map never names the wrong place. It depends on the
// city alone; a Renderer keeps it.
func cityForms(c *ascii_maps.City) []forms {
	words := make([][]string, len(c.Neighbourhoods))
	for i, n := range c.Neighbourhoods {
		words[i] = foldedWords(n.Name)
	}
	out := make([]forms, len(c.Neighbourhoods))
	for i, n := range c.Neighbourhoods {
		f := abbreviations(n.Name, c.Areas[i].Short)
		for rank := legible; rank <= stub; rank++ {
			f[rank] = slices.DeleteFunc(f[rank], func(form string) bool {
				toks := labelTokens(form)
				for j := range words {
					if j != i && tokensFit(toks, words[j]) {
						return true
					}
				}
				return false
			})
		}
		out[i] = f
	}
	return out
}

// readsAs reports whether a reader could take a label's text for name:
// its words, in order, are words of name (some left out) or their
// beginnings cut with a full stop, case and accents aside ("N. Beacon"
// and "N.B.H." for North Beacon Hill, "Pike-M." for Pike-Market).
func readsAs(text, name string) bool {
	return tokensFit(labelTokens(text), foldedWords(name))
}

// tokensFit says whether a label's tokens stand, in order, for some of
// a name's folded words.
func tokensFit(toks, words []string) bool {
	if len(toks) == 0 {
		return false
	}
	i := 0
	for _, w := range words {
		if i < len(toks) && tokenFits(toks[i], w) {
			i++
		}
	}
	return i == len(toks)
}

// labelTokens splits a label's text into folded words and cut words:
// "N.B. Hill" is n., b., hill; "Pike-M." is pike, m.
func labelTokens(text string) []string {
	var out []string
	for _, w := range foldedWords(text) {
		for w != "" {
			dot := strings.IndexByte(w, '.')
			if dot < 0 {
				out = append(out, w)
				break
			}
			if dot > 0 {
				out = append(out, w[:dot+1])
			}
			w = w[dot+1:]
		}
	}
	return out
}

// nameWords splits a name at spaces, hyphens, dashes and slashes.
func nameWords(name string) []string {
	return strings.FieldsFunc(name, func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == '–' || r == '—' || r == '/'
	})
}

// foldedWords is nameWords of the name's fold (case and accents aside).
func foldedWords(name string) []string { return nameWords(model.Fold(name)) }

// tokenFits says whether a label's token stands for a folded word: the
// word itself, or its beginning and a full stop.
func tokenFits(tok, word string) bool {
	if cut, ok := strings.CutSuffix(tok, "."); ok {
		return strings.HasPrefix(word, cut)
	}
	return tok == word
}
