package palette

// Colour is one colour of a ramp: its true colour (hex, for 256 and true
// colour terminals and the report) and its pick among the 16 basic
// terminal colours, chosen by hand so that no two meanings meet when a
// terminal has only 16.
type Colour struct {
	// Hex is "#rrggbb".
	Hex string
	// ANSI is the basic terminal colour, 0–15.
	ANSI int
}

// Ramp is the colours of one theme: the classes from no marks to the
// most, the water, and the ink that reads on each.
type Ramp struct {
	// Zero is a neighbourhood without marks: a neutral shade, so the city
	// shows before the first answer.
	Zero Colour
	// Steps are the classes 1 to Classes, rising in lightness on a dark
	// background and in darkness on a light one (viridis and magma
	// samples: readable by colour-blind viewers and in grey).
	Steps [Classes]Colour
	// Water is a river or lake; Wave its texture and its name.
	Water, Wave Colour
	// Highlight is the neighbourhood picked or just risen.
	Highlight Colour
	// Ink is the text written on class c (0 is Zero): dark on light
	// shades, light on dark ones.
	Ink [Classes + 1]Colour
}

// Patterns are the characters of the classes 0 to Classes where there is
// no colour (NO_COLOR, a plain-text report): the shade is in the glyph.
var Patterns = [Classes + 1]rune{'·', '░', '▒', '▓', '█'}

// WaterPattern is water where there is no colour.
const WaterPattern = '~'

// The basic terminal colours by number.
const (
	black = iota
	red
	green
	yellow
	blue
	magenta
	cyan
	white
	brightBlack
	brightRed
	brightGreen
	brightYellow
	brightBlue
	brightMagenta
	brightCyan
	brightWhite
)

// Dark is the ramp for a dark background: grey, then violet, teal, green
// and yellow (viridis), each lighter than the one before.
var Dark = Ramp{
	Zero: Colour{"#444444", brightBlack},
	Steps: [Classes]Colour{
		{"#6a51c6", magenta}, {"#2a9d8f", cyan}, {"#6ccb5f", brightGreen}, {"#fde725", brightYellow},
	},
	Water:     Colour{"#17324d", blue},
	Wave:      Colour{"#7fb8e6", brightCyan},
	Highlight: Colour{"#ff6ec7", brightMagenta},
	Ink: [Classes + 1]Colour{
		{"#ffffff", brightWhite}, {"#ffffff", brightWhite}, {"#000000", black}, {"#000000", black}, {"#000000", black},
	},
}

// Light is the ramp for a light background (a projector in a bright
// room): light grey, then peach, coral, plum and deep purple (magma),
// each darker than the one before.
var Light = Ramp{
	Zero: Colour{"#d6d6d6", white},
	Steps: [Classes]Colour{
		{"#f08030", yellow}, {"#e8506a", brightRed}, {"#9c2e7f", magenta}, {"#3b0f70", blue},
	},
	Water:     Colour{"#bcd9f0", brightCyan},
	Wave:      Colour{"#2b6cb0", blue},
	Highlight: Colour{"#00a651", green},
	Ink: [Classes + 1]Colour{
		{"#000000", black}, {"#000000", black}, {"#000000", black}, {"#ffffff", brightWhite}, {"#ffffff", brightWhite},
	},
}

// For returns the ramp of a light (true) or dark background.
func For(light bool) Ramp {
	if light {
		return Light
	}
	return Dark
}
