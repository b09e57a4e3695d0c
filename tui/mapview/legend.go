package mapview

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// step returns the shade step 1–4 of count n on a scale up to top, or 0
// for no marks: step i holds the counts in (top·(i−1)/4, top·i/4].
func step(n, top int) int {
	if n <= 0 || top <= 0 {
		return 0
	}
	return min(4, (4*n+top-1)/top)
}

// stepRange returns the counts of step i (1–4); ok is false when the
// step holds none (a scale to fewer than 4).
func stepRange(i, top int) (lo, hi int, ok bool) {
	lo, hi = top*(i-1)/4+1, top*i/4
	return lo, hi, lo <= hi
}

// legend returns the scale as one line of exactly w cells:
// "░ 1–20  ▒ 21–60  ▓ 61–120  █ 121+  · 0"; items that do not fit are left off.
func legend(top, w int, st Styles) string {
	var items []string
	if top <= 0 {
		items = append(items, st.Zero.Render(string(ZeroRune))+st.Legend.Render(" no marks yet"))
	}
	for i := 1; i <= 4 && top > 0; i++ {
		lo, hi, ok := stepRange(i, top)
		if !ok {
			continue
		}
		text := fmt.Sprintf("%d–%d", lo, hi)
		switch {
		case i == 4:
			text = fmt.Sprintf("%d+", lo)
		case lo == hi:
			text = fmt.Sprint(lo)
		}
		items = append(items, st.Steps[i-1].Render(string(Shades[i-1]))+st.Legend.Render(" "+text))
	}
	if top > 0 {
		items = append(items, st.Zero.Render(string(ZeroRune))+st.Legend.Render(" 0"))
	}
	line := " " + strings.Join(items, "  ")
	for ansi.StringWidth(line) > w && len(items) > 1 {
		items = items[:len(items)-1]
		line = " " + strings.Join(items, "  ")
	}
	return pad(line, w)
}

// pad cuts or fills s with spaces to exactly w cells.
func pad(s string, w int) string {
	n := ansi.StringWidth(s)
	if n > w {
		s, n = ansi.Truncate(s, w, ""), ansi.StringWidth(ansi.Truncate(s, w, ""))
	}
	return s + strings.Repeat(" ", w-n)
}
