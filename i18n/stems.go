package i18n

import (
	"strings"
	"unicode"

	"standmap/model"
)

// categoryStems are, per category code, beginnings of words in Latvian,
// Russian and English that say a wish is of that category: the capture
// form suggests the category of a new wish from its words, so the first
// visitor's wish is categorised as fast as the hundredth's. Stems are
// matched on folded words (no diacritics, lower case: "trenažier"
// matches "TRENAZIERI", "тренаж" matches "тренажёры"). A word takes its
// longest matching stem ("tirdz", events, over "tīr", clean; "парков",
// transport, over "парк", green). A native speaker may add to or fix
// this table; TestCategoryStems holds the examples that must keep
// working.
var categoryStems = []struct {
	code       string
	lv, ru, en []string
}{
	{"sport",
		[]string{"sport", "skeit", "skrituļ", "basketbol", "futbol", "volejbol", "tenis", "hokej", "slidotav", "baseins", "stadion", "aktīv", "batut", "kāpšan"},
		[]string{"спорт", "скейт", "баскетбол", "футбол", "волейбол", "теннис", "хоккей", "каток", "бассейн", "стадион", "активн", "батут", "роллер"},
		[]string{"sport", "skate", "basketbal", "football", "soccer", "volleybal", "tennis", "hockey", "rink", "pool", "stadium", "active", "trampolin", "bmx", "climbing", "roller"}},
	{"fitness",
		[]string{"trenažier", "trenaž", "fitnes", "vingroš", "vingrin", "pievilkš", "stieņ", "workout"},
		[]string{"тренаж", "фитнес", "воркаут", "турник", "брусья", "качалк"},
		[]string{"gym", "fitness", "workout", "calisthenic", "pullup", "exercis"}},
	{"cycle",
		[]string{"velo", "riteņ", "divriteņ"},
		[]string{"вело", "велодорож", "велосипед", "байк"},
		[]string{"bike", "bicycl", "cycl", "biking"}},
	{"walk",
		[]string{"pastaig", "celiņ", "taka", "takas", "taciņ", "promenād", "gājēj", "staigā", "trotuār"},
		[]string{"прогул", "тропинк", "тропа", "тропы", "аллея", "аллеи", "тротуар", "пешеход", "променад"},
		[]string{"walk", "path", "footpath", "trail", "promenad", "pedestrian", "sidewalk", "pavement", "stroll", "hiking"}},
	{"clean",
		[]string{"tīr", "sakopt", "sakop", "sakārt", "kārtīb", "atkritum", "miskast", "netīr", "gruž"},
		[]string{"чист", "мусор", "убор", "порядок", "порядк", "грязн", "урна", "урны", "благоустр"},
		[]string{"clean", "tidy", "litter", "rubbish", "trash", "garbage", "dirt", "bins", "waste"}},
	{"green",
		[]string{"zaļ", "park", "koki", "koku", "puķ", "dārz", "ūdensmal", "pludmal", "krast", "ezer", "dabas", "mežs", "meža", "zālien", "apstād", "stādī"},
		[]string{"зелен", "парк", "дерев", "цвет", "сад", "пляж", "озер", "набережн", "природ", "лесу", "лесн", "лесопарк", "газон", "речк"},
		[]string{"green", "park", "tree", "flower", "garden", "beach", "river", "lake", "nature", "forest", "grass", "lawn", "waterside", "waterfront"}},
	{"hangout",
		[]string{"soliņ", "soli", "sols", "sēdviet", "sēdēt", "tikšan", "tikties", "nojum", "lapen", "atpūt", "jaunieš", "galdiņ", "šūpuļtīkl"},
		[]string{"скамей", "лавоч", "лавк", "беседк", "посид", "встреч", "тусов", "отдых", "молодеж", "столы", "столик"},
		[]string{"bench", "seat", "sit", "meet", "hangout", "hang", "chill", "rest", "shelter", "gazebo", "picnic", "table", "hammock", "youth"}},
	{"light",
		[]string{"apgaismoj", "gaism", "luktur", "latern", "drošīb", "droš", "kamer", "tumš"},
		[]string{"освещ", "свет", "фонар", "безопасн", "камер", "темн"},
		[]string{"light", "lamp", "safe", "secur", "camera", "cctv", "dark", "streetlight"}},
	{"events",
		[]string{"pasākum", "tirg", "tirdz", "koncert", "festivāl", "svētk", "ballīt", "gadatirg"},
		[]string{"мероприят", "ярмарк", "рынок", "концерт", "фестивал", "праздник", "событ", "вечеринк", "дискотек"},
		[]string{"event", "market", "concert", "festival", "fair", "party", "gig"}},
	{"wifi",
		[]string{"wifi", "bezvad", "internet", "uzlād", "lādētāj", "lādēt", "rozet", "usb"},
		[]string{"вайфай", "wifi", "интернет", "заряд", "розетк"},
		[]string{"wifi", "internet", "charg", "socket", "plug", "usb", "hotspot", "wireless"}},
	{"amenities",
		[]string{"tualet", "wc", "labierīc", "dzeram", "ūden", "strūklak", "dušas", "ģērbtuv"},
		[]string{"туалет", "вода", "воды", "питьев", "фонтан", "душ", "умывальн", "кулер"},
		[]string{"toilet", "wc", "restroom", "bathroom", "water", "drinking", "fountain", "tap", "shower"}},
	{"transport",
		[]string{"autobus", "tramvaj", "transport", "satiksm", "pāreja", "pārejas", "luksofor", "stāvviet", "parkošan", "ceļ", "iela", "ielas", "ielu", "pietur", "taksom", "ātrum"},
		[]string{"автобус", "трамва", "транспорт", "переход", "светофор", "дорог", "парков", "остановк", "такси", "движен", "скорост"},
		[]string{"bus", "tram", "transport", "traffic", "crossing", "parking", "road", "stop", "taxi", "speed", "car"}},
	{"culture",
		[]string{"kultūr", "māksl", "grafit", "muzej", "teātr", "kino", "bibliotēk", "mūzik", "glezn", "skulptūr", "izstād", "vēstur", "pieminekl"},
		[]string{"культур", "искусств", "граффит", "музе", "театр", "кино", "библиотек", "музык", "живопис", "скульптур", "выставк", "истори", "памятник"},
		[]string{"art", "culture", "graffiti", "mural", "museum", "theatre", "theater", "cinema", "music", "library", "sculpture", "exhibition", "gallery", "history", "monument"}},
	{"other",
		[]string{"cits", "citādi", "dažād"},
		[]string{"другое", "прочее", "разное"},
		[]string{"other", "misc", "various"}},
}

