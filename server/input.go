package server

import (
	"bytes"
	"context"
	"io"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
)

// maxUnreadInput bounds what a client may send without it making a
// single key, paste or reply: the terminal reader keeps such bytes (an
// unfinished escape sequence or bracketed paste) until they end, so a
// client could otherwise make the server hold any amount. A person's
// keys each end at once; the longest legitimate run is a paste, and a
// wish is 280 characters.
const maxUnreadInput = 64 << 10

// Input from a client that went: a viewer's is dropped (its keys can
// change nothing), a facilitator's is handled up to afterGoneInput bytes
// (a ctrl+s typed ahead of a busy server is saved), and the rest dropped.
const afterGoneInput = 4 << 10

// Each event (a key, a paste, a terminal's reply) costs the program an
// Update and a View, so a client that floods the server with keys would
// take a core for itself. While the client is there, its events reach
// the program at most eventRate a second after a burst of eventBurst: far
// above a person's typing, and the flood waits in the client's SSH
// window, not in the server's memory.
const (
	eventRate  = 100
	eventBurst = 200
)

// sessionInput is a session's input as the server reads it. The server,
// not Bubble Tea, runs the session's terminal reader (readInput): Bubble
// Tea's own reader hands its events on with sends that do not watch the
// program's end, so a program that quit while its reader held keys lost
// those keys and left the reader blocked for good. Here every event is
// handed on with Program.Send, which returns once the program has ended,
// and the reader's end is a message after the last event (inputEndMsg).
//
// Its input ends where the client's does (the connection or the session
// closed, or ssh -n), when the server ends it (end), or when the client
// sends more than maxUnreadInput without an event (refused).
type sessionInput struct {
	chunks chan []byte // the client's input, closed where it ends
	stop   chan struct{}
	once   sync.Once
	rest   []byte
	// unread counts the bytes handed to the reader since its last event.
	unread  atomic.Int64
	refused atomic.Bool

	gone     chan struct{} // closed when the client has gone
	goneOnce sync.Once
	budget   atomic.Int64 // bytes still taken after the client went
	cut      atomic.Int64 // bytes left unhandled after the client went
}

// newSessionInput starts reading r.
func newSessionInput(r io.Reader) *sessionInput {
	in := &sessionInput{chunks: make(chan []byte), stop: make(chan struct{}), gone: make(chan struct{})}
	go in.pump(r)
	return in
}

// pump reads r until it ends, or until the input is ended and what it
// read cannot be handed on. A read blocked on a client that sends
// nothing returns when the session closes, which its handler's return
// does.
func (in *sessionInput) pump(r io.Reader) {
	defer close(in.chunks)
	for {
		buf := make([]byte, 4096)
		n, err := r.Read(buf)
		if n > 0 {
			select {
			case in.chunks <- buf[:n]:
			case <-in.stop:
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// Read hands the terminal reader the client's input, then io.EOF where
// it ends.
func (in *sessionInput) Read(p []byte) (int, error) {
	if len(in.rest) == 0 {
		select {
		case c, ok := <-in.chunks:
			if !ok {
				return 0, io.EOF
			}
			in.rest = c
		case <-in.stop:
			return 0, io.EOF
		}
	}
	if in.unread.Load() > maxUnreadInput {
		in.refused.Store(true)
		in.end()
		return 0, io.EOF
	}
	if in.isGone() {
		left := in.budget.Load()
		if left <= 0 {
			in.cut.Add(int64(len(in.rest)))
			in.rest = nil
			in.end()
			return 0, io.EOF
		}
		p = p[:min(int64(len(p)), left)]
	}
	n := copy(p, in.rest)
	in.rest = in.rest[n:]
	in.unread.Add(int64(n))
	in.budget.Add(-int64(n))
	return n, nil
}

// clientGone records that the client has gone: a viewer's input ends at
// once, a facilitator's after afterGoneInput bytes more.
func (in *sessionInput) clientGone(viewer bool) {
	in.goneOnce.Do(func() {
		in.budget.Store(afterGoneInput)
		close(in.gone)
	})
	if viewer {
		in.end()
	}
}

func (in *sessionInput) isGone() bool {
	select {
	case <-in.gone:
		return true
	default:
		return false
	}
}

// end ends the input: the reader gets io.EOF from its next read on, and
// keys not read yet are not read.
func (in *sessionInput) end() { in.once.Do(func() { close(in.stop) }) }

// inputEndMsg follows the last event of a session's input.
type inputEndMsg struct{}

// readInput runs the terminal reader on in (term is the client's $TERM)
// and hands each event to p, in order, then inputEndMsg; it returns when
// the input has ended. Events reach the program as Bubble Tea's own
// reader's do: Program.Send passes them through the same translation
// into tea.KeyPressMsg and the rest.
func readInput(in *sessionInput, term string, p *tea.Program) {
	events := make(chan uv.Event)
	go func() {
		defer close(events)
		rest, more := readReplies(in, events)
		if !more {
			return
		}
		r := io.MultiReader(bytes.NewReader(rest), in)
		_ = uv.NewTerminalReader(r, term).StreamEvents(context.Background(), events)
	}()
	pace := pacer{tokens: eventBurst, last: time.Now()}
	for ev := range events {
		in.unread.Store(0)
		pace.wait(in.gone)
		p.Send(ev)
	}
	p.Send(inputEndMsg{})
}

// readReplies hands on the terminal's answers to the server's startup
// queries (its background colour, its modes), decoded by the terminal
// reader's own decoder, until the input holds anything else (a key, the
// start of a sequence cut between two reads) or ends, and returns what it
// read and did not hand on. The terminal reader, whose table of keys is
// 140 KB a session, is built only once its client types: most viewers
// never do. more is false when the input ended.
func readReplies(in io.Reader, events chan<- uv.Event) (rest []byte, more bool) {
	var d uv.EventDecoder
	buf := make([]byte, 4096)
	for {
		n, err := in.Read(buf)
		for b := buf[:n]; len(b) > 0; {
			m, ev := d.Decode(b)
			if !isReply(ev) || m <= 0 {
				return append([]byte(nil), b...), true
			}
			events <- ev
			b = b[m:]
		}
		if err != nil {
			return nil, false
		}
	}
}

// isReply reports whether ev answers one of the startup queries.
func isReply(ev uv.Event) bool {
	switch ev.(type) {
	case uv.BackgroundColorEvent, uv.ModeReportEvent:
		return true
	}
	return false
}

// pacer lets eventRate events a second through, after a burst of
// eventBurst, until gone is closed.
type pacer struct {
	tokens float64
	last   time.Time
}

// wait takes one event's token, waiting for it when there is none.
func (pc *pacer) wait(gone <-chan struct{}) {
	now := time.Now()
	pc.tokens = min(eventBurst, pc.tokens+now.Sub(pc.last).Seconds()*eventRate)
	pc.last = now
	if pc.tokens < 1 {
		t := time.NewTimer(time.Duration((1 - pc.tokens) / eventRate * float64(time.Second)))
		defer t.Stop()
		select {
		case <-t.C:
		case <-gone:
		}
		pc.tokens, pc.last = 1, time.Now()
	}
	pc.tokens--
}
