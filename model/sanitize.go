package model

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// isBidi reports whether r is a bidirectional formatting character, which
// can reorder what other people's terminals show.
func isBidi(r rune) bool {
	switch {
	case r == '\u061C', r == '\u200E', r == '\u200F':
		return true
	case r >= '\u202A' && r <= '\u202E':
		return true
	case r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

// unsafeRune reports whether r may not appear in stored or drawn text:
// control characters (C0, DEL, C1), bidi controls, and other invisible
// format characters except the zero-width joiner used by emoji.
func unsafeRune(r rune) bool {
	if r == utf8.RuneError {
		return true
	}
	if unicode.IsControl(r) || isBidi(r) {
		return true
	}
	return unicode.Is(unicode.Cf, r) && r != '\u200D'
}

// HasUnsafe reports whether s holds invalid UTF-8, a control character (so
// any escape sequence), or a bidi or other invisible format character.
func HasUnsafe(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if unsafeRune(r) {
			return true
		}
	}
	return false
}

// Sanitize returns s with escape sequences removed, tabs and newlines made
// spaces, and every other control, bidi or format character and invalid
// byte dropped. Text typed by one person and shown on another's terminal
// goes through it before it is stored and again before it is drawn.
func Sanitize(s string) string {
	if !HasUnsafe(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "")
	s = ansi.Strip(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case unsafeRune(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
