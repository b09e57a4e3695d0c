package report

import (
	"strings"

	"standmap/model"
)

// messages is the report's text in one language. Strings with %s or %d
// are formats.
type messages struct {
	Lang, Title, Generated, Replay, MapName                        string
	Totals, Visitors, Marks, Wishes, Groups, First, Last           string
	Hoods, HoodsNote, MapTitle, Top, Wish, Category, Count         string
	Neighbourhood, PerHood, CityWide, PerCat, NoCategory           string
	Ages, Age, Share, OtherAge, Total, AgesNote, AgesTotal         string
	Arrivals, Curated, Merged, None, CompareTitle, Change, NewWord string
}

var english = messages{
	Lang: "en", Title: "Report: %s", Generated: "Generated %s", Replay: "As it was at %s", MapName: "Map: %s",
	Totals: "Totals", Visitors: "Visitors (responses)", Marks: "Marks", Wishes: "Wishes given",
	Groups: "Different wishes", First: "First answer", Last: "Last answer",
	Hoods: "Where young people spend free time", HoodsNote: "Responses that marked each neighbourhood.",
	MapTitle: "Map", Top: "Top wishes", Wish: "Wish", Category: "Category", Count: "Responses",
	Neighbourhood: "Neighbourhood", PerHood: "Wishes per neighbourhood", CityWide: "City-wide",
	PerCat: "Wishes per category", NoCategory: "No category",
	Ages: "Age groups", Age: "Age group", Share: "Share", OtherAge: "Other or undisclosed", Total: "Total",
	AgesNote:  "Groups with fewer than %d responses are merged into “%s”, so that no figure points at a few visitors.",
	AgesTotal: "Too few responses per age group to show any group on its own.",
	Arrivals:  "Answers per half hour", Curated: "Curated merges", Merged: "Merged from",
	None: "None yet.", CompareTitle: "%s compared with %s", Change: "Change", NewWord: "new",
}

// latvian awaits a native speaker's check, like model.Categories.
var latvian = messages{
	Lang: "lv", Title: "Pārskats: %s", Generated: "Sagatavots %s", Replay: "Stāvoklis %s", MapName: "Karte: %s",
	Totals: "Kopsavilkums", Visitors: "Apmeklētāji (atbildes)", Marks: "Atzīmes", Wishes: "Izteiktās vēlmes",
	Groups: "Dažādas vēlmes", First: "Pirmā atbilde", Last: "Pēdējā atbilde",
	Hoods: "Kur jaunieši pavada brīvo laiku", HoodsNote: "Atbildes, kurās atzīmēta katra apkaime.",
	MapTitle: "Karte", Top: "Biežākās vēlmes", Wish: "Vēlme", Category: "Kategorija", Count: "Atbildes",
	Neighbourhood: "Apkaime", PerHood: "Vēlmes pa apkaimēm", CityWide: "Visa pilsēta",
	PerCat: "Vēlmes pa kategorijām", NoCategory: "Bez kategorijas",
	Ages: "Vecuma grupas", Age: "Vecuma grupa", Share: "Daļa", OtherAge: "Citas vai nenorādīta", Total: "Kopā",
	AgesNote:  "Grupas ar mazāk nekā %d atbildēm ir apvienotas rindā “%s”, lai neviens skaitlis nenorādītu uz dažiem apmeklētājiem.",
	AgesTotal: "Katrā vecuma grupā ir pārāk maz atbilžu, lai kādu no tām rādītu atsevišķi.",
	Arrivals:  "Atbildes pa pusstundām", Curated: "Apvienotās vēlmes", Merged: "Apvienotas",
	None: "Vēl nav.", CompareTitle: "%s salīdzinājumā ar %s", Change: "Izmaiņas", NewWord: "jauns",
}

// catalogue returns the messages of lang ("lv", else English).
func catalogue(lang string) *messages {
	if lang == "lv" {
		return &latvian
	}
	return &english
}

// categoryName is the category's name in the language, or the words for
// no category.
func (m *messages) categoryName(code string) string {
	if c, ok := model.CategoryByCode(code); ok {
		return c.Name(m.Lang)
	}
	if code == "" {
		return m.NoCategory
	}
	return code
}

// hoodName is a neighbourhood's name, or the words for city-wide.
func (m *messages) hoodName(name string) string {
	if name == "" {
		return m.CityWide
	}
	return name
}

// ageName is an age group, or the words for the merged line.
func (m *messages) ageName(group string) string {
	if group == "" {
		return m.OtherAge
	}
	return group
}

// clean makes text typed by someone safe to show: escape sequences,
// control, bidi and format characters go (model.Sanitize), and the rest is
// trimmed.
func clean(s string) string { return strings.TrimSpace(model.Sanitize(s)) }
