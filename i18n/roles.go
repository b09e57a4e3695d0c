package i18n

import "errors"

// The words of roles: a write refused because the session's key was
// taken out of the facilitators while the session was open, and a
// viewer's command refused while the results are hidden from the room.
// A block of its own (server.go holds the server's other words).
const (
	RoleKeyRemoved        Key = "role.keyRemoved"
	RoleResultsHidden     Key = "role.resultsHidden"
	RoleResultsHiddenTill Key = "role.resultsHiddenTill"
)

// roleTexts are the roles' {English, Latvian} texts.
var roleTexts = map[Key][2]string{
	RoleKeyRemoved: {"your key is no longer a facilitator's (taken out of the server's authorized keys file): ask to have it put back",
		"jūsu atslēga vairs nav vadītāja (izņemta no servera authorized keys faila): palūdziet to ielikt atpakaļ"},
	RoleResultsHidden: {"the results are hidden from the room for now; the facilitators will reveal them (ssh -t … shows the board)",
		"rezultāti telpai pagaidām ir paslēpti; vadītāji tos atklās (ssh -t … rāda tāfeli)"},
	RoleResultsHiddenTill: {"the results are hidden from the room until %s (ssh -t … shows the board)",
		"rezultāti telpai ir paslēpti līdz %s (ssh -t … rāda tāfeli)"},
}

// roleRU are the roles' Russian texts.
var roleRU = map[Key]string{
	RoleKeyRemoved:        "ваш ключ больше не ключ ведущего (убран из файла authorized keys сервера): попросите вернуть его",
	RoleResultsHidden:     "результаты пока скрыты от зала; ведущие их откроют (ssh -t … показывает табло)",
	RoleResultsHiddenTill: "результаты скрыты от зала до %s (ssh -t … показывает табло)",
}

// Said is an error with words for the person it reaches in the
// catalogue: Said gives them in lang (a language, or a pair).
type Said interface {
	error
	Said(lang string) string
}

// Reason is what err says to a person in lang: the catalogue's words of
// the first Said error in its chain, else its own (English) message.
func Reason(lang string, err error) string {
	var s Said
	if errors.As(err, &s) {
		return s.Said(lang)
	}
	return err.Error()
}
