package model

import "testing"

// testGazetteer is a few Daugavpils neighbourhoods with their aliases.
func testGazetteer(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := NewGazetteer([]Neighbourhood{
		{Name: "Centrs"},
		{Name: "Grīva"},
		{Name: "Jaunā Forštadte", Aliases: []string{"Jaunā Forštate"}},
		{Name: "Vecā Forštadte", Aliases: []string{"Vecā Forštate"}},
		{Name: "Jaunie Stropi"},
		{Name: "Jaunbūve"},
		{Name: "Ķīmija", Aliases: []string{"Ķīmiķu ciemats"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestLookupFoldsAndAliases(t *testing.T) {
	t.Parallel()
	g := testGazetteer(t)
	for in, want := range map[string]string{
		"griva": "Grīva", "GRĪVA": "Grīva", "Ķīmiķu ciemats": "Ķīmija",
		"kimiku   ciemats": "Ķīmija", "jauna forstate": "Jaunā Forštadte",
	} {
		n, ok := g.Lookup(in)
		if !ok || n.Name != want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", in, n.Name, ok, want)
		}
	}
	if _, ok := g.Lookup("Atlantis"); ok {
		t.Error("unknown name found")
	}
}

func TestSearchTypeAhead(t *testing.T) {
	t.Parallel()
	g := testGazetteer(t)
	for _, q := range []string{"jaunf", "Jauna F", "Jaunā Forštate", "jaunā forštadte"} {
		got := g.Search(q)
		if len(got) == 0 || got[0].Name != "Jaunā Forštadte" {
			t.Errorf("Search(%q) first = %v, want Jaunā Forštadte", q, got)
		}
	}
	if got := g.Search("gri"); len(got) == 0 || got[0].Name != "Grīva" {
		t.Errorf("Search(gri) = %v", got)
	}
	if got := g.Search("cen"); len(got) == 0 || got[0].Name != "Centrs" {
		t.Errorf("Search(cen) = %v", got)
	}
	if got := g.Search("zzz"); len(got) != 0 {
		t.Errorf("Search(zzz) = %v, want none", got)
	}
	if got := g.Search("  "); got != nil {
		t.Errorf("empty query = %v", got)
	}
}

func TestNewGazetteerRefusesDuplicateFolds(t *testing.T) {
	t.Parallel()
	_, err := NewGazetteer([]Neighbourhood{{Name: "Grīva"}, {Name: "Centrs", Aliases: []string{"griva"}}})
	if err == nil {
		t.Fatal("duplicate alias accepted")
	}
}
