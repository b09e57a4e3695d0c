package tui

import "standmap/i18n"

// msgID names one piece of interface text in the catalogue.
type msgID int

// The interface texts; catalogue holds their English and Latvian forms.
const (
	msgVisitors msgID = iota
	msgVisitor
	msgOneVisitor
	msgSaved
	msgPlace
	msgWish
	msgCategory
	msgAge
	msgMarks
	msgCityWide
	msgRecent
	msgNoRecent
	msgWhere
	msgWants
	msgNothingToSave
	msgNoMatch
	msgEmptyPlace
	msgWishTooLong
	msgSaveFailed
	msgDeleteFailed
	msgUndone
	msgNothingToUndo
	msgDeleted
	msgEditing
	msgEditCancelled
	msgTooSmall
	msgMore
	msgFilter
	msgFilterPick
	msgAllPlaces
	msgNoWishes
	msgNoMarks
	msgReadOnly
	msgPasteCleaned
	msgWishes
	msgOneWish
	msgSaving
	msgHelpAdd
	msgHelpAccept
	msgHelpSave
	msgHelpUndo
	msgHelpRecent
	msgHelpBoard
	msgHelpCapture
	msgHelpHelp
	msgHelpQuit
	msgHelpCategory
	msgHelpUp
	msgHelpDown
	msgHelpBack
	msgHelpDelete
	msgHelpEdit
	msgHelpPick
	msgHelpFilter
	msgHelpClear
	msgHelpAge
	msgHelpRemoveMark
	msgHelpMapPick
	msgHelpMapMove
	msgMapPickHint
	msgHelpCityWide
	msgHelpScroll
	msgHelpPresent
	msgHelpLeavePresent
	msgHelpWishes
	msgNoCuration
	msgHelpCompare
	msgComparePick
	msgCompareNone
	msgCompareLoading
	msgCompareHint
	msgCompareNew
	msgCompareHood
	msgCompareMove
	msgHiddenTitle
	msgHiddenCount
	msgResultsLater
	msgResultsAt
	msgProjHidden
	msgProjFrozen
	msgCurateTitle
	msgCurateWindow
	msgCurateHeld
	msgCurateHeldFlag
	msgCurateMarkFirst
	msgCurateDone
	msgCurateUndone
	msgCurateNothingOwn
	msgCurateNothing
	msgCurateConflict
	msgCurateMerged
	msgCurateHidden
	msgCurateApproved
	msgCurateSpelt
	msgCurateMembers
	msgCurateRenamed
	msgCurateRenameHint
	msgCurateRenameEmpty
	msgCurateCategorised
	msgCurateCatTitle
	msgCurateCatAuto
	msgCurateUnmerged
	msgCurateNotMerged
	msgCurateSugTitle
	msgCurateSugNone
	msgReasonSpelt
	msgReasonWord
	msgReasonCategory
	msgHelpRename
	msgHelpUnmerge
	msgHelpSuggest
	msgHelpApply
	msgHelpCancel
	msgHelpMergePair
	msgHelpMove
	msgHelpMark
	msgHelpMerge
	msgHelpHide
	msgHelpApprove
	msgCount
)

