package model

import (
	"sort"
)

// NeighbourhoodCount is one neighbourhood's tally: the number of responses
// that marked it (twice in one response counts once).
type NeighbourhoodCount struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// WishCount is one wish group: its shown text, key, category and the number
// of responses with at least one wish of that key.
type WishCount struct {
	Text     string `json:"text"`
	Key      string `json:"key"`
	Category string `json:"category"`
	Count    int    `json:"count"`
}

// Tally is an event's counts, ranked as the contract defines: count
// descending, then key ascending. It is the shape of `tally --json`.
type Tally struct {
	Event          string               `json:"event"`
	Responses      int                  `json:"responses"`
	Neighbourhoods []NeighbourhoodCount `json:"neighbourhoods"`
	Wishes         []WishCount          `json:"wishes"`
}

// Tallier keeps an event's tallies up to date as responses are added,
// replaced and removed, so a new Tally costs the number of groups, not the
// number of responses. It is not safe for concurrent use.
type Tallier struct {
	gaz       *Gazetteer
	event     string
	responses map[string]Response
	next      int64 // entry order for responses added without a Seq
	hoods     []int // by Gazetteer index
	groups    map[string]*group
	cur       *Curation         // nil: none
	held      map[string]*group // wishes held for approval, by key
	// perHood counts, per neighbourhood index (Len() = city-wide), the
	// responses with a wish of a key on a mark of that neighbourhood.
	perHood []map[string]int
}

// NewTallier returns an empty Tallier for the event on the map g.
func NewTallier(g *Gazetteer, event string) *Tallier {
	t := &Tallier{gaz: g, event: event, responses: make(map[string]Response)}
	t.reset()
	return t
}

// reset zeroes every count; the responses stay.
func (t *Tallier) reset() {
	t.hoods = make([]int, t.gaz.Len())
	t.groups = make(map[string]*group)
	t.held = make(map[string]*group)
	t.perHood = make([]map[string]int, t.gaz.Len()+1)
	for i := range t.perHood {
		t.perHood[i] = make(map[string]int)
	}
}

// Len returns the number of responses counted.
func (t *Tallier) Len() int { return len(t.responses) }

// Put counts r, replacing an earlier response with the same id. Marks that
// name no neighbourhood of the map count only their wish. Responses
// without a Seq are ordered by the order in which they were first put.
func (t *Tallier) Put(r Response) {
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

// Remove stops counting the response with that id, if it is counted.
func (t *Tallier) Remove(id string) {
	if old, ok := t.responses[id]; ok {
		t.apply(old, -1)
		delete(t.responses, id)
	}
}

// apply adds (sign +1) or subtracts (-1) the response's contribution.
// Under a curation, a wish counts in its key's group, a held wish only
// among the held ones, and a hidden wish nowhere.
func (t *Tallier) apply(r Response, sign int) {
	var seenHood map[int]bool
	var seenKey, seenHeld map[string]bool
	var seenHoodKey map[[2]any]bool
	for i, m := range r.Marks {
		h := t.gaz.Len() // city-wide
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
		sp := Spelling(m.Wish)
		if sp == "" {
			continue
		}
		key := Fold(sp)
		mt := mention{unix: r.CreatedAt.UnixNano(), seq: r.Seq, mark: i}
		switch t.cur.Status(key, r.ID, i) {
		case StatusHidden:
			continue
		case StatusHeld:
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

// Tally returns the ranked counts: every neighbourhood of the map (zero
// counts included) and every wish group.
func (t *Tallier) Tally() Tally {
	out := Tally{Event: t.event, Responses: len(t.responses)}
	out.Neighbourhoods = make([]NeighbourhoodCount, t.gaz.Len())
	keys := make([]string, t.gaz.Len())
	for i, n := range t.gaz.All() {
		out.Neighbourhoods[i] = NeighbourhoodCount{Name: n.Name, Count: t.hoods[i]}
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
	ranked := make([]NeighbourhoodCount, len(idx))
	for k, i := range idx {
		ranked[k] = out.Neighbourhoods[i]
	}
	out.Neighbourhoods = ranked
	out.Wishes = make([]WishCount, 0, len(t.groups))
	for key, g := range t.groups {
		out.Wishes = append(out.Wishes, t.wishCount(key, g, g.responses))
	}
	RankWishes(out.Wishes)
	return out
}

// WishesIn returns the wish groups mentioned on marks of the neighbourhood
// (by name; "" for city-wide wishes), ranked, counting responses with such
// a wish there. Text and category are the group's overall ones.
func (t *Tallier) WishesIn(name string) []WishCount {
	h := t.gaz.Len()
	if name != "" {
		if h = t.gaz.Index(name); h < 0 {
			return nil
		}
	}
	out := make([]WishCount, 0, len(t.perHood[h]))
	for key, n := range t.perHood[h] {
		out = append(out, t.wishCount(key, t.groups[key], n))
	}
	RankWishes(out)
	return out
}

// RankWishes sorts wish groups by count descending, then key ascending.
func RankWishes(ws []WishCount) {
	sort.Slice(ws, func(a, b int) bool {
		if ws[a].Count != ws[b].Count {
			return ws[a].Count > ws[b].Count
		}
		return ws[a].Key < ws[b].Key
	})
}

// TallyOf counts the responses of one event, in the order given.
func TallyOf(g *Gazetteer, event string, rs []Response) Tally {
	t := NewTallier(g, event)
	for _, r := range rs {
		t.Put(r)
	}
	return t.Tally()
}
