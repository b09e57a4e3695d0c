package report

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"standmap/ascii_maps"
	"standmap/db"
	"standmap/exchange"
	"standmap/model"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// riga is the fair's time zone in April and May, fixed so that golden
// files do not depend on the machine's.
var riga = time.FixedZone("EEST", 3*60*60)

// generated is the fixed "generated at" of the golden reports.
var generated = time.Date(2025, 5, 3, 12, 0, 0, 0, riga)

// imported imports a CSV file into a temporary database and returns it
// with the Daugavpils map.
func imported(t testing.TB, csv string) (*db.SQLite, *ascii_maps.City) {
	t.Helper()
	city, err := ascii_maps.Load("daugavpils")
	if err != nil {
		t.Fatal(err)
	}
	s, err := db.Open(filepath.Join(t.TempDir(), "standmap.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	f, err := os.Open(csv)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := exchange.Import(context.Background(), s, city.Gazetteer, "", f, false); err != nil {
		t.Fatal(err)
	}
	return s, city
}

// built returns the report of the event with the golden options.
func built(t testing.TB, s db.Store, city *ascii_maps.City, event, lang string, at time.Time) *Report {
	t.Helper()
	rs, err := Responses(context.Background(), s, event, at)
	if err != nil {
		t.Fatal(err)
	}
	return Build(city, event, rs, Options{Lang: lang, Generated: generated, Location: riga, At: at})
}

// golden compares got with the file testdata/name, or rewrites it.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./report -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./report -update rewrites it); got:\n%s", name, got)
	}
}

func TestGoldenFair(t *testing.T) {
	s, city := imported(t, "../testdata/fair/fair.csv")
	rep := built(t, s, city, "Profesiju gadatirgus 2025", "en", time.Time{})
	other := built(t, s, city, "Skolu diena Gajokā", "en", time.Time{})
	rep.Compare = model.Compare(rep.Tally, other.Tally, rep.Opts.Top)
	var b bytes.Buffer
	if err := rep.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "fair.md", b.Bytes())
}

func TestGoldenSmall(t *testing.T) {
	s, city := imported(t, "testdata/small.csv")
	for _, lang := range []string{"en", "lv", "ru"} {
		rep := built(t, s, city, "Skolas diena", lang, time.Time{})
		var md, html bytes.Buffer
		if err := rep.WriteMarkdown(&md); err != nil {
			t.Fatal(err)
		}
		if err := rep.WriteHTML(&html); err != nil {
			t.Fatal(err)
		}
		golden(t, "small."+lang+".md", md.Bytes())
		golden(t, "small."+lang+".html", html.Bytes())
		for _, bad := range []string{"<script", "<a ", "<link", "src=", "href=", "url("} {
			if bytes.Contains(html.Bytes(), []byte(bad)) {
				t.Errorf("%s HTML holds %q: markup from a wish, or something fetched", lang, bad)
			}
		}
		if !bytes.Contains(html.Bytes(), []byte("&lt;script&gt;alert(1)&lt;/script&gt;")) {
			t.Errorf("%s HTML does not show the wish with a tag as text", lang)
		}
		if strings.Contains(md.String(), "<script>") || strings.Contains(md.String(), "| *ātri*") {
			t.Errorf("%s Markdown holds unescaped markup", lang)
		}
	}
}

