package exchange

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"standmap/model"
)

// carriedColumns returns the index in a row of each of ColGroup,
// ColGroupText, ColGroupCategory and ColHidden, given the columns after
// Header; nil unless all four are there.
func carriedColumns(extra []string) []int {
	out := make([]int, len(ExtraColumns))
	for j, c := range ExtraColumns {
		i := slices.Index(extra, c)
		if i < 0 {
			return nil
		}
		out[j] = len(Header) + i
	}
	return out
}

// fileEvent is one event's responses as an import writes them, with the
// curated columns of each mark (parallel to its marks).
type fileEvent struct {
	name  string
	resps []model.Response
	cols  [][][4]string // ColGroup, ColGroupText, ColGroupCategory, ColHidden
	lines []int         // each response's first line
}

// errNotCarried wraps every reason the columns cannot be carried.
var errNotCarried = errors.New("the curated columns do not describe a curation standmap can carry")

// mentionAt is one mention of a wish in a fileEvent.
type mentionAt struct{ resp, pos int }

// derived is what fileEvent.read gathers from the columns.
type derived struct {
	group    map[string]string // wish key → its group
	spelling map[string]string // wish key → a spelling of it in the file
	mentions map[string][]mentionAt
	held     map[string]bool     // wish keys of which a mention is held
	keys     map[string][]string // group → its mentioned keys (members)
}

// curation derives the actions that make the curation the columns
// describe, taking them in order on an empty curation as db does, and
// checks that the result exports these columns for every mark. Facts the
// columns cannot show are not among them (docs/formats.md lists them).
func (fe *fileEvent) curation() ([]model.CurationAction, error) {
	d, err := fe.read()
	if err != nil {
		return nil, err
	}
	var acts []model.CurationAction
	cur := model.NewCuration(nil)
	take := func(a model.CurationAction) error {
		cells, err := cur.Plan(a)
		if err != nil {
			return fmt.Errorf("%w: %s: %v", errNotCarried, a.Describe(), err)
		}
		cur = cur.With(cells)
		acts = append(acts, a)
		return nil
	}
	groups := d.groups()
	for _, g := range groups {
		var keys []string
		for _, k := range d.members(g) {
			if k != g {
				keys = append(keys, d.ref(k))
			}
		}
		if len(keys) > 0 {
			if err := take(model.CurationAction{Verb: model.VerbMerge, Keys: keys, Into: d.ref(g)}); err != nil {
				return nil, err
			}
		}
	}
	for _, a := range fe.hides(d, groups) {
		if err := take(a); err != nil {
			return nil, err
		}
	}
	uncurated := fe.view(d.withHeld(cur))
	for _, g := range groups {
		first := d.mentions[d.members(g)[0]][0]
		c := fe.cols[first.resp][first.pos]
		text, code := uncurated.groups[g].Text, uncurated.groups[g].Category
		if c[1] != text {
			if err := take(model.CurationAction{Verb: model.VerbRename, Keys: []string{d.groupRef(g)}, Text: c[1]}); err != nil {
				return nil, err
			}
		}
		if c[2] != code {
			if err := take(model.CurationAction{Verb: model.VerbCategorise, Keys: []string{d.groupRef(g)}, Code: c[2]}); err != nil {
				return nil, err
			}
		}
	}
	// Only texts and categories were taken since uncurated was counted:
	// it is the view under cur once they are shown.
	uncurated.cur = d.withHeld(cur)
	for g, w := range uncurated.groups {
		w.Text = cmp.Or(cur.Value(model.CurateText, g), w.Text)
		w.Category = cmp.Or(cur.Value(model.CurateCategory, g), w.Category)
		uncurated.groups[g] = w
	}
	if err := fe.exports(uncurated); err != nil {
		return nil, err
	}
	return acts, nil
}

