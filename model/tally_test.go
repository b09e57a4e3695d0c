package model

import (
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2025, 10, 16, 10, 0, 0, 0, time.UTC)

func resp(id string, min int, marks ...Mark) Response {
	return Response{ID: id, CreatedAt: t0.Add(time.Duration(min) * time.Minute), Marks: marks}
}

func TestTallyHandComputed(t *testing.T) {
	t.Parallel()
	g := testGazetteer(t)
	rs := []Response{
		// Marks Centrs twice and names one wish twice: counts once each.
		resp("a", 0,
			Mark{"Centrs", "ara trenazieri", "fitness"},
			Mark{"Centrs", "Āra trenažieri!", "sport"}),
		resp("b", 1, Mark{"Grīva", "Āra trenažieri", "fitness"}, Mark{"Centrs", "", ""}),
		resp("c", 2, Mark{"Grīva", "  ĀRA  trenažieri!!", ""}),
		resp("d", 3, Mark{"", "Veloceliņi", "cycle"}),
		resp("e", 4, Mark{"Jaunbūve", "veloceliņi", "cycle"}),
	}
	got := tallyOf(g, "Fair", rs)
	if got.Responses != 5 {
		t.Errorf("responses = %d", got.Responses)
	}
	wantHoods := []NeighbourhoodCount{
		{"Centrs", 2}, {"Grīva", 2}, {"Jaunbūve", 1},
		// zero counts, by folded name
		{"Jaunā Forštadte", 0}, {"Jaunie Stropi", 0}, {"Ķīmija", 0}, {"Vecā Forštadte", 0},
	}
	if !reflect.DeepEqual(got.Neighbourhoods, wantHoods) {
		t.Errorf("neighbourhoods =\n%v\nwant\n%v", got.Neighbourhoods, wantHoods)
	}
	// "Āra trenažieri" mentioned twice (b, and a's second mark), "ara trenazieri"
	// once, "ĀRA trenažieri" once. Categories: fitness 2, sport 1.
	// Veloceliņi vs veloceliņi: one each, the first entered wins.
	wantWishes := []WishCount{
		{"Āra trenažieri", "ara trenazieri", "fitness", 3},
		{"Veloceliņi", "velocelini", "cycle", 2},
	}
	if !reflect.DeepEqual(got.Wishes, wantWishes) {
		t.Errorf("wishes =\n%v\nwant\n%v", got.Wishes, wantWishes)
	}
}

func TestTallyTies(t *testing.T) {
	t.Parallel()
	g := testGazetteer(t)
	// Equal times: order of entry decides the shown spelling.
	rs := []Response{
		resp("x", 0, Mark{"", "bike paths", "transport"}),
		resp("y", 0, Mark{"", "Bike paths", "cycle"}),
	}
	w := tallyOf(g, "", rs).Wishes
	if w[0].Text != "bike paths" || w[0].Category != "cycle" {
		t.Errorf("tie: got %+v, want shown 'bike paths' (first entered), category cycle (alphabetical)", w[0])
	}
	// An earlier time beats an earlier entry.
	rs = []Response{resp("x", 5, Mark{"", "bike paths", ""}), resp("y", 1, Mark{"", "Bike paths", ""})}
	if w := tallyOf(g, "", rs).Wishes; w[0].Text != "Bike paths" {
		t.Errorf("time tie-break: got %q", w[0].Text)
	}
	// Equal counts rank by key, byte order.
	rs = []Response{resp("x", 0, Mark{"", "zebra", ""}), resp("y", 1, Mark{"", "Apple", ""})}
	if w := tallyOf(g, "", rs).Wishes; w[0].Key != "apple" || w[1].Key != "zebra" {
		t.Errorf("ranking: %+v", w)
	}
}

func TestWishesInNeighbourhood(t *testing.T) {
	t.Parallel()
	g := testGazetteer(t)
	tl := NewTallier(g, "")
	tl.Put(resp("a", 0, Mark{"Grīva", "Sakārtot vidi", "clean"}, Mark{"Centrs", "Veloceliņi", ""}))
	tl.Put(resp("b", 1, Mark{"Grīva", "sakartot vidi", ""}, Mark{"Grīva", "Sakārtot vidi", ""}))
	tl.Put(resp("c", 1, Mark{"", "Wi-Fi", "wifi"}))
	got := tl.WishesIn("Grīva")
	want := []WishCount{{"Sakārtot vidi", "sakartot vidi", "clean", 2}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Grīva = %v", got)
	}
	if got := tl.WishesIn(""); len(got) != 1 || got[0].Text != "Wi-Fi" {
		t.Errorf("city-wide = %v", got)
	}
	if tl.WishesIn("Atlantis") != nil {
		t.Error("unknown neighbourhood has wishes")
	}
}

