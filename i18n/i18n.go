// Package i18n is standmap's one catalogue of interface text: every
// message of every screen (the application, the projection, replay and
// the report) in English and Latvian, under a Key. A screen asks T for a
// key in the user's language; a third language is added here and nowhere
// else. The Latvian awaits a native speaker's check.
package i18n

import "fmt"

// Key names one text of the catalogue; its value ("present.visitors")
// says which screen uses it first.
type Key string

// Shared texts, the same on several screens.
const (
	TooSmall Key = "tooSmall"
	Quit     Key = "quit"
)

// sharedTexts are the texts several screens show alike.
var sharedTexts = map[Key][2]string{
	TooSmall: {"make the window at least %d×%d", "palieliniet logu līdz vismaz %d×%d"},
	Quit:     {"quit", "iziet"},
}

// catalogue maps every key to its {English, Latvian} text.
var catalogue = merge(sharedTexts, appTexts, formTexts, presentTexts, replayTexts, reportTexts)

// merge joins the screens' tables; a key given twice is a programming
// error caught at start-up (and by the tests).
func merge(tables ...map[Key][2]string) map[Key][2]string {
	all := make(map[Key][2]string)
	for _, t := range tables {
		for k, v := range t {
			if _, dup := all[k]; dup {
				panic("i18n: key " + string(k) + " is in the catalogue twice")
			}
			all[k] = v
		}
	}
	return all
}

// T returns key's text in lang ("lv" → Latvian, anything else English),
// formatted with args when there are any. A key missing from the
// catalogue shows as "!key", so a slip is visible rather than blank.
func T(lang string, key Key, args ...any) string {
	pair, ok := catalogue[key]
	if !ok {
		return "!" + string(key)
	}
	return pick(lang, pair, args...)
}

// pick returns the pair's text for lang ("lv" → Latvian, anything else
// English), formatted with args when there are any. A missing Latvian
// text falls back to the English.
func pick(lang string, pair [2]string, args ...any) string {
	s := pair[0]
	if lang == "lv" && pair[1] != "" {
		s = pair[1]
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}