// read gathers the wish keys, their groups and mentions; a key in two
// groups is refused.
func (fe *fileEvent) read() (*derived, error) {
	d := &derived{group: make(map[string]string), spelling: make(map[string]string),
		mentions: make(map[string][]mentionAt), held: make(map[string]bool)}
	for i, r := range fe.resps {
		for p, m := range r.Marks {
			key := model.WishKey(m.Wish)
			if key == "" {
				continue
			}
			g := fe.cols[i][p][0]
			if old, ok := d.group[key]; ok && old != g || g == "" {
				return nil, fmt.Errorf("%w: response on line %d: wish %q in group %q, elsewhere in %q", errNotCarried, fe.lines[i], m.Wish, g, old)
			}
			if _, ok := d.group[key]; !ok {
				d.group[key], d.spelling[key] = g, m.Wish
			}
			d.mentions[key] = append(d.mentions[key], mentionAt{i, p})
			if fe.cols[i][p][3] == model.StatusHeld {
				d.held[key] = true
			}
		}
	}
	d.index()
	return d, nil
}

// groups returns the groups, sorted.
func (d *derived) groups() []string {
	return slices.Sorted(maps.Keys(d.keys))
}

// members returns the mentioned wish keys of the group g: g itself when
// it is mentioned, then those merged into it, sorted.
func (d *derived) members(g string) []string { return d.keys[g] }

// index fills keys from group.
func (d *derived) index() {
	d.keys = make(map[string][]string)
	for k, g := range d.group {
		d.keys[g] = append(d.keys[g], k)
	}
	for g, ks := range d.keys {
		slices.Sort(ks)
		if i := slices.Index(ks, g); i > 0 {
			copy(ks[1:i+1], ks[:i])
			ks[0] = g
		}
	}
}

// ref names a key in an action: the key itself when it folds to itself,
// else a spelling of it (which Plan folds back to the key).
func (d *derived) ref(key string) string {
	if model.WishKey(key) == key {
		return key
	}
	if s, ok := d.spelling[key]; ok {
		return s
	}
	return key // Plan folds it to another key: exports then refuses
}

// groupRef names the group g, once merged, in an action: by g itself
// when it is mentioned, else by a key merged into it.
func (d *derived) groupRef(g string) string { return d.ref(d.members(g)[0]) }

// hides returns the actions hiding each group of which every mention is
// hidden, and each hidden mention of the other groups.
func (fe *fileEvent) hides(d *derived, groups []string) []model.CurationAction {
	var out []model.CurationAction
	for _, g := range groups {
		var hidden []string
		all := true
		for _, k := range d.members(g) {
			for _, m := range d.mentions[k] {
				if fe.cols[m.resp][m.pos][3] == model.StatusHidden {
					hidden = append(hidden, model.MarkRef(fe.resps[m.resp].ID, m.pos))
				} else {
					all = false
				}
			}
		}
		if all {
			out = append(out, model.CurationAction{Verb: model.VerbHide, Keys: []string{d.groupRef(g)}})
			continue
		}
		if len(hidden) > 0 { // one action a group: the import's write stays short
			out = append(out, model.CurationAction{Verb: model.VerbHide, Marks: hidden})
		}
	}
	return out
}

// withHeld returns cur holding back what the file marks held, as the
// exporting database did: moderation on, and every key without a held
// mention approved. None of it is carried.
func (d *derived) withHeld(cur *model.Curation) *model.Curation {
	if len(d.held) == 0 {
		return cur
	}
	cells := []model.CurationCell{{Kind: model.CurateModerate, Value: "on"}}
	for k := range d.group {
		if !d.held[k] {
			cells = append(cells, model.CurationCell{Kind: model.CurateApprove, Ref: k, Value: "1"})
		}
	}
	return cur.With(cells)
}

// view counts the file's responses under cur as the export does, times of
// import (empty created_at) being now.
func (fe *fileEvent) view(cur *model.Curation) *curatedEvent {
	v := newGroupView(fe.name, cur)
	now := time.Now().UTC()
	for _, r := range fe.resps {
		if r.CreatedAt.IsZero() {
			r.CreatedAt = now
		}
		v.put(r)
	}
	return v.event()
}

// exports checks that an export of the view ce writes the file's
// curated columns for every mark.
func (fe *fileEvent) exports(ce *curatedEvent) error {
	rec := make([]string, len(ExtraColumns))
	for i, r := range fe.resps {
		for p := range r.Marks {
			clear(rec)
			ce.fill(rec, r, p)
			if c := fe.cols[i][p]; !slices.Equal(rec, c[:]) {
				return fmt.Errorf("%w: response on line %d: %q, would export %q", errNotCarried, fe.lines[i], c[:], rec)
			}
		}
	}
	return nil
}
