package mapimport

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"standmap/ascii_maps"
)

// golden compares got with testdata/golden/name (go test -update rewrites it).
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("differs from %s (go test -update rewrites it); got:\n%s", path, got)
	}
}

// shapesMap imports shapes.geojson with its water at 48×16.
func shapesMap(t *testing.T) *Result {
	t.Helper()
	res, err := Import(fixture(t, "shapes.geojson"), Options{
		File: "testdata/shapes.geojson", NameProperty: "name", AliasProperties: []string{"name_ru"},
		City: "Upesciems", Cols: 48, Rows: 16, Water: fixture(t, "water.geojson"), WaterFile: "testdata/water.geojson",
		Attribution: "Fixtures made by fixtures_test.go; no rights reserved.",
	})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestGoldenShapes(t *testing.T) {
	t.Parallel()
	res := shapesMap(t)
	golden(t, "shapes.map", res.Map)
	if len(res.Warnings) > 0 {
		t.Errorf("warnings: %q", res.Warnings)
	}
}

func TestGoldenSquares(t *testing.T) {
	t.Parallel()
	res, err := Import(fixture(t, "squares.geojson"), Options{File: "squares.geojson", NameProperty: "name", Cols: 24, Rows: 12})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "squares.map", res.Map)
	// The 6-km square city fills 24×12 cells (twice as tall as wide), so
	// each 2-km square is 8×4 of them.
	g := res.City.Grid
	if g.Width != 24 || g.Height != 12 {
		t.Fatalf("grid %d×%d, want 24×12", g.Width, g.Height)
	}
	for i, a := range res.City.Areas {
		if a.Cells != 32 {
			t.Errorf("%s has %d cells, want 8×4 = 32", res.City.Neighbourhoods[i].Name, a.Cells)
		}
	}
}

// cellsOf returns the grid positions of the neighbourhood named name.
func cellsOf(t *testing.T, c *ascii_maps.City, name string) []ascii_maps.Point {
	t.Helper()
	i := c.Index(name)
	if i < 0 {
		t.Fatalf("no neighbourhood %q", name)
	}
	var out []ascii_maps.Point
	for k, cell := range c.Grid.Cells {
		if int(cell) == i {
			out = append(out, ascii_maps.Point{Col: k % c.Grid.Width, Row: k / c.Grid.Width})
		}
	}
	return out
}

// pieces counts the separate pieces (4-connected) of the cells pts.
func pieces(pts []ascii_maps.Point) int {
	in := make(map[ascii_maps.Point]bool, len(pts))
	for _, p := range pts {
		in[p] = true
	}
	seen := make(map[ascii_maps.Point]bool)
	n := 0
	for _, p := range pts {
		if seen[p] {
			continue
		}
		n++
		stack := []ascii_maps.Point{p}
		seen[p] = true
		for len(stack) > 0 {
			q := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, d := range []ascii_maps.Point{{Col: 1}, {Col: -1}, {Row: 1}, {Row: -1}} {
				r := ascii_maps.Point{Col: q.Col + d.Col, Row: q.Row + d.Row}
				if in[r] && !seen[r] {
					seen[r] = true
					stack = append(stack, r)
				}
			}
		}
	}
	return n
}

