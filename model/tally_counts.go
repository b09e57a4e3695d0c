package model

import (
	"errors"
	"fmt"
	"slices"
)

// EventCounts is what a store keeps counted of one event's responses.
type EventCounts struct {
	// Responses is the number of responses.
	Responses int
	// Marks are the sums of CountMarks over them, in any order.
	Marks []MarkCount
}

// Wanted names responses of an event: those whose id is among IDs, and
// those with two marks or more whose wishes are in one of WishSets, or
// whose neighbourhoods are in one of NeighbourhoodSets (texts as stored;
// no text is in two sets).
type Wanted struct {
	IDs                         []string
	WishSets, NeighbourhoodSets [][]string
}

// Empty reports whether w names no response.
func (w Wanted) Empty() bool { return len(w.IDs)+len(w.WishSets)+len(w.NeighbourhoodSets) == 0 }

// CountSource reads what TallyCounts needs of an event besides its
// counts, from the same state of the store.
type CountSource interface {
	// Responses returns the event's responses that w names.
	Responses(w Wanted) ([]Response, error)
	// FirstShown returns, for each of keys, the earliest mark of the
	// event with those texts that is not one of the hidden MarkRefs;
	// none for a key whose every mark is hidden.
	FirstShown(keys []CountKey, hidden []string) (map[CountKey]Mention, error)
}

// ErrCountsDisagree: stored counts are not the sums of the responses
// they count; count the responses instead.
var ErrCountsDisagree = errors.New("stored counts disagree with the responses")

// TallyCounts returns the tally of an event under cur, as a Tallier
// counting every response would, from the event's stored counts. The
// responses that the counts cannot tally alone (one with a hidden
// mention, or with two marks or more in a group that several keys share,
// or naming a neighbourhood by two of its names) are read from src and
// counted one by one. No text is folded: the counts carry the keys.
func TallyCounts(g *Gazetteer, event string, ec EventCounts, cur *Curation, src CountSource) (Tally, error) {
	t := NewTallier(g, event)
	t.SetCuration(cur)
	keys := NewWishKeys()
	for _, mc := range ec.Marks {
		keys.Learn(mc.Wish, mc.Spelling, mc.Key)
		t.learnWish(mc.Wish, mc.Spelling, mc.Key)
	}
	rest := make(map[CountKey]MarkCount, len(ec.Marks))
	for _, mc := range ec.Marks {
		rest[mc.Of()] = mc
	}
	special, err := t.special(rest, src)
	if err != nil {
		return Tally{}, err
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

// special reads the responses that counts cannot tally alone under t's
// curation and map (see TallyCounts), each once. A count whose earliest
// mark is hidden gets the earliest shown instead.
func (t *Tallier) special(counts map[CountKey]MarkCount, src CountSource) ([]Response, error) {
	var hidden []Response
	if len(t.hiddenMarks) > 0 {
		ids := make([]string, 0, len(t.hiddenMarks))
		refs := make([]string, 0, len(t.hiddenMarks))
		for m := range t.hiddenMarks {
			ids, refs = append(ids, m.id), append(refs, MarkRef(m.id, m.pos))
		}
		var err error
		if hidden, err = src.Responses(Wanted{IDs: ids}); err != nil {
			return nil, err
		}
		var firstHidden []CountKey
		for _, r := range hidden {
			for i, m := range r.Marks {
				f := counts[CountKey(m)].First
				if t.hiddenMarks[markID{r.ID, i}] && f.Seq == r.Seq && f.Position == i && t.spelling(m.Wish) >= 0 {
					firstHidden = append(firstHidden, CountKey(m))
				}
			}
		}
		if len(firstHidden) > 0 {
			shown, err := src.FirstShown(firstHidden, refs)
			if err != nil {
				return nil, err
			}
			for k, f := range shown {
				mc := counts[k]
				mc.First = f
				counts[k] = mc
			}
		}
	}
	var w Wanted
	// A group several keys share counts a response once, however many of
	// their wishes it has.
	keys := make(map[*group]map[int32]bool)
	wishes := make(map[*group][]string)
	names := make(map[int32][]string) // the stored names of each neighbourhood
	for _, mc := range counts {
		if h := t.hood(mc.Neighbourhood); h < int32(t.gaz.Len()) && !slices.Contains(names[h], mc.Neighbourhood) {
			names[h] = append(names[h], mc.Neighbourhood)
		}
		sp := t.spelling(mc.Wish)
		if sp < 0 {
			continue
		}
		k := t.sps[sp].key
		if g, held := t.dest(k); g != nil && !held {
			if keys[g] == nil {
				keys[g] = make(map[int32]bool)
			}
			keys[g][k] = true
			if !slices.Contains(wishes[g], mc.Wish) {
				wishes[g] = append(wishes[g], mc.Wish)
			}
		}
	}
	for g, ks := range keys {
		if len(ks) > 1 {
			w.WishSets = append(w.WishSets, wishes[g])
		}
	}
	for _, ns := range names {
		if len(ns) > 1 {
			w.NeighbourhoodSets = append(w.NeighbourhoodSets, ns)
		}
	}
	if w.Empty() {
		return hidden, nil
	}
	more, err := src.Responses(w)
	if err != nil {
		return nil, err
	}
	seen := make(map[string]bool, len(hidden))
	for _, r := range hidden {
		seen[r.ID] = true
	}
	for _, r := range more {
		if !seen[r.ID] {
			seen[r.ID] = true
			hidden = append(hidden, r)
		}
	}
	return hidden, nil
}
