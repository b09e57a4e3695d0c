package model

// Category is a stable code for a kind of wish, with its names in the
// interface languages. Codes go into CSV and JSON; names are only shown.
type Category struct {
	Code string
	EN   string
	LV   string
}

// Categories lists every wish category in the order they are offered.
// The Latvian names other than "Āra trenažieri" and "Veloceliņi" await a
// native speaker's check; this is the one place to fix them.
var Categories = []Category{
	{"sport", "Sport & active recreation", "Sports un aktīvā atpūta"},
	{"fitness", "Outdoor fitness equipment", "Āra trenažieri"},
	{"cycle", "Cycling paths & bike parking", "Veloceliņi un velonovietnes"},
	{"walk", "Walking routes", "Pastaigu vietas"},
	{"clean", "Tidy, clean environment", "Vides sakopšana"},
	{"green", "Greenery, nature, waterside", "Zaļās zonas un ūdensmalas"},
	{"hangout", "Places to sit and meet", "Atpūtas un tikšanās vietas"},
	{"light", "Lighting & safety", "Apgaismojums un drošība"},
	{"events", "Events & markets", "Pasākumi un tirdziņi"},
	{"wifi", "Wi-Fi & charging", "Wi-Fi un uzlāde"},
	{"amenities", "Toilets & drinking water", "Labierīcības un dzeramais ūdens"},
	{"transport", "Public transport & traffic safety", "Sabiedriskais transports un satiksmes drošība"},
	{"culture", "Art & culture", "Kultūra un māksla"},
	{"other", "Other", "Cits"},
}

// CategoryByCode returns the category with that code.
func CategoryByCode(code string) (Category, bool) {
	for _, c := range Categories {
		if c.Code == code {
			return c, true
		}
	}
	return Category{}, false
}

// Name returns the category's name in lang ("lv" or else English).
func (c Category) Name(lang string) string {
	if lang == "lv" {
		return c.LV
	}
	return c.EN
}
