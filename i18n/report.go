package i18n

// The report's texts (report/, Markdown and HTML).
const (
	ReportTitle         Key = "report.title"
	ReportGenerated     Key = "report.generated"
	ReportReplay        Key = "report.replay"
	ReportMapName       Key = "report.mapName"
	ReportTotals        Key = "report.totals"
	ReportVisitors      Key = "report.visitors"
	ReportMarks         Key = "report.marks"
	ReportWishes        Key = "report.wishes"
	ReportGroups        Key = "report.groups"
	ReportFirst         Key = "report.first"
	ReportLast          Key = "report.last"
	ReportHoods         Key = "report.hoods"
	ReportHoodsNote     Key = "report.hoodsNote"
	ReportMapTitle      Key = "report.mapTitle"
	ReportTop           Key = "report.top"
	ReportWish          Key = "report.wish"
	ReportCategory      Key = "report.category"
	ReportCount         Key = "report.count"
	ReportNeighbourhood Key = "report.neighbourhood"
	ReportPerHood       Key = "report.perHood"
	ReportCityWide      Key = "report.cityWide"
	ReportPerCat        Key = "report.perCat"
	ReportNoCategory    Key = "report.noCategory"
	ReportAges          Key = "report.ages"
	ReportAge           Key = "report.age"
	ReportShare         Key = "report.share"
	ReportOtherAge      Key = "report.otherAge"
	ReportTotal         Key = "report.total"
	ReportAgesNote      Key = "report.agesNote"
	ReportAgesTotal     Key = "report.agesTotal"
	ReportArrivals      Key = "report.arrivals"
	ReportCurated       Key = "report.curated"
	ReportMerged        Key = "report.merged"
	ReportNone          Key = "report.none"
	ReportCompareTitle  Key = "report.compareTitle"
	ReportChange        Key = "report.change"
	ReportNewWord       Key = "report.newWord"
	ReportMore          Key = "report.more"
)

// reportTexts are the report's {English, Latvian} texts.
var reportTexts = map[Key][2]string{
	ReportTitle:         {"Report: %s", "Pārskats: %s"},
	ReportGenerated:     {"Generated %s", "Sagatavots %s"},
	ReportReplay:        {"As it was at %s", "Stāvoklis %s"},
	ReportMapName:       {"Map: %s", "Karte: %s"},
	ReportTotals:        {"Totals", "Kopsavilkums"},
	ReportVisitors:      {"Visitors (responses)", "Apmeklētāji (atbildes)"},
	ReportMarks:         {"Marks", "Atzīmes"},
	ReportWishes:        {"Wishes given", "Izteiktās vēlmes"},
	ReportGroups:        {"Different wishes", "Dažādas vēlmes"},
	ReportFirst:         {"First answer", "Pirmā atbilde"},
	ReportLast:          {"Last answer", "Pēdējā atbilde"},
	ReportHoods:         {"Where young people spend free time", "Kur jaunieši pavada brīvo laiku"},
	ReportHoodsNote:     {"Responses that marked each neighbourhood.", "Atbildes, kurās atzīmēta katra apkaime."},
	ReportMapTitle:      {"Map", "Karte"},
	ReportTop:           {"Top wishes", "Biežākās vēlmes"},
	ReportWish:          {"Wish", "Vēlme"},
	ReportCategory:      {"Category", "Kategorija"},
	ReportCount:         {"Responses", "Atbildes"},
	ReportNeighbourhood: {"Neighbourhood", "Apkaime"},
	ReportPerHood:       {"Wishes per neighbourhood", "Vēlmes pa apkaimēm"},
	ReportCityWide:      {"City-wide", "Visa pilsēta"},
	ReportPerCat:        {"Wishes per category", "Vēlmes pa kategorijām"},
	ReportNoCategory:    {"No category", "Bez kategorijas"},
	ReportAges:          {"Age groups", "Vecuma grupas"},
	ReportAge:           {"Age group", "Vecuma grupa"},
	ReportShare:         {"Share", "Daļa"},
	ReportOtherAge:      {"Other or undisclosed", "Citas vai nenorādīta"},
	ReportTotal:         {"Total", "Kopā"},
	ReportAgesNote:      {"Groups with fewer than %d responses are merged into “%s”, so that no figure points at a few visitors.", "Grupas ar mazāk nekā %d atbildēm ir apvienotas rindā “%s”, lai neviens skaitlis nenorādītu uz dažiem apmeklētājiem."},
	ReportAgesTotal:     {"Too few responses per age group to show any group on its own.", "Katrā vecuma grupā ir pārāk maz atbilžu, lai kādu no tām rādītu atsevišķi."},
	ReportArrivals:      {"Answers per half hour", "Atbildes pa pusstundām"},
	ReportCurated:       {"Curated merges", "Apvienotās vēlmes"},
	ReportMerged:        {"Merged from", "Apvienotas"},
	ReportNone:          {"None yet.", "Vēl nav."},
	ReportCompareTitle:  {"%s compared with %s", "%s salīdzinājumā ar %s"},
	ReportChange:        {"Change", "Izmaiņas"},
	ReportNewWord:       {"new", "jauns"},
	ReportMore:          {"…and %d more", "…un vēl %d"},
}
