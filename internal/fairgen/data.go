package fairgen

// neighbourhood is how visitors' answers name one area: the map's name
// first, then spellings without diacritics, other cases and aliases.
type neighbourhood struct{ spellings []string }

var neighbourhoods = []neighbourhood{
	{[]string{"Centrs", "centrs", "CENTRS"}},
	{[]string{"Cietoksnis", "cietoksnis"}},
	{[]string{"Dzintari"}},
	{[]string{"Esplanāde", "Esplanade", "esplanāde"}},
	{[]string{"Dzelzceļnieks", "Dzelzcelnieks", "Dzelzceļnieku ciemats"}},
	{[]string{"Vecā Forštadte", "Veca Forstadte", "Vecā Forštate"}},
	{[]string{"Jaunā Forštadte", "Jauna Forstadte", "Jaunā Forštate", "jaunā  forštadte"}},
	{[]string{"Ķīmija", "Kimija", "Ķīmiķu ciemats", "kimiku ciemats"}},
	{[]string{"Jaunbūve", "Jaunbuve"}},
	{[]string{"Gajoks", "gajoks"}},
	{[]string{"Čerepova", "Cerepova"}},
	{[]string{"Ruģeļi", "Rugeli"}},
	{[]string{"Jaunie Stropi", "jaunie stropi"}},
	{[]string{"Vecie Stropi", "Vecstropi"}},
	{[]string{"Mazie Stropi"}},
	{[]string{"Križi", "Krizi"}},
	{[]string{"Vidus Poguļanka", "Viduspoguļanka", "Vidus Pogulanka"}},
	{[]string{"Vizbuļi", "Vizbuli"}},
	{[]string{"Mežciems", "Mezciems", "mežciems"}},
	{[]string{"Ezermala"}},
	{[]string{"Judovka"}},
	{[]string{"Grīva", "griva", "GRĪVA"}},
	{[]string{"Liginišķi", "Liginiski"}},
	{[]string{"Niderkūni", "Niderkuni"}},
}

// hoodWeights make the places the first stand reported the busiest;
// Kalkūni (the 25th) is never marked, so a zero count is listed too.
var hoodWeights = []int{
	30, 6, 2, 18, 5, 7, 16, 9, 15, 8, 2, 3, 14, 5, 1, 1, 4, 2, 12, 1, 2, 15, 1, 2,
}

// wish is one thing visitors ask for, in the ways they spell it.
type wish struct {
	category  string
	spellings []string
}

var wishes = []wish{
	{"fitness", []string{"Āra trenažieri", "ara trenazieri", "  ĀRA  trenažieri!!", "Āra trenažieri."}},
	{"clean", []string{"Sakopt vidi", "sakopt vidi!", "Sakopt  vidi..."}},
	{"cycle", []string{"Veloceliņi", "velocelini", "Veloceliņi!"}},
	{"cycle", []string{"Bike paths", "bike paths", "Bike paths!"}},
	{"events", []string{"Tirdziņš ārpus centra, piemēram, Gajokā", "tirdzins arpus centra, piemeram, gajoka"}},
	{"sport", []string{`Skeitparks "kā Rīgā"`, `skeitparks "kā Rīgā"!`}},
	{"hangout", []string{"Больше скамеек", "больше скамеек!", "Больше  скамеек."}},
	{"light", []string{"Освещение в парке", "освещение в парке"}},
	{"green", []string{"More trees by the river", "more trees by the river!"}},
	{"wifi", []string{"Free Wi-Fi", "free wi-fi", "Free Wi-Fi, please!"}},
	{"amenities", []string{"Publiskās tualetes", "Publiskas tualetes"}},
	{"walk", []string{"Pastaigu taka gar Daugavu", "pastaigu taka gar daugavu"}},
	{"transport", []string{"Biežāk autobusi vakaros", "biezak autobusi vakaros"}},
	{"culture", []string{"Ielu māksla, grafiti sienas", "ielu maksla, grafiti sienas"}},
	{"sport", []string{"Basketbola laukums", "basketbola laukums!", "Basketbola laukums; jauns grozs"}},
	{"other", []string{"Suņu laukums", "suņu laukums"}},
}
