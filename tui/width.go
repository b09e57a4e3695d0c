package tui

import (
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// width returns the cells s takes on screen, escape sequences ignored. Text
// made of characters that surely take one cell each (Latin, Cyrillic, box
// drawing, blocks, arrows…) is counted quickly; anything else goes to
// ansi.StringWidth, which knows graphemes and wide characters.
func width(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0x1b { // CSI: ESC [ parameters final byte
			if i+1 < len(s) && s[i+1] == '[' {
				j := i + 2
				for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
					j++
				}
				i = j + 1
				continue
			}
			return ansi.StringWidth(s)
		}
		if c < 0x80 {
			if c < 0x20 || c == 0x7f {
				return ansi.StringWidth(s)
			}
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !oneCell(r) {
			return ansi.StringWidth(s)
		}
		n++
		i += size
	}
	return n
}

// oneCell reports whether r surely takes one cell and combines with
// nothing.
func oneCell(r rune) bool {
	switch {
	case r >= 0xa0 && r < 0x300: // Latin-1, Latin Extended-A/B, IPA
		return r != 0xad
	case r >= 0x370 && r < 0x483, r >= 0x48a && r < 0x530: // Greek, Cyrillic
		return true
	case r >= 0x2010 && r < 0x2028, r >= 0x2030 && r < 0x205f: // punctuation
		return true
	case r >= 0x2190 && r < 0x2300, r >= 0x2500 && r < 0x25a0: // arrows, maths, box, blocks
		return true
	case r >= 0x25a0 && r < 0x2600: // geometric shapes (▸)
		return true
	}
	return false
}
