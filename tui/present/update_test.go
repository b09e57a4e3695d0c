package present

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"standmap/internal/teacmd"
	"standmap/model"
)

func TestRotation(t *testing.T) {
	m := sized(New(Options{City: testCity(t), Snapshot: testSnapshot(t, 50), Rotate: time.Millisecond}), 80, 24)
	msgs := teacmd.Run(t, m.Init())
	if len(msgs) != 1 {
		t.Fatalf("Init gave %v", msgs)
	}
	if !strings.Contains(plain(m), "● ○ ○ ○") {
		t.Fatalf("no panel indicator:\n%s", plain(m))
	}
	m, cmd := send(m, msgs[0])
	if m.Panel() != 1 || cmd == nil || !strings.Contains(plain(m), "○ ● ○ ○") {
		t.Fatalf("after a tick: panel %d, cmd %v\n%s", m.Panel(), cmd, plain(m))
	}
	if !strings.Contains(plain(m), "The city") {
		t.Fatalf("panel 1 is not the map:\n%s", plain(m))
	}
	stale := msgs[0]
	m, _ = send(m, press("n")) // by hand: the running tick goes stale
	if m.Panel() != 2 {
		t.Fatalf("n: panel %d", m.Panel())
	}
	m, cmd = send(m, stale)
	if m.Panel() != 2 || cmd != nil {
		t.Fatalf("a stale tick turned the panel: %d", m.Panel())
	}
	for range 3 {
		m, _ = send(m, rotateMsg{m.rotateGen})
	}
	if m.Panel()%panelCount != 1 {
		t.Fatalf("panels do not wrap around: %d", m.Panel())
	}
}

func TestNoRotationWhenAllFit(t *testing.T) {
	m := sized(New(Options{City: testCity(t), Snapshot: testSnapshot(t, 50)}), 200, 60)
	s := plain(m)
	for _, want := range []string{"Where they spend free time", "The city", "Top wishes"} {
		if !strings.Contains(s, want) {
			t.Errorf("200×60 lacks %q", want)
		}
	}
	if strings.Contains(s, "●") {
		t.Errorf("200×60 shows a panel indicator:\n%s", s)
	}
}

func TestFreeze(t *testing.T) {
	first, newer := testSnapshot(t, 50), testSnapshot(t, 60)
	var shared []DisplayState
	m := sized(New(Options{City: testCity(t), Snapshot: first,
		OnDisplayChange: func(d DisplayState) error { shared = append(shared, d); return nil }}), 80, 24)
	m, cmd := send(m, press("space"))
	teacmd.Run(t, cmd)
	if !m.Display().Frozen || len(shared) != 1 || !shared[0].Frozen {
		t.Fatalf("space: display %+v, shared %+v", m.Display(), shared)
	}
	if !strings.Contains(plain(m), "[frozen]") {
		t.Fatalf("no frozen marker:\n%s", plain(m))
	}
	before := plain(m)
	m, _ = send(m, SnapshotMsg{Snapshot: newer})
	if m.Snapshot() != first || plain(m) != before {
		t.Fatal("a frozen display took a snapshot")
	}
	panel := m.Panel()
	m, cmd = send(m, rotateMsg{m.rotateGen})
	if m.Panel() != panel || cmd == nil {
		t.Fatal("a frozen display turned its panel, or stopped the turns")
	}
	m, cmd = send(m, press("space"))
	teacmd.Run(t, cmd)
	if m.Display().Frozen || m.Snapshot() != newer || len(shared) != 2 || shared[1].Frozen {
		t.Fatalf("unfreeze: display %+v, shared %+v", m.Display(), shared)
	}
	if strings.Contains(plain(m), "[frozen]") {
		t.Fatal("frozen marker stays")
	}
}

