package report

import (
	"sort"

	"standmap/model"
)

// AgeRow is one shown line of the age table.
type AgeRow struct {
	// Group is the age group; "" on the merged "other or undisclosed" line.
	Group string
	Count int
}

// AgeTable is the age groups of an event as they may be published: no
// shown figure is below the threshold, and none can be recovered by
// subtracting shown figures from the total.
type AgeTable struct {
	// MinGroup is the threshold applied.
	MinGroup int
	// Rows are the groups shown, in the event's order, then the merged
	// line (Group "") when anything was merged.
	Rows []AgeRow
	// Total is the number of responses.
	Total int
	// TotalOnly is true when no group could be shown on its own.
	TotalOnly bool
}

// Ages builds the publishable age table of the responses: groups in order
// (groups not in order follow, sorted), each shown only with at least
// minGroup responses. Smaller groups and responses without an age group
// are merged into one line; when that line would itself be below the
// threshold (so that it, or the total minus the shown lines, would point
// at a few visitors), the smallest shown groups are merged into it too
// until it is not. When every group is merged, only the total is shown.
func Ages(rs []model.Response, order []string, minGroup int) AgeTable {
	counts := map[string]int{}
	for _, r := range rs {
		counts[r.AgeGroup]++
	}
	groups := append([]string(nil), order...)
	known := map[string]bool{}
	for _, g := range order {
		known[g] = true
	}
	var extra []string
	for g := range counts {
		if g != "" && !known[g] {
			extra = append(extra, g)
		}
	}
	sort.Strings(extra)
	groups = append(groups, extra...)

	t := AgeTable{MinGroup: minGroup, Total: len(rs)}
	merged := counts[""]
	var shown []AgeRow
	for _, g := range groups {
		switch n := counts[g]; {
		case n == 0:
		case n >= minGroup:
			shown = append(shown, AgeRow{g, n})
		default:
			merged += n
		}
	}
	for merged > 0 && merged < minGroup && len(shown) > 0 {
		k := smallest(shown)
		merged += shown[k].Count
		shown = append(shown[:k], shown[k+1:]...)
	}
	if len(shown) == 0 {
		t.TotalOnly = t.Total > 0
		return t
	}
	t.Rows = shown
	if merged > 0 {
		t.Rows = append(t.Rows, AgeRow{"", merged})
	}
	return t
}

// smallest returns the index of the row with the fewest responses (the
// last of equals, so that the earlier groups stay).
func smallest(rows []AgeRow) int {
	k := 0
	for i, r := range rows {
		if r.Count <= rows[k].Count {
			k = i
		}
	}
	return k
}
