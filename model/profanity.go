package model

import (
	"strings"
	"unicode"
)

// profanity lists short, obvious swear words and insults in Latvian,
// Russian (also in Latin letters) and English. A word ending in "*"
// matches every word it begins; any other matches whole words only. The
// list is folded like wish keys, so "sūds" also catches "suds".
var profanity = []string{
	// English
	"fuck*", "motherfuck*", "shit", "shitty", "bullshit", "bitch*", "cunt*", "dick", "dickhead",
	"asshole*", "arsehole*", "whore*", "slut*", "bastard*", "wanker*", "twat", "retard*", "faggot*",
	// Latvian
	"pist", "pists", "pisties", "pisiet", "piss", "dirsa", "dirsu", "dirsā", "sūds", "sūdi", "sūdu", "sūdīg*", "kuce", "mauka*",
	"pimpis", "pizda", "pidars*", "pidaras*", "debīl*", "stulbenis",
	// Russian
	"хуй", "хуя", "хуе*", "хуё*", "хуи*", "нахуй", "нахер", "пизд*", "бля", "блядь*", "блять",
	"ебать", "ебал*", "ебан*", "ёбан*", "заеб*", "сука", "суки", "сучка", "мудак*", "мудил*",
	"говно", "жопа", "жопу", "пидор*", "пидар*", "залуп*", "дебил*",
	// Russian in Latin letters
	"huj", "hui", "nahuj", "nahui", "pizdec", "blyat", "blyad", "bljat", "suka", "suki", "mudak",
	"pidor*", "eban*",
}

// profaneWords and profaneStems are the folded list, whole words and
// beginnings.
var profaneWords, profaneStems = foldProfanity(profanity)

func foldProfanity(list []string) (words map[string]bool, stems []string) {
	words = make(map[string]bool, len(list))
	for _, w := range list {
		if s, ok := strings.CutSuffix(w, "*"); ok {
			stems = append(stems, Fold(s))
		} else {
			words[Fold(w)] = true
		}
	}
	return words, stems
}

// Flagged reports whether the text has a word of the built-in profanity
// list, matched on whole folded words ("Sūds!" and "SUDS" are caught,
// "piste" is not, "pisties" is).
func Flagged(text string) bool { return flaggedKey(Fold(text)) }

// flaggedKey is Flagged of text already folded (a wish key).
func flaggedKey(key string) bool {
	for _, w := range strings.FieldsFunc(key, notWordRune) {
		if profaneWords[w] {
			return true
		}
		for _, s := range profaneStems {
			if strings.HasPrefix(w, s) {
				return true
			}
		}
	}
	return false
}

// notWordRune splits words: anything but a letter or a digit.
func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
