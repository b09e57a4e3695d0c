package tui

import "standmap/i18n"

// tr returns the catalogue's text key in lang (i18n.T), formatted with
// args.
func tr(lang string, key i18n.Key, args ...any) string {
	return i18n.T(lang, key, args...)
}
