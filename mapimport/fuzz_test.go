package mapimport

import (
	"errors"
	"testing"

	"standmap/ascii_maps"
)

// FuzzImport feeds any bytes to Import as a districts file. It never
// panics; it fails only with an *Error, which names the file; and what it
// makes passes maps check with one neighbourhood for each feature.
func FuzzImport(f *testing.F) {
	for _, name := range []string{"shapes.geojson", "squares.geojson", "water.geojson"} {
		f.Add(fixtures()[name])
	}
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"A"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[0,0],[0,0],[0,0]]]}}]}`))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"A"},"geometry":{"type":"GeometryCollection","geometries":[]}}]}`))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"A"},"geometry":{"type":"Polygon","coordinates":[[[-180,-90],[180,-90],[180,90],[-180,-90]]]}}]}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		res, err := Import(src, Options{File: "fuzz.geojson", NameProperty: "name", Cols: 40, Rows: 12})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.File != "fuzz.geojson" || res != nil {
				t.Fatalf("error %v (%T), map %v", err, err, res != nil)
			}
			return
		}
		if probs := ascii_maps.Check("fuzz.map", res.Map); len(probs) > 0 {
			t.Fatalf("the map made does not pass the check: %v\n%s", probs, res.Map)
		}
		for i, a := range res.City.Areas {
			if a.Cells == 0 {
				t.Fatalf("%s has no cell", res.City.Neighbourhoods[i].Name)
			}
		}
	})
}
