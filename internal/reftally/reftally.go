// Package reftally is the reference count of the contract's numbers: the
// straightforward Tallier standmap used before its counts were kept by
// interned keys and in the database (model.Tallier, model.TallyCounts).
// Every mention is folded again and counted one by one. It is slow on
// purpose and used by no command: the tests of the fast paths compare
// against it (the oracle), so keep it as it is.
package reftally

import (
	"sort"

	"standmap/model"
)

// Tallier counts an event's responses as model.Tallier does, the plain
// way. It is not safe for concurrent use.
type Tallier struct {
	gaz       *model.Gazetteer
	event     string
	responses map[string]model.Response
	next      int64
	hoods     []int
	groups    map[string]*group
	cur       *model.Curation
	held      map[string]*group
	perHood   []map[string]int
}

// New returns an empty Tallier for the event on the map g.
func New(g *model.Gazetteer, event string) *Tallier {
	t := &Tallier{gaz: g, event: event, responses: make(map[string]model.Response)}
	t.reset()
	return t
}

func (t *Tallier) reset() {
	t.hoods = make([]int, t.gaz.Len())
	t.groups = make(map[string]*group)
	t.held = make(map[string]*group)
	t.perHood = make([]map[string]int, t.gaz.Len()+1)
	for i := range t.perHood {
		t.perHood[i] = make(map[string]int)
	}
}

// Put counts r, replacing an earlier response with the same id.
func (t *Tallier) Put(r model.Response) {
	old, had := t.responses[r.ID]
	if had {
		t.apply(old, -1)
		if r.Seq == 0 {
			r.Seq = old.Seq
		}
	}
	if r.Seq == 0 {
		t.next++
		r.Seq = t.next
	} else if r.Seq > t.next {
		t.next = r.Seq
	}
	t.responses[r.ID] = r
	t.apply(r, +1)
}

// Remove stops counting the response with that id.
func (t *Tallier) Remove(id string) {
	if old, ok := t.responses[id]; ok {
		t.apply(old, -1)
		delete(t.responses, id)
	}
}

// SetCuration counts every response again under c.
func (t *Tallier) SetCuration(c *model.Curation) {
	t.cur = c
	t.reset()
	for _, r := range t.responses {
		t.apply(r, +1)
	}
}

func (t *Tallier) apply(r model.Response, sign int) {
	var seenHood map[int]bool
	var seenKey, seenHeld map[string]bool
	var seenHoodKey map[[2]any]bool
	for i, m := range r.Marks {
		h := t.gaz.Len()
		if m.Neighbourhood != "" {
			h = t.gaz.Index(m.Neighbourhood)
			if h < 0 {
				h = t.gaz.Len()
			} else if !seenHood[h] {
				if seenHood == nil {
					seenHood = make(map[int]bool)
				}
				seenHood[h] = true
				t.hoods[h] += sign
			}
		}
		sp := model.Spelling(m.Wish)
		if sp == "" {
			continue
		}
		key := model.Fold(sp)
		mt := mention{unix: r.CreatedAt.UnixNano(), seq: r.Seq, mark: i}
		switch t.cur.Status(key, r.ID, i) {
		case model.StatusHidden:
			continue
		case model.StatusHeld:
			countMention(t.held, key, sp, m.Category, mt, sign, &seenHeld)
			continue
		}
		key = t.cur.Group(key)
		countMention(t.groups, key, sp, m.Category, mt, sign, &seenKey)
		hk := [2]any{h, key}
		if !seenHoodKey[hk] {
			if seenHoodKey == nil {
				seenHoodKey = make(map[[2]any]bool)
			}
			seenHoodKey[hk] = true
			t.perHood[h][key] += sign
			if t.perHood[h][key] == 0 {
				delete(t.perHood[h], key)
			}
		}
	}
}

