package present

import "strings"

// bigRows is the height of the block digits.
const bigRows = 5

// glyphs are the digits 0–9 in a 3×5 block font ('#' is a block).
var glyphs = [10][bigRows]string{
	{"###", "# #", "# #", "# #", "###"},
	{"## ", " # ", " # ", " # ", "###"},
	{"###", "  #", "###", "#  ", "###"},
	{"###", "  #", "###", "  #", "###"},
	{"# #", "# #", "###", "  #", "  #"},
	{"###", "#  ", "###", "  #", "###"},
	{"###", "#  ", "###", "# #", "###"},
	{"###", "  #", "  #", "  #", "  #"},
	{"###", "# #", "###", "# #", "###"},
	{"###", "# #", "###", "  #", "###"},
}

// bigWidth returns the cells the digits of s take in block digits, each
// font cell scale cells wide; 0 when s holds anything but digits.
func bigWidth(s string, scale int) int {
	if s == "" {
		return 0
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0
		}
	}
	return (len(s)*4 - 1) * scale
}

// bigDigits returns the digits of s in block digits, each font cell
// scale cells wide and tall lines high (bigRows×tall lines). s must be
// digits only.
func bigDigits(s string, scale, tall int) []string {
	out := make([]string, 0, bigRows*tall)
	var b strings.Builder
	for row := range bigRows {
		b.Reset()
		for i := 0; i < len(s); i++ {
			if i > 0 {
				b.WriteString(strings.Repeat(" ", scale))
			}
			for _, c := range glyphs[s[i]-'0'][row] {
				cell := " "
				if c == '#' {
					cell = "█"
				}
				b.WriteString(strings.Repeat(cell, scale))
			}
		}
		for range tall {
			out = append(out, b.String())
		}
	}
	return out
}
