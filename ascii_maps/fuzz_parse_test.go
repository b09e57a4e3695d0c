package ascii_maps

import (
	"bytes"
	"strings"
	"testing"

	"standmap/model"
)

// FuzzParse adds to FuzzCheck what the rest of standmap relies on: Parse
// never panics and succeeds exactly when Check finds no problem; every
// problem points at a line of the file; and a parsed city's Gazetteer
// finds every name and alias (by Lookup, Index and as Search's first
// answer), and Lookup returns the name as the map spells it, which is what
// the CSV import stores and the export writes back.
func FuzzParse(f *testing.F) {
	addMapSeeds(f)
	for _, s := range []string{
		"city: X\nA = Alpha ; label 1,1\n~ = R ; label 2,1\n[grid]\nA~\n",
		"city: X\nA = Ālfa | alfa\n[grid]\nA\n",
		"city: X\nA = Ālfa | Al  fa |  Beta  gamma \nB = Bēta\n[grid]\nAB\n",
		"\ufeffcity: X\r\nA = Ķīmija | Ķīmiķu ciemats ; short Ķ.\r\n[grid]\r\nAA\r\n",
		"city: X\nA = ¨ | A ¨\n[grid]\nA\n",
		"city: X\nA = \u0301\n[grid]\nA\n",
		"city: X\nA = ﬁt | FIT\n[grid]\nA\n",
		"city: X\nA = a\nB = A\n[grid]\nAB\n",
		"city: X\nA = a\n[grid]\nA\nB\n",
		"city: X\nA = a\n",
		"A = a\n[grid]\nA",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		c, err := Parse("fuzz.map", bytes.NewReader(src))
		probs := Check("fuzz.map", src)
		if (err == nil) != (len(probs) == 0) {
			t.Fatalf("Parse says %v, Check finds %d problems", err, len(probs))
		}
		text := strings.ReplaceAll(strings.TrimPrefix(string(src), "\ufeff"), "\r\n", "\n")
		lines := strings.Count(text, "\n") + 1
		for _, p := range probs {
			if p.Line < 1 || p.Line > lines || p.Col < 1 || p.Msg == "" {
				t.Fatalf("problem %v outside the file's %d lines", p, lines)
			}
		}
		if err != nil {
			return
		}
		g := c.Gazetteer
		for i, n := range c.Neighbourhoods {
			for _, s := range append([]string{n.Name}, n.Aliases...) {
				got, ok := g.Lookup(s)
				if !ok || got.Name != n.Name {
					t.Fatalf("Lookup(%q) = %q, %v; want %q", s, got.Name, ok, n.Name)
				}
				if j := c.Index(s); j != i {
					t.Fatalf("Index(%q) = %d, want %d", s, j, i)
				}
				if model.Fold(s) != "" {
					if res := g.Search(s); len(res) == 0 || res[0].Name != n.Name {
						t.Fatalf("Search(%q) does not begin with %q: %v", s, n.Name, res)
					}
				}
			}
			if got, ok := g.Lookup(strings.ToUpper(n.Name)); ok && got.Name != n.Name && model.Fold(strings.ToUpper(n.Name)) == model.Fold(n.Name) {
				t.Fatalf("Lookup of %q in upper case finds %q", n.Name, got.Name)
			}
		}
	})
}
