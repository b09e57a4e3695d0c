package ascii_maps

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"standmap/model"
)

// checkDefs finds clashing letters, names and aliases, fills the city's
// neighbourhoods and water labels, and returns each letter's index.
func (p *parser) checkDefs() map[rune]Cell {
	letters := make(map[rune]Cell)
	letterLine := make(map[rune]int)
	seen := make(map[string]spelling) // fold → first spelling
	for k := range p.defs {
		d := &p.defs[k]
		d.index = -1
		if d.bad {
			continue
		}
		if d.water {
			if !d.area.LabelFixed {
				p.probs.add(d.line, 1, "water needs a position: \"~ = NAME ; label COL,ROW\"")
			}
			if len(d.names) > 0 {
				p.city.Water = append(p.city.Water, WaterLabel{Name: d.names[0].text, Short: d.area.Short, Label: d.area.Label})
			}
			continue
		}
		if first, dup := letterLine[d.letter]; dup {
			p.probs.add(d.line, 1, "cell letter %c is already used on line %d", d.letter, first)
			continue
		}
		letterLine[d.letter] = d.line
		if len(d.names) == 0 {
			continue
		}
		for _, s := range d.names {
			f := model.Fold(s.text)
			if first, dup := seen[f]; dup {
				p.probs.add(s.line, s.col, "%q is the same as %q on line %d (case and accents aside)", s.text, first.text, first.line)
				continue
			}
			seen[f] = s
		}
		n := model.Neighbourhood{Name: d.names[0].text}
		for _, s := range d.names[1:] {
			n.Aliases = append(n.Aliases, s.text)
		}
		d.index = len(p.city.Neighbourhoods)
		letters[d.letter] = Cell(d.index)
		p.city.Neighbourhoods = append(p.city.Neighbourhoods, n)
		p.city.Areas = append(p.city.Areas, d.area)
	}
	if len(p.city.Neighbourhoods) == 0 {
		p.probs.add(max(p.sawGrid, 1), 1, "no neighbourhoods: add lines \"X = Name\"")
	}
	return letters
}

// readGrid reads the rows after [grid] into the city's grid.
func (p *parser) readGrid(letters map[rune]Cell) {
	rows := p.gridRows()
	if len(rows) == 0 {
		p.probs.add(p.sawGrid, 1, "the grid is empty")
		return
	}
	width := utf8.RuneCountInString(rows[0].text)
	g := &p.city.Grid
	g.Width, g.Height = width, len(rows)
	g.Cells = make([]Cell, 0, width*len(rows))
	unknown := make(map[rune]bool)
	for _, r := range rows {
		n := utf8.RuneCountInString(r.text)
		if n != width && strings.TrimSpace(r.text) != "" {
			p.probs.add(r.n, min(n, width)+1, "row is %d characters wide, the grid's first row %d (pad with .)", n, width)
		}
		if strings.TrimSpace(r.text) == "" {
			p.probs.add(r.n, 1, "blank grid row: draw background as dots")
		}
		c := 0
		for _, ch := range r.text {
			c++
			cell := Empty
			switch {
			case ch == '~':
				cell = Water
			case ch == ' ' || ch == '.':
			case ch == '\t':
				p.probs.add(r.n, c, "tab in the grid: use spaces or dots")
			case ansi.StringWidth(string(ch)) != 1 || !unicode.IsGraphic(ch):
				p.probs.add(r.n, c, "%q is not a single-width character", ch)
			default:
				i, ok := letters[ch]
				if !ok && !unknown[ch] {
					unknown[ch] = true
					p.probs.add(r.n, c, "cell letter %c has no neighbourhood (add \"%c = Name\")", ch, ch)
				}
				if ok {
					cell = i
				}
			}
			if c <= width {
				g.Cells = append(g.Cells, cell)
			}
		}
		for ; c < width; c++ {
			g.Cells = append(g.Cells, Empty)
		}
	}
}

// gridRows returns the grid's rows without comments and without the blank
// lines before the first row and after the last.
func (p *parser) gridRows() []line {
	var rows []line
	for _, l := range p.gridLines {
		t := strings.TrimRight(l.text, "\r")
		if strings.HasPrefix(t, "#") || (len(rows) == 0 && strings.TrimSpace(t) == "") {
			continue
		}
		rows = append(rows, line{l.n, t})
	}
	for len(rows) > 0 && strings.TrimSpace(rows[len(rows)-1].text) == "" {
		rows = rows[:len(rows)-1]
	}
	return rows
}

// checkAreas computes each neighbourhood's cells, centre and label, and
// reports neighbourhoods without cells and labels off the grid.
func (p *parser) checkAreas() {
	g := &p.city.Grid
	areas := p.city.Areas
	for i, c := range g.Cells {
		if c < 0 {
			continue
		}
		a := &areas[c]
		a.Cells++
		a.CentreCol += float64(i % g.Width)
		a.CentreRow += float64(i / g.Width)
	}
	for _, d := range p.defs {
		if d.bad || len(d.names) == 0 {
			continue
		}
		if l := d.area.Label; d.area.LabelFixed && !inside(g, l) {
			p.probs.add(d.line, d.labelCol, "label %d,%d of %s is outside the %d×%d grid", l.Col+1, l.Row+1, d.names[0].text, g.Width, g.Height)
		}
		if d.index < 0 {
			continue // water, or a clashing letter already reported
		}
		a := &areas[d.index]
		if a.Cells == 0 {
			if p.sawGrid > 0 && g.Width > 0 {
				p.probs.add(d.line, 1, "%s (%c) has no cells in the grid", d.names[0].text, d.letter)
			}
			continue
		}
		a.CentreCol /= float64(a.Cells)
		a.CentreRow /= float64(a.Cells)
		if !a.LabelFixed {
			a.Label = nearestCell(g, Cell(d.index), a.CentreCol, a.CentreRow)
		}
	}
}

// inside says whether pt is on the grid.
func inside(g *Grid, pt Point) bool {
	return pt.Col >= 0 && pt.Row >= 0 && pt.Col < g.Width && pt.Row < g.Height
}

// nearestCell returns the cell of area a nearest (col, row), counting a
// row as two columns since terminal cells are twice as tall as wide.
func nearestCell(g *Grid, a Cell, col, row float64) Point {
	best, bestD := Point{}, -1.0
	for i, c := range g.Cells {
		if c != a {
			continue
		}
		dc, dr := float64(i%g.Width)-col, 2*(float64(i/g.Width)-row)
		if d := dc*dc + dr*dr; bestD < 0 || d < bestD {
			best, bestD = Point{i % g.Width, i / g.Width}, d
		}
	}
	return best
}
