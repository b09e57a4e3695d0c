package frames

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/vt"
)

// screen is a model of the tests: its content, and its key.
type screen struct {
	content string
	key     any
	shared  bool
	views   *atomic.Int32 // counts the View calls
}

func (s screen) View() tea.View {
	if s.views != nil {
		s.views.Add(1)
	}
	v := tea.NewView(s.content)
	v.AltScreen, v.WindowTitle = true, "frames test"
	return v
}

func (s screen) ScreenKey() (any, bool) { return s.key, s.shared }

// glass is a terminal emulator a Terminal writes to: it keeps every byte,
// and the screen they draw.
type glass struct {
	mu      sync.Mutex
	em      *vt.Emulator
	raw     bytes.Buffer
	changed chan struct{}
}

func newGlass(w, h int) *glass { return &glass{em: vt.NewEmulator(w, h), changed: make(chan struct{})} }

func (g *glass) Write(p []byte) (int, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.raw.Write(p)
	// The session maps newlines to CR LF, as the SSH server's emulated
	// terminal does (the renderer counts on it).
	g.em.Write(bytes.ReplaceAll(p, []byte("\n"), []byte("\r\n")))
	close(g.changed)
	g.changed = make(chan struct{})
	return len(p), nil
}

func (g *glass) resize(w, h int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.em.Resize(w, h)
}

// drawn is what a fresh terminal of w×h shows after content alone: the
// screen a frame must leave, styles included.
func drawn(content string, w, h int) string {
	em := vt.NewEmulator(w, h)
	em.Write([]byte(strings.ReplaceAll(content, "\n", "\r\n")))
	return em.Render()
}

// waitFor waits until the glass shows want (as drawn renders it).
func (g *glass) waitFor(t *testing.T, want, what string) {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		g.mu.Lock()
		got, changed := g.em.Render(), g.changed
		g.mu.Unlock()
		if got == want {
			return
		}
		select {
		case <-changed:
		case <-timeout:
			t.Fatalf("%s: the terminal shows\n%q\nwant\n%q", what, got, want)
		}
	}
}

func TestSharedScreenDrawnOnce(t *testing.T) {
	room := NewRoom()
	var views atomic.Int32
	const n = 50
	renders0 := renders.Load()
	terms, glasses := make([]*Terminal, n), make([]*glass, n)
	for i := range n {
		glasses[i] = newGlass(20, 4)
		terms[i] = room.NewTerminal(glasses[i], xterm, colorprofile.TrueColor, 20, 4)
	}
	for v, content := range []string{"first\n\x1b[31mred\x1b[m", "second\n\x1b[1mbold\x1b[m and plain"} {
		for _, term := range terms {
			term.Show(screen{content: content, key: v, shared: true, views: &views})
		}
		for i, g := range glasses {
			g.waitFor(t, drawn(content, 20, 4), fmt.Sprintf("terminal %d, screen %d", i, v))
		}
		if got := views.Load(); got != int32(v+1) {
			t.Errorf("after screen %d: View called %d times for %d terminals, want once a screen", v, got, n)
		}
		// Once from a blank screen, then once from the first frame, with
		// the renderer that drew the first (no second render of it).
		if got := renders.Load() - renders0; got != int64(v+1) {
			t.Errorf("after screen %d: %d renders for %d terminals, want one a screen", v, got, n)
		}
	}
	for _, term := range terms {
		term.Close(false)
	}
	if room.Len() != 0 {
		t.Errorf("the room holds %d frames after every terminal closed", room.Len())
	}
	for i, g := range glasses {
		if raw := g.raw.String(); !strings.HasPrefix(raw, "\x1b[?1049h\x1b[?25l") || !strings.HasSuffix(raw, "\x1b[?25h\x1b[?1049l") {
			t.Errorf("terminal %d: the alternate screen and the cursor are not set up and given back: %q…%q", i, raw[:min(20, len(raw))], raw[max(0, len(raw)-20):])
		}
	}
}

func TestOwnScreensDrawnForEach(t *testing.T) {
	room := NewRoom()
	var views atomic.Int32
	a, b := newGlass(10, 2), newGlass(10, 2)
	ta, tb := room.NewTerminal(a, xterm, colorprofile.TrueColor, 10, 2), room.NewTerminal(b, xterm, colorprofile.TrueColor, 10, 2)
	defer ta.Close(false)
	defer tb.Close(false)
	ta.Show(screen{content: "mine", key: 1, views: &views})
	tb.Show(screen{content: "theirs", key: 1, views: &views})
	a.waitFor(t, drawn("mine", 10, 2), "a")
	b.waitFor(t, drawn("theirs", 10, 2), "b")
	if views.Load() != 2 {
		t.Errorf("View called %d times for two screens of their own with the same key", views.Load())
	}
	// A screen of its own is drawn again at each Show, whatever its key
	// says (what is typed in a field, say, need not be in it).
	ta.Show(screen{content: "mine 2", key: 1})
	a.waitFor(t, drawn("mine 2", 10, 2), "a, again")
}

