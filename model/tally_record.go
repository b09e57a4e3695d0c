package model

import "slices"

// record is a counted response, its texts by the Tallier's indexes.
type record struct {
	id    string
	seq   int64
	unix  int64
	marks []markRec
}

// markRec is a mark by index: its neighbourhood (the Gazetteer's index;
// Len() for none or one not on the map), its wish's spelling (-1 for no
// wish) and its category (-1 for none).
type markRec struct{ hood, sp, cat int32 }

// markID names a mark as a hide-mark curation cell does.
type markID struct {
	id  string
	pos int
}

// keyStat is one wish key and where its mentions count under the
// curation (valid while gen is the Tallier's).
type keyStat struct {
	text string
	gen  uint32
	g    *group // nil: hidden
	held bool
}

// texts are the distinct texts a Tallier has seen, each folded once.
type texts struct {
	hoodOf map[string]int32 // neighbourhood as stored → Gazetteer index
	wishOf map[string]int32 // wish as stored → its spelling's index, -1 for none
	spOf   map[string]int32 // spelling → index into sps
	sps    []spellingStat
	keyOf  map[string]int32 // wish key → index into keys
	keys   []keyStat
	catOf  map[string]int32 // category code → index into cats
	cats   []string
}

func newTexts() texts {
	return texts{hoodOf: make(map[string]int32), wishOf: make(map[string]int32),
		spOf: make(map[string]int32), keyOf: make(map[string]int32), catOf: make(map[string]int32)}
}

// hood returns the Gazetteer index of a stored neighbourhood (Len() for
// "" or a name the map does not know).
func (t *Tallier) hood(name string) int32 {
	if name == "" {
		return int32(t.gaz.Len())
	}
	h, ok := t.hoodOf[name]
	if !ok {
		i := t.gaz.Index(name)
		if i < 0 {
			i = t.gaz.Len()
		}
		h = int32(i)
		t.hoodOf[name] = h
	}
	return h
}

// spelling returns the index of a stored wish's spelling, -1 for a wish
// with none. A text is spelt and folded the first time only.
func (t *Tallier) spelling(wish string) int32 {
	if i, ok := t.wishOf[wish]; ok {
		return i
	}
	i := int32(-1)
	if sp := Spelling(wish); sp != "" {
		i = t.learn(sp, Fold(sp))
	}
	t.wishOf[wish] = i
	return i
}

// learn returns the index of the spelling sp, whose key is key.
func (t *Tallier) learn(sp, key string) int32 {
	if i, ok := t.spOf[sp]; ok {
		return i
	}
	k, ok := t.keyOf[key]
	if !ok {
		k = int32(len(t.keys))
		t.keys = append(t.keys, keyStat{text: key})
		t.keyOf[key] = k
	}
	i := int32(len(t.sps))
	t.sps = append(t.sps, spellingStat{text: sp, key: k})
	t.spOf[sp] = i
	return i
}

// category returns the index of a category code, -1 for "".
func (t *Tallier) category(code string) int32 {
	if code == "" {
		return -1
	}
	c, ok := t.catOf[code]
	if !ok {
		c = int32(len(t.cats))
		t.cats = append(t.cats, code)
		t.catOf[code] = c
	}
	return c
}

// record returns r by index.
func (t *Tallier) record(r Response) record {
	rec := record{id: r.ID, seq: r.Seq, unix: r.CreatedAt.UnixNano(), marks: make([]markRec, len(r.Marks))}
	for i, m := range r.Marks {
		rec.marks[i] = markRec{hood: t.hood(m.Neighbourhood), sp: t.spelling(m.Wish), cat: t.category(m.Category)}
	}
	return rec
}

// dest returns the group that mentions of key k count in under the
// curation (nil: hidden), and whether it is a held one.
func (t *Tallier) dest(k int32) (*group, bool) {
	ks := &t.keys[k]
	if ks.gen != t.gen {
		ks.g, ks.held = t.route(ks.text)
		ks.gen = t.gen
	}
	return ks.g, ks.held
}

// route says where mentions of key count, as Curation.Status and Group
// say (the hidden mentions one by one aside).
func (t *Tallier) route(key string) (*group, bool) {
	c := t.cur
	g := c.Group(key)
	switch {
	case c.Value(CurateHide, g) != "":
		return nil, false
	case c.Moderated() && c.Value(CurateApprove, key) == "":
		return groupIn(t.held, key), true
	}
	return groupIn(t.groups, g), false
}

// pair is a neighbourhood and a group mentioned on one of its marks.
type pair struct {
	hood int32
	g    *group
}

// apply adds (sign +1) or subtracts (-1) the response's contribution.
// Under a curation, a wish counts in its key's group, a held wish only
// among the held ones, and a hidden wish nowhere.
func (t *Tallier) apply(rec *record, sign int) {
	city := int32(t.gaz.Len())
	var hb [8]int32
	var gb [8]*group
	var pb [8]pair
	hoods, groups, pairs := hb[:0], gb[:0], pb[:0]
	for i, m := range rec.marks {
		if m.hood < city && !slices.Contains(hoods, m.hood) {
			hoods = append(hoods, m.hood)
			t.hoods[m.hood] += sign
		}
		if m.sp < 0 {
			continue
		}
		g, held := t.dest(t.sps[m.sp].key)
		if g == nil || t.hiddenMarks != nil && t.hiddenMarks[markID{rec.id, i}] {
			continue
		}
		t.addMention(m.sp, g, mention{rec.unix, rec.seq, i}, sign)
		if m.cat >= 0 {
			g.addCat(m.cat, sign)
		}
		if !slices.Contains(groups, g) {
			groups = append(groups, g)
			g.responses += sign
		}
		if p := (pair{m.hood, g}); !held && !slices.Contains(pairs, p) {
			pairs = append(pairs, p)
			t.addPair(p, sign)
		}
	}
}

// addPair counts n more responses (n < 0: fewer) with a wish of p.g on a
// mark of p.hood.
func (t *Tallier) addPair(p pair, n int) {
	m := t.perHood[p.hood]
	if m[p.g] += n; m[p.g] == 0 {
		delete(m, p.g)
	}
}

// reset zeroes every count under the curation now set; the responses stay.
func (t *Tallier) reset() {
	t.gen++
	t.hoods = make([]int, t.gaz.Len())
	t.groups = make(map[string]*group)
	t.held = make(map[string]*group)
	t.perHood = make([]map[*group]int, t.gaz.Len()+1)
	for i := range t.perHood {
		t.perHood[i] = make(map[*group]int)
	}
	for i := range t.sps {
		s := &t.sps[i]
		s.mentions, s.more, s.in = s.mentions[:0], 0, nil
	}
	t.hiddenMarks = nil
	for _, c := range t.cur.Cells() {
		if c.Kind != CurateHideMark {
			continue
		}
		if id, pos, ok := ParseMarkRef(c.Ref); ok {
			if t.hiddenMarks == nil {
				t.hiddenMarks = make(map[markID]bool)
			}
			t.hiddenMarks[markID{id, pos}] = true
		}
	}
}
