package mapimport

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"standmap/model"
)

// write returns the map file's text: a head of notes and definitions,
// then the grid.
func (m *drawing) write(opt Options, p projection, ds []district) ([]byte, error) {
	r := m.r
	order := make([]int, len(ds)) // the largest first get the best letters
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return r.cells[order[a]] > r.cells[order[b]] })
	names := make([]string, len(ds))
	for k, i := range order {
		names[k] = ds[i].name
	}
	picked, err := assignLetters(names)
	if err != nil {
		return nil, fileErr(opt.File, "%v", err)
	}
	letters := make([]rune, len(ds))
	for k, i := range order {
		letters[i] = picked[k]
	}

	var b bytes.Buffer
	src := filepath.Base(opt.File)
	fmt.Fprintf(&b, "# Made by standmap maps import from %s. Edit freely (aliases after |,\n", headText(src))
	b.WriteString("# labels, cells); check with standmap maps check. Format: ascii_maps/FORMAT.md.\n")
	fmt.Fprintf(&b, "city: %s\n", headText(cityName(opt)))
	b.WriteString("schematic: no\n")
	fmt.Fprintf(&b, "note: %s from %s, named by its %s property", plural(len(ds), "district"), headText(src), headText(strconv.Quote(opt.NameProperty)))
	if len(opt.AliasProperties) > 0 {
		fmt.Fprintf(&b, ", aliases from %s", headText(strings.Join(opt.AliasProperties, ", ")))
	}
	b.WriteString(".\n")
	if opt.Water != nil {
		fmt.Fprintf(&b, "note: Water from %s.\n", headText(filepath.Base(opt.WaterFile)))
	}
	fmt.Fprintf(&b, "note: Projection: %s.\n", p.describe())
	if a := headText(opt.Attribution); a != "" {
		fmt.Fprintf(&b, "note: %s\n", a)
	}
	b.WriteString("\n")
	for i, d := range ds {
		fmt.Fprintf(&b, "%c = %s ; label %s\n", letters[i], strings.Join(append([]string{d.name}, d.aliases...), " | "), m.cell(m.labels[i]))
	}
	for k, name := range m.waterNames {
		fmt.Fprintf(&b, "~ = %s ; label %s\n", name, m.cell(m.waterLabels[k]))
	}
	b.WriteString("\n[grid]\n")
	for row := range r.rows {
		for col := range r.cols {
			switch o := r.owner[row*r.cols+col]; o {
			case empty:
				b.WriteByte('.')
			case water:
				b.WriteByte('~')
			default:
				b.WriteRune(letters[o])
			}
		}
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}

// headText makes text safe in a head line: control, escape and bidi
// characters dropped (a file's name may hold them; Import refuses them in
// what people type), then as noComment.
func headText(text string) string { return noComment(model.Sanitize(text)) }

// plural writes "1 district", "2 districts".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// cell writes cell i as the format's "COL,ROW", counted from 1.
func (m *drawing) cell(i int) string {
	return fmt.Sprintf("%d,%d", i%m.r.cols+1, i/m.r.cols+1)
}

// noComment makes text safe in a head line: white space runs made one
// space, and a "#" that starts a word (which would start a comment)
// written "No.".
func noComment(text string) string {
	words := strings.Fields(text)
	for i, w := range words {
		if strings.HasPrefix(w, "#") {
			words[i] = "No." + w[1:]
		}
	}
	return strings.Join(words, " ")
}
