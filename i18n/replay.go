package i18n

// The replay's status and help lines (tui/replay).
const (
	ReplayAnswer      Key = "replay.answer"
	ReplayNoAnswers   Key = "replay.noAnswers"
	ReplayPlaying     Key = "replay.playing"
	ReplayPaused      Key = "replay.paused"
	ReplaySpeed       Key = "replay.speed"
	ReplayHelpNext    Key = "replay.helpNext"
	ReplayHelpPrev    Key = "replay.helpPrev"
	ReplayHelpForward Key = "replay.helpForward"
	ReplayHelpBack    Key = "replay.helpBack"
	ReplayHelpPlay    Key = "replay.helpPlay"
	ReplayHelpStart   Key = "replay.helpStart"
	ReplayHelpEnd     Key = "replay.helpEnd"
	ReplayHelpFilter  Key = "replay.helpFilter"
	ReplayHelpScroll  Key = "replay.helpScroll"
	ReplayReplay      Key = "replay.replay"
	ReplayHelpStep    Key = "replay.helpStep"
	ReplayHelpJump    Key = "replay.helpJump"
	ReplayHelpEnds    Key = "replay.helpEnds"
)

// replayTexts are the replay's {English, Latvian} texts.
var replayTexts = map[Key][2]string{
	ReplayAnswer:      {"answer %d of %d", "atbilde %d no %d"},
	ReplayNoAnswers:   {"no answers in this event", "šim pasākumam nav atbilžu"},
	ReplayPlaying:     {"▶ playing", "▶ atskaņo"},
	ReplayPaused:      {"❚❚ paused", "❚❚ pauze"},
	ReplaySpeed:       {"%s× speed", "%s× ātrums"},
	ReplayHelpNext:    {"next answer", "nākamā atbilde"},
	ReplayHelpPrev:    {"previous answer", "iepriekšējā atbilde"},
	ReplayHelpForward: {"+10 min", "+10 min"},
	ReplayHelpBack:    {"−10 min", "−10 min"},
	ReplayHelpPlay:    {"play/pause", "atskaņot/pauze"},
	ReplayHelpStart:   {"start", "sākums"},
	ReplayHelpEnd:     {"end", "beigas"},
	ReplayHelpFilter:  {"filter", "filtrs"},
	ReplayHelpScroll:  {"scroll", "ritināt"},
	ReplayReplay:      {"replay", "atkārtojums"},
	ReplayHelpStep:    {"one answer back/forward", "viena atbilde atpakaļ/uz priekšu"},
	ReplayHelpJump:    {"10 minutes back/forward", "10 minūtes atpakaļ/uz priekšu"},
	ReplayHelpEnds:    {"start/end", "sākums/beigas"},
}
