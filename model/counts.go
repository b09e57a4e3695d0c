package model

import (
	"errors"
	"fmt"
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
	for i, m := range r.Marks {
		sp, key := keys.Of(m.Wish)
		hoodFirst, keyFirst := m.Neighbourhood != "", sp != ""
		for _, o := range r.Marks[:i] {
			hoodFirst = hoodFirst && o.Neighbourhood != m.Neighbourhood
			if keyFirst {
				osp, okey := keys.Of(o.Wish)
				keyFirst = osp == "" || okey != key
			}
		}
		at := slices.IndexFunc(out, func(c MarkCount) bool { return c.Of() == CountKey(m) })
		if at < 0 {
			out = append(out, MarkCount{Neighbourhood: m.Neighbourhood, Wish: m.Wish, Category: m.Category,
				Spelling: sp, Key: key, First: Mention{r.CreatedAt, r.Seq, i}})
			at = len(out) - 1
		}
		out[at].Marks++
		out[at].NeighbourhoodFirsts += b2i(hoodFirst)
		out[at].KeyFirsts += b2i(keyFirst)
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

// EventCounts is what a store keeps counted of one event's responses.
type EventCounts struct {
	// Responses is the number of responses.
	Responses int
	// Marks are the sums of CountMarks over them, in any order.
	Marks []MarkCount
}

// Wanted names responses of an event: those whose id is among IDs, and
// those with a mark whose wish, or neighbourhood, is (as stored) among
// Wishes or Neighbourhoods.
type Wanted struct {
	IDs, Wishes, Neighbourhoods []string
}

// Empty reports whether w names no response.
func (w Wanted) Empty() bool { return len(w.IDs)+len(w.Wishes)+len(w.Neighbourhoods) == 0 }

// ErrCountsDisagree: stored counts are not the sums of the responses
// they count; count the responses instead.
var ErrCountsDisagree = errors.New("stored counts disagree with the responses")

// TallyCounts returns the tally of an event under cur, as a Tallier
// counting every response would, from the event's stored counts. The
// responses that the counts cannot tally alone (one with a hidden
// mention, with a wish of a group that several keys share, or naming a
// neighbourhood by one of two names the map gives one) are asked of
// fetch, which returns the event's responses that Wanted names, and
// counted one by one. No text is folded: the counts carry the keys.
func TallyCounts(g *Gazetteer, event string, ec EventCounts, cur *Curation, fetch func(Wanted) ([]Response, error)) (Tally, error) {
	t := NewTallier(g, event)
	t.SetCuration(cur)
	keys := NewWishKeys()
	for _, mc := range ec.Marks {
		keys.Learn(mc.Wish, mc.Spelling, mc.Key)
		t.learnWish(mc.Wish, mc.Spelling, mc.Key)
	}
	special, err := t.special(ec.Marks, fetch)
	if err != nil {
		return Tally{}, err
	}
	rest := make(map[CountKey]MarkCount, len(ec.Marks))
	for _, mc := range ec.Marks {
		rest[mc.Of()] = mc
	}
	for _, r := range special {
		for _, mc := range CountMarks(r, keys) {
			k := mc.Of()
			left := rest[k].Add(mc, -1)
			switch {
			case left.Marks < 0 || left.NeighbourhoodFirsts < 0 || left.KeyFirsts < 0:
				return Tally{}, fmt.Errorf("%w: response %s, %+v", ErrCountsDisagree, r.ID, k)
			case left.Marks == 0:
				delete(rest, k)
			default:
				rest[k] = left
			}
		}
	}
	for _, mc := range rest {
		t.addCount(mc)
	}
	for _, r := range special {
		t.Put(r)
	}
	out := t.Tally()
	out.Responses = ec.Responses
	return out, nil
}

// learnWish tells t a stored wish's spelling and key.
func (t *Tallier) learnWish(wish, spelling, key string) {
	if _, ok := t.wishOf[wish]; ok {
		return
	}
	i := int32(-1)
	if spelling != "" {
		i = t.learn(spelling, key)
	}
	t.wishOf[wish] = i
}

// addCount counts mc's marks of responses that count as CountMarks says
// under t's curation: none has a hidden mention, each key of mc's group
// is the group's only one, each neighbourhood the map's only name. Only
// Tally is right afterwards (not WishesIn).
func (t *Tallier) addCount(mc MarkCount) {
	if h := t.hood(mc.Neighbourhood); h < int32(t.gaz.Len()) {
		t.hoods[h] += mc.NeighbourhoodFirsts
	}
	sp := t.spelling(mc.Wish)
	if sp < 0 {
		return
	}
	g, _ := t.dest(t.sps[sp].key)
	if g == nil {
		return
	}
	t.addMentions(sp, g, mc.First.order(), mc.Marks)
	if c := t.category(mc.Category); c >= 0 {
		g.addCat(c, mc.Marks)
	}
	g.responses += mc.KeyFirsts
}

// special fetches the responses that counts cannot tally alone under t's
// curation and map (see TallyCounts), each once.
func (t *Tallier) special(counts []MarkCount, fetch func(Wanted) ([]Response, error)) ([]Response, error) {
	var w Wanted
	for m := range t.hiddenMarks {
		w.IDs = append(w.IDs, m.id)
	}
	var first []Response
	if len(w.IDs) > 0 {
		var err error
		if first, err = fetch(Wanted{IDs: w.IDs}); err != nil {
			return nil, err
		}
	}
	w = Wanted{}
	// The wishes of hidden mentions: their spellings' firsts may be hidden.
	for _, r := range first {
		for i, m := range r.Marks {
			if t.hiddenMarks[markID{r.ID, i}] && t.spelling(m.Wish) >= 0 {
				w.Wishes = append(w.Wishes, m.Wish)
			}
		}
	}
	// The wishes of groups that several keys present share.
	shared := make(map[*group]map[int32]bool)
	for _, mc := range counts {
		if sp := t.spelling(mc.Wish); sp >= 0 {
			k := t.sps[sp].key
			if g, held := t.dest(k); g != nil && !held {
				if shared[g] == nil {
					shared[g] = make(map[int32]bool)
				}
				shared[g][k] = true
			}
		}
	}
	// The names of neighbourhoods stored by more than one name.
	names := make(map[int32][]string)
	for _, mc := range counts {
		if h := t.hood(mc.Neighbourhood); h < int32(t.gaz.Len()) {
			if !slices.Contains(names[h], mc.Neighbourhood) {
				names[h] = append(names[h], mc.Neighbourhood)
			}
		}
	}
	seenWish := make(map[string]bool)
	for _, mc := range counts {
		if sp := t.spelling(mc.Wish); sp >= 0 && !seenWish[mc.Wish] {
			if g, held := t.dest(t.sps[sp].key); g != nil && !held && len(shared[g]) > 1 {
				seenWish[mc.Wish] = true
				w.Wishes = append(w.Wishes, mc.Wish)
			}
		}
	}
	for _, ns := range names {
		if len(ns) > 1 {
			w.Neighbourhoods = append(w.Neighbourhoods, ns...)
		}
	}
	if w.Empty() {
		return first, nil
	}
	more, err := fetch(w)
	if err != nil {
		return nil, err
	}
	seen := make(map[string]bool, len(first))
	for _, r := range first {
		seen[r.ID] = true
	}
	for _, r := range more {
		if !seen[r.ID] {
			seen[r.ID] = true
			first = append(first, r)
		}
	}
	return first, nil
}
