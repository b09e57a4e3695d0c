package mapimport

import (
	"errors"
	"strings"
	"testing"
)

// square is a valid polygon geometry near the fixtures' origin, dx km east.
func square(dx float64) map[string]any { return poly(box(dx, 0, dx+1, 1)) }

// named is a feature of a square named name, dx km east.
func named(name string, dx float64) map[string]any {
	return feat(square(dx), map[string]any{"name": name})
}

// TestBadFiles refuses every kind of bad file with the feature (its index
// in "features", or -1 for the whole file) and the property at fault, and
// returns no map.
func TestBadFiles(t *testing.T) {
	t.Parallel()
	good := collection(named("Grīva", 0), named("Centrs", 1))
	tests := []struct {
		name    string
		src     string
		feature int
		prop    string
		msg     string
	}{
		{"empty file", "", -1, "", "the file is empty"},
		{"not JSON", "{\"type\": \"FeatureCollection\",\n  features: []}", -1, "", "not JSON: line 2, column 3"},
		{"cut off", string(good[:40]), -1, "", "not JSON"},
		{"an array", "[1, 2]", -1, "", "a JSON array, not an object"},
		{"no type", `{"features": []}`, -1, "", `no "type"`},
		{"a single Feature", `{"type": "Feature", "properties": {}, "geometry": null}`, -1, "", `is a GeoJSON "Feature", not a "FeatureCollection"`},
		{"a geometry", `{"type": "Polygon", "coordinates": []}`, -1, "", `not a "FeatureCollection"`},
		{"no features", `{"type": "FeatureCollection"}`, -1, "", `no "features" list`},
		{"features not a list", `{"type": "FeatureCollection", "features": {}}`, -1, "", `no "features" list`},
		{"zero features", `{"type": "FeatureCollection", "features": []}`, -1, "", "has no features"},
		{"projected CRS", `{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3059"}}, "features": []}`,
			-1, "", `declares the coordinate system "urn:ogc:def:crs:EPSG::3059"; only longitude/latitude`},
		{"linked CRS", `{"type": "FeatureCollection", "crs": {"type": "link", "properties": {"href": "http://example.org/crs"}}, "features": []}`,
			-1, "", `coordinate system "http://example.org/crs"`},
		{"feature not an object", `{"type": "FeatureCollection", "features": [` + string(collectionItem(named("A", 0))) + `, 42]}`, 1, "", "not a JSON object"},
		{"feature of another type", string(collection(named("A", 0), map[string]any{"type": "Point", "coordinates": []float64{1, 2}})), 1, "", `is a "Point", not a "Feature"`},
		{"missing name", string(collection(named("A", 0), named("B", 1), feat(square(2), map[string]any{"nosaukums": "C", "id": 3}))),
			2, "name", "missing or null (it has id, nosaukums)"},
		{"null name", string(collection(feat(square(0), map[string]any{"name": nil}))), 0, "name", "missing or null"},
		{"no properties", string(collection(named("A", 0), feat(square(1), nil))), 1, "name", "it has no properties"},
		{"name not text", string(collection(named("A", 0), feat(square(1), map[string]any{"name": true}))), 1, "name", "is true, not text"},
		{"name a list", string(collection(feat(square(1), map[string]any{"name": []string{"a"}}))), 0, "name", "is a list, not text"},
		{"blank name", string(collection(named("A", 0), named(" \t ", 1))), 1, "name", "is empty"},
		{"escape in name", string(collection(named("A", 0), named("Red\x1b[31m", 1))), 1, "name", "control, escape or bidi character (U+001B at character 4)"},
		{"bidi in name", string(collection(named("Ab\u202eC", 0))), 0, "name", "U+202E"},
		{"same folded name", string(collection(named("Grīva", 0), named("Centrs", 1), named("GRIVA", 2))),
			2, "name", `"GRIVA" is the same name as features[0]'s "Grīva" (case and accents aside)`},
		{"a Point", string(collection(named("A", 0), feat(map[string]any{"type": "Point", "coordinates": km(0, 0)}, map[string]any{"name": "B"}))),
			1, "", `"B": geometry is a Point, not a Polygon or MultiPolygon`},
		{"a LineString", string(collection(feat(map[string]any{"type": "LineString", "coordinates": [][]float64{km(0, 0), km(1, 1)}}, map[string]any{"name": "B"}))),
			0, "", "geometry is a LineString"},
		{"null geometry", string(collection(named("A", 0), feat(nil, map[string]any{"name": "B"}))), 1, "", "geometry is empty: a district needs a place"},
		{"empty polygon", string(collection(feat(map[string]any{"type": "Polygon", "coordinates": []any{}}, map[string]any{"name": "B"}))), 0, "", "geometry is empty"},
		{"empty multipolygon", string(collection(feat(map[string]any{"type": "MultiPolygon", "coordinates": []any{}}, map[string]any{"name": "B"}))), 0, "", "geometry is empty"},
		{"collection with a line", string(collection(feat(map[string]any{"type": "GeometryCollection", "geometries": []any{
			square(0), map[string]any{"type": "LineString", "coordinates": [][]float64{km(0, 0), km(1, 1)}}}}, map[string]any{"name": "B"}))),
			0, "", "geometry geometries[1] is a LineString"},
		{"unknown geometry", string(collection(feat(map[string]any{"type": "Circle", "radius": 3}, map[string]any{"name": "B"}))), 0, "", `type "Circle" is not a GeoJSON geometry`},
		{"bad coordinates", `{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "A"}, "geometry": {"type": "Polygon", "coordinates": [["x"]]}}]}`,
			0, "", "geometry or properties"},
		{"short ring", string(collection(feat(poly([][]float64{km(0, 0), km(1, 0), km(0, 0)}), map[string]any{"name": "B"}))), 0, "", "polygon 0, ring 0 has 3 positions"},
		{"projected coordinates", string(collection(named("A", 0), feat(poly([][]float64{{512345, 6423456}, {513345, 6423456}, {513345, 6424456}, {512345, 6423456}}), map[string]any{"name": "B"}))),
			1, "", "position 0 [512345, 6.423456e+06] is not [longitude, latitude]"},
		{"latitude over 90", string(collection(feat(poly([][]float64{{26, 55}, {26, 95}, {27, 55}, {26, 55}}), map[string]any{"name": "B"}))), 0, "", "position 1 [26, 95]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Import([]byte(tt.src), Options{File: "districts.geojson", NameProperty: "name"})
			if res != nil {
				t.Errorf("a map came back with the error")
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v (%T), want *Error", err, err)
			}
			if e.File != "districts.geojson" || e.Feature != tt.feature || e.Property != tt.prop {
				t.Errorf("error at %s, features[%d], property %q; want features[%d], property %q", e.File, e.Feature, e.Property, tt.feature, tt.prop)
			}
			if !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("message %q does not say %q", e.Msg, tt.msg)
			}
		})
	}
}

