package reftally

import "sort"

// mention orders the mentions of a spelling: by time, then by the store's
// order of entry, then by the mark's place in its response.
type mention struct {
	unix int64
	seq  int64
	mark int
}

func (a mention) less(b mention) bool {
	if a.unix != b.unix {
		return a.unix < b.unix
	}
	if a.seq != b.seq {
		return a.seq < b.seq
	}
	return a.mark < b.mark
}

// spelling holds the mentions of one spelling, sorted.
type spelling struct{ mentions []mention }

func (s *spelling) add(m mention) {
	i := sort.Search(len(s.mentions), func(i int) bool { return m.less(s.mentions[i]) })
	s.mentions = append(s.mentions, mention{})
	copy(s.mentions[i+1:], s.mentions[i:])
	s.mentions[i] = m
}

func (s *spelling) remove(m mention) {
	i := sort.Search(len(s.mentions), func(i int) bool { return !s.mentions[i].less(m) })
	if i < len(s.mentions) && s.mentions[i] == m {
		s.mentions = append(s.mentions[:i], s.mentions[i+1:]...)
	}
}

// group gathers every mention of one wish key.
type group struct {
	responses  int
	spellings  map[string]*spelling
	categories map[string]int
}

// shown returns the most frequent spelling (ties: entered first) and the
// most frequent non-empty category (ties: alphabetically first code).
func (g *group) shown() (text, category string) {
	var best *spelling
	for t, s := range g.spellings {
		switch {
		case best == nil,
			len(s.mentions) > len(best.mentions),
			len(s.mentions) == len(best.mentions) && s.mentions[0].less(best.mentions[0]):
			best, text = s, t
		}
	}
	n := 0
	for c, k := range g.categories {
		if k > n || k == n && c < category {
			category, n = c, k
		}
	}
	return text, category
}

// countMention adds (sign +1) or subtracts (-1) one mention of spelling
// sp to the group key of groups; a response counts once per group.
func countMention(groups map[string]*group, key, sp, category string, mt mention, sign int, seen *map[string]bool) {
	g := groups[key]
	if g == nil {
		g = &group{spellings: make(map[string]*spelling), categories: make(map[string]int)}
		groups[key] = g
	}
	s := g.spellings[sp]
	if s == nil {
		s = &spelling{}
		g.spellings[sp] = s
	}
	if sign > 0 {
		s.add(mt)
	} else {
		s.remove(mt)
		if len(s.mentions) == 0 {
			delete(g.spellings, sp)
		}
	}
	if category != "" {
		g.categories[category] += sign
		if g.categories[category] == 0 {
			delete(g.categories, category)
		}
	}
	if !(*seen)[key] {
		if *seen == nil {
			*seen = make(map[string]bool)
		}
		(*seen)[key] = true
		g.responses += sign
	}
	if g.responses == 0 && len(g.spellings) == 0 {
		delete(groups, key)
	}
}
