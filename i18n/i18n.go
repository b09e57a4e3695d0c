// Package i18n picks interface text in the user's language. Each screen
// keeps its messages as {English, Latvian} pairs; this is the one lookup
// they all share, so a third language is added in one place.
package i18n

import "fmt"

// Pick returns the pair's text for lang ("lv" → Latvian, anything else
// English), formatted with args when there are any.
func Pick(lang string, pair [2]string, args ...any) string {
	s := pair[0]
	if lang == "lv" && pair[1] != "" {
		s = pair[1]
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}
