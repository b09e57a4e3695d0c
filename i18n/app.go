package i18n

// The application's texts (tui): capture, board, recent, comparison and curation.
const (
	AppVisitors          Key = "app.visitors"
	AppVisitorCount      Key = "app.visitorCount"
	AppVisitor           Key = "app.visitor"
	AppSaved             Key = "app.saved"
	AppPlace             Key = "app.place"
	AppWish              Key = "app.wish"
	AppCategory          Key = "app.category"
	AppCategoryHint      Key = "app.categoryHint"
	AppAge               Key = "app.age"
	AppMarks             Key = "app.marks"
	AppCityWide          Key = "app.cityWide"
	AppRecent            Key = "app.recent"
	AppNoRecent          Key = "app.noRecent"
	AppWhere             Key = "app.where"
	AppWants             Key = "app.wants"
	AppNothingToSave     Key = "app.nothingToSave"
	AppNoMatch           Key = "app.noMatch"
	AppEmptyPlace        Key = "app.emptyPlace"
	AppWishTooLong       Key = "app.wishTooLong"
	AppSaveFailed        Key = "app.saveFailed"
	AppDeleteFailed      Key = "app.deleteFailed"
	AppUndone            Key = "app.undone"
	AppNothingToUndo     Key = "app.nothingToUndo"
	AppDeleted           Key = "app.deleted"
	AppEditing           Key = "app.editing"
	AppEditCancelled     Key = "app.editCancelled"
	AppMore              Key = "app.more"
	AppFilter            Key = "app.filter"
	AppFilterPick        Key = "app.filterPick"
	AppAllPlaces         Key = "app.allPlaces"
	AppNoWishes          Key = "app.noWishes"
	AppNoMarks           Key = "app.noMarks"
	AppReadOnly          Key = "app.readOnly"
	AppPasteCleaned      Key = "app.pasteCleaned"
	AppWishEscAgain      Key = "app.wishEscAgain"
	AppWishes            Key = "app.wishes"
	AppSaving            Key = "app.saving"
	AppHelpAdd           Key = "app.helpAdd"
	AppHelpAccept        Key = "app.helpAccept"
	AppHelpSave          Key = "app.helpSave"
	AppHelpUndo          Key = "app.helpUndo"
	AppHelpRecent        Key = "app.helpRecent"
	AppHelpBoard         Key = "app.helpBoard"
	AppHelpCapture       Key = "app.helpCapture"
	AppHelpHelp          Key = "app.helpHelp"
	AppHelpCategory      Key = "app.helpCategory"
	AppHelpUp            Key = "app.helpUp"
	AppHelpDown          Key = "app.helpDown"
	AppHelpBack          Key = "app.helpBack"
	AppHelpDelete        Key = "app.helpDelete"
	AppHelpPick          Key = "app.helpPick"
	AppHelpEdit          Key = "app.helpEdit"
	AppHelpFilter        Key = "app.helpFilter"
	AppHelpClear         Key = "app.helpClear"
	AppHelpAge           Key = "app.helpAge"
	AppHelpCityWide      Key = "app.helpCityWide"
	AppHelpRemoveMark    Key = "app.helpRemoveMark"
	AppHelpMapPick       Key = "app.helpMapPick"
	AppHelpMapMove       Key = "app.helpMapMove"
	AppMapPickHint       Key = "app.mapPickHint"
	AppHelpScroll        Key = "app.helpScroll"
	AppHelpPresent       Key = "app.helpPresent"
	AppHelpLeavePresent  Key = "app.helpLeavePresent"
	AppHelpWishes        Key = "app.helpWishes"
	AppHelpCompare       Key = "app.helpCompare"
	AppComparePick       Key = "app.comparePick"
	AppCompareNone       Key = "app.compareNone"
	AppCompareLoading    Key = "app.compareLoading"
	AppCompareHint       Key = "app.compareHint"
	AppCompareNew        Key = "app.compareNew"
	AppCompareHood       Key = "app.compareHood"
	AppCompareMove       Key = "app.compareMove"
	AppHiddenTitle       Key = "app.hiddenTitle"
	AppHiddenCount       Key = "app.hiddenCount"
	AppResultsLater      Key = "app.resultsLater"
	AppResultsAt         Key = "app.resultsAt"
	AppProjHidden        Key = "app.projHidden"
	AppProjFrozen        Key = "app.projFrozen"
	AppCurateTitle       Key = "app.curateTitle"
	AppCurateWindow      Key = "app.curateWindow"
	AppCurateHeld        Key = "app.curateHeld"
	AppCurateHeldFlag    Key = "app.curateHeldFlag"
	AppCurateMarkFirst   Key = "app.curateMarkFirst"
	AppCurateDone        Key = "app.curateDone"
	AppCurateUndone      Key = "app.curateUndone"
	AppCurateNothingOwn  Key = "app.curateNothingOwn"
	AppCurateNothing     Key = "app.curateNothing"
	AppCurateConflict    Key = "app.curateConflict"
	AppCurateMerged      Key = "app.curateMerged"
	AppCurateHidden      Key = "app.curateHidden"
	AppCurateApproved    Key = "app.curateApproved"
	AppCurateSpelt       Key = "app.curateSpelt"
	AppCurateMembers     Key = "app.curateMembers"
	AppCurateRenamed     Key = "app.curateRenamed"
	AppCurateRenameHint  Key = "app.curateRenameHint"
	AppCurateRenameEmpty Key = "app.curateRenameEmpty"
	AppCurateCategorised Key = "app.curateCategorised"
	AppCurateCatTitle    Key = "app.curateCatTitle"
	AppCurateCatAuto     Key = "app.curateCatAuto"
	AppCurateUnmerged    Key = "app.curateUnmerged"
	AppCurateNotMerged   Key = "app.curateNotMerged"
	AppCurateSugTitle    Key = "app.curateSugTitle"
	AppCurateSugNone     Key = "app.curateSugNone"
	AppReasonSpelt       Key = "app.reasonSpelt"
	AppReasonWord        Key = "app.reasonWord"
	AppReasonCategory    Key = "app.reasonCategory"
	AppHelpRename        Key = "app.helpRename"
	AppHelpUnmerge       Key = "app.helpUnmerge"
	AppHelpSuggest       Key = "app.helpSuggest"
	AppHelpApply         Key = "app.helpApply"
	AppHelpCancel        Key = "app.helpCancel"
	AppHelpMergePair     Key = "app.helpMergePair"
	AppHelpMove          Key = "app.helpMove"
	AppHelpMark          Key = "app.helpMark"
	AppHelpMerge         Key = "app.helpMerge"
	AppHelpHide          Key = "app.helpHide"
	AppHelpApprove       Key = "app.helpApprove"
)

