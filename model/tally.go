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
// number of responses. It folds each distinct text once (the texts of the
// responses it holds are kept by index), so counting again under a new
// curation does no Unicode work. It is not safe for concurrent use.
type Tallier struct {
	gaz      *Gazetteer
	hoodKeys []string // each neighbourhood's ranking key, by Gazetteer index
	event    string
	next     int64 // entry order for responses added without a Seq

	ids  map[string]int32 // response id → index into rs
	rs   []record
	free []int32 // indexes of rs no longer used
	texts

	cur         *Curation         // nil: none
	hiddenMarks map[markID]bool   // the mentions cur hides one by one
	gen         uint32            // counts up with every curation counted under
	hoods       []int             // by Gazetteer index
	groups      map[string]*group // by group key
	held        map[string]*group // wishes held for approval, by key
	// perHood counts, per neighbourhood index (Len() = city-wide), the
	// responses with a wish of a group on a mark of that neighbourhood.
	perHood []map[*group]int
}

// NewTallier returns an empty Tallier for the event on the map g.
func NewTallier(g *Gazetteer, event string) *Tallier {
	t := &Tallier{gaz: g, event: event, ids: make(map[string]int32), texts: newTexts()}
	t.hoodKeys = make([]string, g.Len())
	for i, n := range g.All() {
		t.hoodKeys[i] = n.Key()
	}
	t.reset()
	return t
}

// Len returns the number of responses counted.
func (t *Tallier) Len() int { return len(t.ids) }

// Put counts r, replacing an earlier response with the same id. Marks that
// name no neighbourhood of the map count only their wish. Responses
// without a Seq are ordered by the order in which they were first put.
func (t *Tallier) Put(r Response) {
	i, had := t.ids[r.ID]
	if had {
		old := &t.rs[i]
		t.apply(old, -1)
		if r.Seq == 0 {
			r.Seq = old.seq
		}
	}
	if r.Seq == 0 {
		t.next++
		r.Seq = t.next
	} else if r.Seq > t.next {
		t.next = r.Seq
	}
	rec := t.record(r)
	switch {
	case had:
	case len(t.free) > 0:
		i, t.free = t.free[len(t.free)-1], t.free[:len(t.free)-1]
	default:
		i = int32(len(t.rs))
		t.rs = append(t.rs, record{})
	}
	t.rs[i] = rec
	t.ids[r.ID] = i
	t.apply(&t.rs[i], +1)
}

// Remove stops counting the response with that id, if it is counted.
func (t *Tallier) Remove(id string) {
	i, ok := t.ids[id]
	if !ok {
		return
	}
	t.apply(&t.rs[i], -1)
	t.rs[i] = record{}
	delete(t.ids, id)
	t.free = append(t.free, i)
}

// Tally returns the ranked counts: every neighbourhood of the map (zero
// counts included) and every wish group.
func (t *Tallier) Tally() Tally {
	out := Tally{Event: t.event, Responses: len(t.ids)}
	idx := make([]int, t.gaz.Len())
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ca, cb := t.hoods[idx[a]], t.hoods[idx[b]]
		if ca != cb {
			return ca > cb
		}
		return t.hoodKeys[idx[a]] < t.hoodKeys[idx[b]]
	})
	all := t.gaz.All()
	out.Neighbourhoods = make([]NeighbourhoodCount, len(idx))
	for k, i := range idx {
		out.Neighbourhoods[k] = NeighbourhoodCount{Name: all[i].Name, Count: t.hoods[i]}
	}
	out.Wishes = make([]WishCount, 0, len(t.groups))
	for key, g := range t.groups {
		if g.responses > 0 {
			out.Wishes = append(out.Wishes, t.wishCount(key, g, g.responses))
		}
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
	for g, n := range t.perHood[h] {
		out = append(out, t.wishCount(g.key, g, n))
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

// Walk hands responses to fn, in order of entry, and stops at fn's first
// error, which it returns (or its own): a store's responses of an event
// (db.Walk), or a slice (WalkOf).
type Walk func(fn func(Response) error) error

// WalkOf walks rs in the order given.
func WalkOf(rs []Response) Walk {
	return func(fn func(Response) error) error {
		for _, r := range rs {
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	}
}

// Count returns a Tallier of the event on the map g that counts every
// response walk gives, under the curation cur (nil: none; a nil walk:
// no response). It is how every caller counts responses — a tally whose
// stored counts are behind, the boards' hub, a report, a replay, the
// curation's spellings — so the rules of counting live in one place: the
// Tallier, which TallyCounts fills from stored sums instead. The error is
// walk's.
func Count(g *Gazetteer, event string, cur *Curation, walk Walk) (*Tallier, error) {
	t := NewTallier(g, event)
	if cur != nil {
		t.SetCuration(cur) // on the empty Tallier, so that it costs nothing
	}
	if walk == nil {
		return t, nil
	}
	err := walk(func(r Response) error {
		t.Put(r)
		return nil
	})
	return t, err
}
