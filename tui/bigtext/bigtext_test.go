package bigtext

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestRender(t *testing.T) {
	for _, w := range []string{"Grīva", "ĀRA TRENAŽIERI", "Ķīmija", "Больше скамеек", "Щука ёж", "Centrs 105"} {
		for _, scale := range []int{1, 2} {
			lines, ok := Render(w, scale)
			if !ok {
				t.Fatalf("%q: not drawn", w)
			}
			if len(lines) != Rows*scale {
				t.Errorf("%q ×%d: %d lines", w, scale, len(lines))
			}
			n, _ := Width(w, scale)
			for _, l := range lines {
				if ansi.StringWidth(l) != n {
					t.Errorf("%q ×%d: a line is %d wide, want %d", w, scale, ansi.StringWidth(l), n)
				}
			}
			if scale == 1 {
				t.Logf("\n%s", strings.Join(lines, "\n"))
			}
		}
	}
}

func TestMissingLetter(t *testing.T) {
	if _, ok := Render("Café ☕", 1); ok {
		t.Error("a word with a letter the font lacks was drawn")
	}
	if _, ok := Width("日本", 1); ok {
		t.Error("a word with a letter the font lacks has a width")
	}
}
