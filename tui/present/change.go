package present

import "standmap/model"

// wishWindow is how many of the old ranking's wishes a change looks up;
// the top 10 shown are compared against them.
const wishWindow = 40

// change is what the latest snapshot changed, marked for a while: its
// cost is the number of neighbourhoods plus a few dozen wishes, never the
// number of responses.
type change struct {
	hoods  map[string]bool // neighbourhoods whose count rose
	wishes map[string]bool // keys of top-10 wishes whose count rose
	added  int             // visitors more than before
}

// diff returns what changed from old to s, nil when nothing rose.
func diff(old, s *model.Snapshot, oldCounts map[string]int) *change {
	c := &change{added: s.Responses - old.Responses}
	for _, n := range s.Neighbourhoods {
		if n.Count > oldCounts[n.Name] {
			if c.hoods == nil {
				c.hoods = make(map[string]bool)
			}
			c.hoods[n.Name] = true
		}
	}
	before := make(map[string]int, wishWindow)
	for _, w := range old.Wishes[:min(len(old.Wishes), wishWindow)] {
		before[w.Key] = w.Count
	}
	for _, w := range s.Wishes[:min(len(s.Wishes), 10)] {
		n, known := before[w.Key]
		if known && w.Count > n || !known && len(old.Wishes) <= wishWindow {
			if c.wishes == nil {
				c.wishes = make(map[string]bool)
			}
			c.wishes[w.Key] = true
		}
	}
	if c.hoods == nil && c.wishes == nil && c.added <= 0 {
		return nil
	}
	return c
}

// Rose reports whether the neighbourhood's count rose in the latest
// snapshot and is still marked.
func (m Model) Rose(name string) bool { return m.changed != nil && m.changed.hoods[name] }

// roseWish reports whether the wish group's count rose lately.
func (m Model) roseWish(key string) bool { return m.changed != nil && m.changed.wishes[key] }