// TestMovesKeepScreensRight shows random screens to terminals that take
// every one, one in three (skipping frames: a move from an older frame),
// their own screens, and a size change: each must show exactly what a
// fresh terminal shows after the screen's content alone.
func TestMovesKeepScreensRight(t *testing.T) {
	room := NewRoom()
	rnd := rand.New(rand.NewPCG(1, 2))
	const w, h = 30, 8
	every, third, own := newGlass(w, h), newGlass(w, h), newGlass(w, h)
	te := room.NewTerminal(every, xterm, colorprofile.TrueColor, w, h)
	tt := room.NewTerminal(third, xterm, colorprofile.TrueColor, w, h)
	to := room.NewTerminal(own, xterm, colorprofile.ANSI256, w, h)
	defer te.Close(false)
	defer tt.Close(false)
	defer to.Close(false)
	for i := range 40 {
		content := randomScreen(rnd, w, h)
		s := screen{content: content, key: i, shared: true}
		te.Show(s)
		every.waitFor(t, drawn(content, w, h), fmt.Sprintf("every frame, %d", i))
		if i%3 == 0 {
			tt.Show(s)
			third.waitFor(t, drawn(content, w, h), fmt.Sprintf("one in three, %d", i))
		}
		mine := randomScreen(rnd, w, h)
		to.Show(screen{content: mine, key: i})
		own.waitFor(t, drawn(mine, w, h), fmt.Sprintf("own, %d", i))
	}
	te.Resize(20, 5)
	every.resize(20, 5)
	content := randomScreen(rnd, 20, 5)
	s := screen{content: content, key: "small", shared: true}
	te.Show(s)
	every.waitFor(t, drawn(content, 20, 5), "after a resize")
	// A window changed to the same size (a clamped one, say) may have
	// been cleared by its terminal: the screen is painted again whole.
	every.mu.Lock()
	every.em.Write([]byte("\x1b[2J\x1b[Hscribbled"))
	every.mu.Unlock()
	te.Resize(20, 5)
	te.Show(s)
	every.waitFor(t, drawn(content, 20, 5), "after a resize to the same size")
}

// randomScreen is up to h lines of w cells of words, some coloured, some
// bold, some blank runs, with the odd Latvian letter and block element.
func randomScreen(rnd *rand.Rand, w, h int) string {
	words := []string{"Centrs", "Grīva", "███▌", "visitors", "│", "──", "ĀRA", "  ", "12"}
	styles := []string{"", "\x1b[31m", "\x1b[1m", "\x1b[44;97m", "\x1b[38;5;208m", "\x1b[7m"}
	var lines []string
	for range 1 + rnd.IntN(h) {
		var b strings.Builder
		n := 0
		for {
			word := words[rnd.IntN(len(words))]
			if n+len([]rune(word))+1 > w {
				break
			}
			style := styles[rnd.IntN(len(styles))]
			b.WriteString(style + word)
			if style != "" {
				b.WriteString("\x1b[m")
			}
			b.WriteString(" ")
			n += len([]rune(word)) + 1
		}
		lines = append(lines, b.String())
	}
	return strings.Join(lines, "\n")
}

func TestClosedGoneWritesNothing(t *testing.T) {
	room := NewRoom()
	g := newGlass(10, 2)
	term := room.NewTerminal(g, xterm, colorprofile.TrueColor, 10, 2)
	term.Show(screen{content: "x", key: 1, shared: true})
	g.waitFor(t, drawn("x", 10, 2), "the first frame")
	g.mu.Lock()
	before := g.raw.Len()
	g.mu.Unlock()
	term.Close(true)
	term.Show(screen{content: "y", key: 2, shared: true})
	term.Close(true)
	if after := g.raw.Len(); after != before {
		t.Errorf("wrote %q after the client went", g.raw.String()[before:])
	}
	if room.Len() != 0 {
		t.Errorf("the room holds %d frames", room.Len())
	}
}

// xterm is the environment of the tests' terminals: TERM decides which
// sequences the renderer may use (x/vt has no insert mode, which it uses
// without TERM; real terminals have it).
var xterm = []string{"TERM=xterm-256color"}

// TestSpareCellsBounded: a client that resizes its window through many
// sizes leaves the room no more than maxSpare frames' cells.
func TestSpareCellsBounded(t *testing.T) {
	room := NewRoom()
	g := newGlass(40, 10)
	term := room.NewTerminal(g, xterm, colorprofile.TrueColor, 40, 10)
	defer term.Close(false)
	for i := range 20 {
		w, h := 40-i, 10
		term.Resize(w, h)
		g.resize(w, h)
		term.Show(screen{content: fmt.Sprint(i), key: i, shared: true})
		g.waitFor(t, drawn(fmt.Sprint(i), w, h), fmt.Sprintf("at %dx%d", w, h))
	}
	room.mu.Lock()
	defer room.mu.Unlock()
	if len(room.spare) > maxSpare {
		t.Errorf("%d spare cells kept, at most %d", len(room.spare), maxSpare)
	}
	if len(room.frames) != 1 {
		t.Errorf("%d frames held for one terminal", len(room.frames))
	}
}
