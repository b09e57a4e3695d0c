package frames

import (
	"io"

	tea "charm.land/bubbletea/v2"
	"sync"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// MinInterval is the shortest time between two frames written to one
// terminal: a change is written at once, and changes that come faster
// (a held key) wait, the newest replacing the rest. When nothing changes
// nothing is written, and nothing runs.
const MinInterval = time.Second / 60

// Terminal is one session's screen in a room: it writes, from a goroutine
// of its own, the frames its program shows.
type Terminal struct {
	room *Room
	out  io.Writer
	env  []string

	mu      sync.Mutex
	w, h    int
	profile colorprofile.Profile
	syncd   bool   // the terminal takes synchronized output (mode 2026)
	repaint bool   // the window changed: the next frame is painted whole
	want    Key    // the newest screen asked for
	pending Screen // the model to draw it from, nil once taken
	closing bool
	gone    bool // closed with the client gone: nothing more is written

	wake chan struct{} // a new screen is pending
	stop chan struct{} // closed by Close
	done chan struct{} // closed when the writer has ended
}

// NewTerminal starts the screen of a w×h terminal that writes to out and
// takes colours in profile; env is its environment (TERM decides some of
// the sequences).
func (r *Room) NewTerminal(out io.Writer, env []string, profile colorprofile.Profile, w, h int) *Terminal {
	t := &Terminal{room: r, out: out, env: env, w: w, h: h, profile: profile,
		wake: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	go t.write()
	return t
}

// Resize sets the terminal's size, for the next Show, which paints the
// screen whole even at the same size: a terminal whose window changed
// has moved or cleared what it showed.
func (t *Terminal) Resize(w, h int) {
	t.mu.Lock()
	t.w, t.h = w, h
	t.repaint, t.want = true, Key{}
	t.mu.Unlock()
}

// SetProfile sets the colour profile the terminal takes, for the next Show.
func (t *Terminal) SetProfile(p colorprofile.Profile) {
	t.mu.Lock()
	t.profile = p
	t.mu.Unlock()
}

// SetSynchronized says whether the terminal takes synchronized output
// (mode 2026): each frame is then written as one update.
func (t *Terminal) SetSynchronized(on bool) {
	t.mu.Lock()
	t.syncd = on
	t.mu.Unlock()
}

// Show asks for s on the screen. It never blocks on the client and does
// no drawing: the terminal's writer draws the newest screen asked for
// (the room draws each distinct one once) when it is free.
func (t *Terminal) Show(s Screen) {
	sk, shared := s.ScreenKey()
	var own uint64
	if !shared { // drawn again at each Show: its key need not say all it depends on
		own = t.room.nextID()
	}
	t.mu.Lock()
	k := Key{Screen: sk, W: t.w, H: t.h, Profile: t.profile, Own: own}
	if t.closing || k == t.want {
		t.mu.Unlock()
		return
	}
	t.want, t.pending = k, s
	t.mu.Unlock()
	select {
	case t.wake <- struct{}{}:
	default:
	}
}

// Close stops the writer once a write under way is done, leaves the
// alternate screen and shows the cursor again (unless gone: the client
// has gone, nothing is written), and lets go of the frames. A write to a
// client that reads nothing blocks until its session closes.
func (t *Terminal) Close(gone bool) {
	t.mu.Lock()
	if t.closing {
		t.mu.Unlock()
		<-t.done
		return
	}
	t.closing, t.gone = true, gone
	t.mu.Unlock()
	close(t.stop)
	<-t.done
}

// write is the terminal's writer: it draws and writes the newest screen
// asked for, a frame at most every MinInterval, until Close.
func (t *Terminal) write() {
	defer close(t.done)
	var cur *Frame // what the terminal shows
	var last time.Time
	pace := time.NewTimer(time.Hour)
	pace.Stop()
	defer func() {
		pace.Stop()
		t.mu.Lock()
		gone := t.gone
		t.mu.Unlock()
		if cur != nil && !gone {
			t.out.Write(teardown(cur)) //nolint:errcheck // the client may have gone
		}
		t.room.release(cur)
	}()
	for {
		select {
		case <-t.stop:
			return
		case <-t.wake:
		}
		if wait := MinInterval - time.Since(last); wait > 0 {
			pace.Reset(wait)
			select {
			case <-t.stop:
				return
			case <-pace.C:
			}
		}
		t.mu.Lock()
		k, s, syncd, repaint := t.want, t.pending, t.syncd, t.repaint
		t.pending, t.repaint = nil, false
		t.mu.Unlock()
		if s == nil {
			continue
		}
		f := t.room.acquire(k, s)
		if f == cur && !repaint {
			t.room.release(f)
			continue
		}
		b := t.frameBytes(cur, f, syncd, repaint)
		t.room.release(cur) // before the write: once the client shows f, the room holds cur no more
		cur, last = f, time.Now()
		if len(b) > 0 {
			t.out.Write(b) //nolint:errcheck // a client gone ends the session
		}
	}
}

// frameBytes are the bytes that take the terminal from cur (nil: before
// the first frame) to f: the set-up of the screen first, the window title
// and colours when they change, the frame's move (from a blank screen
// when repaint), all in one synchronized update when the terminal takes
// them; nil when nothing changes. Most often they are the move alone,
// the very bytes every terminal gets.
func (t *Terminal) frameBytes(cur, f *Frame, syncd, repaint bool) []byte {
	var head []byte
	var was tea.View
	if cur == nil {
		head = append(head, ansi.SetModeAltScreenSaveCursor+ansi.ResetModeTextCursorEnable...)
	} else {
		was = cur.view
	}
	if f.view.WindowTitle != was.WindowTitle {
		head = append(head, ansi.SetWindowTitle(f.view.WindowTitle)...)
	}
	head = append(head, colourSeq(was.BackgroundColor, f.view.BackgroundColor, ansi.SetBackgroundColor, ansi.ResetBackgroundColor)...)
	head = append(head, colourSeq(was.ForegroundColor, f.view.ForegroundColor, ansi.SetForegroundColor, ansi.ResetForegroundColor)...)
	from := cur
	if repaint {
		from = nil
	}
	m := f.moveFrom(from, t.env)
	switch {
	case len(head) == 0 && syncd:
		return m.synced
	case len(head) == 0:
		return m.b // nil: the same screen drawn again
	}
	var b []byte
	if syncd {
		b = append(b, ansi.SetModeSynchronizedOutput...)
	}
	b = append(append(b, head...), m.b...)
	if syncd {
		b = append(b, ansi.ResetModeSynchronizedOutput...)
	}
	return b
}

// teardown gives the terminal back as the first frame found it: its
// colours, the cursor, the main screen.
func teardown(cur *Frame) []byte {
	var b []byte
	b = append(b, colourSeq(cur.view.BackgroundColor, nil, ansi.SetBackgroundColor, ansi.ResetBackgroundColor)...)
	b = append(b, colourSeq(cur.view.ForegroundColor, nil, ansi.SetForegroundColor, ansi.ResetForegroundColor)...)
	return append(b, ansi.SetModeTextCursorEnable+ansi.ResetModeAltScreenSaveCursor...)
}
