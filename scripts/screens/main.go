// Command screens turns a terminal screen captured with its escape codes
// (tmux capture-pane -e -p) into a PNG, cell by cell: backgrounds and the
// block elements (█ ▀ ▄ ▇, eighths, shades) drawn as exact rectangles,
// every other character from DejaVu Sans Mono. It exists because
// screenshot tools that lay text out as a font measures it misplace
// backgrounds next to block elements; here every cell is where the
// terminal puts it. scripts/screens.sh uses it for docs/screens/.
//
//	screens -theme dark|light -o OUT.png < capture.ans
package main

import (
	"bufio"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Cell size in pixels and the font size that fits it.
const (
	cellW, cellH = 10, 20
	fontSize     = 16
	margin       = 16
)

// cell is one terminal cell: its character and colours.
type cell struct {
	r      rune
	fg, bg color.Color // nil: the terminal's
	bold   bool
}

// pen is the state of the SGR parser.
type pen struct {
	fg, bg        color.Color
	bold, reverse bool
}

func main() {
	theme := flag.String("theme", "dark", "the terminal's colours: dark or light")
	out := flag.String("o", "screen.png", "the PNG to write")
	fontDir := flag.String("fonts", "/usr/share/fonts/truetype/dejavu", "where DejaVuSansMono(-Bold).ttf are (Debian: fonts-dejavu-core)")
	flag.Parse()
	if err := run(os.Stdin, *out, *theme, *fontDir); err != nil {
		fmt.Fprintln(os.Stderr, "screens:", err)
		os.Exit(1)
	}
}

func run(in io.Reader, out, theme, fontDir string) error {
	fg, bg := color.RGBA{0xd8, 0xd8, 0xd8, 0xff}, color.RGBA{0x12, 0x12, 0x12, 0xff}
	if theme == "light" {
		fg, bg = color.RGBA{0x1a, 0x1a, 0x1a, 0xff}, color.RGBA{0xfc, 0xfc, 0xfa, 0xff}
	}
	rows, err := parse(in)
	if err != nil {
		return err
	}
	regular, err := face(fontDir + "/DejaVuSansMono.ttf")
	if err != nil {
		return err
	}
	bold, err := face(fontDir + "/DejaVuSansMono-Bold.ttf")
	if err != nil {
		return err
	}
	w := 0
	for _, r := range rows {
		w = max(w, len(r))
	}
	img := image.NewRGBA(image.Rect(0, 0, w*cellW+2*margin, len(rows)*cellH+2*margin))
	draw.Draw(img, img.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
	for y, row := range rows {
		for x, c := range row {
			cf, cb := c.fg, c.bg
			if cf == nil {
				cf = fg
			}
			if cb == nil {
				cb = bg
			}
			px, py := margin+x*cellW, margin+y*cellH
			fill(img, px, py, cellW, cellH, cb)
			if block(img, c.r, px, py, cf, cb) || c.r == ' ' {
				continue
			}
			f := regular
			if c.bold {
				f = bold
			}
			d := font.Drawer{Dst: img, Src: image.NewUniform(cf), Face: f,
				Dot: fixed.P(px, py+cellH-5)}
			d.DrawString(string(c.r))
		}
	}
	file, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := png.Encode(file, img); err != nil {
		file.Close()
		return err
	}
	return file.Close()
}

// face loads a TrueType font at the cell's size.
func face(path string) (font.Face, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w (apt-get install fonts-dejavu-core)", err)
	}
	f, err := opentype.Parse(data)
	if err != nil {
		return nil, err
	}
	return opentype.NewFace(f, &opentype.FaceOptions{Size: fontSize, DPI: 72, Hinting: font.HintingFull})
}

// fill paints a rectangle.
func fill(img *image.RGBA, x, y, w, h int, c color.Color) {
	draw.Draw(img, image.Rect(x, y, x+w, y+h), image.NewUniform(c), image.Point{}, draw.Src)
}

// block draws the block elements as rectangles; false for any other rune.
func block(img *image.RGBA, r rune, x, y int, fg, bg color.Color) bool {
	switch {
	case r == '█':
		fill(img, x, y, cellW, cellH, fg)
	case r == '▀':
		fill(img, x, y, cellW, cellH/2, fg)
	case r == '▄':
		fill(img, x, y+cellH/2, cellW, cellH/2, fg)
	case r >= '▁' && r <= '▇': // lower eighths
		h := int(r-'▁'+1) * cellH / 8
		fill(img, x, y+cellH-h, cellW, h, fg)
	case r >= '▉' && r <= '▏': // left seven eighths … one eighth
		w := int('▏'-r+1) * cellW / 8
		fill(img, x, y, max(w, 1), cellH, fg)
	case r == '▌':
		fill(img, x, y, cellW/2, cellH, fg)
	case r == '░', r == '▒', r == '▓':
		a := map[rune]float64{'░': 0.25, '▒': 0.5, '▓': 0.75}[r]
		fill(img, x, y, cellW, cellH, mix(fg, bg, a))
	default:
		return false
	}
	return true
}

// mix returns a of fg over bg.
func mix(fg, bg color.Color, a float64) color.Color {
	fr, fgg, fb, _ := fg.RGBA()
	br, bgg, bb, _ := bg.RGBA()
	m := func(f, b uint32) uint8 { return uint8((a*float64(f) + (1-a)*float64(b)) / 257) }
	return color.RGBA{m(fr, br), m(fgg, bgg), m(fb, bb), 0xff}
}

// parse reads lines of text with SGR sequences into cells.
func parse(in io.Reader) ([][]cell, error) {
	var rows [][]cell
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	var p pen
	for sc.Scan() {
		var row []cell
		line := []rune(sc.Text())
		for i := 0; i < len(line); i++ {
			if line[i] == 0x1b && i+1 < len(line) && line[i+1] == '[' {
				j := i + 2
				for j < len(line) && (line[j] < 0x40 || line[j] > 0x7e) {
					j++
				}
				if j < len(line) && line[j] == 'm' {
					p.apply(string(line[i+2 : j]))
				}
				i = j
				continue
			}
			c := cell{r: line[i], fg: p.fg, bg: p.bg, bold: p.bold}
			if p.reverse {
				c.fg, c.bg = p.bg, p.fg
				if c.fg == nil {
					c.fg = color.RGBA{0x12, 0x12, 0x12, 0xff}
				}
				if c.bg == nil {
					c.bg = color.RGBA{0xd8, 0xd8, 0xd8, 0xff}
				}
			}
			row = append(row, c)
		}
		rows = append(rows, row)
	}
	return rows, sc.Err()
}

// apply takes one SGR sequence's parameters.
func (p *pen) apply(params string) {
	ps := strings.FieldsFunc(params, func(r rune) bool { return r == ';' || r == ':' })
	if len(ps) == 0 {
		*p = pen{}
	}
	n := func(i int) int {
		if i >= len(ps) {
			return 0
		}
		v, _ := strconv.Atoi(ps[i])
		return v
	}
	for i := 0; i < len(ps); i++ {
		v := n(i)
		switch {
		case v == 0:
			*p = pen{}
		case v == 1:
			p.bold = true
		case v == 22:
			p.bold = false
		case v == 7:
			p.reverse = true
		case v == 27:
			p.reverse = false
		case v >= 30 && v <= 37:
			p.fg = basic[v-30]
		case v >= 90 && v <= 97:
			p.fg = basic[v-90+8]
		case v >= 40 && v <= 47:
			p.bg = basic[v-40]
		case v >= 100 && v <= 107:
			p.bg = basic[v-100+8]
		case v == 39:
			p.fg = nil
		case v == 49:
			p.bg = nil
		case (v == 38 || v == 48) && n(i+1) == 5:
			c := indexed(n(i + 2))
			i += 2
			if v == 38 {
				p.fg = c
			} else {
				p.bg = c
			}
		case (v == 38 || v == 48) && n(i+1) == 2:
			c := color.RGBA{uint8(n(i + 2)), uint8(n(i + 3)), uint8(n(i + 4)), 0xff}
			i += 4
			if v == 38 {
				p.fg = c
			} else {
				p.bg = c
			}
		}
	}
}

// basic are the 16 colours as xterm draws them.
var basic = [16]color.Color{
	color.RGBA{0x00, 0x00, 0x00, 0xff}, color.RGBA{0xcd, 0x00, 0x00, 0xff}, color.RGBA{0x00, 0xcd, 0x00, 0xff},
	color.RGBA{0xcd, 0xcd, 0x00, 0xff}, color.RGBA{0x00, 0x00, 0xee, 0xff}, color.RGBA{0xcd, 0x00, 0xcd, 0xff},
	color.RGBA{0x00, 0xcd, 0xcd, 0xff}, color.RGBA{0xe5, 0xe5, 0xe5, 0xff}, color.RGBA{0x7f, 0x7f, 0x7f, 0xff},
	color.RGBA{0xff, 0x00, 0x00, 0xff}, color.RGBA{0x00, 0xff, 0x00, 0xff}, color.RGBA{0xff, 0xff, 0x00, 0xff},
	color.RGBA{0x5c, 0x5c, 0xff, 0xff}, color.RGBA{0xff, 0x00, 0xff, 0xff}, color.RGBA{0x00, 0xff, 0xff, 0xff},
	color.RGBA{0xff, 0xff, 0xff, 0xff},
}

// indexed returns colour n of the 256.
func indexed(n int) color.Color {
	switch {
	case n < 16:
		return basic[n]
	case n < 232:
		n -= 16
		l := func(v int) uint8 {
			if v == 0 {
				return 0
			}
			return uint8(55 + 40*v)
		}
		return color.RGBA{l(n / 36), l(n / 6 % 6), l(n % 6), 0xff}
	}
	g := uint8(8 + 10*(n-232))
	return color.RGBA{g, g, g, 0xff}
}