// TestSharedDisplay: a snapshot that carries another display state (a
// screen's h or space elsewhere) changes this one's; one that carries the
// state the last did changes nothing, whatever this screen set meanwhile.
func TestSharedDisplay(t *testing.T) {
	first := testSnapshot(t, 50)
	m := sized(New(Options{City: testCity(t), Snapshot: first}), 80, 24)
	held := DisplayState{Hidden: true, Frozen: true, RevealAt: "15:00"}
	m, cmd := send(m, SnapshotMsg{Snapshot: carrying(first, held)})
	if cmd != nil || m.Display() != held {
		t.Fatalf("display %+v", m.Display())
	}
	if s := plain(m); !strings.Contains(s, "results at 15:00") || strings.Contains(s, "Where") {
		t.Fatalf("hidden screen:\n%s", s)
	}
	newer := carrying(testSnapshot(t, 70), held)
	m, _ = send(m, SnapshotMsg{Snapshot: newer})
	if m.Snapshot() == newer {
		t.Fatal("a frozen display took a snapshot")
	}
	revealed := carrying(newer, DisplayState{})
	m, _ = send(m, SnapshotMsg{Snapshot: revealed})
	if m.Display() != (DisplayState{}) || m.Snapshot() != revealed {
		t.Fatalf("a shared unfreeze: display %+v, newest snapshot shown: %v", m.Display(), m.Snapshot() == revealed)
	}
	// This screen hides; a snapshot still carrying the state from before
	// (sent before the hub heard of the h) does not show the results.
	m, _ = send(m, press("h"))
	m, _ = send(m, SnapshotMsg{Snapshot: carrying(testSnapshot(t, 80), DisplayState{})})
	if !m.Display().Hidden || strings.Contains(plain(m), "Where") {
		t.Fatalf("an older state came back: %+v\n%s", m.Display(), plain(m))
	}
}

// plus returns the snapshot of n fixed responses and one more response
// for each name, marking it.
func plus(tb testing.TB, n int, names ...string) *model.Snapshot {
	t := testTallier(testCity(tb).Gazetteer, n)
	for i, name := range names {
		t.Put(model.Response{ID: "extra" + strconv.Itoa(i), Event: "e",
			CreatedAt: time.Date(2025, 3, 14, 18, 0, i, 0, time.UTC), Marks: []model.Mark{{Neighbourhood: name}}})
	}
	return t.Snapshot()
}

func TestHighlight(t *testing.T) {
	m := sized(New(Options{City: testCity(t), Snapshot: testSnapshot(t, 50)}), 80, 24)
	m, cmd := send(m, SnapshotMsg{Snapshot: plus(t, 50, "Grīva")})
	if !m.Rose("Grīva") || m.Rose("Centrs") || cmd == nil {
		t.Fatalf("Grīva rose %v, Centrs %v", m.Rose("Grīva"), m.Rose("Centrs"))
	}
	if !strings.Contains(plain(m), "▲ Grīva") || !strings.Contains(plain(m), "▲ +1") {
		t.Fatalf("no ▲ on Grīva and the visitors:\n%s", plain(m))
	}
	end := flashEndMsg{m.flashGen}                                       // what cmd brings after 3 s
	m, _ = send(m, SnapshotMsg{Snapshot: plus(t, 50, "Grīva", "Grīva")}) // a newer change
	m, _ = send(m, end)                                                  // the first one's end is stale
	if !m.Rose("Grīva") {
		t.Fatal("a stale end cleared the newer mark")
	}
	m, _ = send(m, flashEndMsg{m.flashGen})
	if m.Rose("Grīva") || strings.Contains(plain(m), "▲") {
		t.Fatalf("mark stays:\n%s", plain(m))
	}
	same := m.Snapshot()
	m, cmd = send(m, SnapshotMsg{Snapshot: same})
	if cmd != nil || m.Rose("Grīva") {
		t.Fatal("an unchanged snapshot marked something")
	}
}

func TestKeys(t *testing.T) {
	m := sized(New(Options{City: testCity(t), Snapshot: testSnapshot(t, 50)}), 80, 24)
	for _, want := range []ThemeName{Light, Contrast, Dark} {
		m, _ = send(m, press("t"))
		if m.Theme() != want {
			t.Fatalf("t: theme %s, want %s", m.Theme(), want)
		}
	}
	m, _ = send(m, press("?"))
	if !strings.Contains(plain(m), "hide / reveal results") {
		t.Fatalf("? shows no keys:\n%s", plain(m))
	}
	m, _ = send(m, tea.KeyPressMsg{Code: tea.KeyEscape})
	if strings.Contains(plain(m), "hide / reveal results") {
		t.Fatal("esc did not close the keys")
	}
	for _, k := range []tea.KeyPressMsg{press("q"), {Code: 'c', Mod: tea.ModCtrl}} {
		_, cmd := send(m, k)
		if msgs := teacmd.Run(t, cmd); len(msgs) != 1 {
			t.Fatalf("%s: %v", k, msgs)
		} else if _, ok := msgs[0].(tea.QuitMsg); !ok {
			t.Fatalf("%s: %T", k, msgs[0])
		}
	}
}

