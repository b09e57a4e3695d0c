package model

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
