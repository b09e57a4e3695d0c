package i18n

import (
	"testing"

	"standmap/model"
)

// TestCategoryStems: the wishes of the issue and the fair, in Latvian,
// Russian and English, get the category a facilitator would give them;
// words of no category get none.
func TestCategoryStems(t *testing.T) {
	t.Parallel()
	for wish, want := range map[string]string{
		"jauni veloceliņi":             "cycle",
		"Veloceliņi":                   "cycle",
		"больше велодорожек":           "cycle",
		"Больше велодорожек":           "cycle",
		"bike paths":                   "cycle",
		"bike parking":                 "cycle",
		"velo stāvvieta":               "cycle",
		"велопарковка":                 "cycle",
		"парковка для велосипедов":     "cycle",
		"car parking":                  "transport",
		"skeitparks":                   "sport",
		"Скейтпарк":                    "sport",
		"Vairāk vietu aktīvai atpūtai": "sport",
		"Āra trenažieri":               "fitness",
		"ara trenazieri":               "fitness",
		"уличные тренажёры":            "fitness",
		"outdoor gym":                  "fitness",
		"Street-workout":               "fitness",
		"Sakārtot vidi":                "clean",
		"Sakopt vidi, lūdzu":           "clean",
		"tīrāka vide":                  "clean",
		"чистота":                      "clean",
		"Pastaigu vietas":              "walk",
		"walking paths":                "walk",
		"Suns parks":                   "green",
		"Pludmale":                     "green",
		"больше деревьев":              "green",
		"Soliņi":                       "hangout",
		"скамейки":                     "hangout",
		"Apgaismojums":                 "light",
		"ielu apgaismojums":            "light",
		"освещение":                    "light",
		"more street lights":           "light",
		"Tirdziņš ārpus centra":        "events",
		"ярмарка":                      "events",
		"Free Wi-Fi":                   "wifi",
		"зарядка для телефона":         "wifi",
		"Dzeramais ūdens":              "amenities",
		"toilets":                      "amenities",
		"gājēju pāreja":                "transport",
		"stāvvieta":                    "transport",
		"парковка":                     "transport",
		"ielu māksla":                  "culture",
		"граффити":                     "culture",
		"asdf":                         "",
		"":                             "",
		"Labāk":                        "",
	} {
		if got := SuggestCategory(wish); got != want {
			t.Errorf("SuggestCategory(%q) = %q, want %q", wish, got, want)
		}
	}
}

// TestStemsCoverEveryCategory: every category code has stems in every
// language (several, but for "other"), and the table names no unknown code.
func TestStemsCoverEveryCategory(t *testing.T) {
	t.Parallel()
	codes, counts := StemCodes()
	seen := make(map[string]bool)
	for i, code := range codes {
		if _, ok := model.CategoryByCode(code); !ok {
			t.Errorf("stems for unknown category %q", code)
		}
		seen[code] = true
		for l, n := range counts[i] {
			if min := 3; n < min {
				t.Errorf("%s: %d stems in language %d, want at least %d", code, n, l, min)
			}
		}
	}
	for _, c := range model.Categories {
		if !seen[c.Code] {
			t.Errorf("no stems for %q", c.Code)
		}
	}
	for _, s := range stems {
		if len([]rune(s.fold)) < 2 || s.fold != model.Fold(s.fold) {
			t.Errorf("stem %q of %s is not a folded word", s.fold, s.code)
		}
	}
}
