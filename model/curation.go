package model

import (
	"sort"
	"strconv"
	"strings"
)

// Kinds of curation cells: each names what a cell's Ref and Value mean.
const (
	// CurateMerge: Ref is a wish key, Value the key of the group it is
	// merged into.
	CurateMerge = "merge"
	// CurateText: Ref is a group key, Value the text it is shown as.
	CurateText = "text"
	// CurateCategory: Ref is a group key, Value its category code.
	CurateCategory = "category"
	// CurateHide: Ref is a group key, hidden from every board and tally.
	CurateHide = "hide"
	// CurateHideMark: Ref is a MarkRef ("response_id:position"), whose
	// wish is hidden.
	CurateHideMark = "hide-mark"
	// CurateApprove: Ref is a wish key a facilitator let through.
	CurateApprove = "approve"
	// CurateModerate: Ref is "", Value "on" while new text is held back.
	CurateModerate = "moderate"
)

// Mention statuses, as the export's hidden column writes them.
const (
	// StatusShown: the mention counts and is shown.
	StatusShown = ""
	// StatusHidden: a facilitator hid the mention or its group.
	StatusHidden = "hidden"
	// StatusHeld: the mention waits for a facilitator's approval.
	StatusHeld = "held"
)

// CurationCell is one fact of an event's curation. An empty Value means
// the cell is absent (a change that deletes it).
type CurationCell struct {
	Kind  string `json:"kind"`
	Ref   string `json:"ref"`
	Value string `json:"value"`
}

// cellKey addresses a cell.
type cellKey struct{ kind, ref string }

// Curation is how facilitators tidied an event's wishes: merges, shown
// texts and categories, hidden groups and mentions, approvals and the
// moderation switch. A nil *Curation is no curation: the contract's
// counts. Its methods never modify it; With returns a changed copy.
type Curation struct {
	cells       map[cellKey]string
	hiddenMarks int
}

// NewCuration returns the curation made of cells. Text that Flagged finds
// is only flagged, in the lists a facilitator sees: the contract's counts
// change only by a facilitator's action, and moderation holds back all new
// text, flagged or not, until it is approved.
func NewCuration(cells []CurationCell) *Curation {
	c := &Curation{cells: make(map[cellKey]string, len(cells))}
	c.set(cells)
	return c
}

func (c *Curation) set(cells []CurationCell) {
	for _, x := range cells {
		k := cellKey{x.Kind, x.Ref}
		_, had := c.cells[k]
		if x.Value == "" {
			delete(c.cells, k)
		} else {
			c.cells[k] = x.Value
		}
		if _, has := c.cells[k]; x.Kind == CurateHideMark && had != has {
			if has {
				c.hiddenMarks++
			} else {
				c.hiddenMarks--
			}
		}
	}
}

// With returns a copy of c with the cells changed.
func (c *Curation) With(cells []CurationCell) *Curation {
	out := NewCuration(c.Cells()) // Cells of a nil Curation is empty
	out.set(cells)
	return out
}

// Cells returns every cell, sorted by kind and ref.
func (c *Curation) Cells() []CurationCell {
	if c == nil {
		return nil
	}
	out := make([]CurationCell, 0, len(c.cells))
	for k, v := range c.cells {
		out = append(out, CurationCell{k.kind, k.ref, v})
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Kind != out[b].Kind {
			return out[a].Kind < out[b].Kind
		}
		return out[a].Ref < out[b].Ref
	})
	return out
}

// Value returns a cell's value, "" when absent.
func (c *Curation) Value(kind, ref string) string {
	if c == nil {
		return ""
	}
	return c.cells[cellKey{kind, ref}]
}

// Group returns the key of the group that the wish key counts in: the
// group it is merged into, else its own.
func (c *Curation) Group(key string) string {
	if g := c.Value(CurateMerge, key); g != "" {
		return g
	}
	return key
}

// Members returns the keys merged into the group, sorted (the group's own
// key is not among them).
func (c *Curation) Members(group string) []string {
	var out []string
	if c != nil {
		for k, v := range c.cells {
			if k.kind == CurateMerge && v == group {
				out = append(out, k.ref)
			}
		}
	}
	sort.Strings(out)
	return out
}

// Moderated reports whether new text is held back until approved.
func (c *Curation) Moderated() bool { return c.Value(CurateModerate, "") != "" }

// MarkRef names one mark of a response: "response_id:position", the
// position counting from 0.
func MarkRef(responseID string, position int) string {
	return responseID + ":" + strconv.Itoa(position)
}

// ParseMarkRef splits a MarkRef; ok is false when it is malformed.
func ParseMarkRef(s string) (responseID string, position int, ok bool) {
	i := strings.LastIndexByte(s, ':')
	if i <= 0 {
		return "", 0, false
	}
	p, err := strconv.Atoi(s[i+1:])
	if err != nil || p < 0 {
		return "", 0, false
	}
	return s[:i], p, true
}

// Status says whether a mention of the wish key, on mark position of the
// response, is shown, hidden or held back for approval.
func (c *Curation) Status(key, responseID string, position int) string {
	if c == nil {
		return StatusShown
	}
	if c.Value(CurateHide, c.Group(key)) != "" ||
		c.hiddenMarks > 0 && c.Value(CurateHideMark, MarkRef(responseID, position)) != "" {
		return StatusHidden
	}
	if c.Value(CurateApprove, key) == "" && c.Moderated() {
		return StatusHeld
	}
	return StatusShown
}

// Unfiltered returns c without what hides or holds text back: its merges,
// texts and categories only.
func (c *Curation) Unfiltered() *Curation {
	out := NewCuration(nil)
	for _, x := range c.Cells() {
		switch x.Kind {
		case CurateHide, CurateHideMark, CurateModerate, CurateApprove:
		default:
			out.set([]CurationCell{x})
		}
	}
	return out
}
