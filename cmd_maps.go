package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/charmbracelet/colorprofile"

	"standmap/ascii_maps"
	"standmap/palette"
	"standmap/tui/mapview"
)

// The flags of maps show, set anew by every parse.
var (
	mapsWidth, mapsHeight int
	mapsDemo              bool
)

func init() {
	register(&command{
		name:    "maps",
		usage:   "[check FILE... | show [NAME|PATH] [--width N --height N --demo]]",
		short:   "list the built-in city maps, check a map file, or draw one",
		noStore: true,
		flags: func(fs *flag.FlagSet) {
			fs.IntVar(&mapsWidth, "width", 80, "maps show: width in `columns`")
			fs.IntVar(&mapsHeight, "height", 24, "maps show: height in `lines`")
			fs.BoolVar(&mapsDemo, "demo", false, "maps show: shade with a made-up tally, to see the borders")
		},
		run: runMaps,
	})
}

func runMaps(e *env, args []string) error {
	if len(args) == 0 {
		return listMaps(e)
	}
	switch args[0] {
	case "list":
		return listMaps(e)
	case "check":
		if len(args) < 2 {
			return usageError{"maps check needs a FILE"}
		}
		return checkMaps(e, args[1:])
	case "show":
		if len(args) > 2 {
			return usageError{fmt.Sprintf("unexpected argument %q", args[2])}
		}
		name := e.mapName
		if len(args) == 2 {
			name = args[1]
		}
		return showMap(e, name)
	}
	return usageError{fmt.Sprintf("unknown maps command %q (list, check, show)", args[0])}
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
func showMap(e *env, name string) error {
	if mapsWidth < 10 || mapsHeight < 3 {
		return usageError{"--width must be at least 10 and --height at least 3"}
	}
	c, err := ascii_maps.Load(name)
	if err != nil {
		return err
	}
	counts := map[string]int{}
	if mapsDemo {
		for i, n := range c.Neighbourhoods {
			counts[n.Name] = 1 + (i*7)%20
		}
	}
	w := colorprofile.NewWriter(e.stdout, os.Environ())
	title := c.Name
	if c.Schematic {
		title += " (schematic)"
	}
	fmt.Fprintln(w, title)
	fmt.Fprintln(w, mapview.Render(c, counts, 0, mapsWidth, mapsHeight, mapview.NewStyles(palette.Dark, w.Profile), ""))
	for _, n := range c.Notes {
		fmt.Fprintln(w, strings.TrimSpace(n))
	}
	return nil
}
