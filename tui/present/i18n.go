package present

import "standmap/i18n"

// msgID names one piece of interface text in the catalogue.
type msgID int

// The interface texts; catalogue holds their English and Latvian forms.
const (
	msgVisitors msgID = iota
	msgOneVisitor
	msgMostMarked
	msgMostWanted
	msgNoMarks
	msgNoWishes
	msgWhere
	msgMap
	msgTopWishes
	msgByPlace
	msgCityWide
	msgMore
	msgResultsAt
	msgResultsHidden
	msgFrozen
	msgKeysHint
	msgKeys
	msgTooSmall
	msgKeyHide
	msgKeyFreeze
	msgKeyTheme
	msgKeyNext
	msgKeyHelp
	msgKeyClose
	msgKeyQuit
	msgCount
)

// catalogue maps every message to its {English, Latvian} text.
var catalogue = [msgCount][2]string{
	msgVisitors:      {"visitors so far", "apmeklētāji līdz šim"},
	msgOneVisitor:    {"visitor so far", "apmeklētājs līdz šim"},
	msgMostMarked:    {"most marked", "visvairāk atzīmēta"},
	msgMostWanted:    {"most wanted", "visvairāk vēlas"},
	msgNoMarks:       {"no marks yet", "vēl nav atzīmju"},
	msgNoWishes:      {"no wishes yet", "vēl nav vēlmju"},
	msgWhere:         {"Where they spend free time", "Kur pavada brīvo laiku"},
	msgMap:           {"The city", "Pilsēta"},
	msgTopWishes:     {"Top 10 wishes", "10 biežākās vēlmes"},
	msgByPlace:       {"Wishes by neighbourhood", "Vēlmes pa apkaimēm"},
	msgCityWide:      {"(city-wide)", "(visa pilsēta)"},
	msgMore:          {"…%d more", "…vēl %d"},
	msgResultsAt:     {"results at %s", "rezultāti plkst. %s"},
	msgResultsHidden: {"results will be shown later", "rezultātus parādīsim vēlāk"},
	msgFrozen:        {"[frozen]", "[apturēts]"},
	msgKeysHint:      {"? keys", "? taustiņi"},
	msgKeys:          {"Keys", "Taustiņi"},
	msgTooSmall:      {"make the window at least %d×%d", "palieliniet logu līdz %d×%d"},
	msgKeyHide:       {"hide / reveal results", "slēpt / rādīt rezultātus"},
	msgKeyFreeze:     {"freeze / follow", "apturēt / atsākt"},
	msgKeyTheme:      {"next theme", "nākamā tēma"},
	msgKeyNext:       {"next panel", "nākamais panelis"},
	msgKeyHelp:       {"keys", "taustiņi"},
	msgKeyClose:      {"close", "aizvērt"},
	msgKeyQuit:       {"quit", "iziet"},
}

// tr returns message id in lang ("lv", else English), formatted with args.
func tr(lang string, id msgID, args ...any) string {
	return i18n.Pick(lang, catalogue[id], args...)
}
