package report

import (
	"reflect"
	"testing"

	"standmap/model"
)

// visitors returns responses with the age groups given as group, count.
func visitors(pairs ...any) []model.Response {
	var rs []model.Response
	for i := 0; i < len(pairs); i += 2 {
		for range pairs[i+1].(int) {
			rs = append(rs, model.Response{ID: "x", AgeGroup: pairs[i].(string)})
		}
	}
	return rs
}

func TestAgesThreshold(t *testing.T) {
	order := []string{"13-15", "16-18", "19+"}
	cases := []struct {
		name      string
		rs        []model.Response
		rows      []AgeRow
		totalOnly bool
	}{
		{"all at the threshold", visitors("13-15", 5, "16-18", 6, "19+", 7),
			[]AgeRow{{"13-15", 5}, {"16-18", 6}, {"19+", 7}}, false},
		// 4 is below: merged alone it would show 4, and the total minus
		// the others would give it away, so the smallest other goes too.
		{"one group below by one", visitors("13-15", 4, "16-18", 6, "19+", 7),
			[]AgeRow{{"19+", 7}, {"", 10}}, false},
		{"two small groups merge above", visitors("13-15", 3, "16-18", 3, "19+", 9),
			[]AgeRow{{"19+", 9}, {"", 6}}, false},
		{"undisclosed alone at the threshold", visitors("", 5, "16-18", 6),
			[]AgeRow{{"16-18", 6}, {"", 5}}, false},
		{"undisclosed below", visitors("", 1, "16-18", 6, "19+", 5),
			[]AgeRow{{"16-18", 6}, {"", 6}}, false},
		{"too few for anything", visitors("13-15", 4, "16-18", 4),
			nil, true},
		{"one group only", visitors("16-18", 5), []AgeRow{{"16-18", 5}}, false},
		{"unknown group after the order", visitors("13-15", 5, "20-25", 5),
			[]AgeRow{{"13-15", 5}, {"20-25", 5}}, false},
		{"nobody", nil, nil, false},
	}
	for _, c := range cases {
		got := Ages(c.rs, order, 5)
		if !reflect.DeepEqual(got.Rows, c.rows) || got.TotalOnly != c.totalOnly || got.Total != len(c.rs) {
			t.Errorf("%s: rows %v total-only %v, want %v %v", c.name, got.Rows, got.TotalOnly, c.rows, c.totalOnly)
		}
		for _, r := range got.Rows {
			if r.Count < 5 {
				t.Errorf("%s: a shown figure is below the threshold: %v", c.name, r)
			}
		}
	}
}
