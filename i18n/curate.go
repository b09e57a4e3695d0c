package i18n

import (
	"strings"

	"standmap/model"
)

// The curation's words for what an action did (Describe) and why two
// groups look alike.
const (
	CurateQuote       Key = "curate.quote"
	CurateMentions    Key = "curate.mentions"
	CurateDidMerge    Key = "curate.didMerge"
	CurateDidUnmerge  Key = "curate.didUnmerge"
	CurateDidRename   Key = "curate.didRename"
	CurateDidUnrename Key = "curate.didUnrename"
	CurateDidCategory Key = "curate.didCategory"
	CurateDidAutoCat  Key = "curate.didAutoCat"
	CurateDidHide     Key = "curate.didHide"
	CurateDidShow     Key = "curate.didShow"
	CurateDidApprove  Key = "curate.didApprove"
	CurateDidModerate Key = "curate.didModerate"
	CurateDidFree     Key = "curate.didFree"
	AppReasonSpacing  Key = "app.reasonSpacing"
)

// curateTexts are the curation's {English, Latvian} texts.
var curateTexts = map[Key][2]string{
	CurateQuote:       {"“%s”", "“%s”"},
	CurateMentions:    {"%d mention|%d mentions", "%d pieminējumi|%d pieminējums|%d pieminējumi"},
	CurateDidMerge:    {"merged %s into %s", "%s apvienots ar %s"},
	CurateDidUnmerge:  {"unmerged %s", "sadalīts %s"},
	CurateDidRename:   {"%s shown as %s", "%s rāda kā %s"},
	CurateDidUnrename: {"%s shown as most often spelt", "%s rāda, kā visbiežāk rakstīts"},
	CurateDidCategory: {"%s put in %s", "%s ielikts kategorijā %s"},
	CurateDidAutoCat:  {"%s given its most frequent category", "%s ir tā biežākā kategorija"},
	CurateDidHide:     {"hid %s", "paslēpts %s"},
	CurateDidShow:     {"showed %s again", "atkal rāda %s"},
	CurateDidApprove:  {"approved %s", "apstiprināts %s"},
	CurateDidModerate: {"new wishes held for approval", "jaunās vēlmes gaida apstiprinājumu"},
	CurateDidFree:     {"new wishes shown at once", "jaunās vēlmes rāda uzreiz"},
	AppReasonSpacing:  {"the same letters", "tie paši burti"},
}

// Describe says what a curation action does, in words a facilitator
// reads rather than the command line's: `merged “velo celini” into
// “Veloceliņi”`. shown gives the text a group is shown as, from its key
// ("" when the key is no group shown now: then the key itself is quoted).
// lang is one language.
func Describe(lang string, a model.CurationAction, shown func(key string) string) string {
	quote := func(key string) string {
		text := ""
		if shown != nil {
			text = shown(model.WishKey(key))
		}
		if text == "" {
			text = key
		}
		return T(lang, CurateQuote, model.Sanitize(text))
	}
	keys := make([]string, len(a.Keys))
	for i, k := range a.Keys {
		keys[i] = quote(k)
	}
	list := strings.Join(keys, ", ")
	switch a.Verb {
	case model.VerbMerge:
		return T(lang, CurateDidMerge, list, quote(a.Into))
	case model.VerbUnmerge:
		return T(lang, CurateDidUnmerge, list)
	case model.VerbRename: // its group is shown as the new text now: say the key
		shown = nil
		for i, k := range a.Keys {
			keys[i] = quote(k)
		}
		list = strings.Join(keys, ", ")
		if a.Text == "" {
			return T(lang, CurateDidUnrename, list)
		}
		return T(lang, CurateDidRename, list, T(lang, CurateQuote, model.Sanitize(a.Text)))
	case model.VerbCategorise:
		if c, ok := model.CategoryByCode(a.Code); ok {
			return T(lang, CurateDidCategory, list, c.Name(lang))
		}
		return T(lang, CurateDidAutoCat, list)
	case model.VerbHide, model.VerbShow, model.VerbApprove:
		if len(a.Marks) > 0 {
			keys = append(keys, N(lang, CurateMentions, len(a.Marks)))
		}
		id := map[string]Key{model.VerbHide: CurateDidHide, model.VerbShow: CurateDidShow, model.VerbApprove: CurateDidApprove}[a.Verb]
		return T(lang, id, strings.Join(keys, ", "))
	case model.VerbModerate:
		if a.On {
			return T(lang, CurateDidModerate)
		}
		return T(lang, CurateDidFree)
	}
	return model.Sanitize(a.Describe())
}
