package i18n

import (
	"fmt"
	"slices"
	"strings"

	"standmap/model"
)

// Languages are the interface languages, as --lang names them: English
// (also the fallback of a missing text), Latvian, Russian.
var Languages = []string{"en", "lv", "ru"}

// Separator joins the two texts of a pair of languages ("lv,ru") on one
// line: "Kur pavada brīvo laiku / Где проводят свободное время".
const Separator = " / "

// ParseLang checks a --lang value and returns it in lower case: one of
// Languages, or, when pairs are allowed (the projection, for a bilingual
// room), two different ones joined by a comma, "lv,ru".
func ParseLang(s string, pairs bool) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	list := strings.Join(Languages, ", ")
	first, second, isPair := strings.Cut(s, ",")
	if !isPair {
		if !slices.Contains(Languages, s) {
			return "", fmt.Errorf("--lang %q: use one of %s", s, list)
		}
		return s, nil
	}
	if !pairs {
		return "", fmt.Errorf("--lang %q: only present shows two languages; use one of %s", s, list)
	}
	first, second = strings.TrimSpace(first), strings.TrimSpace(second)
	if !slices.Contains(Languages, first) || !slices.Contains(Languages, second) || first == second {
		return "", fmt.Errorf("--lang %q: give one language or two different ones, e.g. lv,ru (of %s)", s, list)
	}
	return first + "," + second, nil
}

// First returns the first language of a pair ("lv,ru" → "lv"), or lang
// itself: the language of what only the facilitator reads (keys, status)
// on a bilingual screen.
func First(lang string) string {
	first, _, _ := strings.Cut(lang, ",")
	return first
}

// Join returns text(lang); for a pair of languages ("lv,ru") both texts,
// joined by Separator, or one when they are the same (a name that is
// spelt alike in both).
func Join(lang string, text func(lang string) string) string {
	first, second, pair := strings.Cut(lang, ",")
	if !pair {
		return text(lang)
	}
	a, b := text(first), text(second)
	if a == b {
		return a
	}
	return a + Separator + b
}

// FromEnv picks the interface language from the locale variables, given
// in the order POSIX reads them (LC_ALL, LC_MESSAGES, LANG): the first
// that is set decides; "lv…" is Latvian, "ru…" Russian, anything else
// (C, POSIX, en_GB.UTF-8, de_DE) English.
func FromEnv(values ...string) string {
	for _, v := range values {
		if v == "" {
			continue
		}
		v = strings.ToLower(v)
		for _, l := range Languages {
			if v == l || strings.HasPrefix(v, l+"_") || strings.HasPrefix(v, l+".") || strings.HasPrefix(v, l+"@") {
				return l
			}
		}
		return "en"
	}
	return "en"
}

// plural returns which plural form of a text the number n takes in the
// language l, as an index into the text's "|"-separated forms:
//
//	en: one | other                       (1 visitor, 2 visitors)
//	lv: zero | one | other                (10, 21 apmeklētājs, 2)
//	ru: one | few | many                  (21 посетитель, 3 посетителя, 11 посетителей)
//
// (the CLDR rules for integers). The Latvian "zero" form (0, 10, 11–19,
// 20, …) is written like "other" until a native speaker says whether the
// genitive ("412 apmeklētāju") reads better on a board.
func plural(l string, n int) int {
	if n < 0 {
		n = -n
	}
	d, dd := n%10, n%100
	switch l {
	case "lv":
		switch {
		case d == 0 || (dd >= 11 && dd <= 19):
			return 0
		case d == 1:
			return 1
		}
		return 2
	case "ru":
		switch {
		case d == 1 && dd != 11:
			return 0
		case d >= 2 && d <= 4 && (dd < 12 || dd > 14):
			return 1
		}
		return 2
	}
	if n == 1 {
		return 0
	}
	return 1
}

// PluralForms is how many "|"-separated forms a text that N picks from
// has in each language.
var PluralForms = map[string]int{"en": 2, "lv": 3, "ru": 3}

// CategoryName returns the name of the category code in lang, a pair's in
// both ("Veloceliņi un velonovietnes / Велодорожки и велопарковки"); an
// unknown code is returned as it is.
func CategoryName(lang, code string) string {
	c, ok := model.CategoryByCode(code)
	if !ok {
		return code
	}
	return Join(lang, c.Name)
}

// Lang returns lang when it is one of Languages, else "en": a screen's
// single language.
func Lang(lang string) string {
	if slices.Contains(Languages, lang) {
		return lang
	}
	return "en"
}