// collectionItem marshals one feature for a hand-written collection.
func collectionItem(f map[string]any) []byte {
	b := collection(f)
	s := strings.TrimPrefix(string(b), `{"type": "FeatureCollection", "features": [`+"\n")
	return []byte(strings.TrimSuffix(s, "\n]}\n"))
}

// TestErrorText shows where the fault is, as the command prints it.
func TestErrorText(t *testing.T) {
	t.Parallel()
	_, err := Import(collection(named("A", 0), feat(square(1), map[string]any{"id": 2})), Options{File: "riga.geojson", NameProperty: "name"})
	want := `riga.geojson: features[1]: property "name": missing or null (it has id)`
	if err == nil || err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	_, err = Import([]byte("nope"), Options{File: "riga.geojson", NameProperty: "name"})
	if err == nil || !strings.HasPrefix(err.Error(), "riga.geojson: not JSON: line 1, column 2") {
		t.Errorf("error %q", err)
	}
}

// TestBadWater refuses a bad water file with its own name and feature.
func TestBadWater(t *testing.T) {
	t.Parallel()
	water := collection(feat(poly(box(0, 0, 1, 1)), map[string]any{"name": "Ezers"}),
		feat(map[string]any{"type": "Point", "coordinates": km(0, 0)}, map[string]any{"name": "Aka"}))
	_, err := Import(collection(named("A", 0)), Options{File: "d.geojson", NameProperty: "name", Water: water, WaterFile: "w.geojson"})
	var e *Error
	if !errors.As(err, &e) || e.File != "w.geojson" || e.Feature != 1 || !strings.Contains(e.Msg, "is a Point") {
		t.Errorf("error %v, want w.geojson's features[1], a Point", err)
	}
	_, err = Import(collection(named("A", 0)), Options{File: "d.geojson", NameProperty: "name", Water: []byte("{}"), WaterFile: "w.geojson"})
	if !errors.As(err, &e) || e.File != "w.geojson" || e.Feature != -1 {
		t.Errorf("error %v, want w.geojson as a whole", err)
	}
}

// TestAcceptedVariants reads what GIS tools write besides the plain form:
// a CRS84 or EPSG:4326 crs member, a GeometryCollection of polygons, a
// byte-order mark, numeric names, names with the format's separators.
func TestAcceptedVariants(t *testing.T) {
	t.Parallel()
	for _, crs := range []string{"urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326", "urn:ogc:def:crs:EPSG::4326"} {
		src := `{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "` + crs + `"}}, "features": [` + string(collectionItem(named("A", 0))) + `]}`
		if _, err := Import([]byte(src), Options{File: "d.geojson", NameProperty: "name"}); err != nil {
			t.Errorf("crs %s: %v", crs, err)
		}
	}
	gc := feat(map[string]any{"type": "GeometryCollection", "geometries": []any{square(0), square(3)}}, map[string]any{"name": "Divdaļas"})
	src := append([]byte("\ufeff"), collection(gc, feat(square(1.5), map[string]any{"name": 7}), named("Ala | Bala; #3", 5))...)
	res, err := Import(src, Options{File: "d.geojson", NameProperty: "name", Cols: 40, Rows: 10})
	if err != nil {
		t.Fatal(err)
	}
	if n := pieces(cellsOf(t, res.City, "Divdaļas")); n != 2 {
		t.Errorf("the collection's two squares are %d pieces", n)
	}
	if res.City.Index("7") < 0 || res.City.Index("Ala / Bala, No.3") < 0 {
		t.Errorf("names: %v", res.City.Neighbourhoods)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], `features[2]: name "Ala | Bala; #3" written as "Ala / Bala, No.3"`) {
		t.Errorf("warnings %q", res.Warnings)
	}
}