func TestLatvian(t *testing.T) {
	m := sized(New(Options{City: testCity(t), Lang: "lv", Snapshot: testSnapshot(t, 50)}), 200, 60)
	s := plain(m)
	for _, want := range []string{"apmeklētāji līdz šim", "Kur pavada brīvo laiku", "Biežākās vēlmes", "Jaunā Forštadte"} {
		if !strings.Contains(s, want) {
			t.Errorf("lv screen lacks %q", want)
		}
	}
}

func TestSanitized(t *testing.T) {
	s := testSnapshot(t, 50)
	evil := *s
	evil.Wishes = append([]model.WishCount{{Text: "\x1b[31mred\x1b]0;pwned\x07\u202eevil", Key: "x", Count: 99}}, s.Wishes...)
	m := sized(New(Options{City: testCity(t), Snapshot: &evil, JoinLine: "join\x1b[2J here"}), 200, 60)
	screen := m.Screen()
	if strings.Contains(screen, "\x1b[31m") || strings.Contains(screen, "\x1b]0") || strings.Contains(screen, "\u202e") ||
		strings.Contains(screen, "\x1b[2J") {
		t.Fatalf("unsafe text drawn: %q", screen)
	}
}

func TestHighlightWish(t *testing.T) {
	m := sized(New(Options{City: testCity(t), Snapshot: testSnapshot(t, 50)}), 80, 24)
	m.panel = panelWishes
	tl := testTallier(testCity(t).Gazetteer, 50)
	tl.Put(model.Response{ID: "w", CreatedAt: time.Date(2025, 3, 14, 18, 0, 0, 0, time.UTC),
		Marks: []model.Mark{{Wish: "Veloceliņi"}}})
	m, _ = send(m, SnapshotMsg{Snapshot: tl.Snapshot()})
	if !m.roseWish(model.Fold("Veloceliņi")) || m.Rose("Grīva") {
		t.Fatalf("wish not marked, or a neighbourhood marked: %+v", m.changed)
	}
	if !strings.Contains(plain(m), ". Veloceliņi") || strings.Count(plain(m), "▲") != 2 { // the wish and the visitors
		t.Fatalf("no ▲ on the wish:\n%s", plain(m))
	}
}

// TestHeadlineInBigLetters: at 200×60 the top place stands in block
// letters at least 3 lines tall, the top wish too, with their counts;
// a word with a letter the font lacks is written in bold capitals.
func TestHeadlineInBigLetters(t *testing.T) {
	snap := testSnapshot(t, 412)
	m := sized(New(Options{City: testCity(t), Snapshot: snap}), 200, 60)
	screen := plain(m)
	for _, word := range []string{snap.Neighbourhoods[0].Name, snap.Wishes[0].Text} {
		big := bigWord(strings.ToUpper(word), 64, 10)
		if len(big) < 3 {
			t.Fatalf("%q: %d lines of big letters", word, len(big))
		}
		for _, l := range big {
			if strings.TrimSpace(l) != "" && !strings.Contains(screen, l) {
				t.Fatalf("%q is not in big letters on the screen:\n%s", word, screen)
			}
		}
	}
	if !strings.Contains(screen, "most marked · "+strconv.Itoa(snap.Neighbourhoods[0].Count)) {
		t.Errorf("the top place's count is not under it:\n%s", screen)
	}
	if got := bigWord("CAFÉ ☕", 64, 10); got != nil {
		t.Errorf("a word with a letter the font lacks was drawn big: %q", got)
	}
}

// TestDisplayRefused: a hide that OnDisplayChange refuses (the session's
// key was taken out of the facilitators) takes the projection back to the
// state shared before, and a later h is tried again from there.
func TestDisplayRefused(t *testing.T) {
	refuse := errors.New("no longer a facilitator")
	var tried []DisplayState
	var answer error = refuse
	m := sized(New(Options{City: testCity(t), Snapshot: testSnapshot(t, 50),
		OnDisplayChange: func(d DisplayState) error { tried = append(tried, d); return answer }}), 80, 24)
	m, cmd := send(m, press("h"))
	for _, msg := range teacmd.Run(t, cmd) {
		m, _ = send(m, msg)
	}
	if m.Display().Hidden || len(tried) != 1 || !tried[0].Hidden {
		t.Fatalf("a refused h: display %+v, tried %+v", m.Display(), tried)
	}
	answer = nil
	m, cmd = send(m, press("h"))
	teacmd.Run(t, cmd)
	if !m.Display().Hidden || len(tried) != 2 || !tried[1].Hidden {
		t.Fatalf("h once allowed: display %+v, tried %+v", m.Display(), tried)
	}
}
