package model

import "slices"

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

// spellingStat is one spelling of a wish key and its mentions as counted
// now (under the curation).
type spellingStat struct {
	text     string
	key      int32     // into Tallier.keys
	mentions []mention // counted one by one, in no order
	first    mention   // the earliest counted (when count() > 0)
	// more counts mentions known only by number and the earliest of
	// them, moreFirst (TallyCounts' stored counts); they are never taken
	// away.
	more      int
	moreFirst mention
	in        *group // the group that lists it; nil until it counts in one
}

// count returns the number of mentions counted.
func (s *spellingStat) count() int { return len(s.mentions) + s.more }

// addMention counts one mention mt of spelling sp in g (sign +1), or
// takes it away (sign -1): the cost of taking one away is the number of
// mentions of the spelling.
func (t *Tallier) addMention(sp int32, g *group, mt mention, sign int) {
	s := &t.sps[sp]
	if s.in != g {
		s.in = g
		g.spellings = append(g.spellings, sp)
	}
	if sign > 0 {
		if s.count() == 0 || mt.less(s.first) {
			s.first = mt
		}
		s.mentions = append(s.mentions, mt)
		return
	}
	i := slices.Index(s.mentions, mt)
	if i < 0 {
		return
	}
	last := len(s.mentions) - 1
	s.mentions[i] = s.mentions[last]
	s.mentions = s.mentions[:last]
	if mt == s.first {
		s.refirst()
	}
}

// addMentions counts n mentions of spelling sp, known only by number and
// the earliest (first), in g.
func (t *Tallier) addMentions(sp int32, g *group, first mention, n int) {
	s := &t.sps[sp]
	if s.in != g {
		s.in = g
		g.spellings = append(g.spellings, sp)
	}
	if s.more == 0 || first.less(s.moreFirst) {
		s.moreFirst = first
	}
	if s.count() == 0 || first.less(s.first) {
		s.first = first
	}
	s.more += n
}

// refirst finds the earliest mention again, the first having gone.
func (s *spellingStat) refirst() {
	s.first = s.moreFirst
	for i, m := range s.mentions {
		if i == 0 && s.more == 0 || m.less(s.first) {
			s.first = m
		}
	}
}

// group gathers the mentions counted in one wish group (a group key), or
// in one held-back wish key.
type group struct {
	key       string
	responses int
	spellings []int32 // into Tallier.sps; some may count nothing now
	cats      []int   // mentions by category index
}

// addCat counts n mentions with category c in g (sign -1 takes away).
func (g *group) addCat(c int32, n int) {
	for int(c) >= len(g.cats) {
		g.cats = append(g.cats, 0)
	}
	g.cats[c] += n
}

// shown returns the group's most mentioned spelling (ties: the one
// entered first) and most frequent non-empty category (ties: the
// alphabetically first code).
func (t *Tallier) shown(g *group) (text, category string) {
	var best *spellingStat
	for _, i := range g.spellings {
		s := &t.sps[i]
		switch n := s.count(); {
		case n == 0:
		case best == nil, n > best.count(), n == best.count() && s.first.less(best.first):
			best = s
		}
	}
	if best != nil {
		text = best.text
	}
	n := 0
	for c, k := range g.cats {
		if k > 0 && (k > n || k == n && t.cats[c] < category) {
			category, n = t.cats[c], k
		}
	}
	return text, category
}

// groupIn returns the group of key in groups, made when missing.
func groupIn(groups map[string]*group, key string) *group {
	g := groups[key]
	if g == nil {
		g = &group{key: key}
		groups[key] = g
	}
	return g
}
