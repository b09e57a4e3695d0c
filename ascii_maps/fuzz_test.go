package ascii_maps

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzCheck: any text gives problems or a city, never a panic, and Parse
// agrees with Check.
func FuzzCheck(f *testing.F) {
	addMapSeeds(f)
	f.Add([]byte("city: X\nA = Alpha ; label 1,1\n~ = R ; label 2,1\n[grid]\nA~\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		c, probs := parse(src)
		if (c == nil) == (len(probs) == 0) {
			t.Fatalf("city %v with %d problems", c != nil, len(probs))
		}
		if c == nil {
			return
		}
		if c.Gazetteer.Len() != len(c.Neighbourhoods) || len(c.Areas) != len(c.Neighbourhoods) {
			t.Fatal("neighbourhoods, areas and gazetteer disagree")
		}
		if len(c.Grid.Cells) != c.Grid.Width*c.Grid.Height {
			t.Fatal("grid size")
		}
		for i, a := range c.Areas {
			if a.Cells == 0 || int(c.Grid.At(a.Label.Col, a.Label.Row)) < int(Water) {
				t.Fatalf("area %d: %+v", i, a)
			}
			for d := Up; d <= Right; d++ {
				c.Move(c.Neighbourhoods[i].Name, d)
			}
		}
	})
}

// addMapSeeds seeds a fuzz target with every map file of the repository:
// the built-in maps and testdata/maps (good and broken ones).
func addMapSeeds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "maps", "*", "*.map"))
	more, _ := filepath.Glob("*.map")
	for _, path := range append(files, more...) {
		src, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
}
