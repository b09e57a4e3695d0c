package mapimport

import (
	"fmt"
	"strings"

	"standmap/model"
)

// alias is another name of a district as read, before clashes are settled.
type alias struct {
	text string
	prop string // the property it came from
}

// readAliases gives each district its aliases from opt.AliasProperties
// (names is the districts' names' folds). One equal to the district's own
// name is dropped. One that is another district's name, or that several
// districts share — files often give each district its larger district's
// name — would find the wrong district or an arbitrary one: it is left
// out, with a warning.
func readAliases(ds []district, feats []feature, opt Options, names map[string]int, warnings *[]string) error {
	found := make([][]alias, len(ds))
	holders := make(map[string][]int) // an alias's fold → the districts that have it
	for i, d := range ds {
		f := feats[d.feature]
		own := map[string]bool{model.Fold(d.name): true}
		for _, prop := range opt.AliasProperties {
			text, ok, err := propertyText(f, prop)
			if err != nil {
				return featureErr(opt.File, f.index, prop, "%v", err)
			}
			if !ok {
				continue
			}
			a, _, err := cleanName(text)
			if err != nil {
				return featureErr(opt.File, f.index, prop, "%v", err)
			}
			fold := model.Fold(a)
			if a == "" || own[fold] {
				continue
			}
			own[fold] = true
			found[i] = append(found[i], alias{a, prop})
			holders[fold] = append(holders[fold], i)
		}
	}
	warned := make(map[string]bool)
	for i := range ds {
		for _, a := range found[i] {
			fold := model.Fold(a.text)
			j, isName := names[fold]
			switch {
			case isName:
				*warnings = append(*warnings, fmt.Sprintf("%s: features[%d]: property %q: alias %q of %s left out: it is the name of features[%d]",
					opt.File, ds[i].feature, a.prop, a.text, ds[i].name, ds[j].feature))
			case len(holders[fold]) > 1:
				if !warned[fold] {
					warned[fold] = true
					*warnings = append(*warnings, fmt.Sprintf("%s: property %q: alias %q left out: %d districts have it (%s)",
						opt.File, a.prop, a.text, len(holders[fold]), featureList(ds, holders[fold])))
				}
			default:
				ds[i].aliases = append(ds[i].aliases, a.text)
			}
		}
	}
	return nil
}

// featureList names the districts' features, at most five.
func featureList(ds []district, idx []int) string {
	var parts []string
	for k, i := range idx {
		if k == 5 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, fmt.Sprintf("features[%d]", ds[i].feature))
	}
	return strings.Join(parts, ", ")
}
