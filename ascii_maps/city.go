// Package ascii_maps holds the cities' map files (embedded), their parser
// and validator: the neighbourhoods, their aliases and the drawing grid.
// It draws nothing; choropleth renders a City.
package ascii_maps

import (
	"bytes"
	"embed"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"standmap/model"
)

//go:embed *.map
var builtin embed.FS

// Cell is what one grid cell holds: the index of a neighbourhood in
// City.Neighbourhoods, or Empty or Water.
type Cell int16

// The cells that are not a neighbourhood.
const (
	// Empty is background: outside the city.
	Empty Cell = -1
	// Water is a river or lake, drawn as ~.
	Water Cell = -2
)

// Point is a grid position, counted from 0 at the top-left cell.
type Point struct {
	Col int // column, from the left
	Row int // row, from the top
}

// Grid is the map's cells, row by row.
type Grid struct {
	Width  int    // cells in a row
	Height int    // rows
	Cells  []Cell // Width*Height, row-major
}

// At returns the cell at col, row, or Empty outside the grid.
func (g *Grid) At(col, row int) Cell {
	if col < 0 || row < 0 || col >= g.Width || row >= g.Height {
		return Empty
	}
	return g.Cells[row*g.Width+col]
}

// Area is where a neighbourhood lies on the grid, parallel to
// City.Neighbourhoods.
type Area struct {
	// Letter marks the neighbourhood's cells in the map file.
	Letter rune
	// Short is the author's short label ("Jaunā F."), or "".
	Short string
	// Label is where its label is centred: the file's position or, when
	// LabelFixed is false, the neighbourhood's cell nearest its centroid.
	Label      Point
	LabelFixed bool // the file gives Label
	// Cells is the number of its cells.
	Cells     int
	CentreCol float64 // mean column of its cells
	CentreRow float64 // mean row of its cells
}

// WaterLabel names a river or lake at a position on the grid.
type WaterLabel struct {
	Name  string // "Daugava"
	Short string // the label when Name does not fit, or ""
	Label Point  // where the label is centred
}

// City is a parsed map file.
type City struct {
	// Name is the city's name as shown in titles.
	Name string
	// Schematic says the map shows places only roughly.
	Schematic bool
	// Notes are the file's note: lines (sources, what is unverified).
	Notes []string
	// Neighbourhoods are in the file's order.
	Neighbourhoods []model.Neighbourhood
	// Areas are where the neighbourhoods lie, parallel to Neighbourhoods.
	Areas []Area
	// Gazetteer finds neighbourhoods by name or alias.
	Gazetteer *model.Gazetteer
	// Water names rivers and lakes.
	Water []WaterLabel
	// Grid assigns each cell to a neighbourhood, water or background.
	Grid Grid
}

// Index returns the position of the neighbourhood named (or aliased) name
// in Neighbourhoods, or -1.
func (c *City) Index(name string) int { return c.Gazetteer.Index(name) }

// Builtin returns the names of the embedded maps, sorted.
func Builtin() []string {
	entries, _ := builtin.ReadDir(".")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".map"))
	}
	sort.Strings(names)
	return names
}

// BuiltinSource returns the text of the embedded map name.
func BuiltinSource(name string) ([]byte, bool) {
	b, err := builtin.ReadFile(name + ".map")
	return b, err == nil
}

// Load parses the built-in map nameOrPath or, when there is none by that
// name, the map file at that path.
func Load(nameOrPath string) (*City, error) {
	if src, ok := BuiltinSource(nameOrPath); ok {
		return Parse(nameOrPath+".map", bytes.NewReader(src))
	}
	f, err := os.Open(nameOrPath)
	if err != nil {
		return nil, fmt.Errorf("map %q is neither built in (%s) nor a readable file: %w",
			nameOrPath, strings.Join(Builtin(), ", "), err)
	}
	defer f.Close()
	return Parse(nameOrPath, f)
}

// Parse reads a map file; name is used in error messages. A file with any
// problem is an error of type Problems, listing them all.
func Parse(name string, r io.Reader) (*City, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read map %s: %w", name, err)
	}
	c, probs := parse(src)
	if len(probs) > 0 {
		return nil, ProblemsError{File: name, Problems: probs}
	}
	return c, nil
}

// Check returns every problem of the map file src (none if it is valid);
// name is the file's name, kept for symmetry with Parse.
func Check(name string, src []byte) []Problem {
	_ = name
	_, probs := parse(src)
	return probs
}
