package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"standmap/mapimport"
)

// mapsImportOptions are maps import's own flags.
type mapsImportOptions struct {
	nameProp, city, size, water, attribution, out string
	aliasProps                                    []string
}

// newMapsImport returns `maps import FILE.geojson --name-property P …`: a
// map file made from a city's district polygons (docs/maps-import.md).
func newMapsImport() *cobra.Command {
	o := &mapsImportOptions{}
	cmd := &cobra.Command{
		Use:   "import FILE.geojson --name-property P",
		Short: "Make a map file from a GeoJSON file of a city's districts (longitude/latitude)",
		Args:  args(exactly(1), "maps import needs one FILE.geojson"),
		RunE: func(cmd *cobra.Command, files []string) error {
			if o.nameProp == "" {
				return usagef("maps import needs --name-property: the property that names each district")
			}
			cols, rows, err := mapimport.ParseSize(o.size)
			if err != nil {
				return usagef("--%v", err)
			}
			return importMap(streams(cmd), files[0], cols, rows, o)
		},
	}
	newLocal().flags(cmd, 0) // accepted, unused
	f := cmd.Flags()
	f.StringVar(&o.nameProp, "name-property", "", "the property that names each district (required)")
	f.StringArrayVar(&o.aliasProps, "alias-property", nil, "a property holding another name of a district (repeatable)")
	f.StringVar(&o.city, "city", "", "the city's name (default: the file's name)")
	f.StringVar(&o.size, "size", fmt.Sprintf("%dx%d", mapimport.DefaultCols, mapimport.DefaultRows), "the largest grid, COLSxROWS; the map keeps its proportions inside it")
	f.StringVar(&o.water, "water", "", "a GeoJSON file of rivers and lakes, drawn as ~")
	f.StringVar(&o.attribution, "attribution", "", "the data's source and licence, kept in a note")
	f.StringVar(&o.out, "out", "", "write to FILE (replaced whole, atomically) instead of standard output")
	return cmd
}

// importMap writes a map file made from the GeoJSON file of districts at
// path; it writes nothing on any error.
func importMap(e *env, path string, cols, rows int, o *mapsImportOptions) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	opt := mapimport.Options{File: path, NameProperty: o.nameProp, AliasProperties: o.aliasProps,
		City: o.city, Cols: cols, Rows: rows, WaterFile: o.water, Attribution: o.attribution}
	if o.water != "" {
		if opt.Water, err = os.ReadFile(o.water); err != nil {
			return err
		}
	}
	res, err := mapimport.Import(src, opt)
	if err != nil {
		return err
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(e.stderr, "standmap maps import: %s\n", w)
	}
	if o.out == "" {
		_, err = e.stdout.Write(res.Map)
		return err
	}
	return writeAtomically(o.out, func(f *os.File) error { _, err := f.Write(res.Map); return err })
}
