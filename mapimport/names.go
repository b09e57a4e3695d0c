package mapimport

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"standmap/model"
)

// propertyText returns feature f's property prop as text: a string, or a
// number written as such (districts numbered 1, 2, …). ok is false when
// f lacks it or it is null; any other kind of value is an error.
func propertyText(f feature, prop string) (text string, ok bool, err error) {
	v, has := f.props[prop]
	switch v := v.(type) {
	case nil:
		return "", false, nil
	case string:
		return v, has, nil
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), true, nil
	case bool:
		return "", false, fmt.Errorf("is %t, not text", v)
	case map[string]any:
		return "", false, fmt.Errorf("is an object, not text")
	}
	return "", false, fmt.Errorf("is a list, not text")
}

// propertyNames lists f's properties for a message, sorted, at most 12.
func propertyNames(f feature) string {
	names := slices.Sorted(maps.Keys(f.props))
	if len(names) == 0 {
		return "it has no properties"
	}
	extra := ""
	if len(names) > 12 {
		names, extra = names[:12], fmt.Sprintf(", …%d more", len(names)-12)
	}
	return "it has " + strings.Join(names, ", ") + extra
}

// cleanName makes text a name the map format holds: white space runs
// made one space and trimmed; "|" (which separates aliases) written "/",
// ";" (which starts options) ",", and a "#" that would start a comment
// "No.". changed says a character was replaced. Control, escape and bidi
// characters are refused, as the map parser refuses them: they would
// reach other people's terminals.
func cleanName(text string) (name string, changed bool, err error) {
	if model.HasUnsafe(strings.Map(spaceControls, text)) {
		for i, r := range []rune(text) {
			if model.HasUnsafe(string(spaceControls(r))) {
				return "", false, fmt.Errorf("%s holds a control, escape or bidi character (U+%04X at character %d)", quote(text), r, i+1)
			}
		}
		return "", false, fmt.Errorf("%s is not valid UTF-8", quote(text))
	}
	name = strings.Join(strings.Fields(text), " ")
	fixed := noComment(strings.NewReplacer("|", "/", ";", ",").Replace(name))
	return fixed, fixed != name, nil
}

// spaceControls maps tabs and line breaks, which a name may hold and
// cleanName makes spaces, to a space.
func spaceControls(r rune) rune {
	if r == '\t' || r == '\n' || r == '\r' {
		return ' '
	}
	return r
}
