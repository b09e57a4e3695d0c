package model

import (
	"slices"
	"time"
)

// FoldVersion names what Spelling and Fold return. Stores keep texts'
// spellings and keys (and the counts that depend on them, MarkCount):
// change it whenever Spelling or Fold would return something else for
// some text, and the stores derive them again when they next open.
const FoldVersion = 1

// Mention is where a mark was given: its response's time and order of
// entry, and its place among the response's marks (from 0). The earliest
// mention of a spelling breaks ties between a group's spellings.
type Mention struct {
	At       time.Time
	Seq      int64
	Position int
}

// Before reports whether m was given before o: by time, then order of
// entry, then place in the response.
func (m Mention) Before(o Mention) bool { return m.order().less(o.order()) }

func (m Mention) order() mention { return mention{m.At.UnixNano(), m.Seq, m.Position} }

// MarkCount counts the marks of an event's responses that name the same
// neighbourhood, wish and category, as stored. A store keeps them up to
// date with every write, so that a tally need not read every response
// (TallyCounts); the sums of CountMarks over the responses are the truth.
type MarkCount struct {
	// Neighbourhood, Wish and Category are the marks' texts as stored.
	Neighbourhood, Wish, Category string
	// Spelling and Key are the wish's Spelling and WishKey.
	Spelling, Key string
	// Marks is the number of such marks.
	Marks int
	// NeighbourhoodFirsts counts those that are the first of their
	// response to name the neighbourhood (none when it is "").
	NeighbourhoodFirsts int
	// KeyFirsts counts those that are the first of their response with
	// a wish of the key (none when the spelling is "").
	KeyFirsts int
	// First is the earliest of them.
	First Mention
}

// CountKey addresses a MarkCount: its neighbourhood, wish and category.
type CountKey struct{ Neighbourhood, Wish, Category string }

// Of returns the key of mc.
func (mc MarkCount) Of() CountKey { return CountKey{mc.Neighbourhood, mc.Wish, mc.Category} }

// WishKeys remembers the Spelling and WishKey of every wish text it was
// asked about, so that each distinct text is folded once.
type WishKeys struct{ m map[string][2]string }

// NewWishKeys returns an empty WishKeys.
func NewWishKeys() *WishKeys { return &WishKeys{m: make(map[string][2]string)} }

// Of returns the wish's spelling and key.
func (k *WishKeys) Of(wish string) (spelling, key string) {
	v, ok := k.m[wish]
	if !ok {
		sp := Spelling(wish)
		v = [2]string{sp, Fold(sp)}
		k.m[wish] = v
	}
	return v[0], v[1]
}

// Learn tells k a wish's spelling and key, as a store derived them.
func (k *WishKeys) Learn(wish, spelling, key string) { k.m[wish] = [2]string{spelling, key} }

// CountMarks returns r's mark counts: one per distinct neighbourhood,
// wish and category among its marks, in the order of their first mark.
func CountMarks(r Response, keys *WishKeys) []MarkCount {
	out := make([]MarkCount, 0, len(r.Marks))
	eachMark(r, keys, func(i int, sp, key string, hoodFirst, keyFirst bool) {
		k := CountKey(r.Marks[i])
		at := slices.IndexFunc(out, func(c MarkCount) bool { return c.Of() == k })
		if at < 0 {
			out = append(out, MarkCount{Neighbourhood: k.Neighbourhood, Wish: k.Wish, Category: k.Category,
				Spelling: sp, Key: key, First: Mention{r.CreatedAt, r.Seq, i}})
			at = len(out) - 1
		}
		out[at].Marks++
		out[at].NeighbourhoodFirsts += b2i(hoodFirst)
		out[at].KeyFirsts += b2i(keyFirst)
	})
	return out
}

// eachMark calls fn with each mark of r (by index): its wish's spelling
// and key, and whether it is the first of r to name its neighbourhood and
// to have a wish of its key.
func eachMark(r Response, keys *WishKeys, fn func(i int, sp, key string, hoodFirst, keyFirst bool)) {
	var kb [8]string
	var sb [8]bool
	seen, spelt := kb[:0], sb[:0] // the earlier marks' keys, and whether they have one
	for i, m := range r.Marks {
		sp, key := keys.Of(m.Wish)
		hoodFirst, keyFirst := m.Neighbourhood != "", sp != ""
		for j, o := range r.Marks[:i] {
			hoodFirst = hoodFirst && o.Neighbourhood != m.Neighbourhood
			keyFirst = keyFirst && !(spelt[j] && seen[j] == key)
		}
		seen, spelt = append(seen, key), append(spelt, sp != "")
		fn(i, sp, key, hoodFirst, keyFirst)
	}
}

// MarkSums adds many responses' mark counts up, by CountKey.
type MarkSums struct {
	keys *WishKeys
	m    map[CountKey]*MarkCount
}

// NewMarkSums returns empty sums that fold wishes with keys.
func NewMarkSums(keys *WishKeys) *MarkSums {
	return &MarkSums{keys: keys, m: make(map[CountKey]*MarkCount)}
}

// Add adds CountMarks(r) to the sums.
func (s *MarkSums) Add(r Response) {
	eachMark(r, s.keys, func(i int, sp, key string, hoodFirst, keyFirst bool) {
		k := CountKey(r.Marks[i])
		mc := s.m[k]
		at := Mention{r.CreatedAt, r.Seq, i}
		if mc == nil {
			mc = &MarkCount{Neighbourhood: k.Neighbourhood, Wish: k.Wish, Category: k.Category, Spelling: sp, Key: key, First: at}
			s.m[k] = mc
		} else if at.Before(mc.First) {
			mc.First = at
		}
		mc.Marks++
		mc.NeighbourhoodFirsts += b2i(hoodFirst)
		mc.KeyFirsts += b2i(keyFirst)
	})
}

// Counts returns the sums, in no order.
func (s *MarkSums) Counts() []MarkCount {
	out := make([]MarkCount, 0, len(s.m))
	for _, mc := range s.m {
		out = append(out, *mc)
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Add returns mc with o's counts added (sign +1) or taken away (-1); the
// earliest mention stays mc's when taking away, o's when it is earlier.
func (mc MarkCount) Add(o MarkCount, sign int) MarkCount {
	if sign > 0 && (mc.Marks == 0 || o.First.Before(mc.First)) {
		mc.First = o.First
	}
	mc.Marks += sign * o.Marks
	mc.NeighbourhoodFirsts += sign * o.NeighbourhoodFirsts
	mc.KeyFirsts += sign * o.KeyFirsts
	return mc
}
