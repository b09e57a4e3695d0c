package choropleth

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"standmap/palette"
)

// legend returns the scale as one line of exactly w cells: a swatch and
// the counts of each class, zero first, then how the classes are cut and
// when that changes ("steps of 5; changes past 20"). Before the first
// mark (marked false) it says so. What does not fit is left off, the
// note first. A highlighted name that found no place on the map comes
// first, as "[name]".
func legend(sc palette.Scale, marked bool, w int, st Styles, highlight string) string {
	seqs := map[look]string{}
	swatch := func(c int) string {
		k := inkZero + ink(c)
		s := strings.Repeat(string(palette.Patterns[c]), 2)
		if !st.patterns() {
			s = "██"
		}
		return paint(st, seqs, look{fg: k}, s)
	}
	words := st.words()
	items := []string{swatch(0) + " 0"}
	note := ""
	if !marked {
		items[0] = swatch(0) + " " + words.NoMarks
	} else {
		for c := 1; c <= palette.Classes; c++ {
			items = append(items, swatch(c)+" "+sc.Label(c))
		}
		note = fmt.Sprintf(words.Steps, sc.Step(), sc.Until())
	}
	if highlight != "" {
		lk := look{bold: true, reverse: true}
		if !st.patterns() {
			lk = look{fg: inkHighText, bg: inkHighlight, bold: true}
		}
		items = append([]string{paint(st, seqs, lk, "["+highlight+"]")}, items...)
	}
	line := " " + strings.Join(items, "  ")
	if note != "" && ansi.StringWidth(line)+3+ansi.StringWidth(note) <= w {
		line += "   " + note
	}
	if ansi.StringWidth(line) > w && marked && highlight == "" { // compact: one-cell swatches
		items = items[:1]
		for c := 0; c <= palette.Classes; c++ {
			sw := string(palette.Patterns[c])
			if !st.patterns() {
				sw = "█"
			}
			item := paint(st, seqs, look{fg: inkZero + ink(c)}, sw) + sc.Label(c)
			if c == 0 {
				items[0] = item
			} else {
				items = append(items, item)
			}
		}
		line = " " + strings.Join(items, " ")
	}
	for ansi.StringWidth(line) > w && len(items) > 1 {
		items = items[:len(items)-1]
		line = " " + strings.Join(items, "  ")
	}
	return pad(line, w)
}

// paint returns s in look lk.
func paint(st Styles, seqs map[look]string, lk look, s string) string {
	open, ok := seqs[lk]
	if !ok {
		open = st.sgr(lk)
		seqs[lk] = open
	}
	if open == "" {
		return s
	}
	return open + s + "\x1b[m"
}

// pad cuts or fills s with spaces to exactly w cells.
func pad(s string, w int) string {
	n := ansi.StringWidth(s)
	if n > w {
		s = ansi.Truncate(s, w, "")
		n = ansi.StringWidth(s)
	}
	return s + strings.Repeat(" ", w-n)
}
