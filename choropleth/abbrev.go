package choropleth

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// forms are the texts a label may take, in three ranks tried in turn
// (on its area, then beside it) before the next: the whole name, shorter
// forms that still read as it, and stubs. A text of several lines is
// stacked, one under another.
type forms [3][]string

// The ranks of forms.
const (
	whole   = iota // the name, the author's short form, the name stacked
	legible        // shortened, still read as the name
	stub           // initials and cuts to two or three letters
)

// abbreviations returns the forms a label of name may take, each rank
// best first.
//
// Whole: the name, the author's short form, then the name's words
// stacked on lines ("Crown\nHill"; a name joining two, "North Beach -
// Blue Ridge", a name a line). Legible: shorter one-line forms, widest
// first ("J. Forštadte"; "North Beacon H.", "N. Beacon Hill", …,
// "N. Beacon"; "Cietoksnis", "Cietoks.", …, "Ciet."; a joined name by
// its first, "North Beach", "N. Beach"; "Harrison"), then its words a
// line each, cut ever shorter ("Univers.\nDistrict", …, "Univ.\nDist.").
// Stubs: initials and shorter cuts ("J.F.", "Cie.").
func abbreviations(name, short string) forms {
	var f forms
	seen := map[string]bool{"": true}
	add := func(rank int, s string) {
		if !seen[s] {
			seen[s] = true
			f[rank] = append(f[rank], s)
		}
	}
	add(whole, name)
	add(whole, short)
	parts := nameParts(name)
	var gen []string
	if len(parts) > 1 {
		gen = append(gen, parts[0])
	}
	gen = append(gen, wordForms(parts[0])...)
	sort.SliceStable(gen, func(i, j int) bool { return ansi.StringWidth(gen[i]) > ansi.StringWidth(gen[j]) })
	words := nameWords(name)
	var stacks []string
	for _, s := range stacked(parts) {
		if slices.Equal(nameWords(s), words) {
			add(whole, s)
		} else {
			stacks = append(stacks, s)
		}
	}
	for _, s := range gen {
		if letterRun(s) >= 4 {
			add(legible, s)
		}
	}
	for _, s := range stacks {
		add(legible, s)
	}
	for _, s := range gen {
		add(stub, s)
	}
	return f
}

// letterRun returns the longest run of letters in s.
func letterRun(s string) int {
	best, run := 0, 0
	for _, r := range s {
		run++
		if !unicode.IsLetter(r) {
			run = 0
		}
		best = max(best, run)
	}
	return best
}

// partSeparators split a name that joins two names ("North Beach - Blue
// Ridge"); a hyphen inside a word ("Denny-Blaine") does not.
var partSeparators = []string{" - ", " – ", " — ", " / "}

// nameParts returns the names name joins (at least one).
func nameParts(name string) []string {
	parts := []string{name}
	for _, sep := range partSeparators {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	parts = slices.DeleteFunc(parts, func(s string) bool { return strings.TrimSpace(s) == "" })
	if len(parts) == 0 {
		return []string{name}
	}
	return parts
}

// initial is a word's first letter and a full stop ("Forštadte": "F.").
func initial(word string) string {
	r, _ := utf8.DecodeRuneInString(word)
	return string(r) + "."
}

// wordForms returns shorter one-line forms of one name: for several
// words, some of them cut to initials; for one, the word cut short
// ("Cietoks.", "Pike-M.").
func wordForms(part string) []string {
	words := strings.Fields(part)
	switch len(words) {
	case 0:
		return nil
	case 1:
		return oneWordForms(words[0])
	}
	first, last := words[0], words[len(words)-1]
	mid := words[1 : len(words)-1]
	var inits strings.Builder
	for _, w := range words {
		inits.WriteString(initial(w))
	}
	out := []string{
		initial(first) + " " + strings.Join(words[1:], " "),                       // J. Forštadte, N. Beacon Hill
		first + " " + strings.Join(append(slices.Clone(mid), initial(last)), " "), // Jaunā F., North Beacon H.
	}
	if len(mid) > 0 {
		out = append(out,
			initial(first)+" "+strings.Join(mid, " ")+" "+initial(last), // N. Beacon H.
			initial(first)+" "+mid[0],                                   // N. Beacon
		)
	}
	return append(out, inits.String()) // J.F., N.B.H.
}

// oneWordForms cuts a word short: a hyphenated one after its first part
// ("Pike-Market": "Pike-M.", "Pike"), any other letter by letter down to
// two ("Cietoksnis": "Cietoks.", …, "Ci.").
func oneWordForms(word string) []string {
	if head, rest, ok := strings.Cut(word, "-"); ok && head != "" && rest != "" {
		return append([]string{head + "-" + initial(rest), head}, oneWordForms(head)...)
	}
	var out []string
	r := []rune(word)
	for k := len(r) - 3; k >= 2; k-- {
		out = append(out, string(r[:k])+".")
	}
	return out
}

// stacked returns a name on several lines, widest first: the names it
// joins a line each ("North Beach\nBlue Ridge"); the words of the
// (first) name split once ("North Beacon\nHill", "North\nBeacon Hill")
// and, from three words, a word a line; then a word a line with the
// long ones cut down to a width, keeping four letters ("Univers.\nDistrict",
// …, "Univ.\nDist.").
func stacked(parts []string) []string {
	var out []string
	if len(parts) > 1 {
		out = append(out, strings.Join(parts, "\n"))
	}
	words := strings.Fields(parts[0])
	if len(words) < 2 {
		return out
	}
	var splits []string
	for k := 1; k < len(words); k++ {
		splits = append(splits, strings.Join(words[:k], " ")+"\n"+strings.Join(words[k:], " "))
	}
	if len(words) > 2 {
		splits = append(splits, strings.Join(words, "\n"))
	}
	sort.SliceStable(splits, func(i, j int) bool { return formWidth(splits[i]) > formWidth(splits[j]) })
	out = append(out, splits...)
	for w := formWidth(strings.Join(words, "\n")) - 1; w >= 5; w-- {
		lines := make([]string, len(words))
		for i, word := range words {
			lines[i] = word
			if r := []rune(word); len(r) > w {
				lines[i] = string(r[:w-1]) + "."
			}
		}
		out = append(out, strings.Join(lines, "\n"))
	}
	return out
}

// formWidth is the width of a form's widest line.
func formWidth(form string) int {
	w := 0
	for line := range strings.SplitSeq(form, "\n") {
		w = max(w, ansi.StringWidth(line))
	}
	return w
}
