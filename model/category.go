package model

// Category is a stable code for a kind of wish, with its names in the
// interface languages. Codes go into CSV and JSON; names are only shown.
type Category struct {
	Code string
	EN   string
	LV   string
	RU   string
}

// Categories lists every wish category in the order they are offered.
// The Latvian names other than "Āra trenažieri" and "Veloceliņi", and the
// Russian names, await a native speaker's check; this is the one place to
// fix them.
var Categories = []Category{
	{"sport", "Sport & active recreation", "Sports un aktīvā atpūta", "Спорт и активный отдых"},
	{"fitness", "Outdoor fitness equipment", "Āra trenažieri", "Уличные тренажёры"},
	{"cycle", "Cycling paths & bike parking", "Veloceliņi un velonovietnes", "Велодорожки и велопарковки"},
	{"walk", "Walking routes", "Pastaigu vietas", "Места для прогулок"},
	{"clean", "Tidy, clean environment", "Vides sakopšana", "Чистота и благоустройство"},
	{"green", "Greenery, nature, waterside", "Zaļās zonas un ūdensmalas", "Зелёные зоны и набережные"},
	{"hangout", "Places to sit and meet", "Atpūtas un tikšanās vietas", "Места для отдыха и встреч"},
	{"light", "Lighting & safety", "Apgaismojums un drošība", "Освещение и безопасность"},
	{"events", "Events & markets", "Pasākumi un tirdziņi", "Мероприятия и ярмарки"},
	{"wifi", "Wi-Fi & charging", "Wi-Fi un uzlāde", "Wi-Fi и зарядка"},
	{"amenities", "Toilets & drinking water", "Labierīcības un dzeramais ūdens", "Туалеты и питьевая вода"},
	{"transport", "Public transport & traffic safety", "Sabiedriskais transports un satiksmes drošība", "Общественный транспорт и безопасность движения"},
	{"culture", "Art & culture", "Kultūra un māksla", "Искусство и культура"},
	{"other", "Other", "Cits", "Другое"},
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

// Name returns the category's name in lang ("lv", "ru", else English);
// one language: a pair's two names come from i18n.Join.
func (c Category) Name(lang string) string {
	switch lang {
	case "lv":
		return c.LV
	case "ru":
		return c.RU
	}
	return c.EN
}
