// Package frames draws each distinct screen of a room once and hands the
// same bytes to every terminal that shows it. A viewer's board is the same
// for every viewer with the same window, colours, language, theme, reveal
// state and view state (scroll, filter); drawing it once per snapshot, and
// working out once what takes a terminal from the last frame to the new
// one, leaves a viewer to cost the write of those bytes, not the layout,
// the parse of the styled text into cells, and the diff.
//
// A Room holds the frames on show; a Terminal is one session's screen,
// which a session's program tells what it shows (Show) after each message.
// Each Terminal writes from a goroutine of its own, newest frame first: a
// slow client skips frames and delays no one. Frames are full-screen (the
// alternate screen, no text cursor).
package frames

import (
	"image/color"
	"slices"
	"sync"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/lucasb-eyer/go-colorful"
)

// Screen is a model whose frames terminals may share.
type Screen interface {
	// View draws the screen; it depends on nothing but what ScreenKey
	// returns (and on the terminal's size, profile and width method).
	View() tea.View
	// ScreenKey returns a comparable value standing for everything View
	// depends on; shared is false when the screen is this terminal's own
	// (its frames are then drawn for it alone).
	ScreenKey() (key any, shared bool)
}

// Key identifies one distinct screen in a room.
type Key struct {
	// Screen is the model's ScreenKey.
	Screen any
	// W and H are the terminal's size in cells.
	W, H int
	// Profile is the colour profile the frame's colours are written in.
	Profile colorprofile.Profile
	// Own is a number of its own when the screen is not shared (a new one
	// at each Show: such a screen is drawn for one terminal, every time).
	Own uint64
}

// width is how frames measure text: Bubble Tea's default (wcwidth), which
// a terminal not told to use grapheme clusters (mode 2027) measures too.
const width = ansi.WcWidth

// Room shares frames among the terminals that show the same screen.
type Room struct {
	mu     sync.Mutex
	frames map[Key]*Frame
	lastID uint64 // the last number given to a frame
	// spare holds the cells of the frames let go last, for the next
	// frames of their size to draw into: a new snapshot's frames
	// allocate nothing big.
	spare []*uv.RenderBuffer
}

// maxSpare bounds the spare cells kept, of any size: what a room of a
// few sizes needs, and all a client resizing its window leaves behind.
const maxSpare = 4

// NewRoom returns an empty room.
func NewRoom() *Room { return &Room{frames: map[Key]*Frame{}} }

// Len returns the number of frames the room holds: those shown by a
// terminal or about to be.
func (r *Room) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.frames)
}

// nextID returns a number not given before.
func (r *Room) nextID() uint64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.lastID++
	return r.lastID
}

// acquire returns the frame of k, drawn from s by the first terminal to
// ask for it, and counts the caller as one more holder.
func (r *Room) acquire(k Key, s Screen) *Frame {
	r.mu.Lock()
	f := r.frames[k]
	if f == nil {
		r.lastID++
		f = &Frame{id: r.lastID, key: k}
		r.frames[k] = f
	}
	f.refs++
	r.mu.Unlock()
	f.once.Do(func() { f.draw(s, r.cells(k.W, k.H)) })
	return f
}

// cells returns spare cells of w×h, or new ones.
func (r *Room) cells(w, h int) *uv.RenderBuffer {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i, b := range r.spare {
		if b.Width() == w && b.Height() == h {
			r.spare = slices.Delete(r.spare, i, i+1)
			return b
		}
	}
	return uv.NewRenderBuffer(w, h)
}

// release counts one holder of f less; the room forgets f when none is
// left (a terminal that comes later draws it again).
func (r *Room) release(f *Frame) {
	if f == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if f.refs--; f.refs == 0 && r.frames[f.key] == f {
		delete(r.frames, f.key)
		// No terminal shows it or moves from it: its cells are free.
		if f.buf != nil {
			if len(r.spare) == maxSpare {
				r.spare = slices.Delete(r.spare, 0, 1) // the oldest
			}
			r.spare = append(r.spare, f.buf)
		}
	}
}

// maxMoves bounds the moves a frame keeps: from the frame before it, for
// most terminals, and from a few others.
const maxMoves = 8

// Frame is one drawn screen, and the bytes that bring a terminal to it.
type Frame struct {
	id   uint64
	key  Key
	refs int // holders; guarded by Room.mu
	once sync.Once

	view tea.View         // its title and colours; Content is parsed into buf
	buf  *uv.RenderBuffer // its cells; Render marks them, so mu guards it

	mu    sync.Mutex
	moves map[uint64]*move // by the id of the frame shown before (0: none)
	seed  *renderer        // a renderer whose terminal shows this frame, or nil
}

