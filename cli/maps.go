package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"

	"standmap/ascii_maps"
	"standmap/choropleth"
	"standmap/palette"
)

// newMaps returns `maps` (the list of built-in maps) and its
// subcommands.
func newMaps() *cobra.Command {
	list := func(cmd *cobra.Command, _ []string) error { return listMaps(streams(cmd)) }
	cmd := &cobra.Command{
		Use:   "maps",
		Short: "List the built-in city maps, check a map file, draw one, or make one from GeoJSON",
		Args:  noArgs,
		RunE:  list,
	}
	ls := &cobra.Command{Use: "list", Short: "List the built-in city maps", Args: noArgs, RunE: list}
	check := &cobra.Command{
		Use:   "check FILE...",
		Short: "Check map files: every problem with its line and column (a built-in map's name checks it)",
		Args:  args(atLeast(1), "maps check needs a FILE"),
		RunE: func(cmd *cobra.Command, files []string) error {
			return checkMaps(streams(cmd), files)
		},
	}
	for _, c := range []*cobra.Command{cmd, ls, check} {
		newLocal().flags(c, 0) // accepted, unused
	}
	cmd.AddCommand(ls, check, newMapsShow(), newMapsImport())
	return cmd
}

// mapsShowOptions are maps show's own flags.
type mapsShowOptions struct {
	width, height int
	demo          bool
}

// newMapsShow returns `maps show [NAME|PATH]`.
func newMapsShow() *cobra.Command {
	p, o := newLocal(), &mapsShowOptions{}
	cmd := &cobra.Command{
		Use:   "show [NAME|PATH]",
		Short: "Draw a map (default: the --map one), with no tallies or made-up ones",
		Args:  args(atMost(1), "give one map: a built-in name or a file's path"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.width < 10 || o.height < 3 {
				return usagef("--width must be at least 10 and --height at least 3")
			}
			name := p.mapName
			if len(args) == 1 {
				name = args[0]
			}
			return showMap(streams(cmd), name, o)
		},
	}
	p.flags(cmd, useMap)
	f := cmd.Flags()
	f.IntVar(&o.width, "width", 80, "width in columns")
	f.IntVar(&o.height, "height", 24, "height in lines")
	f.BoolVar(&o.demo, "demo", false, "shade with a made-up tally, to see the borders")
	return cmd
}

// listMaps prints the built-in maps: name, city, neighbourhoods.
func listMaps(e *env) error {
	fmt.Fprintf(e.stdout, "%-14s %-16s %s\n", "NAME", "CITY", "NEIGHBOURHOODS")
	for _, name := range ascii_maps.Builtin() {
		c, err := ascii_maps.Load(name)
		if err != nil {
			return err
		}
		kind := ""
		if c.Schematic {
			kind = " (schematic)"
		}
		fmt.Fprintf(e.stdout, "%-14s %-16s %d%s\n", name, c.Name, len(c.Neighbourhoods), kind)
	}
	return nil
}

// checkMaps prints every problem of the files as FILE:LINE:COL: message;
// a built-in map's name checks the built-in map.
func checkMaps(e *env, files []string) error {
	bad := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if errors.Is(err, os.ErrNotExist) {
			if b, ok := ascii_maps.BuiltinSource(f); ok {
				src, err = b, nil
			}
		}
		if err != nil {
			return err
		}
		probs := ascii_maps.Check(f, src)
		for _, p := range probs {
			fmt.Fprintf(e.stdout, "%s:%s\n", f, p)
		}
		bad += len(probs)
		if len(probs) == 0 {
			fmt.Fprintf(e.stdout, "%s: ok\n", f)
		}
	}
	if bad > 0 {
		return fmt.Errorf("%d problem(s)", bad)
	}
	return nil
}

// showMap draws map name with no tallies (or --demo's), in the colours
// the terminal supports.
func showMap(e *env, name string, o *mapsShowOptions) error {
	c, err := ascii_maps.Load(name)
	if err != nil {
		return err
	}
	counts := map[string]int{}
	if o.demo {
		counts = choropleth.DemoCounts(c)
	}
	w := colorprofile.NewWriter(e.stdout, os.Environ())
	title := c.Name
	if c.Schematic {
		title += " (schematic)"
	}
	fmt.Fprintln(w, title)
	fmt.Fprintln(w, choropleth.Render(c, counts, 0, o.width, o.height, choropleth.NewStyles(palette.Dark, w.Profile), ""))
	for _, n := range c.Notes {
		fmt.Fprintln(w, strings.TrimSpace(n))
	}
	return nil
}