// TestShapes checks what the golden file shows: the donut keeps its hole
// (the enclave and background inside it), the exclave keeps its piece,
// the tiny district its cell, and every name its letters.
func TestShapes(t *testing.T) {
	t.Parallel()
	res := shapesMap(t)
	c := res.City
	// 12 km × 6 km in at most 48×16: a cell is 250 m × 500 m, 48×12.
	if c.Grid.Width != 48 || c.Grid.Height != 12 {
		t.Fatalf("grid %d×%d, want 48×12", c.Grid.Width, c.Grid.Height)
	}
	ring := cellsOf(t, c, "Gredzens")
	for _, p := range ring { // the hole is 2–4 km east, 1–3 km north: cols 8–15, rows 6–9
		if p.Col >= 9 && p.Col <= 14 && p.Row >= 7 && p.Row <= 8 {
			t.Errorf("Gredzens has cell %v inside its hole", p)
		}
	}
	kodols := cellsOf(t, c, "Kodols")
	if len(kodols) != 4*2 {
		t.Errorf("Kodols (1 km square) has %d cells, want 4×2", len(kodols))
	}
	hole := 0
	for r := 6; r < 10; r++ {
		for col := 8; col < 16; col++ {
			if c.Grid.At(col, r) == ascii_maps.Empty {
				hole++
			}
		}
	}
	if hole != 8*4-len(kodols) {
		t.Errorf("the donut's hole has %d background cells, want %d", hole, 8*4-len(kodols))
	}
	if n := pieces(cellsOf(t, c, "Salas")); n != 2 {
		t.Errorf("Salas is in %d pieces, want 2 (its exclave kept)", n)
	}
	if n := len(cellsOf(t, c, "Ķīmija")); n != 1 {
		t.Errorf("Ķīmija (50 m square) has %d cells, want 1", n)
	}
	for _, name := range []string{"Ziemeļi", "Заречье", "Север", "Zarečje", "kimija", "химия"} {
		if c.Index(name) < 0 {
			t.Errorf("%q finds no neighbourhood", name)
		}
	}
	if len(c.Water) != 2 || c.Water[0].Name != "Daugava" || c.Water[1].Name != "Strauts" {
		t.Errorf("water labels %+v, want Daugava and Strauts", c.Water)
	}
	for _, row := range []int{0, 1, 2} { // the stream, from the map's top down to the river
		if c.Grid.At(4, row) != ascii_maps.Water {
			t.Errorf("the stream does not cross cell 4,%d", row)
		}
	}
	for _, want := range []string{"note: 6 districts from shapes.geojson", "note: Water from water.geojson.", "cos 55.", "note: Fixtures made"} {
		if !strings.Contains(string(res.Map), want) {
			t.Errorf("the map has no %q", want)
		}
	}
}

// TestWaterBeyondTheCity clips a sea and a river far larger than the city
// to its grid: the river crosses it, the sea outside draws nothing.
func TestWaterBeyondTheCity(t *testing.T) {
	t.Parallel()
	water := collection(
		feat(poly(box(-3000, -3000, -0.5, 3000)), map[string]any{"name": "Sea"}),
		feat(map[string]any{"type": "LineString", "coordinates": [][]float64{km(-3000, 3.1), km(3000, 3.1)}}, map[string]any{"name": "Long River"}),
	)
	res, err := Import(fixture(t, "squares.geojson"), Options{File: "squares.geojson", NameProperty: "name", Cols: 24, Rows: 12,
		Water: water, WaterFile: "water.geojson"})
	if err != nil {
		t.Fatal(err)
	}
	g := res.City.Grid
	for col := range g.Width { // 3.1 km north of the squares' south edge, 6 km tall: row 5
		if g.At(col, 5) != ascii_maps.Water {
			t.Errorf("the river does not cross cell %d,5", col)
		}
	}
	riverCells := 0
	for _, c := range g.Cells {
		if c == ascii_maps.Water {
			riverCells++
		}
	}
	if riverCells != g.Width {
		t.Errorf("%d water cells, want the river's %d", riverCells, g.Width)
	}
	if len(res.City.Water) != 1 || res.City.Water[0].Name != "Long River" {
		t.Errorf("water labels %+v", res.City.Water)
	}
}

// TestTinyNeighbours: three districts of 10 m in one cell each get a cell
// of their own, next to where they lie, without emptying each other.
func TestTinyNeighbours(t *testing.T) {
	t.Parallel()
	src := collection(
		feat(poly(box(0, 0, 4, 2)), map[string]any{"name": "Big"}),
		feat(poly(box(2, 1, 2.01, 1.01)), map[string]any{"name": "Tiny A"}),
		feat(poly(box(2.02, 1, 2.03, 1.01)), map[string]any{"name": "Tiny B"}),
		feat(poly(box(2.04, 1, 2.05, 1.01)), map[string]any{"name": "Tiny C"}),
	)
	res, err := Import(src, Options{File: "tiny.geojson", NameProperty: "name", Cols: 16, Rows: 4})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[ascii_maps.Point]string{}
	for _, name := range []string{"Tiny A", "Tiny B", "Tiny C"} {
		cells := cellsOf(t, res.City, name)
		if len(cells) != 1 {
			t.Fatalf("%s has %d cells", name, len(cells))
		}
		p := cells[0]
		if other, dup := seen[p]; dup {
			t.Errorf("%s and %s share cell %v", name, other, p)
		}
		seen[p] = name
		if d := max(p.Col-8, 8-p.Col) + 2*max(p.Row-2, 2-p.Row); d > 3 { // 2 km east, 1 km north: cell 8,2
			t.Errorf("%s is at %v, far from cell 8,2", name, p)
		}
	}
	if n := len(cellsOf(t, res.City, "Big")); n != 16*4-3 {
		t.Errorf("Big has %d cells, want %d", n, 16*4-3)
	}
}