// TestAliases keeps a district's other names, drops one equal to its own
// name, and leaves out with a warning one that is another district's.
func TestAliases(t *testing.T) {
	t.Parallel()
	src := collection(
		feat(square(0), map[string]any{"name": "Grīva", "alt": "Griva", "ru": "Грива"}),
		feat(square(1), map[string]any{"name": "Centrs", "alt": "Grīva", "ru": nil}),
	)
	res, err := Import(src, Options{File: "d.geojson", NameProperty: "name", AliasProperties: []string{"alt", "ru"}})
	if err != nil {
		t.Fatal(err)
	}
	ns := res.City.Neighbourhoods
	if len(ns) != 2 || ns[0].Name != "Centrs" || len(ns[0].Aliases) != 0 || ns[1].Name != "Grīva" || strings.Join(ns[1].Aliases, ",") != "Грива" {
		t.Errorf("neighbourhoods %+v", ns)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], `features[1]: property "alt": alias "Grīva" of Centrs left out`) {
		t.Errorf("warnings %q", res.Warnings)
	}
	_, err = Import(src, Options{File: "d.geojson", NameProperty: "name", AliasProperties: []string{"alt", "nav"}})
	if err != nil {
		t.Errorf("a missing alias property: %v", err)
	}

	// An alias that several districts share (their larger district) finds
	// none of them: it is left out of all, with one warning.
	src = collection(
		feat(square(0), map[string]any{"name": "Loyal Heights", "nhood": "Ballard"}),
		feat(square(1), map[string]any{"name": "Sunset Hill", "nhood": "Ballard"}),
		feat(square(2), map[string]any{"name": "Adams", "nhood": "ballard"}),
		feat(square(3), map[string]any{"name": "Fremont", "nhood": "Fremont Area"}),
	)
	res, err = Import(src, Options{File: "d.geojson", NameProperty: "name", AliasProperties: []string{"nhood"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range res.City.Neighbourhoods {
		if want := map[string]string{"Fremont": "Fremont Area"}[n.Name]; strings.Join(n.Aliases, ",") != want {
			t.Errorf("%s has aliases %q, want %q", n.Name, n.Aliases, want)
		}
	}
	want := `d.geojson: property "nhood": alias "Ballard" left out: 3 districts have it (features[0], features[1], features[2])`
	if len(res.Warnings) != 1 || res.Warnings[0] != want {
		t.Errorf("warnings %q, want %q", res.Warnings, want)
	}
}

// TestOptionText refuses a city name or attribution with control
// characters, and keeps the head of the map file safe from a file name or
// text that would start a comment.
func TestOptionText(t *testing.T) {
	t.Parallel()
	src := collection(named("A", 0))
	for _, opt := range []Options{
		{File: "d.geojson", NameProperty: "name", City: "Rīga\x1b]0;pwned\a"},
		{File: "d.geojson", NameProperty: "name", Attribution: "© \u202eCC0"},
		{File: "d.geojson", NameProperty: "name", City: "   "},
		{File: "d.geojson"},
		{File: "d.geojson", NameProperty: "name", Cols: 5000, Rows: 10},
	} {
		if res, err := Import(src, opt); err == nil || res != nil {
			t.Errorf("%+v: no error", opt)
		}
	}
	res, err := Import(src, Options{File: "dir/#1 \x1b[2Jdistricts.geojson", NameProperty: "x #y", AliasProperties: []string{"alt #2"},
		Attribution: "Data #1: © Rīgas dome, CC BY 4.0"})
	if err == nil {
		t.Fatalf("no error for a missing property; map:\n%s", res.Map)
	}
	src = collection(feat(square(0), map[string]any{"x #y": "A"}))
	res, err = Import(src, Options{File: "dir/#1 \x1b[2Jdistricts.geojson", NameProperty: "x #y", AliasProperties: []string{"alt #2"},
		Attribution: "Data #1: © Rīgas dome, CC BY 4.0"})
	if err != nil {
		t.Fatal(err)
	}
	if res.City.Name != "No.1 districts" { // the escape sequence dropped whole
		t.Errorf("city %q", res.City.Name)
	}
	want := []string{`1 district from No.1 districts.geojson, named by its "x No.y" property, aliases from alt No.2.`, "Data No.1: © Rīgas dome, CC BY 4.0"}
	for i, w := range want {
		if n := res.City.Notes[[]int{0, 2}[i]]; n != w {
			t.Errorf("note %q, want %q", n, w)
		}
	}
}