// draw draws s and parses it into buf (which it clears first).
func (f *Frame) draw(s Screen, buf *uv.RenderBuffer) {
	f.view = s.View()
	f.buf = buf
	scr := uv.ScreenBuffer{RenderBuffer: f.buf, Method: width}
	uv.NewStyledString(f.view.Content).Draw(scr, f.buf.Bounds())
	f.view.Content = "" // the cells hold it
}

// moveFrom returns the bytes that bring a terminal showing old (nil: a
// blank or unknown screen) to f, worked out once per pair, however many
// terminals ask at once. After them the cursor is home and the pen plain,
// after any frame: what lets one terminal's bytes serve another's.
func (f *Frame) moveFrom(old *Frame, env []string) *move {
	from := uint64(0)
	if old != nil && old.key.W == f.key.W && old.key.H == f.key.H && old.key.Profile == f.key.Profile {
		from = old.id
	}
	f.mu.Lock()
	m := f.moves[from]
	if m == nil {
		m = &move{}
		if f.moves == nil {
			f.moves = map[uint64]*move{}
		}
		if len(f.moves) < maxMoves {
			f.moves[from] = m
		}
	}
	f.mu.Unlock()
	m.once.Do(func() {
		var r *renderer
		if from != 0 {
			r = old.takeSeed(env)
		} else {
			r = newRenderer(f.key, env)
			r.Erase()
		}
		f.mu.Lock()
		defer f.mu.Unlock()
		m.b = r.render(f.buf)
		if len(m.b) > 0 {
			m.synced = slices.Concat([]byte(ansi.SetModeSynchronizedOutput), m.b, []byte(ansi.ResetModeSynchronizedOutput))
		}
		if f.seed == nil {
			f.seed = r
		}
	})
	return m
}

// move is the bytes from one frame to another, worked out once, and the
// same in one synchronized update.
type move struct {
	once      sync.Once
	b, synced []byte
}

// takeSeed returns a renderer whose terminal shows f: the one that drew
// f, the first time, else one that draws it now (its bytes unused).
func (f *Frame) takeSeed(env []string) *renderer {
	f.mu.Lock()
	defer f.mu.Unlock()
	if s := f.seed; s != nil {
		f.seed = nil
		return s
	}
	r := newRenderer(f.key, env)
	r.Erase()
	r.render(f.buf)
	return r
}

// renderer is a terminal renderer and what it writes to.
type renderer struct {
	*uv.TerminalRenderer
	out *outBuffer
}

// renders counts the renders, for the tests: the room's work.
var renders atomic.Int64

// outBuffer is where a renderer writes.
type outBuffer struct{ b []byte }

// Write appends p.
func (o *outBuffer) Write(p []byte) (int, error) { o.b = append(o.b, p...); return len(p), nil }

// newRenderer returns a renderer for frames of k, set as Bubble Tea sets
// its own for an SSH session: the alternate screen (absolute cursor
// moves), newlines mapped to CR LF by the session, scroll optimisation.
func newRenderer(k Key, env []string) *renderer {
	o := &outBuffer{}
	r := uv.NewTerminalRenderer(o, env)
	r.SetColorProfile(k.Profile)
	r.SetFullscreen(true)
	r.SetRelativeCursor(false)
	r.SetMapNewline(true)
	r.SetScrollOptim(true)
	r.SetTabStops(-1)
	r.SetWidthMethod(width)
	r.Resize(k.W, k.H)
	return &renderer{TerminalRenderer: r, out: o}
}

// render renders buf (all of it: a frame's cells are compared, not its
// marks), sends the cursor home, and returns what was written since the
// last render.
func (r *renderer) render(buf *uv.RenderBuffer) []byte {
	renders.Add(1)
	for y := range buf.Height() {
		buf.TouchLine(0, y, buf.Width())
	}
	r.Render(buf)
	r.MoveTo(0, 0)
	r.Flush() //nolint:errcheck // an outBuffer never fails
	b := r.out.b
	r.out.b = nil
	return b
}

// colourSeq returns the sequence that sets (or resets, for nil) a
// terminal colour, or "" when it does not change.
func colourSeq(old, c color.Color, set func(string) string, reset string) string {
	if old == c {
		return ""
	}
	if c == nil {
		return reset
	}
	cf, ok := colorful.MakeColor(c)
	if !ok {
		return ""
	}
	return set(cf.Hex())
}
