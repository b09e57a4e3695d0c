package report

import (
	"strings"

	"standmap/i18n"
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
	More                                                           string
}

// catalogue returns the report's texts in lang (one of i18n.Languages,
// else English), from the one catalogue (package i18n).
func catalogue(lang string) *messages {
	lang = i18n.Lang(lang)
	t := func(k i18n.Key) string { return i18n.T(lang, k) }
	return &messages{Lang: lang,
		Title:         t(i18n.ReportTitle),
		Generated:     t(i18n.ReportGenerated),
		Replay:        t(i18n.ReportReplay),
		MapName:       t(i18n.ReportMapName),
		Totals:        t(i18n.ReportTotals),
		Visitors:      t(i18n.ReportVisitors),
		Marks:         t(i18n.ReportMarks),
		Wishes:        t(i18n.ReportWishes),
		Groups:        t(i18n.ReportGroups),
		First:         t(i18n.ReportFirst),
		Last:          t(i18n.ReportLast),
		Hoods:         t(i18n.ReportHoods),
		HoodsNote:     t(i18n.ReportHoodsNote),
		MapTitle:      t(i18n.ReportMapTitle),
		Top:           t(i18n.ReportTop),
		Wish:          t(i18n.ReportWish),
		Category:      t(i18n.ReportCategory),
		Count:         t(i18n.ReportCount),
		Neighbourhood: t(i18n.ReportNeighbourhood),
		PerHood:       t(i18n.ReportPerHood),
		CityWide:      t(i18n.ReportCityWide),
		PerCat:        t(i18n.ReportPerCat),
		NoCategory:    t(i18n.ReportNoCategory),
		Ages:          t(i18n.ReportAges),
		Age:           t(i18n.ReportAge),
		Share:         t(i18n.ReportShare),
		OtherAge:      t(i18n.ReportOtherAge),
		Total:         t(i18n.ReportTotal),
		AgesNote:      t(i18n.ReportAgesNote),
		AgesTotal:     t(i18n.ReportAgesTotal),
		Arrivals:      t(i18n.ReportArrivals),
		Curated:       t(i18n.ReportCurated),
		Merged:        t(i18n.ReportMerged),
		None:          t(i18n.ReportNone),
		CompareTitle:  t(i18n.ReportCompareTitle),
		Change:        t(i18n.ReportChange),
		NewWord:       t(i18n.ReportNewWord),
		More:          t(i18n.ReportMore),
	}
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