// Tally returns the ranked counts.
func (t *Tallier) Tally() model.Tally {
	out := model.Tally{Event: t.event, Responses: len(t.responses)}
	out.Neighbourhoods = make([]model.NeighbourhoodCount, t.gaz.Len())
	keys := make([]string, t.gaz.Len())
	for i, n := range t.gaz.All() {
		out.Neighbourhoods[i] = model.NeighbourhoodCount{Name: n.Name, Count: t.hoods[i]}
		keys[i] = n.Key()
	}
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ca, cb := out.Neighbourhoods[idx[a]].Count, out.Neighbourhoods[idx[b]].Count
		if ca != cb {
			return ca > cb
		}
		return keys[idx[a]] < keys[idx[b]]
	})
	ranked := make([]model.NeighbourhoodCount, len(idx))
	for k, i := range idx {
		ranked[k] = out.Neighbourhoods[i]
	}
	out.Neighbourhoods = ranked
	out.Wishes = make([]model.WishCount, 0, len(t.groups))
	for key, g := range t.groups {
		out.Wishes = append(out.Wishes, t.wishCount(key, g, g.responses))
	}
	model.RankWishes(out.Wishes)
	return out
}

// WishesIn returns the ranked wish groups of a neighbourhood ("" for
// city-wide wishes).
func (t *Tallier) WishesIn(name string) []model.WishCount {
	h := t.gaz.Len()
	if name != "" {
		if h = t.gaz.Index(name); h < 0 {
			return nil
		}
	}
	out := make([]model.WishCount, 0, len(t.perHood[h]))
	for key, n := range t.perHood[h] {
		out = append(out, t.wishCount(key, t.groups[key], n))
	}
	model.RankWishes(out)
	return out
}

// Held returns the wishes held back for approval, ranked.
func (t *Tallier) Held() []model.WishCount {
	out := make([]model.WishCount, 0, len(t.held))
	for key, g := range t.held {
		text, cat := g.shown()
		out = append(out, model.WishCount{Text: text, Key: key, Category: cat, Count: g.responses})
	}
	model.RankWishes(out)
	return out
}

// Spellings returns the spellings counted in the group, most mentioned
// first (ties: the one entered first).
func (t *Tallier) Spellings(group string) []model.SpellingCount {
	g := t.groups[group]
	if g == nil {
		return nil
	}
	out := make([]model.SpellingCount, 0, len(g.spellings))
	for text, s := range g.spellings {
		out = append(out, model.SpellingCount{Text: text, Count: len(s.mentions)})
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Count != out[b].Count {
			return out[a].Count > out[b].Count
		}
		return g.spellings[out[a].Text].mentions[0].less(g.spellings[out[b].Text].mentions[0])
	})
	return out
}

// Snapshot returns the counts as model.Tallier.Snapshot does.
func (t *Tallier) Snapshot() *model.Snapshot {
	s := &model.Snapshot{
		Tally:           t.Tally(),
		Counts:          make(map[string]int, t.gaz.Len()),
		ByNeighbourhood: make(map[string][]model.WishCount, t.gaz.Len()+1),
		Held:            t.Held(),
	}
	for _, n := range s.Neighbourhoods {
		s.Counts[n.Name] = n.Count
		if n.Count > s.MaxCount {
			s.MaxCount = n.Count
		}
		if ws := t.WishesIn(n.Name); len(ws) > 0 {
			s.ByNeighbourhood[n.Name] = ws
		}
	}
	if ws := t.WishesIn(""); len(ws) > 0 {
		s.ByNeighbourhood[""] = ws
	}
	return s
}

func (t *Tallier) wishCount(key string, g *group, n int) model.WishCount {
	text, cat := g.shown()
	if v := t.cur.Value(model.CurateText, key); v != "" {
		text = v
	}
	if v := t.cur.Value(model.CurateCategory, key); v != "" {
		cat = v
	}
	return model.WishCount{Text: text, Key: key, Category: cat, Count: n}
}

// TallyOf counts the responses of one event, in the order given.
func TallyOf(g *model.Gazetteer, event string, rs []model.Response) model.Tally {
	t := New(g, event)
	for _, r := range rs {
		t.Put(r)
	}
	return t.Tally()
}
