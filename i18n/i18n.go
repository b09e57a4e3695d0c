// Package i18n is standmap's one catalogue of interface text: every
// message of every screen (the application, the projection, replay and
// the report) and the SSH server's words to a client, in English,
// Latvian and Russian, under a Key. A screen asks
// T for a key in the user's language; a language is added here and
// nowhere else. The Latvian and the Russian await a native speaker's
// check.
//
// English and Latvian sit side by side in each screen's table
// (app.go, present.go, …); Russian has its own files (ru_app.go, …), so
// that a reviewer reads it in one place and a key added to a table without
// its Russian is caught by TestCatalogueComplete.
package i18n

import (
	"fmt"
	"strings"
)

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
var catalogue = merge(sharedTexts, appTexts, formTexts, curateTexts, presentTexts, replayTexts, reportTexts, pictureTexts, serverTexts, roleTexts)

// russian maps every key to its Russian text.
var russian = merge(sharedRU, appRU, formRU, curateRU, presentRU, replayRU, reportRU, pictureRU, serverRU, roleRU)

// merge joins the screens' tables; a key given twice is a programming
// error caught at start-up (and by the tests).
func merge[V any](tables ...map[Key]V) map[Key]V {
	all := make(map[Key]V)
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

// T returns key's text in lang, formatted with args when there are any.
// lang is a language (Languages; any other is English) or a pair such as
// "lv,ru", which gives both texts joined by Separator. A key missing from
// the catalogue shows as "!key", so a slip is visible rather than blank.
func T(lang string, key Key, args ...any) string {
	if _, ok := catalogue[key]; !ok {
		return "!" + string(key)
	}
	return Join(lang, func(l string) string { return format(text(l, key), args) })
}

// N returns key's text in lang for the number n: the text holds its
// plural forms separated by "|" (PluralForms says which, per language),
// and the chosen form is formatted with n.
func N(lang string, key Key, n int) string {
	if _, ok := catalogue[key]; !ok {
		return "!" + string(key)
	}
	return Join(lang, func(l string) string {
		forms := strings.Split(text(l, key), "|")
		return format(forms[min(plural(l, n), len(forms)-1)], []any{n})
	})
}

// text returns key's unformatted text in the single language l; a text
// missing in Latvian or Russian falls back to the English.
func text(l string, key Key) string {
	pair := catalogue[key]
	switch {
	case l == "lv" && pair[1] != "":
		return pair[1]
	case l == "ru" && russian[key] != "":
		return russian[key]
	}
	return pair[0]
}

// format is s formatted with args, or s itself when there are none.
func format(s string, args []any) string {
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}