// TestMore: every list of wishes the report cuts short says how many it
// leaves out, counted from the whole tally: the groups mentioned in the
// neighbourhood, the groups of the category, all groups past the top 10.
func TestMore(t *testing.T) {
	s, city := imported(t, "../testdata/fair/fair.csv")
	rep := built(t, s, city, "Profesiju gadatirgus 2025", "en", time.Time{})
	var md bytes.Buffer
	if err := rep.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	out := md.String()
	if n := len(rep.Tally.Wishes) - 10; rep.TopMore() != n || n <= 0 || !strings.Contains(out, fmt.Sprintf("\n\n…and %d more\n", n)) {
		t.Errorf("top wishes: %d more, want %d (of %d groups)", rep.TopMore(), n, len(rep.Tally.Wishes))
	}
	tl, _ := model.Count(city.Gazetteer, rep.Event, nil, model.WalkOf(mustResponses(t, s, rep.Event)))
	snap := tl.Snapshot()
	cut := 0
	for _, h := range rep.Hoods {
		if all := len(snap.ByNeighbourhood[h.Name]); h.More != all-len(h.Wishes) || len(h.Wishes) != min(all, perList) {
			t.Errorf("%q: %d listed and %d more, of %d groups", h.Name, len(h.Wishes), h.More, all)
		}
		if h.More > 0 {
			cut++
		}
	}
	for _, c := range rep.Cats {
		all := 0
		for _, w := range rep.Tally.Wishes {
			if w.Category == c.Code {
				all++
			}
		}
		if c.More != all-len(c.Wishes) || len(c.Wishes) != min(all, perList) {
			t.Errorf("category %q: %d listed and %d more, of %d groups", c.Code, len(c.Wishes), c.More, all)
		}
		if c.More > 0 {
			cut++
		}
	}
	if cut == 0 || strings.Count(out, " more\n") != cut+1 {
		t.Errorf("%d lists cut short, %d say so", cut+1, strings.Count(out, " more\n"))
	}
}

// mustResponses loads the event's responses.
func mustResponses(t *testing.T, s db.Store, event string) []model.Response {
	t.Helper()
	rs, err := Responses(context.Background(), s, event, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func TestSanitized(t *testing.T) {
	city, err := ascii_maps.Load("daugavpils")
	if err != nil {
		t.Fatal(err)
	}
	rs := []model.Response{{ID: "a", Event: "e\x1b[31m", CreatedAt: generated, Marks: []model.Mark{
		{Neighbourhood: "Centrs", Wish: "red\x1b[31m text\u202e flipped", Category: "other"}}}}
	rep := Build(city, "e\x1b[31m", rs, Options{Generated: generated, Location: riga})
	var md, html bytes.Buffer
	if err := rep.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if err := rep.WriteHTML(&html); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"markdown": md.String(), "html": html.String()} {
		if strings.ContainsAny(out, "\x1b\u202e") {
			t.Errorf("%s output holds an escape or bidi character", name)
		}
		if !strings.Contains(out, "red text flipped") {
			t.Errorf("%s output lost the sanitized wish", name)
		}
	}
}

func TestCuration(t *testing.T) {
	s, city := imported(t, "testdata/small.csv")
	rs, err := Responses(context.Background(), s, "Skolas diena", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	cur := model.NewCuration([]model.CurationCell{
		{Kind: model.CurateMerge, Ref: model.Fold("Skeitparks | *ātri*"), Value: model.Fold("Āra trenažieri")},
		{Kind: model.CurateHide, Ref: model.Fold("<script>alert(1)</script>"), Value: "on"},
	})
	plain := Build(city, "Skolas diena", rs, Options{Generated: generated, Location: riga})
	rep := Build(city, "Skolas diena", rs, Options{Generated: generated, Location: riga, Curation: cur})
	if top := rep.Tally.Wishes[0]; top.Text != "Āra trenažieri" || top.Count != 5 {
		t.Errorf("merged group: %+v, want Āra trenažieri counting 5", top)
	}
	if rep.Totals.Wishes != plain.Totals.Wishes-1 {
		t.Errorf("wishes given: %d, want one fewer than %d (one hidden)", rep.Totals.Wishes, plain.Totals.Wishes)
	}
	want := []CuratedMerge{{Text: "Āra trenažieri", Merged: []string{"Āra trenažieri", "Skeitparks | *ātri*"}, Count: 5}}
	if !reflect.DeepEqual(rep.Curated, want) {
		t.Errorf("curated merges %+v, want %+v", rep.Curated, want)
	}
	var md, html bytes.Buffer
	if err := rep.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if err := rep.WriteHTML(&html); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"markdown": md.String(), "html": html.String()} {
		if strings.Contains(out, "alert(1)") {
			t.Errorf("%s shows a hidden wish", name)
		}
		if !strings.Contains(out, "Curated merges") {
			t.Errorf("%s has no curated merges section", name)
		}
	}
	for _, c := range rep.Cats {
		if c.Code == "other" && c.Count != 1 {
			t.Errorf("category other counts %d responses, want 1 (the hidden wish left out)", c.Count)
		}
	}
}
