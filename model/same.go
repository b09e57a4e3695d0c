package model

import (
	"cmp"
	"slices"
	"strings"
)

// SameContent reports whether in says what stored says, as an import
// judges a response whose id is stored already: the same age group and
// marks (in any order), and the same time unless in's is zero (a file's
// empty created_at). Whether either is deleted is not content: an import
// neither deletes nor restores a stored response.
func SameContent(stored, in Response) bool {
	if stored.AgeGroup != in.AgeGroup || len(stored.Marks) != len(in.Marks) {
		return false
	}
	if !in.CreatedAt.IsZero() && !in.CreatedAt.Equal(stored.CreatedAt) {
		return false
	}
	return slices.Equal(sortedMarks(stored.Marks), sortedMarks(in.Marks))
}

// sortedMarks returns the marks in order of their texts.
func sortedMarks(ms []Mark) []Mark {
	out := slices.Clone(ms)
	slices.SortFunc(out, func(a, b Mark) int {
		return cmp.Or(strings.Compare(a.Neighbourhood, b.Neighbourhood),
			strings.Compare(a.Wish, b.Wish), strings.Compare(a.Category, b.Category))
	})
	return out
}