// appTexts are the application's {English, Latvian} texts.
var appTexts = map[Key][2]string{
	AppVisitors:      {"visitors", "apmeklētāji"},
	AppVisitorCount:  {"%d visitor|%d visitors", "%d apmeklētāji|%d apmeklētājs|%d apmeklētāji"},
	AppVisitor:       {"Visitor #%d", "Apmeklētājs #%d"},
	AppSaved:         {"saved #%d ✓", "saglabāts #%d ✓"},
	AppPlace:         {"Place", "Vieta"},
	AppWish:          {"Wish", "Vēlme"},
	AppCategory:      {"Category", "Kategorija"},
	AppCategoryHint:  {"a letter jumps to a category", "burts pārlec uz kategoriju"},
	AppAge:           {"Age", "Vecums"},
	AppMarks:         {"Marks", "Atzīmes"},
	AppCityWide:      {"(city-wide)", "(visa pilsēta)"},
	AppRecent:        {"Recent", "Nesenie"},
	AppNoRecent:      {"no responses yet", "vēl nav atbilžu"},
	AppWhere:         {"Where they spend free time", "Kur pavada brīvo laiku"},
	AppWants:         {"What they want improved", "Ko vēlas uzlabot"},
	AppNothingToSave: {"nothing to save: add a place or a wish", "nav ko saglabāt: pievienojiet vietu vai vēlmi"},
	AppNoMatch:       {"no neighbourhood matches '%s'", "neviena apkaime neatbilst '%s'"},
	AppEmptyPlace:    {"type a neighbourhood (tab: a city-wide wish, ctrl+s: save)", "ierakstiet apkaimi (tab: vēlme visai pilsētai, ctrl+s: saglabāt)"},
	AppWishTooLong: {"a wish holds at most %d character|a wish holds at most %d characters",
		"vēlmē var būt ne vairāk kā %d rakstzīmes|vēlmē var būt ne vairāk kā %d rakstzīme|vēlmē var būt ne vairāk kā %d rakstzīmes"},
	AppSaveFailed:        {"not saved: %s", "nav saglabāts: %s"},
	AppDeleteFailed:      {"not deleted: %s", "nav dzēsts: %s"},
	AppUndone:            {"undone #%d", "atsaukts #%d"},
	AppNothingToUndo:     {"nothing to undo", "nav ko atsaukt"},
	AppDeleted:           {"deleted #%d (ctrl+z undoes)", "dzēsts #%d (ctrl+z atsauc)"},
	AppEditing:           {"editing #%d", "labo #%d"},
	AppEditCancelled:     {"#%d left as it was", "#%d atstāts, kā bija"},
	AppMore:              {"…%d more", "…vēl %d"},
	AppFilter:            {"in %s", "vietā %s"},
	AppFilterPick:        {"filter by place", "atlasīt pēc vietas"},
	AppAllPlaces:         {"all places", "visas vietas"},
	AppNoWishes:          {"no wishes yet", "vēl nav vēlmju"},
	AppNoMarks:           {"no marks yet", "vēl nav atzīmju"},
	AppReadOnly:          {"read-only board", "tikai skatīšanās"},
	AppPasteCleaned:      {"control characters removed from the paste", "no ielīmētā izņemtas vadības rakstzīmes"},
	AppWishEscAgain:      {"the wish is kept: Enter adds it; esc again leaves it out", "vēlme paturēta: Enter to pievieno; vēlreiz esc — bez tās"},
	AppWishes:            {"%d wish|%d wishes", "%d vēlmes|%d vēlme|%d vēlmes"},
	AppSaving:            {"saving…", "saglabā…"},
	AppHelpAdd:           {"add", "pievienot"},
	AppHelpAccept:        {"accept", "pieņemt"},
	AppHelpSave:          {"save", "saglabāt"},
	AppHelpUndo:          {"undo", "atsaukt"},
	AppHelpRecent:        {"recent", "nesenie"},
	AppHelpBoard:         {"board", "tablo"},
	AppHelpCapture:       {"capture", "ievade"},
	AppHelpHelp:          {"help", "palīdzība"},
	AppHelpCategory:      {"category", "kategorija"},
	AppHelpUp:            {"up", "augšup"},
	AppHelpDown:          {"down", "lejup"},
	AppHelpBack:          {"back", "atpakaļ"},
	AppHelpDelete:        {"delete", "dzēst"},
	AppHelpPick:          {"choose", "izvēlēties"},
	AppHelpEdit:          {"edit", "labot"},
	AppHelpFilter:        {"filter by place", "atlasīt pēc vietas"},
	AppHelpClear:         {"clear filter", "noņemt atlasi"},
	AppHelpAge:           {"age group", "vecuma grupa"},
	AppHelpCityWide:      {"city-wide wish", "visai pilsētai"},
	AppHelpRemoveMark:    {"remove last mark", "dzēst atzīmi"},
	AppHelpMapPick:       {"choose on the map", "izvēlēties kartē"},
	AppHelpMapMove:       {"move on the map", "pārvietoties kartē"},
	AppMapPickHint:       {"arrows move · enter takes · esc back", "bultiņas kartē · enter ņem · esc atpakaļ"},
	AppHelpScroll:        {"scroll", "ritināt"},
	AppHelpPresent:       {"projection", "projekcija"},
	AppHelpLeavePresent:  {"back to capture", "atpakaļ uz ievadi"},
	AppHelpWishes:        {"curate wishes", "kārtot vēlmes"},
	AppHelpCompare:       {"compare events", "salīdzināt pasākumus"},
	AppComparePick:       {"Compare %s with", "Salīdzināt %s ar"},
	AppCompareNone:       {"no other event yet", "cita pasākuma vēl nav"},
	AppCompareLoading:    {"counting…", "skaita…"},
	AppCompareHint:       {"↑/↓ choose · enter compare · esc back", "↑/↓ izvēlēties · enter salīdzināt · esc atpakaļ"},
	AppCompareNew:        {"new", "jauns"},
	AppCompareHood:       {"Neighbourhood", "Apkaime"},
	AppCompareMove:       {"move", "maiņa"},
	AppHiddenTitle:       {"Results are hidden", "Rezultāti paslēpti"},
	AppHiddenCount:       {"visitors so far: %d", "apmeklētāji līdz šim: %d"},
	AppResultsLater:      {"results will be shown later", "rezultātus parādīsim vēlāk"},
	AppResultsAt:         {"results at %s", "rezultāti plkst. %s"},
	AppProjHidden:        {"projection hidden", "projekcija paslēpta"},
	AppProjFrozen:        {"projection frozen", "projekcija apturēta"},
	AppCurateTitle:       {"Wishes of %s", "Vēlmes: %s"},
	AppCurateWindow:      {"standmap — wishes", "standmap — vēlmes"},
	AppCurateHeld:        {"held", "aizturēta"},
	AppCurateHeldFlag:    {"held: profanity", "aizturēta: rupjība"},
	AppCurateMarkFirst:   {"mark groups with space first, then press m on the group to merge into", "vispirms atzīmējiet grupas ar atstarpi, tad spiediet m uz grupas, kurā apvienot"},
	AppCurateDone:        {"#%d %s ✓ (u undoes)", "#%d %s ✓ (u atsauc)"},
	AppCurateUndone:      {"undone: %s ✓", "atsaukts: %s ✓"},
	AppCurateNothingOwn:  {"none of your actions to undo", "nav jūsu darbību, ko atsaukt"},
	AppCurateNothing:     {"nothing to change", "nav ko mainīt"},
	AppCurateConflict:    {"changed again since: undo the later actions first", "kopš tā mainīts vēlreiz: vispirms atsauciet vēlākās darbības"},
	AppCurateMerged:      {"merged into “%s”", "apvienots ar “%s”"},
	AppCurateHidden:      {"hidden “%s”", "paslēpts “%s”"},
	AppCurateApproved:    {"approved “%s”", "apstiprināts “%s”"},
	AppCurateSpelt:       {"spelt: ", "rakstīts: "},
	AppCurateMembers:     {"merged in: %s", "apvienoti: %s"},
	AppCurateRenamed:     {"shown as “%s”", "rāda kā “%s”"},
	AppCurateRenameHint:  {"type the text to show · enter applies · esc leaves it as it was", "ierakstiet rādāmo tekstu · enter apstiprina · esc atstāj, kā bija"},
	AppCurateRenameEmpty: {"the shown text cannot be empty (esc leaves it as it was)", "tekstu nevar atstāt tukšu (esc atstāj, kā bija)"},
	AppCurateCategorised: {"“%s” in %s", "“%s”: %s"},
	AppCurateCatTitle:    {"Category of “%s”", "Kategorija: “%s”"},
	AppCurateCatAuto:     {"the most frequent", "biežākā"},
	AppCurateUnmerged:    {"“%s” unmerged", "“%s” sadalīts"},
	AppCurateNotMerged:   {"nothing is merged into “%s”", "ar “%s” nekas nav apvienots"},
	AppCurateSugTitle:    {"Probably the same (%d)", "Iespējams, viens un tas pats (%d)"},
	AppCurateSugNone:     {"no suggestions: no two groups look alike", "ieteikumu nav: līdzīgu grupu nav"},
	AppReasonSpelt:       {"%d letter apart|%d letters apart", "atšķiras %d burtos|atšķiras %d burtā|atšķiras %d burtos"},
	AppReasonWord:        {"words in common “%s”", "kopīgi vārdi “%s”"},
	AppReasonCategory:    {"both %s", "abas: %s"},
	AppHelpRename:        {"rename", "pārdēvēt"},
	AppHelpUnmerge:       {"unmerge", "sadalīt"},
	AppHelpSuggest:       {"suggestions", "ieteikumi"},
	AppHelpApply:         {"apply", "apstiprināt"},
	AppHelpCancel:        {"cancel", "atcelt"},
	AppHelpMergePair:     {"merge this pair", "apvienot šo pāri"},
	AppHelpMove:          {"move", "pārvietot"},
	AppHelpMark:          {"mark", "atzīmēt"},
	AppHelpMerge:         {"merge marked here", "apvienot atzīmētās"},
	AppHelpHide:          {"hide", "paslēpt"},
	AppHelpApprove:       {"approve held", "apstiprināt aizturēto"},
}
