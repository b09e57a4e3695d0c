package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"standmap/ascii_maps/geo"
)

// The flags of maps import, set anew by every parse.
var (
	importNameProp, importCity, importSize, importWater, importAttribution, importOut string
	importAliasProps                                                                  listFlag
)

// listFlag is a flag that may be given more than once.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

// mapsImportFlags adds the flags of maps import to the maps command.
func mapsImportFlags(fs *flag.FlagSet) {
	importAliasProps = nil
	fs.StringVar(&importNameProp, "name-property", "", "maps import: the `property` that names each district (required)")
	fs.Var(&importAliasProps, "alias-property", "maps import: a `property` holding another name of a district (repeatable)")
	fs.StringVar(&importCity, "city", "", "maps import: the city's `name` (default: the file's name)")
	fs.StringVar(&importSize, "size", fmt.Sprintf("%dx%d", geo.DefaultCols, geo.DefaultRows), "maps import: the largest grid, `COLSxROWS`; the map keeps its proportions inside it")
	fs.StringVar(&importWater, "water", "", "maps import: a GeoJSON `file` of rivers and lakes, drawn as ~")
	fs.StringVar(&importAttribution, "attribution", "", "maps import: the data's source and licence (`TEXT`), kept in a note")
	fs.StringVar(&importOut, "out", "", "maps import: write to `FILE` (replaced whole, atomically) instead of standard output")
}

// importMap writes a map file made from a GeoJSON file of districts; it
// writes nothing on any error.
func importMap(e *env, args []string) error {
	if len(args) != 1 {
		return usageError{"maps import needs one FILE.geojson"}
	}
	if importNameProp == "" {
		return usageError{"maps import needs --name-property: the property that names each district"}
	}
	cols, rows, err := geo.ParseSize(importSize)
	if err != nil {
		return usageError{"--" + err.Error()}
	}
	src, err := os.ReadFile(args[0])
	if err != nil {
		return err
	}
	opt := geo.Options{File: args[0], NameProperty: importNameProp, AliasProperties: importAliasProps,
		City: importCity, Cols: cols, Rows: rows, WaterFile: importWater, Attribution: importAttribution}
	if importWater != "" {
		if opt.Water, err = os.ReadFile(importWater); err != nil {
			return err
		}
	}
	res, err := geo.Import(src, opt)
	if err != nil {
		return err
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(e.stderr, "standmap maps import: %s\n", w)
	}
	if importOut == "" {
		_, err = e.stdout.Write(res.Map)
		return err
	}
	return writeAtomically(importOut, func(f *os.File) error { _, err := f.Write(res.Map); return err })
}
