package model

import "sort"

// SetCuration counts every response again under the curation c (nil for
// none). It costs the number of marks held, without folding any text:
// call it when the curation changes, not per response.
func (t *Tallier) SetCuration(c *Curation) {
	t.cur = c
	t.reset()
	for _, i := range t.ids {
		t.apply(&t.rs[i], +1)
	}
}

// Curation returns the curation counted under (nil for none).
func (t *Tallier) Curation() *Curation { return t.cur }

// Held returns the wishes held back for a facilitator's approval, by wish
// key, ranked; they count nowhere else until approved.
func (t *Tallier) Held() []WishCount {
	out := make([]WishCount, 0, len(t.held))
	for key, g := range t.held {
		if g.responses > 0 {
			text, cat := t.shown(g)
			out = append(out, WishCount{Text: text, Key: key, Category: cat, Count: g.responses})
		}
	}
	RankWishes(out)
	return out
}

// wishCount is the group's line of a ranking, counting n responses: its
// shown text and category are the curation's when it sets them.
func (t *Tallier) wishCount(key string, g *group, n int) WishCount {
	text, cat := t.shown(g)
	if v := t.cur.Value(CurateText, key); v != "" {
		text = v
	}
	if v := t.cur.Value(CurateCategory, key); v != "" {
		cat = v
	}
	return WishCount{Text: text, Key: key, Category: cat, Count: n}
}

// SpellingCount is one spelling of a wish group and its mentions.
type SpellingCount struct {
	Text  string
	Count int
}

// Spellings returns the spellings counted in the group, most mentioned
// first (ties: the one entered first).
func (t *Tallier) Spellings(group string) []SpellingCount {
	g := t.groups[group]
	if g == nil || g.responses == 0 {
		return nil
	}
	ids := make([]int32, 0, len(g.spellings))
	for _, i := range g.spellings {
		if t.sps[i].count() > 0 {
			ids = append(ids, i)
		}
	}
	sort.Slice(ids, func(a, b int) bool {
		sa, sb := &t.sps[ids[a]], &t.sps[ids[b]]
		if sa.count() != sb.count() {
			return sa.count() > sb.count()
		}
		return sa.first.less(sb.first)
	})
	out := make([]SpellingCount, len(ids))
	for k, i := range ids {
		out[k] = SpellingCount{t.sps[i].text, t.sps[i].count()}
	}
	return out
}
