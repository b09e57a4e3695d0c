package model

import "fmt"

// Comparison sets two events' tallies side by side.
type Comparison struct {
	// A is the event reported on; B the one it is compared with.
	A, B Tally
	// Hoods lists every neighbourhood, in A's ranking.
	Hoods []CompareRow
	// Wishes lists the wish groups in the top of either event: A's
	// ranking first, then those only in B's top, in B's ranking.
	Wishes []CompareRow
}

// CompareRow is one neighbourhood or wish group in both events.
type CompareRow struct {
	// Name is the neighbourhood's name or the wish group's shown text
	// (A's when the group is in A).
	Name           string
	CountA, CountB int
	// RankA and RankB are 1-based places; 0 when absent from the event.
	RankA, RankB int
}

// Change returns the move in rank from B to A: "↑2", "↓1", "=", "new"
// (absent from B) or "–" (absent from A); newWord is the word for "new".
func (r CompareRow) Change(newWord string) string {
	switch {
	case r.RankA == 0:
		return "–"
	case r.RankB == 0:
		return newWord
	case r.RankB > r.RankA:
		return fmt.Sprintf("↑%d", r.RankB-r.RankA)
	case r.RankB < r.RankA:
		return fmt.Sprintf("↓%d", r.RankA-r.RankB)
	}
	return "="
}

// Compare sets tallies a and b side by side, wishes from the top n of each.
// A neighbourhood's rank counts only neighbourhoods with marks.
func Compare(a, b Tally, n int) *Comparison {
	c := &Comparison{A: a, B: b}
	rankB, countB := map[string]int{}, map[string]int{}
	for i, h := range b.Neighbourhoods {
		countB[h.Name] = h.Count
		if h.Count > 0 {
			rankB[h.Name] = i + 1
		}
	}
	for i, h := range a.Neighbourhoods {
		row := CompareRow{Name: h.Name, CountA: h.Count, CountB: countB[h.Name], RankB: rankB[h.Name]}
		if h.Count > 0 {
			row.RankA = i + 1
		}
		c.Hoods = append(c.Hoods, row)
	}
	wb := map[string]int{}
	for i, w := range b.Wishes {
		wb[w.Key] = i
	}
	inA := map[string]bool{}
	for i, w := range a.Wishes[:min(n, len(a.Wishes))] {
		inA[w.Key] = true
		row := CompareRow{Name: w.Text, CountA: w.Count, RankA: i + 1}
		if j, ok := wb[w.Key]; ok {
			row.CountB, row.RankB = b.Wishes[j].Count, j+1
		}
		c.Wishes = append(c.Wishes, row)
	}
	wa := map[string]int{}
	for i, w := range a.Wishes {
		wa[w.Key] = i
	}
	for j, w := range b.Wishes[:min(n, len(b.Wishes))] {
		if inA[w.Key] {
			continue
		}
		row := CompareRow{Name: w.Text, CountB: w.Count, RankB: j + 1}
		if i, ok := wa[w.Key]; ok {
			row.Name, row.CountA, row.RankA = a.Wishes[i].Text, a.Wishes[i].Count, i+1
		}
		c.Wishes = append(c.Wishes, row)
	}
	return c
}

// ShownA is the count in A with its place, "12 (#3)", or just "0" when
// unranked there; ShownB the same for B.
func (r CompareRow) ShownA() string { return rankCount(r.RankA, r.CountA) }

// ShownB is the count in B with its place; see ShownA.
func (r CompareRow) ShownB() string { return rankCount(r.RankB, r.CountB) }

// rankCount shows a count with its place: "12 (#3)", or "0" unranked.
func rankCount(rank, count int) string {
	if rank == 0 {
		return fmt.Sprint(count)
	}
	return fmt.Sprintf("%d (#%d)", count, rank)
}