// catalogue maps every message to its {English, Latvian} text. Texts with
// verbs (%d, %s) are formatted by tr.
var catalogue = [msgCount][2]string{
	msgVisitors:          {"visitors", "apmeklētāji"},
	msgOneVisitor:        {"visitor", "apmeklētājs"},
	msgVisitor:           {"Visitor #%d", "Apmeklētājs #%d"},
	msgSaved:             {"saved #%d ✓", "saglabāts #%d ✓"},
	msgPlace:             {"Place", "Vieta"},
	msgWish:              {"Wish", "Vēlme"},
	msgCategory:          {"Category", "Kategorija"},
	msgAge:               {"Age", "Vecums"},
	msgMarks:             {"Marks", "Atzīmes"},
	msgCityWide:          {"(city-wide)", "(visa pilsēta)"},
	msgRecent:            {"Recent", "Nesenie"},
	msgNoRecent:          {"no responses yet", "vēl nav atbilžu"},
	msgWhere:             {"Where they spend free time", "Kur pavada brīvo laiku"},
	msgWants:             {"What they want improved", "Ko vēlas uzlabot"},
	msgNothingToSave:     {"nothing to save: add a place or a wish", "nav ko saglabāt: pievienojiet vietu vai vēlmi"},
	msgNoMatch:           {"no neighbourhood matches '%s'", "neviena apkaime neatbilst '%s'"},
	msgEmptyPlace:        {"type a neighbourhood (tab: a city-wide wish, ctrl+s: save)", "ierakstiet apkaimi (tab: vēlme visai pilsētai, ctrl+s: saglabāt)"},
	msgWishTooLong:       {"a wish holds at most %d characters", "vēlmē var būt ne vairāk kā %d rakstzīmes"},
	msgSaveFailed:        {"not saved: %s", "nav saglabāts: %s"},
	msgDeleteFailed:      {"not deleted: %s", "nav dzēsts: %s"},
	msgUndone:            {"undone #%d", "atsaukts #%d"},
	msgNothingToUndo:     {"nothing to undo", "nav ko atsaukt"},
	msgDeleted:           {"deleted #%d (ctrl+z undoes)", "dzēsts #%d (ctrl+z atsauc)"},
	msgEditing:           {"editing #%d", "labo #%d"},
	msgEditCancelled:     {"#%d left as it was", "#%d atstāts, kā bija"},
	msgTooSmall:          {"make the window at least %d×%d", "palieliniet logu līdz vismaz %d×%d"},
	msgMore:              {"…%d more", "…vēl %d"},
	msgFilter:            {"in %s", "vietā %s"},
	msgFilterPick:        {"filter by place", "atlasīt pēc vietas"},
	msgAllPlaces:         {"all places", "visas vietas"},
	msgNoWishes:          {"no wishes yet", "vēl nav vēlmju"},
	msgNoMarks:           {"no marks yet", "vēl nav atzīmju"},
	msgReadOnly:          {"read-only board", "tikai skatīšanās"},
	msgPasteCleaned:      {"control characters removed from the paste", "no ielīmētā izņemtas vadības rakstzīmes"},
	msgWishes:            {"%d wishes", "%d vēlmes"},
	msgOneWish:           {"1 wish", "1 vēlme"},
	msgSaving:            {"saving…", "saglabā…"},
	msgHelpAdd:           {"add", "pievienot"},
	msgHelpAccept:        {"accept", "pieņemt"},
	msgHelpSave:          {"save", "saglabāt"},
	msgHelpUndo:          {"undo", "atsaukt"},
	msgHelpRecent:        {"recent", "nesenie"},
	msgHelpBoard:         {"board", "tablo"},
	msgHelpCapture:       {"capture", "ievade"},
	msgHelpHelp:          {"help", "palīdzība"},
	msgHelpQuit:          {"quit", "iziet"},
	msgHelpCategory:      {"category", "kategorija"},
	msgHelpUp:            {"up", "augšup"},
	msgHelpDown:          {"down", "lejup"},
	msgHelpBack:          {"back", "atpakaļ"},
	msgHelpDelete:        {"delete", "dzēst"},
	msgHelpPick:          {"choose", "izvēlēties"},
	msgHelpEdit:          {"edit", "labot"},
	msgHelpFilter:        {"filter by place", "atlasīt pēc vietas"},
	msgHelpClear:         {"clear filter", "noņemt atlasi"},
	msgHelpAge:           {"age group", "vecuma grupa"},
	msgHelpCityWide:      {"city-wide wish", "visai pilsētai"},
	msgHelpRemoveMark:    {"remove last mark", "dzēst atzīmi"},
	msgHelpMapPick:       {"choose on the map", "izvēlēties kartē"},
	msgHelpMapMove:       {"move on the map", "pārvietoties kartē"},
	msgMapPickHint:       {"arrows move · enter takes · esc back", "bultiņas kartē · enter ņem · esc atpakaļ"},
	msgHelpScroll:        {"scroll", "ritināt"},
	msgHelpPresent:       {"projection", "projekcija"},
	msgHelpLeavePresent:  {"back to capture", "atpakaļ uz ievadi"},
	msgHelpWishes:        {"curate wishes", "kārtot vēlmes"},
	msgNoCuration:        {"this database cannot curate wishes", "šajā datubāzē vēlmes nevar kārtot"},
	msgHelpCompare:       {"compare events", "salīdzināt pasākumus"},
	msgComparePick:       {"Compare %s with", "Salīdzināt %s ar"},
	msgCompareNone:       {"no other event yet", "cita pasākuma vēl nav"},
	msgCompareLoading:    {"counting…", "skaita…"},
	msgCompareHint:       {"↑/↓ choose · enter compare · esc back", "↑/↓ izvēlēties · enter salīdzināt · esc atpakaļ"},
	msgCompareNew:        {"new", "jauns"},
	msgCompareHood:       {"Neighbourhood", "Apkaime"},
	msgCompareMove:       {"move", "maiņa"},
	msgHiddenTitle:       {"Results are hidden", "Rezultāti paslēpti"},
	msgHiddenCount:       {"visitors so far: %d", "apmeklētāji līdz šim: %d"},
	msgResultsLater:      {"results will be shown later", "rezultātus parādīsim vēlāk"},
	msgResultsAt:         {"results at %s", "rezultāti plkst. %s"},
	msgProjHidden:        {"projection hidden", "projekcija paslēpta"},
	msgProjFrozen:        {"projection frozen", "projekcija apturēta"},
	msgCurateTitle:       {"Wishes of %s", "Vēlmes: %s"},
	msgCurateWindow:      {"standmap — wishes", "standmap — vēlmes"},
	msgCurateHeld:        {"held", "aizturēta"},
	msgCurateHeldFlag:    {"held: profanity", "aizturēta: rupjība"},
	msgCurateMarkFirst:   {"mark groups with space first, then press m on the group to merge into", "vispirms atzīmējiet grupas ar atstarpi, tad spiediet m uz grupas, kurā apvienot"},
	msgCurateDone:        {"#%d %s ✓ (u undoes)", "#%d %s ✓ (u atsauc)"},
	msgCurateUndone:      {"undone #%d: %s ✓", "atsaukts #%d: %s ✓"},
	msgCurateNothingOwn:  {"none of your actions to undo", "nav jūsu darbību, ko atsaukt"},
	msgCurateNothing:     {"nothing to change", "nav ko mainīt"},
	msgCurateConflict:    {"changed again since: undo the later actions first", "kopš tā mainīts vēlreiz: vispirms atsauciet vēlākās darbības"},
	msgCurateMerged:      {"merged into “%s”", "apvienots ar “%s”"},
	msgCurateHidden:      {"hidden “%s”", "paslēpts “%s”"},
	msgCurateApproved:    {"approved “%s”", "apstiprināts “%s”"},
	msgCurateSpelt:       {"spelt: ", "rakstīts: "},
	msgCurateMembers:     {"merged in: %s", "apvienoti: %s"},
	msgCurateRenamed:     {"shown as “%s”", "rāda kā “%s”"},
	msgCurateRenameHint:  {"type the text to show · enter applies · esc leaves it as it was", "ierakstiet rādāmo tekstu · enter apstiprina · esc atstāj, kā bija"},
	msgCurateRenameEmpty: {"the shown text cannot be empty (esc leaves it as it was)", "tekstu nevar atstāt tukšu (esc atstāj, kā bija)"},
	msgCurateCategorised: {"“%s” in %s", "“%s”: %s"},
	msgCurateCatTitle:    {"Category of “%s”", "Kategorija: “%s”"},
	msgCurateCatAuto:     {"the most frequent", "biežākā"},
	msgCurateUnmerged:    {"“%s” unmerged", "“%s” sadalīts"},
	msgCurateNotMerged:   {"nothing is merged into “%s”", "ar “%s” nekas nav apvienots"},
	msgCurateSugTitle:    {"Probably the same (%d)", "Iespējams, viens un tas pats (%d)"},
	msgCurateSugNone:     {"no suggestions: no two groups look alike", "ieteikumu nav: līdzīgu grupu nav"},
	msgReasonSpelt:       {"%d letter(s) apart", "atšķiras %d burtos"},
	msgReasonWord:        {"shared word “%s”", "kopīgs vārds “%s”"},
	msgReasonCategory:    {"both %s", "abas: %s"},
	msgHelpRename:        {"rename", "pārdēvēt"},
	msgHelpUnmerge:       {"unmerge", "sadalīt"},
	msgHelpSuggest:       {"suggestions", "ieteikumi"},
	msgHelpApply:         {"apply", "apstiprināt"},
	msgHelpCancel:        {"cancel", "atcelt"},
	msgHelpMergePair:     {"merge this pair", "apvienot šo pāri"},
	msgHelpMove:          {"move", "pārvietot"},
	msgHelpMark:          {"mark", "atzīmēt"},
	msgHelpMerge:         {"merge marked here", "apvienot atzīmētās"},
	msgHelpHide:          {"hide", "paslēpt"},
	msgHelpApprove:       {"approve held", "apstiprināt aizturēto"},
}

// tr returns message id in lang ("lv", else English), formatted with args.
func tr(lang string, id msgID, args ...any) string {
	return i18n.Pick(lang, catalogue[id], args...)
}
