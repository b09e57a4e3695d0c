package i18n

import (
	"testing"

	"standmap/model"
)

// TestDescribe: an action in the facilitator's words, with each group's
// shown text where there is one, never the command line's syntax.
func TestDescribe(t *testing.T) {
	t.Parallel()
	shown := map[string]string{"velocelini": "Veloceliņi", "ara trenazieri": "Āra trenažieri"}
	lookup := func(k string) string { return shown[k] }
	merge := model.CurationAction{Verb: model.VerbMerge, Keys: []string{"velo celini"}, Into: "velocelini"}
	for _, c := range []struct {
		lang string
		a    model.CurationAction
		want string
	}{
		{"en", merge, "merged “velo celini” into “Veloceliņi”"},
		{"lv", merge, "“velo celini” apvienots ar “Veloceliņi”"},
		{"ru", merge, "объединение «velo celini» с «Veloceliņi»"},
		{"en", model.CurationAction{Verb: model.VerbCategorise, Keys: []string{"Āra trenažieri"}, Code: "fitness"},
			"“Āra trenažieri” put in Outdoor fitness equipment"},
		{"ru", model.CurationAction{Verb: model.VerbCategorise, Keys: []string{"ara trenazieri"}, Code: "fitness"},
			"перенос «Āra trenažieri» в категорию «Уличные тренажёры»"},
		{"en", model.CurationAction{Verb: model.VerbCategorise, Keys: []string{"x"}}, "“x” given its most frequent category"},
		{"en", model.CurationAction{Verb: model.VerbRename, Keys: []string{"velocelini"}, Text: "Velo\x1b[31m"},
			"“velocelini” shown as “Velo”"},
		{"en", model.CurationAction{Verb: model.VerbRename, Keys: []string{"velocelini"}}, "“velocelini” shown as most often spelt"},
		{"en", model.CurationAction{Verb: model.VerbHide, Keys: []string{"a", "b"}, Marks: []string{"r:0", "r:1"}},
			"hid “a”, “b”, 2 mentions"},
		{"ru", model.CurationAction{Verb: model.VerbHide, Marks: []string{"r:0"}}, "скрытие 1 упоминание"},
		{"en", model.CurationAction{Verb: model.VerbShow, Keys: []string{"a"}}, "showed “a” again"},
		{"en", model.CurationAction{Verb: model.VerbApprove, Keys: []string{"a"}}, "approved “a”"},
		{"en", model.CurationAction{Verb: model.VerbUnmerge, Keys: []string{"velocelini"}}, "unmerged “Veloceliņi”"},
		{"en", model.CurationAction{Verb: model.VerbModerate, On: true}, "new wishes held for approval"},
		{"ru", model.CurationAction{Verb: model.VerbModerate}, "показ новых пожеланий сразу"},
		{"en", model.CurationAction{Verb: "frobnicate", Keys: []string{"a"}}, `frobnicate "a"`},
	} {
		if got := Describe(c.lang, c.a, lookup); got != c.want {
			t.Errorf("Describe(%s, %+v) = %q, want %q", c.lang, c.a, got, c.want)
		}
	}
	if got := Describe("en", merge, nil); got != "merged “velo celini” into “velocelini”" {
		t.Errorf("with no shown texts: %q", got)
	}
}
