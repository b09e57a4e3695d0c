package tui

import (
	"strings"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"standmap/model"
)

// field is a one-line text input: cursor movement, deletion, a limit in
// code points, and every inserted text sanitised. It has no cursor blink,
// so drawing it is deterministic.
type field struct {
	value []rune
	pos   int
	limit int // 0 = none
}

// editResult says what an edit did beyond changing the value.
type editResult struct {
	changed   bool // the value changed
	truncated bool // text was cut at the limit
	cleaned   bool // control characters were removed
}

// Value returns the text typed.
func (f field) Value() string { return string(f.value) }

// Empty reports whether nothing is typed.
func (f field) Empty() bool { return len(f.value) == 0 }

// SetValue replaces the text and puts the cursor at its end.
func (f *field) SetValue(s string) {
	f.value = []rune(model.Sanitize(s))
	if f.limit > 0 && len(f.value) > f.limit {
		f.value = f.value[:f.limit]
	}
	f.pos = len(f.value)
}

// insert adds text at the cursor, sanitised and cut at the limit.
func (f *field) insert(s string) editResult {
	var r editResult
	clean := model.Sanitize(s)
	r.cleaned = clean != s
	rs := []rune(clean)
	if f.limit > 0 && len(f.value)+len(rs) > f.limit {
		rs = rs[:max(0, f.limit-len(f.value))]
		r.truncated = true
	}
	if len(rs) == 0 {
		return r
	}
	v := make([]rune, 0, len(f.value)+len(rs))
	v = append(v, f.value[:f.pos]...)
	v = append(v, rs...)
	v = append(v, f.value[f.pos:]...)
	f.value, f.pos, r.changed = v, f.pos+len(rs), true
	return r
}

// update applies a key press or a paste; keys it does not edit with are
// left to the caller.
func (f *field) update(msg tea.Msg) editResult {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		return f.insert(msg.Content)
	case tea.KeyPressMsg:
		switch msg.String() {
		case "backspace", "ctrl+h":
			if f.pos > 0 {
				f.value = append(f.value[:f.pos-1:f.pos-1], f.value[f.pos:]...)
				f.pos--
				return editResult{changed: true}
			}
		case "delete":
			if f.pos < len(f.value) {
				f.value = append(f.value[:f.pos:f.pos], f.value[f.pos+1:]...)
				return editResult{changed: true}
			}
		case "left":
			f.pos = max(0, f.pos-1)
		case "right":
			f.pos = min(len(f.value), f.pos+1)
		case "home", "ctrl+a":
			f.pos = 0
		case "end":
			f.pos = len(f.value)
		case "ctrl+u":
			if f.pos > 0 {
				f.value = append([]rune(nil), f.value[f.pos:]...)
				f.pos = 0
				return editResult{changed: true}
			}
		case "ctrl+w", "alt+backspace":
			i := f.pos
			for i > 0 && f.value[i-1] == ' ' {
				i--
			}
			for i > 0 && f.value[i-1] != ' ' {
				i--
			}
			if i < f.pos {
				f.value = append(f.value[:i:i], f.value[f.pos:]...)
				f.pos = i
				return editResult{changed: true}
			}
		default:
			if msg.Text != "" && msg.Mod&^tea.ModShift == 0 {
				return f.insert(msg.Text)
			}
		}
	}
	return editResult{}
}

// View draws the text in the given number of cells with a block cursor when focused,
// scrolled so that the cursor stays visible.
func (f field) View(cells int, focused bool, st, cursor Style) string {
	if cells < 2 {
		return ""
	}
	before := string(f.value[:f.pos])
	after := string(f.value[f.pos:])
	if !focused {
		return st.Render(ansi.Truncate(before+after, cells, "…"))
	}
	cur := " "
	if after != "" {
		r, n := utf8.DecodeRuneInString(after)
		cur, after = string(r), after[n:]
	}
	// Keep the cursor in view: cut from the left when the text before it
	// is too wide.
	if w := width(before); w > cells-2 {
		before = "…" + ansi.TruncateLeft(before, w-(cells-3), "")
	}
	rest := cells - width(before) - width(cur)
	after = ansi.Truncate(after, max(0, rest), "…")
	var b strings.Builder
	b.WriteString(st.Render(before))
	b.WriteString(cursor.Render(cur))
	b.WriteString(st.Render(after))
	return b.String()
}
