package ascii_maps

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"standmap/model"
)

// gridMarker starts the grid; every later line is a grid row or a comment.
const gridMarker = "[grid]"

// line is one line of the file with its 1-based number.
type line struct {
	n    int
	text string
}

// col returns the 1-based character column of byte offset off in s.
func col(s string, off int) int { return utf8.RuneCountInString(s[:off]) + 1 }

// def is one "X = Name | alias ; option" line before it is checked.
type def struct {
	line   int
	letter rune
	area   Area
	names  []spelling // the name, then the aliases
	water  bool
	bad    bool // the letter is unusable, already reported
	// index is the neighbourhood's in City.Neighbourhoods, or -1.
	index int
	// labelCol is the column of the label option, for its problems.
	labelCol int
}

// spelling is a name or alias and where it stands in the file.
type spelling struct {
	text      string
	line, col int
}

// parser holds the state of one parse.
type parser struct {
	probs     problems
	city      City
	cityLine  int
	defs      []def
	gridLines []line
	sawGrid   int // line of [grid], 0 if none
}

// parse reads src and returns the city when there are no problems.
func parse(src []byte) (*City, []Problem) {
	p := &parser{}
	text := strings.TrimPrefix(string(src), "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	for i, t := range strings.Split(text, "\n") {
		if c := unsafeCol(t); c > 0 {
			p.probs.add(i+1, c, "control, escape or bidi character (names are shown on other people's terminals)")
			t = model.Sanitize(t) // read on, so that later problems are real ones
		}
		if p.sawGrid > 0 {
			p.gridLines = append(p.gridLines, line{i + 1, t})
			continue
		}
		p.headerLine(line{i + 1, t})
	}
	if p.cityLine == 0 {
		p.probs.add(1, 1, "missing \"city: NAME\" line")
	}
	if p.sawGrid == 0 {
		p.probs.add(max(1, len(strings.Split(strings.TrimSuffix(text, "\n"), "\n"))), 1, "missing %s section", gridMarker)
	}
	letters := p.checkDefs()
	if p.sawGrid > 0 {
		p.readGrid(letters)
	}
	p.checkAreas()
	if len(p.probs) > 0 {
		return nil, p.probs.sorted()
	}
	g, err := model.NewGazetteer(p.city.Neighbourhoods)
	if err != nil { // checkDefs finds every such clash first
		p.probs.add(1, 1, "%v", err)
		return nil, p.probs
	}
	p.city.Gazetteer = g
	return &p.city, nil
}

// unsafeCol returns the 1-based column of the first character of t that
// model.HasUnsafe refuses (tabs are allowed as white space), or 0.
func unsafeCol(t string) int {
	if !model.HasUnsafe(strings.ReplaceAll(t, "\t", " ")) {
		return 0
	}
	for off, r := range t {
		if r != '\t' && model.HasUnsafe(string(r)) {
			return col(t, off)
		}
	}
	return 1 // invalid UTF-8 that range decodes as U+FFFD is caught above
}

