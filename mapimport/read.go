package mapimport

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// feature is one feature of a file as the import uses it.
type feature struct {
	index int            // in the file's "features" array
	props map[string]any // its properties (nil when it has none)
	geom  orb.Geometry   // nil when its geometry is null
}

// lonLatCRS are the names of a "crs" member that mean longitude and
// latitude on WGS84, which is what GeoJSON (RFC 7946) is. EPSG:4326 is
// accepted as GeoJSON writers use it: longitude first.
var lonLatCRS = []string{
	"urn:ogc:def:crs:ogc:1.3:crs84",
	"urn:ogc:def:crs:ogc::crs84",
	"ogc:crs84",
	"crs84",
	"http://www.opengis.net/def/crs/ogc/1.3/crs84",
	"epsg:4326",
	"urn:ogc:def:crs:epsg::4326",
	"urn:ogc:def:crs:epsg:4326",
	"http://www.opengis.net/def/crs/epsg/0/4326",
}

// geometryTypes are GeoJSON's geometry types; orb decodes them all.
var geometryTypes = []string{"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"}

// readFeatures decodes src as a GeoJSON FeatureCollection in longitude
// and latitude; file names it in errors.
func readFeatures(file string, src []byte) ([]feature, error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	var top map[string]json.RawMessage
	if err := json.Unmarshal(src, &top); err != nil {
		return nil, fileErr(file, "%s", jsonProblem(src, err))
	}
	var typ string
	if err := json.Unmarshal(top["type"], &typ); err != nil || typ == "" {
		return nil, fileErr(file, `no "type": a GeoJSON file of districts is {"type": "FeatureCollection", "features": [...]}`)
	}
	if typ != "FeatureCollection" {
		return nil, fileErr(file, `is a GeoJSON %q, not a "FeatureCollection" of districts`, typ)
	}
	if err := checkCRS(top["crs"]); err != nil {
		return nil, fileErr(file, "%s", err.Msg)
	}
	var raws []json.RawMessage
	if err := json.Unmarshal(top["features"], &raws); err != nil || raws == nil {
		return nil, fileErr(file, `no "features" list`)
	}
	out := make([]feature, 0, len(raws))
	for i, raw := range raws {
		f, err := readFeature(raw)
		if err != nil {
			return nil, featureErr(file, i, "", "%s", err.Msg)
		}
		f.index = i
		out = append(out, f)
	}
	return out, nil
}

// checkCRS accepts no "crs" member (RFC 7946) or one that names
// longitude/latitude, and refuses every other coordinate system.
func checkCRS(raw json.RawMessage) *Error {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var crs struct {
		Type       string `json:"type"`
		Properties struct {
			Name string `json:"name"`
			Href string `json:"href"`
		} `json:"properties"`
	}
	_ = json.Unmarshal(raw, &crs)
	name := crs.Properties.Name
	if crs.Type == "name" && slices.Contains(lonLatCRS, strings.ToLower(name)) {
		return nil
	}
	if name == "" {
		name = crs.Properties.Href
	}
	if name == "" {
		name = string(raw)
	}
	return &Error{Msg: "declares the coordinate system " + quote(name) +
		"; only longitude/latitude (CRS84, EPSG:4326) is read: reproject it first, e.g. " +
		"ogr2ogr -t_srs EPSG:4326 OUT.geojson IN.geojson"}
}

// readFeature decodes one feature with orb, after checking the parts
// orb's errors would not name.
func readFeature(raw json.RawMessage) (feature, *Error) {
	var head struct {
		Type     string          `json:"type"`
		Geometry json.RawMessage `json:"geometry"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return feature{}, &Error{Msg: "not a JSON object"}
	}
	if head.Type != "Feature" {
		return feature{}, &Error{Msg: "is a " + quote(head.Type) + `, not a "Feature"`}
	}
	var geom struct {
		Type string `json:"type"`
	}
	if len(head.Geometry) > 0 && string(head.Geometry) != "null" {
		if err := json.Unmarshal(head.Geometry, &geom); err != nil || !slices.Contains(geometryTypes, geom.Type) {
			return feature{}, &Error{Msg: "geometry: type " + quote(geom.Type) + " is not a GeoJSON geometry"}
		}
	}
	f, err := geojson.UnmarshalFeature(raw)
	if err != nil {
		return feature{}, &Error{Msg: "geometry or properties: " + strings.TrimPrefix(err.Error(), "geojson: ")}
	}
	return feature{props: f.Properties, geom: f.Geometry}, nil
}

// quote quotes s for a message, shortened when long.
func quote(s string) string {
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60]) + "…"
	}
	return strconv.Quote(s)
}
