package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// fit returns s cut or padded with spaces to exactly w cells.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := width(s)
	if sw > w {
		s = ansi.Truncate(s, w, "…")
		sw = width(s)
	}
	if sw < w {
		s += strings.Repeat(" ", w-sw)
	}
	return s
}

// box frames lines in a rounded border with title, exactly w cells wide and
// h lines tall: lines are cut or padded to fit.
func box(lines []string, title string, w, h int, border, titleStyle Style) []string {
	if w < 4 || h < 2 {
		return blank(w, h)
	}
	out := make([]string, 0, h)
	inner := w - 2
	t := ""
	if title != "" {
		t = " " + ansi.Truncate(title, max(0, inner-3), "…") + " "
	}
	top := "─" + titleStyle.Render(t) + strings.Repeat("─", max(0, inner-1-width(t)))
	out = append(out, border.Render("╭")+border.Render(ansi.Truncate(top, inner, ""))+border.Render("╮"))
	side := border.Render("│")
	for i := 0; i < h-2; i++ {
		l := ""
		if i < len(lines) {
			l = lines[i]
		}
		out = append(out, side+fit(l, inner)+side)
	}
	out = append(out, border.Render("╰"+strings.Repeat("─", inner)+"╯"))
	return out
}

// blank returns h empty lines of w spaces.
func blank(w, h int) []string {
	out := make([]string, max(0, h))
	for i := range out {
		out[i] = strings.Repeat(" ", max(0, w))
	}
	return out
}

// beside joins columns of lines left to right; each column's lines must
// already have its width. Missing lines are filled with spaces.
func beside(widths []int, cols ...[]string) []string {
	n := 0
	for _, c := range cols {
		n = max(n, len(c))
	}
	out := make([]string, n)
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.Reset()
		for k, c := range cols {
			if i < len(c) {
				b.WriteString(c[i])
			} else {
				b.WriteString(strings.Repeat(" ", widths[k]))
			}
		}
		out[i] = b.String()
	}
	return out
}
