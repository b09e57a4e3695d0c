// Package mapimport turns a city's district polygons — GeoJSON in longitude and
// latitude, as cities publish them as open data — into a standmap map
// file: it projects them keeping their proportions, rasterises them into
// the character grid, gives each district a cell letter and a label
// position, and writes the text of an ordinary .map file (see
// ascii_maps/FORMAT.md). It reads and returns bytes: no files, no
// terminal. GeoJSON decoding and point-in-polygon tests are orb's.
package mapimport

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/paulmach/orb"

	"standmap/ascii_maps"
	"standmap/model"
)

// Options says what to import and how.
type Options struct {
	// File is the districts file's name, for errors and the notes.
	File string
	// NameProperty is the property that names each district. Required.
	NameProperty string
	// AliasProperties are properties whose values are other names of a
	// district (a second language, an old name); missing ones are skipped.
	AliasProperties []string
	// City is the city's name; "" takes the file's name without extension.
	City string
	// Cols and Rows bound the grid; zero means DefaultCols×DefaultRows.
	Cols, Rows int
	// Water is a GeoJSON file of rivers and lakes (polygons or lines),
	// drawn as ~; nil for none. Its features named by NameProperty are
	// labelled.
	Water []byte
	// WaterFile is the water file's name, for errors and the notes.
	WaterFile string
	// Attribution is the data's source and licence, recorded in a note.
	Attribution string
}

// Result is an imported map.
type Result struct {
	// Map is the map file's text.
	Map []byte
	// City is Map parsed back: the file passes standmap maps check.
	City *ascii_maps.City
	// Warnings say what was changed or left out: names whose characters
	// the format cannot hold, aliases that clash with another district.
	Warnings []string
}

// district is one feature of the districts file, read and checked.
type district struct {
	feature int // its index in the file's features
	name    string
	aliases []string
	shape   orb.MultiPolygon
}

// Import reads the districts file src (and opt.Water) and returns the map
// file. Any fault of a file is an *Error naming the feature and property.
func Import(src []byte, opt Options) (*Result, error) {
	if opt.NameProperty == "" {
		return nil, errors.New("the name property is required (which property names the districts?)")
	}
	for _, t := range [...]struct{ what, text string }{{"city name", opt.City}, {"attribution", opt.Attribution}} {
		if model.HasUnsafe(t.text) {
			return nil, fmt.Errorf("the %s %s holds a control, escape or bidi character", t.what, quote(t.text))
		}
	}
	if opt.City != "" && strings.TrimSpace(opt.City) == "" {
		return nil, errors.New("the city name is blank")
	}
	if opt.Cols == 0 && opt.Rows == 0 {
		opt.Cols, opt.Rows = DefaultCols, DefaultRows
	}
	if opt.Cols < 1 || opt.Rows < 1 || opt.Cols > MaxCols || opt.Rows > MaxRows {
		return nil, fmt.Errorf("size %dx%d: from 1x1 to %dx%d", opt.Cols, opt.Rows, MaxCols, MaxRows)
	}
	res := &Result{}
	ds, err := readDistricts(src, opt, &res.Warnings)
	if err != nil {
		return nil, err
	}
	var b orb.Bound
	for i, d := range ds {
		if i == 0 {
			b = d.shape.Bound()
		}
		b = b.Union(d.shape.Bound())
	}
	proj, err := newProjection(b, opt.Cols, opt.Rows)
	if err != nil {
		return nil, fileErr(opt.File, "%v", err)
	}
	ws, err := readWater(opt)
	if err != nil {
		return nil, err
	}
	m, err := draw(proj, ds, ws)
	if err != nil {
		return nil, fileErr(opt.File, "%v", err)
	}
	res.Map, err = m.write(opt, proj, ds)
	if err != nil {
		return nil, err
	}
	res.City, err = ascii_maps.Parse(opt.File, bytes.NewReader(res.Map))
	if err != nil { // a fault of this package, not of the file
		return nil, fmt.Errorf("the map made from %s does not pass its own check (please report): %w", opt.File, err)
	}
	return res, nil
}

// readDistricts reads and checks the districts, sorted by name.
func readDistricts(src []byte, opt Options, warnings *[]string) ([]district, error) {
	feats, err := readFeatures(opt.File, src)
	if err != nil {
		return nil, err
	}
	if len(feats) == 0 {
		return nil, fileErr(opt.File, "has no features")
	}
	if len(feats) > MaxDistricts {
		return nil, fileErr(opt.File, "has %d features; a map holds at most %d districts", len(feats), MaxDistricts)
	}
	prop := opt.NameProperty
	ds := make([]district, 0, len(feats))
	byFold := make(map[string]int) // a name's fold → index in ds
	for _, f := range feats {
		text, ok, err := propertyText(f, prop)
		if err != nil {
			return nil, featureErr(opt.File, f.index, prop, "%v", err)
		}
		if !ok {
			return nil, featureErr(opt.File, f.index, prop, "missing or null (%s)", propertyNames(f))
		}
		name, changed, err := cleanName(text)
		if err != nil {
			return nil, featureErr(opt.File, f.index, prop, "%v", err)
		}
		if name == "" {
			return nil, featureErr(opt.File, f.index, prop, "is empty")
		}
		if changed {
			*warnings = append(*warnings, fmt.Sprintf("%s: features[%d]: name %s written as %q (| ; and # are part of the map format)", opt.File, f.index, quote(text), name))
		}
		if j, dup := byFold[model.Fold(name)]; dup {
			return nil, featureErr(opt.File, f.index, prop, "%q is the same name as features[%d]'s %q (case and accents aside): districts need different names; merge them into one MultiPolygon, or name them by another property",
				name, ds[j].feature, ds[j].name)
		}
		shape, err := districtShape(f.geom)
		if err != nil {
			return nil, featureErr(opt.File, f.index, "", "%s: %v", quote(name), err)
		}
		byFold[model.Fold(name)] = len(ds)
		ds = append(ds, district{feature: f.index, name: name, shape: shape})
	}
	if err := readAliases(ds, feats, opt, byFold, warnings); err != nil {
		return nil, err
	}
	sort.SliceStable(ds, func(i, j int) bool {
		fi, fj := model.Fold(ds[i].name), model.Fold(ds[j].name)
		if fi != fj {
			return fi < fj
		}
		return ds[i].name < ds[j].name
	})
	return ds, nil
}

// cityName returns opt.City, or the file's name without its extension.
func cityName(opt Options) string {
	if opt.City != "" {
		return opt.City
	}
	base := filepath.Base(opt.File)
	if name := headText(strings.TrimSuffix(base, filepath.Ext(base))); name != "" {
		return name
	}
	return "City"
}
