package mapimport

import (
	"fmt"
	"strings"
	"unicode"

	"standmap/model"
)

// letterPool is every cell letter an import may use, in order of
// preference after a name's own letters: Latin letters and digits, then
// accented Latin, Greek and Cyrillic letters that look unlike those, then
// punctuation. Each is printable and one cell wide; none is one the
// format reserves (. # ~ space) or one that would confuse a reader of
// the file (= | ; which are its separators).
const letterPool = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" +
	"ÀÁÂÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÖØÙÚÛÜÝÞßàáâäåæçèéêëìíîïðñòóôöøùúûüýþÿ" +
	"ΓΔΘΛΞΠΣΦΨΩαβγδεζηθλμξπσφψω" +
	"БГДЖЗИЙЛПФЦЧШЩЪЫЬЭЮЯбгджзийлпфцчшщъыьэюя" +
	"!$%&*+-/:<>?@^_{}"

// MaxDistricts is how many districts an imported map can hold: one cell
// letter each.
var MaxDistricts = len([]rune(letterPool))

// assignLetters gives each name a cell letter, in the order given (the
// caller puts the largest districts first, so they get the best): the
// first letter of its name in capitals when free, then its other letters
// in capitals, then in small letters, then the pool's first free one.
func assignLetters(names []string) ([]rune, error) {
	if len(names) > MaxDistricts {
		return nil, fmt.Errorf("%d districts; a map holds at most %d (one cell letter each)", len(names), MaxDistricts)
	}
	used := make(map[rune]bool)
	out := make([]rune, len(names))
	for i, name := range names {
		out[i] = pick(name, used)
		used[out[i]] = true
	}
	return out, nil
}

// pick returns the first free letter for name.
func pick(name string, used map[rune]bool) rune {
	var own []rune
	for _, r := range model.Fold(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			own = append(own, r)
		}
	}
	free := func(r rune) bool { return !used[r] && strings.ContainsRune(letterPool, r) }
	for _, r := range own {
		if u := unicode.ToUpper(r); free(u) {
			return u
		}
	}
	for _, r := range own {
		if free(r) {
			return r
		}
	}
	for _, r := range letterPool {
		if !used[r] {
			return r
		}
	}
	return 0 // not reached: assignLetters counts first
}