// TestTallierIncrementalEqualsBatch puts, edits and removes at random and
// compares with a tally computed from scratch over what remains.
func TestTallierIncrementalEqualsBatch(t *testing.T) {
	t.Parallel()
	g := testGazetteer(t)
	rng := rand.New(rand.NewSource(1))
	names := []string{"", "Centrs", "Grīva", "Jaunbūve", "Ķīmija"}
	wishes := []string{"", "Veloceliņi", "velocelini", "Āra trenažieri", "ara trenazieri!", "Sakārtot vidi"}
	cats := []string{"", "cycle", "fitness", "clean"}
	random := func(id string, seq int64) Response {
		r := Response{ID: id, CreatedAt: t0.Add(time.Duration(rng.Intn(5)) * time.Minute), Seq: seq}
		for n := 1 + rng.Intn(3); n > 0; n-- {
			m := Mark{names[rng.Intn(len(names))], wishes[rng.Intn(len(wishes))], cats[rng.Intn(len(cats))]}
			if m.Neighbourhood == "" && m.Wish == "" {
				m.Wish = "Veloceliņi"
			}
			r.Marks = append(r.Marks, m)
		}
		return r
	}
	inc := NewTallier(g, "e")
	live := map[string]Response{}
	var seq int64
	for step := 0; step < 3000; step++ {
		id := fmt.Sprint("r", rng.Intn(200))
		switch {
		case rng.Intn(5) == 0:
			inc.Remove(id)
			delete(live, id)
		default:
			s := live[id].Seq
			if s == 0 {
				seq++
				s = seq
			}
			r := random(id, s)
			inc.Put(r)
			live[id] = r
		}
	}
	ordered := make([]Response, 0, len(live))
	for i := int64(1); i <= seq; i++ {
		for _, r := range live {
			if r.Seq == i {
				ordered = append(ordered, r)
			}
		}
	}
	want := tallyOf(g, "e", ordered)
	got := inc.Tally()
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("incremental tally differs from batch:\n%v\n%v", got, want)
	}
	for _, n := range names {
		batch := NewTallier(g, "e")
		for _, r := range ordered {
			batch.Put(r)
		}
		if a, b := inc.WishesIn(n), batch.WishesIn(n); !reflect.DeepEqual(a, b) {
			t.Fatalf("WishesIn(%q) differs: %v vs %v", n, a, b)
		}
	}
}

func TestCheck(t *testing.T) {
	t.Parallel()
	g := testGazetteer(t)
	ok := Response{ID: "r1", Marks: []Mark{{"griva", "x", "sport"}}}
	r, err := ok.Check(g)
	if err != nil || r.Marks[0].Neighbourhood != "Grīva" {
		t.Fatalf("Check = %v, %v", r, err)
	}
	bad := []struct {
		r     Response
		field string
	}{
		{Response{Marks: []Mark{{"Centrs", "", ""}}}, "response_id"},
		{Response{ID: "r", Marks: nil}, "neighbourhood"},
		{Response{ID: "r", Marks: []Mark{{"Atlantis", "", ""}}}, "neighbourhood"},
		{Response{ID: "r", Marks: []Mark{{"", "  ..", ""}}}, "neighbourhood"},
		{Response{ID: "r", Marks: []Mark{{"Centrs", strings.Repeat("ā", 281), ""}}}, "wish"},
		{Response{ID: "r", Marks: []Mark{{"Centrs", "\x1b[2Jhi", ""}}}, "wish"},
		{Response{ID: "r", Marks: []Mark{{"Centrs", "ok", "sports"}}}, "category"},
		{Response{ID: "r", AgeGroup: "16\x0018", Marks: []Mark{{"Centrs", "", ""}}}, "age_group"},
		{Response{ID: "r", Marks: []Mark{{"Cen\xfftrs", "", ""}}}, "neighbourhood"},
	}
	for _, c := range bad {
		_, err := c.r.Check(g)
		fe, isFE := err.(*FieldError)
		if !isFE || fe.Field != c.field {
			t.Errorf("Check(%+v) = %v, want a %s error", c.r, err, c.field)
		}
	}
	if _, err := (Response{ID: "r", Marks: []Mark{{"Centrs", strings.Repeat("ā", 280), ""}}}).Check(g); err != nil {
		t.Errorf("280 characters refused: %v", err)
	}
}

func TestNewResponseID(t *testing.T) {
	t.Parallel()
	a, b := NewResponseID(t0), NewResponseID(t0.Add(time.Millisecond))
	if a == b || len(a) != 36 || a[14] != '7' || !(a < b) {
		t.Errorf("ids %q %q", a, b)
	}
}

func TestCheckRefusesUnwritableYears(t *testing.T) {
	t.Parallel()
	g := testGazetteer(t)
	for _, at := range []time.Time{
		time.Date(0, 12, 31, 23, 0, 0, 0, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1, 1, 1, 0, 30, 0, 0, time.FixedZone("", 3600)), // year 0 in UTC
	} {
		r := Response{ID: "r", CreatedAt: at, Marks: []Mark{{"Centrs", "", ""}}}
		if _, err := r.Check(g); err == nil {
			t.Errorf("time %v accepted", at)
		}
	}
}

// tallyOf counts the responses, in the order given, with no curation.
func tallyOf(g *Gazetteer, event string, rs []Response) Tally {
	t, _ := Count(g, event, nil, WalkOf(rs))
	return t.Tally()
}
