package model

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Curation verbs, as CurationAction.Verb and the audit log name them.
const (
	// VerbMerge merges Keys (their whole groups) into the group of Into.
	VerbMerge = "merge"
	// VerbUnmerge takes merged Keys out of their group, or a group's
	// members out of it.
	VerbUnmerge = "unmerge"
	// VerbRename shows the groups of Keys as Text ("" undoes it).
	VerbRename = "rename"
	// VerbCategorise gives the groups of Keys the category Code.
	VerbCategorise = "category"
	// VerbHide hides the groups of Keys and the mentions Marks.
	VerbHide = "hide"
	// VerbShow shows again what VerbHide hid.
	VerbShow = "show"
	// VerbApprove lets Keys (and a group's members) through moderation.
	VerbApprove = "approve"
	// VerbModerate switches moderation On or off.
	VerbModerate = "moderate"
)

// ErrNothingToDo is returned by Plan when an action would change nothing.
var ErrNothingToDo = errors.New("nothing to change")

// CurationAction is one thing a facilitator does to an event's wishes.
// Keys may be given as any spelling: they are folded to wish keys.
type CurationAction struct {
	// Verb is one of the Verb constants.
	Verb string `json:"verb"`
	// Keys are the wish keys or groups acted on (merge: those merged).
	Keys []string `json:"keys,omitempty"`
	// Into is the group merged into.
	Into string `json:"into,omitempty"`
	// Text is a shown text (merge, rename; "" with rename clears it).
	Text string `json:"text,omitempty"`
	// Code is a category code (category; "" clears it).
	Code string `json:"code,omitempty"`
	// Marks are MarkRefs (hide, show: single mentions).
	Marks []string `json:"marks,omitempty"`
	// On switches moderation (moderate).
	On bool `json:"on,omitempty"`
}

// Plan returns the cells that the action changes, with their new values,
// or an error saying why it cannot be done (ErrNothingToDo when it would
// change nothing).
func (c *Curation) Plan(a CurationAction) ([]CurationCell, error) {
	for _, s := range slices.Concat([]string{a.Into, a.Text, a.Code}, a.Keys, a.Marks) {
		if err := CheckText(a.Verb, 0, s); err != nil {
			return nil, err
		}
	}
	if n := utf8.RuneCountInString(a.Text); n > MaxWishLen {
		return nil, fmt.Errorf("%s: text of %d characters, at most %d allowed", a.Verb, n, MaxWishLen)
	}
	keys := make([]string, 0, len(a.Keys))
	for _, k := range a.Keys {
		if k = WishKey(k); k == "" {
			return nil, fmt.Errorf("%s: empty key", a.Verb)
		}
		keys = append(keys, k)
	}
	var out []CurationCell
	switch a.Verb {
	case VerbMerge:
		return c.planMerge(keys, WishKey(a.Into), a.Text)
	case VerbUnmerge:
		for _, k := range keys {
			out = append(out, c.planUnmerge(k)...)
		}
	case VerbRename:
		out = c.groupCells(CurateText, keys, Spelling(a.Text))
	case VerbCategorise:
		if _, ok := CategoryByCode(a.Code); a.Code != "" && !ok {
			return nil, fmt.Errorf("unknown category %q", a.Code)
		}
		out = c.groupCells(CurateCategory, keys, a.Code)
	case VerbHide, VerbShow:
		on := ""
		if a.Verb == VerbHide {
			on = "1"
		}
		out = c.groupCells(CurateHide, keys, on)
		for _, m := range a.Marks {
			if _, _, ok := ParseMarkRef(m); !ok {
				return nil, fmt.Errorf("%q is not RESPONSE_ID:POSITION", m)
			}
			out = append(out, CurationCell{CurateHideMark, m, on})
		}
	case VerbApprove: // a group's key approves its members too
		for _, k := range keys {
			for _, m := range append(c.Members(k), k) {
				out = append(out, CurationCell{CurateApprove, m, "1"})
			}
		}
	case VerbModerate:
		on := ""
		if a.On {
			on = "on"
		}
		out = []CurationCell{{CurateModerate, "", on}}
	default:
		return nil, fmt.Errorf("unknown curation verb %q", a.Verb)
	}
	return c.changed(out)
}

// changed keeps the cells whose value differs from c's, or fails with
// ErrNothingToDo when none does.
func (c *Curation) changed(cells []CurationCell) ([]CurationCell, error) {
	out := cells[:0]
	seen := make(map[cellKey]bool, len(cells))
	for _, x := range cells {
		k := cellKey{x.Kind, x.Ref}
		if !seen[k] && c.Value(x.Kind, x.Ref) != x.Value {
			seen[k] = true
			out = append(out, x)
		}
	}
	if len(out) == 0 {
		return nil, ErrNothingToDo
	}
	return out, nil
}

// groupCells sets the kind's cell of each key's group to value.
func (c *Curation) groupCells(kind string, keys []string, value string) []CurationCell {
	out := make([]CurationCell, 0, len(keys))
	for _, k := range keys {
		out = append(out, CurationCell{kind, c.Group(k), value})
	}
	return out
}

// planMerge moves each key's whole group (the group's own key and its
// members) into the group of into, so that merges never chain.
func (c *Curation) planMerge(keys []string, into, text string) ([]CurationCell, error) {
	if into == "" || len(keys) == 0 {
		return nil, errors.New("merge: give the keys to merge and --into KEY")
	}
	target := c.Group(into) // into may be a member: then its group
	var out []CurationCell
	for _, k := range keys {
		g := c.Group(k)
		if g == target {
			continue
		}
		for _, m := range append(c.Members(g), g) {
			out = append(out, CurationCell{CurateMerge, m, target})
		}
	}
	if text = Spelling(text); text != "" {
		out = append(out, CurationCell{CurateText, target, text})
	}
	return c.changed(out)
}

// planUnmerge takes a merged key out of its group, or, given a group's
// own key, takes every member out.
func (c *Curation) planUnmerge(key string) []CurationCell {
	if c.Value(CurateMerge, key) != "" {
		return []CurationCell{{CurateMerge, key, ""}}
	}
	var out []CurationCell
	for _, m := range c.Members(key) {
		out = append(out, CurationCell{CurateMerge, m, ""})
	}
	return out
}

// Describe returns the action in a few words, for the audit log.
func (a CurationAction) Describe() string {
	var b strings.Builder
	b.WriteString(a.Verb)
	for _, k := range a.Keys {
		fmt.Fprintf(&b, " %q", k)
	}
	for _, m := range a.Marks {
		b.WriteString(" --mark " + m)
	}
	if a.Into != "" {
		fmt.Fprintf(&b, " --into %q", a.Into)
	}
	switch {
	case a.Verb == VerbRename:
		fmt.Fprintf(&b, " %q", a.Text)
	case a.Text != "":
		fmt.Fprintf(&b, " --text %q", a.Text)
	}
	if a.Verb == VerbCategorise {
		fmt.Fprintf(&b, " %q", a.Code)
	}
	if a.Verb == VerbModerate {
		b.WriteString(map[bool]string{true: " on", false: " off"}[a.On])
	}
	return b.String()
}