// stem is one folded stem and the category it suggests.
type stem struct{ fold, code string }

// stems is categoryStems folded, built once.
var stems = foldStems()

func foldStems() []stem {
	var out []stem
	for _, c := range categoryStems {
		for _, lang := range [][]string{c.lv, c.ru, c.en} {
			for _, s := range lang {
				out = append(out, stem{fold: model.Fold(s), code: c.code})
			}
		}
	}
	return out
}

// StemCodes returns the category codes the stem table covers, in order,
// with each code's number of stems in Latvian, Russian and English.
func StemCodes() (codes []string, counts [][3]int) {
	for _, c := range categoryStems {
		codes = append(codes, c.code)
		counts = append(counts, [3]int{len(c.lv), len(c.ru), len(c.en)})
	}
	return codes, counts
}

// SuggestCategory returns the category code the words of a wish suggest
// ("" for none): each word (a hyphenated one whole and in its parts)
// votes for the category of its longest matching stem, weighted by the
// stem's length; the most votes win, ties going to the category listed
// first.
func SuggestCategory(wish string) string {
	score := make(map[string]int)
	parking := 0 // a parking word: the bikes' when the wish names bikes ("bike parking"), else traffic's
	for _, w := range strings.Fields(model.Fold(wish)) {
		best := stem{}
		for _, cand := range wordForms(w) {
			for _, s := range stems {
				if len(s.fold) > len(best.fold) && strings.HasPrefix(cand, s.fold) {
					best = s
				}
			}
		}
		switch {
		case parkingStems[best.fold]:
			parking += len([]rune(best.fold))
		case best.code != "":
			score[best.code] += len([]rune(best.fold))
		}
	}
	if score["cycle"] > 0 {
		score["cycle"] += parking
	} else {
		score["transport"] += parking
	}
	code, top := "", 0
	for _, c := range categoryStems { // in order: a tie stays with the first
		if n := score[c.code]; n > top {
			code, top = c.code, n
		}
	}
	return code
}

// parkingStems are the (folded) transport stems that name parking: with
// a word for bikes in the wish they are the category "Cycling paths &
// bike parking", not traffic.
var parkingStems = map[string]bool{
	model.Fold("stāvviet"): true, model.Fold("parkošan"): true, model.Fold("парков"): true, model.Fold("parking"): true,
}

// wordForms returns the forms of a folded word that stems are matched
// against: its letters and digits run together ("wi-fi" → "wifi") and
// each run of them ("street-workout" → "street", "workout").
func wordForms(w string) []string {
	parts := strings.FieldsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(parts) <= 1 {
		return parts
	}
	return append([]string{strings.Join(parts, "")}, parts...)
}