// stripComment drops a " #" comment and the white space around the rest.
func stripComment(s string) string {
	if strings.HasPrefix(strings.TrimSpace(s), "#") {
		return ""
	}
	if i := strings.Index(s, " #"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimRightFunc(s, unicode.IsSpace)
}

// headerLine reads one line before the grid.
func (p *parser) headerLine(l line) {
	t := stripComment(l.text)
	trim := strings.TrimSpace(t)
	lead := len(t) - len(strings.TrimLeftFunc(t, unicode.IsSpace))
	switch {
	case trim == "":
	case trim == gridMarker:
		p.sawGrid = l.n
	case strings.Contains(t, "=") && utf8.RuneCountInString(strings.TrimSpace(t[:strings.Index(t, "=")])) == 1:
		p.definition(l, t)
	case strings.Contains(t, ":"):
		i := strings.Index(t, ":")
		v := strings.TrimLeftFunc(t[i+1:], unicode.IsSpace)
		p.header(l, strings.ToLower(strings.TrimSpace(t[:i])), strings.TrimSpace(v), col(t, len(t)-len(v)))
	default:
		p.probs.add(l.n, col(t, lead), "expected \"key: value\", \"X = Name | alias\" or %s", gridMarker)
	}
}

// header reads "key: value".
func (p *parser) header(l line, key, value string, vcol int) {
	switch key {
	case "city":
		if p.cityLine > 0 {
			p.probs.add(l.n, 1, "second city: line (first on line %d)", p.cityLine)
		}
		if value == "" {
			p.probs.add(l.n, vcol, "city: needs a name")
		}
		p.city.Name, p.cityLine = value, l.n
	case "schematic":
		switch strings.ToLower(value) {
		case "yes", "true":
			p.city.Schematic = true
		case "no", "false":
			p.city.Schematic = false
		default:
			p.probs.add(l.n, vcol, "schematic: is yes or no, not %q", value)
		}
	case "note":
		p.city.Notes = append(p.city.Notes, value)
	default:
		p.probs.add(l.n, 1, "unknown key %q (city, schematic, note)", key)
	}
}

// definition reads "X = Name | alias | alias ; short TEXT ; label COL,ROW".
func (p *parser) definition(l line, t string) {
	eq := strings.Index(t, "=")
	letter, _ := utf8.DecodeRuneInString(strings.TrimSpace(t[:eq]))
	d := def{line: l.n, letter: letter, water: letter == '~'}
	d.area.Letter = letter
	lcol := col(t, len(t[:eq])-len(strings.TrimLeftFunc(t[:eq], unicode.IsSpace)))
	switch {
	case letter == '.' || letter == '#' || unicode.IsSpace(letter):
		p.probs.add(l.n, lcol, "%q cannot be a cell letter (it is background or a comment)", letter)
		d.bad = true
	case !unicode.IsGraphic(letter) || ansi.StringWidth(string(letter)) != 1:
		p.probs.add(l.n, lcol, "cell letter %q must be one printable, single-width character", letter)
		d.bad = true
	}
	parts := strings.Split(t[eq+1:], ";")
	off := eq + 1
	for k, part := range parts {
		pcol := col(t, off+len(part)-len(strings.TrimLeftFunc(part, unicode.IsSpace)))
		if k == 0 {
			p.names(&d, l.n, t, off, part)
		} else {
			p.option(&d, l.n, pcol, strings.TrimSpace(part))
		}
		off += len(part) + 1
	}
	p.defs = append(p.defs, d)
}

// names reads "Name | alias | alias" that starts at byte off of t.
func (p *parser) names(d *def, n int, t string, off int, part string) {
	for _, s := range strings.Split(part, "|") {
		c := col(t, off+len(s)-len(strings.TrimLeftFunc(s, unicode.IsSpace)))
		name := strings.Join(strings.Fields(s), " ")
		if name == "" {
			p.probs.add(n, c, "empty name or alias")
		} else {
			d.names = append(d.names, spelling{name, n, c})
		}
		off += len(s) + 1
	}
	if d.water && len(d.names) > 1 {
		p.probs.add(n, d.names[1].col, "water has a name but no aliases")
	}
}

// option reads "short TEXT" or "label COL,ROW".
func (p *parser) option(d *def, n, c int, opt string) {
	key, val, _ := strings.Cut(opt, " ")
	val = strings.TrimSpace(val)
	switch key {
	case "short":
		if val == "" {
			p.probs.add(n, c, "short needs a text")
		}
		d.area.Short = val
	case "label":
		cs, rs, ok := strings.Cut(val, ",")
		cc, err1 := strconv.Atoi(strings.TrimSpace(cs))
		rr, err2 := strconv.Atoi(strings.TrimSpace(rs))
		if !ok || err1 != nil || err2 != nil {
			p.probs.add(n, c, "label is \"label COL,ROW\" (counted from 1), not %q", opt)
			return
		}
		d.area.Label, d.area.LabelFixed, d.labelCol = Point{cc - 1, rr - 1}, true, c
	default:
		p.probs.add(n, c, "unknown option %q (short TEXT, label COL,ROW)", opt)
	}
}
