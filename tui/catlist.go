package tui

import (
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"standmap/model"
)

// catList is a choice among the city's categories, as the capture form's
// ctrl+t and the curation view's c show it: a first line for no choice,
// then every category; ↑/↓ move, a letter jumps to the next category
// whose name in the interface language starts with it, a letter of
// another script than the name's (Latin in a Russian list) to the next
// whose English name or code does: a facilitator on a Latin keyboard
// jumps in a Russian list too.
type catList struct {
	sel int // 0: the first line; i: model.Categories[i-1]
}

// newCatList starts the list on the category code ("" or unknown: the
// first line).
func newCatList(code string) catList {
	for i, cat := range model.Categories {
		if cat.Code == code {
			return catList{sel: i + 1}
		}
	}
	return catList{}
}

// code is the chosen category's code, "" on the first line.
func (l catList) code() string {
	if l.sel == 0 {
		return ""
	}
	return model.Categories[l.sel-1].Code
}

// move takes ↑, ↓ and letters; ok is false for any other key, and for a
// letter no category starts with (it must not count as a choice: on the
// first line it would give a wish no category by accident).
func (l catList) move(k tea.KeyPressMsg, lang string) (catList, bool) {
	n := len(model.Categories) + 1
	switch {
	case k.String() == "up":
		if l.sel == 0 { // already on the first line: ↑ chooses nothing ("— none" is chosen by coming up to it)
			return l, false
		}
		l.sel--
	case k.String() == "down":
		if l.sel == n-1 {
			return l, false
		}
		l.sel++
	case k.Text != "":
		letter := model.Fold(k.Text)
		for i := 1; i < n; i++ {
			if j := (l.sel + i) % n; j > 0 && startsWith(model.Categories[j-1], lang, letter) {
				l.sel = j
				return l, true
			}
		}
		return l, false // no category starts with it: nothing chosen, nothing moved
	default:
		return l, false
	}
	return l, true
}

// startsWith says whether cat's name in lang starts with the folded
// letter or, the letter being of another script than the name, its
// English name or code does.
func startsWith(cat model.Category, lang, letter string) bool {
	name := cat.Name(lang)
	if r, _ := utf8.DecodeRuneInString(letter); !sameScript(r, []rune(name)[0]) {
		return hasFoldedPrefix(cat.EN, letter) || hasFoldedPrefix(cat.Code, letter)
	}
	return hasFoldedPrefix(name, letter)
}

// scripts are the alphabets the interface languages' names are in.
var scripts = []*unicode.RangeTable{unicode.Latin, unicode.Cyrillic}

// sameScript says whether a and b are letters of one script (anything
// else counts as any script).
func sameScript(a, b rune) bool {
	for _, s := range scripts {
		if unicode.Is(s, a) || unicode.Is(s, b) {
			return unicode.Is(s, a) == unicode.Is(s, b)
		}
	}
	return true
}

// lines draws the list in at most n lines of w cells, the selection in
// view: first names the first line; the category current is marked ✓;
// codes adds each category's code after its name.
func (l catList) lines(st Styles, lang, first, current string, codes bool, w, n int) []string {
	items := len(model.Categories) + 1
	top := listWindow(l.sel, items, n)
	var out []string
	for i := top; i < items && i < top+n; i++ {
		name, code := first, ""
		if i > 0 {
			cat := model.Categories[i-1]
			name, code = cat.Name(lang), cat.Code
		}
		mark := "  "
		if i > 0 && code == current {
			mark = "✓ "
		}
		if !codes {
			code = ""
		}
		tail := ""
		if code != "" {
			tail = "  " + code
		}
		if i == l.sel {
			out = append(out, st.Selected.Render(fit("▸ "+mark+name+tail, w)))
		} else {
			out = append(out, "  "+mark+name+st.Muted.Render(tail))
		}
	}
	return out
}
