package model

import "sort"

// SetCuration counts every response again under the curation c (nil for
// none). It costs the number of responses, so call it when the curation
// changes, not per response.
func (t *Tallier) SetCuration(c *Curation) {
	t.cur = c
	t.reset()
	for _, r := range t.responses {
		t.apply(r, +1)
	}
}

// Curation returns the curation counted under (nil for none).
func (t *Tallier) Curation() *Curation { return t.cur }

// Held returns the wishes held back for a facilitator's approval, by wish
// key, ranked; they count nowhere else until approved.
func (t *Tallier) Held() []WishCount {
	out := make([]WishCount, 0, len(t.held))
	for key, g := range t.held {
		text, cat := g.shown()
		out = append(out, WishCount{Text: text, Key: key, Category: cat, Count: g.responses})
	}
	RankWishes(out)
	return out
}

// wishCount is the group's line of a ranking, counting n responses: its
// shown text and category are the curation's when it sets them.
func (t *Tallier) wishCount(key string, g *group, n int) WishCount {
	text, cat := g.shown()
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
	if g == nil {
		return nil
	}
	out := make([]SpellingCount, 0, len(g.spellings))
	for text, s := range g.spellings {
		out = append(out, SpellingCount{text, len(s.mentions)})
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Count != out[b].Count {
			return out[a].Count > out[b].Count
		}
		return g.spellings[out[a].Text].mentions[0].less(g.spellings[out[b].Text].mentions[0])
	})
	return out
}
