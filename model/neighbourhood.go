package model

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sahilm/fuzzy"
)

// Neighbourhood is one area of a city's map that visitors can mark, with
// the other spellings (aliases) that must find it too.
type Neighbourhood struct {
	Name    string
	Aliases []string
}

// Key returns the neighbourhood's ranking key: its folded name.
func (n Neighbourhood) Key() string { return Fold(n.Name) }

// Gazetteer finds a city's neighbourhoods by name or alias, forgiving case
// and missing diacritics. It is immutable once built and safe to share.
type Gazetteer struct {
	list   []Neighbourhood
	byFold map[string]int // fold of a name or alias → index in list
	// spellings holds every folded name and alias, and owner its index.
	spellings []string
	owner     []int
}

// NewGazetteer indexes the neighbourhoods; two that fold to the same name
// or alias are an error naming both.
func NewGazetteer(ns []Neighbourhood) (*Gazetteer, error) {
	g := &Gazetteer{list: ns, byFold: make(map[string]int)}
	for i, n := range ns {
		if strings.TrimSpace(n.Name) == "" {
			return nil, fmt.Errorf("neighbourhood %d has no name", i+1)
		}
		for _, s := range append([]string{n.Name}, n.Aliases...) {
			f := Fold(s)
			if j, dup := g.byFold[f]; dup && j != i {
				return nil, fmt.Errorf("%q of %s is also a name or alias of %s", s, n.Name, ns[j].Name)
			}
			if _, dup := g.byFold[f]; dup {
				continue
			}
			g.byFold[f] = i
			g.spellings = append(g.spellings, f)
			g.owner = append(g.owner, i)
		}
	}
	return g, nil
}

// All returns the neighbourhoods in the map's order. Callers must not
// modify the slice.
func (g *Gazetteer) All() []Neighbourhood { return g.list }

// Len returns the number of neighbourhoods.
func (g *Gazetteer) Len() int { return len(g.list) }

// Lookup finds the neighbourhood whose name or alias folds to the fold of s
// (after its white space is made single).
func (g *Gazetteer) Lookup(s string) (Neighbourhood, bool) {
	i, ok := g.byFold[Fold(strings.Join(strings.Fields(s), " "))]
	if !ok {
		return Neighbourhood{}, false
	}
	return g.list[i], true
}

// Index returns the position of the neighbourhood named name in All, or -1.
func (g *Gazetteer) Index(name string) int {
	if i, ok := g.byFold[Fold(name)]; ok {
		return i
	}
	return -1
}

// Search returns the neighbourhoods that a type-ahead query may mean, best
// first: an exact name or alias, then names that begin with the query, then
// fuzzy matches of its letters in order ("jaunf" finds Jaunā Forštadte).
func (g *Gazetteer) Search(query string) []Neighbourhood {
	q := Fold(strings.Join(strings.Fields(query), " "))
	if q == "" {
		return nil
	}
	best := make(map[int]int) // neighbourhood index → best score
	consider := func(i, score int) {
		if s, ok := best[i]; !ok || score > s {
			best[i] = score
		}
	}
	const exact, prefix = 1 << 30, 1 << 29
	for k, s := range g.spellings {
		switch {
		case s == q:
			consider(g.owner[k], exact)
		case strings.HasPrefix(s, q):
			consider(g.owner[k], prefix-len(s))
		}
	}
	for _, m := range fuzzy.Find(q, g.spellings) {
		consider(g.owner[m.Index], m.Score)
	}
	out := make([]int, 0, len(best))
	for i := range best {
		out = append(out, i)
	}
	sort.Slice(out, func(a, b int) bool {
		if best[out[a]] != best[out[b]] {
			return best[out[a]] > best[out[b]]
		}
		return out[a] < out[b]
	})
	res := make([]Neighbourhood, len(out))
	for k, i := range out {
		res[k] = g.list[i]
	}
	return res
}
