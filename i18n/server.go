package i18n

// The SSH server's words to a client (server), outside any screen.
const (
	ServerFacilitatorsOnly Key = "server.facilitatorsOnly"
	ServerFull             Key = "server.full"
	ServerCommandTooLong   Key = "server.commandTooLong"
	ServerBusy             Key = "server.busy"
	ServerNeedsTerminal    Key = "server.needsTerminal"
	ServerInputRefused     Key = "server.inputRefused"
	ServerShuttingDown     Key = "server.shuttingDown"
	ServerSaved            Key = "server.saved"
	ServerNotSaved         Key = "server.notSaved"
	ServerTooManySessions  Key = "server.tooManySessions"
	ServerAddressFull      Key = "server.addressFull"
)

// serverTexts are the server's {English, Latvian} texts.
var serverTexts = map[Key][2]string{
	ServerFacilitatorsOnly: {"this server admits facilitators only", "šis serveris ielaiž tikai vadītājus"},
	ServerFull: {"the server is full: it admits %d viewer at once; try again later|the server is full: it admits %d viewers at once; try again later",
		"serveris ir pilns: tas vienlaikus ielaiž %d skatītājus; mēģiniet vēlāk|serveris ir pilns: tas vienlaikus ielaiž %d skatītāju; mēģiniet vēlāk|serveris ir pilns: tas vienlaikus ielaiž %d skatītājus; mēģiniet vēlāk"},
	ServerCommandTooLong: {"command refused: %d bytes (at most %d)", "komanda atteikta: %d baiti (ne vairāk kā %d)"},
	ServerBusy: {"the server is busy with other viewers' commands; try again in a few seconds",
		"serveris ir aizņemts ar citu skatītāju komandām; mēģiniet vēlreiz pēc dažām sekundēm"},
	ServerNeedsTerminal: {"the board needs a terminal: ssh -t … (or give a command: %s)", "tāfelei vajag termināli: ssh -t … (vai dodiet komandu: %s)"},
	ServerInputRefused:  {"input refused: over %d KB without a key", "ievade atteikta: vairāk nekā %d KB bez neviena taustiņa"},
	ServerShuttingDown:  {"the server is shutting down", "serveris tiek apturēts"},
	ServerSaved:         {"%d saved in this session, the last: #%d ✓", "šajā sesijā saglabāti %d, pēdējais: #%d ✓"},
	ServerNotSaved:      {"the last visitor was NOT saved (%s): enter it again", "pēdējais apmeklētājs NAV saglabāts (%s): ievadiet to vēlreiz"},
	ServerTooManySessions: {"at most %d session on one connection: close one, or connect again|at most %d sessions on one connection: close one, or connect again",
		"vienā savienojumā var būt ne vairāk kā %d sesijas: aizveriet kādu vai pievienojieties vēlreiz|vienā savienojumā var būt ne vairāk kā %d sesija: aizveriet kādu vai pievienojieties vēlreiz|vienā savienojumā var būt ne vairāk kā %d sesijas: aizveriet kādu vai pievienojieties vēlreiz"},
	ServerAddressFull: {"at most %d board or command at once from one address: close one, or try again later|at most %d boards or commands at once from one address: close one, or try again later",
		"no vienas adreses vienlaikus ne vairāk kā %d tāfeles vai komandas: aizveriet kādu vai mēģiniet vēlāk|no vienas adreses vienlaikus ne vairāk kā %d tāfele vai komanda: aizveriet kādu vai mēģiniet vēlāk|no vienas adreses vienlaikus ne vairāk kā %d tāfeles vai komandas: aizveriet kādu vai mēģiniet vēlāk"},
}

// serverRU are the server's Russian texts.
var serverRU = map[Key]string{
	ServerFacilitatorsOnly: "этот сервер пускает только ведущих",
	ServerFull:             "сервер заполнен: одновременно он пускает %d зрителя; попробуйте позже|сервер заполнен: одновременно он пускает %d зрителей; попробуйте позже|сервер заполнен: одновременно он пускает %d зрителей; попробуйте позже",
	ServerCommandTooLong:   "команда отклонена: %d байт (не больше %d)",
	ServerBusy:             "сервер занят командами других зрителей; попробуйте ещё раз через несколько секунд",
	ServerNeedsTerminal:    "для табло нужен терминал: ssh -t … (или укажите команду: %s)",
	ServerInputRefused:     "ввод отклонён: больше %d КБ без единой клавиши",
	ServerShuttingDown:     "сервер останавливается",
	ServerSaved:            "сохранено за этот сеанс: %d, последний: №%d ✓",
	ServerNotSaved:         "последний посетитель НЕ сохранён (%s): введите его ещё раз",
	ServerTooManySessions:  "не больше %d сеанса на одно соединение: закройте один или подключитесь заново|не больше %d сеансов на одно соединение: закройте один или подключитесь заново|не больше %d сеансов на одно соединение: закройте один или подключитесь заново",
	ServerAddressFull:      "с одного адреса одновременно не больше %d табло или команды: закройте одно или попробуйте позже|с одного адреса одновременно не больше %d табло или команд: закройте одно или попробуйте позже|с одного адреса одновременно не больше %d табло или команд: закройте одно или попробуйте позже",
}
