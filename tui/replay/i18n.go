package replay

import (
	"fmt"

	"standmap/i18n"
)

// msgID names one text of the replay's status and help lines.
type msgID int

// The texts; catalogue holds their English and Latvian forms.
const (
	msgAnswer msgID = iota
	msgNoAnswers
	msgPlaying
	msgPaused
	msgSpeed
	msgHelpNext
	msgHelpPrev
	msgHelpForward
	msgHelpBack
	msgHelpPlay
	msgHelpStart
	msgHelpEnd
	msgHelpFilter
	msgHelpScroll
	msgHelpQuit
	msgReplay
	msgHelpStep
	msgHelpJump
	msgHelpEnds
	msgTooSmall
)

// catalogue holds every text as {English, Latvian}; the Latvian awaits a
// native speaker's check.
var catalogue = map[msgID][2]string{
	msgAnswer:      {"answer %d of %d", "atbilde %d no %d"},
	msgNoAnswers:   {"no answers in this event", "šim pasākumam nav atbilžu"},
	msgPlaying:     {"▶ playing", "▶ atskaņo"},
	msgPaused:      {"❚❚ paused", "❚❚ pauze"},
	msgSpeed:       {"%s× speed", "%s× ātrums"},
	msgHelpNext:    {"next answer", "nākamā atbilde"},
	msgHelpPrev:    {"previous answer", "iepriekšējā atbilde"},
	msgHelpForward: {"+10 min", "+10 min"},
	msgHelpBack:    {"−10 min", "−10 min"},
	msgHelpPlay:    {"play/pause", "atskaņot/pauze"},
	msgHelpStart:   {"start", "sākums"},
	msgHelpEnd:     {"end", "beigas"},
	msgHelpFilter:  {"filter", "filtrs"},
	msgHelpScroll:  {"scroll", "ritināt"},
	msgHelpQuit:    {"quit", "iziet"},
	msgReplay:      {"replay", "atkārtojums"},
	msgHelpStep:    {"one answer back/forward", "viena atbilde atpakaļ/uz priekšu"},
	msgHelpJump:    {"10 minutes back/forward", "10 minūtes atpakaļ/uz priekšu"},
	msgHelpEnds:    {"start/end", "sākums/beigas"},
	msgTooSmall:    {"make the window at least %d×%d", "palieliniet logu līdz vismaz %d×%d"},
}

// tr returns the text id in lang ("lv", else English), formatted with args.
func tr(lang string, id msgID, args ...any) string {
	pair, ok := catalogue[id]
	if !ok {
		return fmt.Sprintf("!msg(%d)", id)
	}
	return i18n.Pick(lang, pair, args...)
}
