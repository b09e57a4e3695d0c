package mapimport

import (
	"bytes"
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the generated GeoJSON and the golden maps")

// The fixtures lie near Daugavpils; their shapes are drawn in kilometres
// east and north of this corner.
const originLon, originLat = 26.45, 55.85

// km returns the position x km east and y km north of the origin.
func km(x, y float64) []float64 {
	lat := originLat + y/111.32
	lon := originLon + x/(111.32*math.Cos(originLat*math.Pi/180))
	return []float64{math.Round(lon*1e6) / 1e6, math.Round(lat*1e6) / 1e6}
}

// box returns a closed ring from (x0, y0) to (x1, y1), in km.
func box(x0, y0, x1, y1 float64) [][]float64 {
	return [][]float64{km(x0, y0), km(x1, y0), km(x1, y1), km(x0, y1), km(x0, y0)}
}

// poly is a Polygon geometry of rings; multi a MultiPolygon of polygons.
func poly(rings ...[][]float64) map[string]any {
	return map[string]any{"type": "Polygon", "coordinates": rings}
}

func multi(polys ...[][][]float64) map[string]any {
	return map[string]any{"type": "MultiPolygon", "coordinates": polys}
}

// feat is a Feature of geometry g with properties props.
func feat(g map[string]any, props map[string]any) map[string]any {
	return map[string]any{"type": "Feature", "properties": props, "geometry": g}
}

// collection writes a FeatureCollection, one feature a line.
func collection(features ...map[string]any) []byte {
	var b bytes.Buffer
	b.WriteString(`{"type": "FeatureCollection", "features": [` + "\n")
	for i, f := range features {
		line, err := json.Marshal(f)
		if err != nil {
			panic(err)
		}
		b.Write(line)
		if i < len(features)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("]}\n")
	return b.Bytes()
}

// fixtures returns the generated GeoJSON files by name.
//
// shapes.geojson, 12 × 6 km: Ziemeļi across the north; Gredzens a donut
// whose hole holds the enclave Kodols and background; Salas two pieces,
// the second an exclave in a hole of Заречье, the first with a hole that
// is the tiny Ķīmija (50 m square, far smaller than a cell).
// water.geojson: the river Daugava (a polygon) between Ziemeļi and the
// rest, and a stream Strauts as a line. squares.geojson: nine 2-km
// squares named by compass points.
func fixtures() map[string][]byte {
	name := func(n string) map[string]any { return map[string]any{"name": n} }
	tiny := box(7.5, 2, 7.55, 2.05)
	island := box(10.5, 0.5, 11.5, 1.5)
	shapes := collection(
		feat(poly(box(0, 4.2, 12, 6)), map[string]any{"name": "Ziemeļi", "name_ru": "Север"}),
		feat(poly(box(0, 0, 6, 3.8), box(2, 1, 4, 3)), name("Gredzens")),
		feat(poly(box(2.5, 1.5, 3.5, 2.5)), name("Kodols")),
		feat(multi([][][]float64{box(6, 0, 9, 3.8), tiny}, [][][]float64{island}), map[string]any{"name": "Salas", "name_ru": "Острова"}),
		feat(poly(box(9, 0, 12, 3.8), island), map[string]any{"name": "Заречье", "name_ru": "Zarečje"}),
		feat(poly(tiny), map[string]any{"name": "Ķīmija", "name_ru": "Химия"}),
	)
	water := collection(
		feat(poly(box(-1, 3.5, 13, 4.5)), name("Daugava")),
		feat(map[string]any{"type": "LineString", "coordinates": [][]float64{km(1.1, 6.5), km(1.1, 4.2)}}, name("Strauts")),
	)
	var sq []map[string]any
	compass := [3][3]string{{"North West", "North", "North East"}, {"West", "Middle", "East"}, {"South West", "South", "South East"}}
	for r := range 3 {
		for c := range 3 {
			x, y := float64(2*c), float64(4-2*r)
			sq = append(sq, feat(poly(box(x, y, x+2, y+2)), name(compass[r][c])))
		}
	}
	return map[string][]byte{"shapes.geojson": shapes, "water.geojson": water, "squares.geojson": collection(sq...)}
}

// TestFixtures keeps testdata's GeoJSON files equal to what fixtures
// generates (go test -update rewrites them).
func TestFixtures(t *testing.T) {
	t.Parallel()
	for name, want := range fixtures() {
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test -update writes it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the generator (go test -update rewrites it)", path)
		}
	}
}

// fixture returns a generated file's bytes.
func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, ok := fixtures()[name]
	if !ok {
		t.Fatalf("no fixture %s", name)
	}
	return b
}
