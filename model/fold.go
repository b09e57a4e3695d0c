package model

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// trailingPunct are the characters trimmed from the end of a spelling.
const trailingPunct = ".,!?;:"

// Spelling returns a wish's text with runs of white space made one space,
// then trimmed of white space and of all trailing ".,!?;:" characters.
func Spelling(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for {
		t := strings.TrimRight(s, trailingPunct)
		t = strings.TrimRightFunc(t, unicode.IsSpace)
		if t == s {
			return s
		}
		s = t
	}
}

// Fold returns s after Unicode NFKD with combining marks removed, in lower
// case. Neighbourhood names and wish spellings are matched by their folds.
func Fold(s string) string {
	if isLowerASCII(s) {
		return s
	}
	if !utf8.ValidString(s) { // NFKD may leave a letter after a bad byte undecomposed
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFKD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// WishKey returns the key that groups wishes: the fold of the spelling.
func WishKey(s string) string { return Fold(Spelling(s)) }

// isLowerASCII reports whether s is ASCII without upper-case letters, which
// Fold leaves as it is.
func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}
