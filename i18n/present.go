package i18n

// The projection's texts (tui/present).
const (
	PresentVisitors      Key = "present.visitors"
	PresentOneVisitor    Key = "present.oneVisitor"
	PresentMostMarked    Key = "present.mostMarked"
	PresentMostWanted    Key = "present.mostWanted"
	PresentNoMarks       Key = "present.noMarks"
	PresentNoWishes      Key = "present.noWishes"
	PresentWhere         Key = "present.where"
	PresentMap           Key = "present.map"
	PresentTopWishes     Key = "present.topWishes"
	PresentByPlace       Key = "present.byPlace"
	PresentCityWide      Key = "present.cityWide"
	PresentMore          Key = "present.more"
	PresentResultsAt     Key = "present.resultsAt"
	PresentResultsHidden Key = "present.resultsHidden"
	PresentFrozen        Key = "present.frozen"
	PresentKeysHint      Key = "present.keysHint"
	PresentKeys          Key = "present.keys"
	PresentKeyHide       Key = "present.keyHide"
	PresentKeyFreeze     Key = "present.keyFreeze"
	PresentKeyTheme      Key = "present.keyTheme"
	PresentKeyNext       Key = "present.keyNext"
	PresentKeyHelp       Key = "present.keyHelp"
	PresentKeyClose      Key = "present.keyClose"
)

// presentTexts are the projection's {English, Latvian} texts.
var presentTexts = map[Key][2]string{
	PresentVisitors:      {"visitors so far", "apmeklētāji līdz šim"},
	PresentOneVisitor:    {"visitor so far", "apmeklētājs līdz šim"},
	PresentMostMarked:    {"most marked", "visvairāk atzīmēta"},
	PresentMostWanted:    {"most wanted", "visvairāk vēlas"},
	PresentNoMarks:       {"no marks yet", "vēl nav atzīmju"},
	PresentNoWishes:      {"no wishes yet", "vēl nav vēlmju"},
	PresentWhere:         {"Where they spend free time", "Kur pavada brīvo laiku"},
	PresentMap:           {"The city", "Pilsēta"},
	PresentTopWishes:     {"Top 10 wishes", "10 biežākās vēlmes"},
	PresentByPlace:       {"Wishes by neighbourhood", "Vēlmes pa apkaimēm"},
	PresentCityWide:      {"(city-wide)", "(visa pilsēta)"},
	PresentMore:          {"…%d more", "…vēl %d"},
	PresentResultsAt:     {"results at %s", "rezultāti plkst. %s"},
	PresentResultsHidden: {"results will be shown later", "rezultātus parādīsim vēlāk"},
	PresentFrozen:        {"[frozen]", "[apturēts]"},
	PresentKeysHint:      {"? keys", "? taustiņi"},
	PresentKeys:          {"Keys", "Taustiņi"},
	PresentKeyHide:       {"hide / reveal results", "slēpt / rādīt rezultātus"},
	PresentKeyFreeze:     {"freeze / follow", "apturēt / atsākt"},
	PresentKeyTheme:      {"next theme", "nākamā tēma"},
	PresentKeyNext:       {"next panel", "nākamais panelis"},
	PresentKeyHelp:       {"keys", "taustiņi"},
	PresentKeyClose:      {"close", "aizvērt"},
}
