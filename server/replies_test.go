package server

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	uv "github.com/charmbracelet/ultraviolet"
)

// TestRepliesBeforeKeys: the terminal's answers to the startup queries
// are handed on without the terminal reader; what follows them (a key,
// an answer cut between two reads) is left for the reader, whole, and
// the events come out the same however the input is cut.
func TestRepliesBeforeKeys(t *testing.T) {
	const replies = "\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?2026;2$y\x1b[?2027;0$y"
	for _, c := range []struct {
		name, input, rest string
		more              bool
		handed            int
	}{
		{"replies only, then the end", replies, "", false, 3},
		{"replies, then keys", replies + "q\x1b[A", "q\x1b[A", true, 3},
		{"a key first", "j" + replies, "j" + replies, true, 0},
		{"nothing", "", "", false, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			events := make(chan uv.Event, 10)
			rest, more := readReplies(strings.NewReader(c.input), events)
			close(events)
			if string(rest) != c.rest || more != c.more {
				t.Errorf("rest %q more %v, want %q %v", rest, more, c.rest, c.more)
			}
			if n := len(events); n != c.handed {
				t.Errorf("%d events handed on, want %d", n, c.handed)
			}
		})
	}
	// Cut one byte at a time: the first answer is cut, so it and all
	// that follows go to the reader, which decodes what it decodes
	// without readReplies in front of it.
	events := make(chan uv.Event, 10)
	rest, more := readReplies(iotest.OneByteReader(strings.NewReader(replies+"q")), events)
	close(events)
	if !more || len(events) != 0 || string(rest) != "\x1b" {
		t.Fatalf("one byte at a time: rest %q, more %v, %d events", rest, more, len(events))
	}
	got := decodeAll(t, io.MultiReader(strings.NewReader(string(rest)), iotest.OneByteReader(strings.NewReader(replies[1:]+"q"))))
	if want := decodeAll(t, iotest.OneByteReader(strings.NewReader(replies+"q"))); got != want {
		t.Errorf("cut input decoded as %s, want %s", got, want)
	}
}

// decodeAll runs the terminal reader over r and lists its events.
func decodeAll(t *testing.T, r io.Reader) string {
	t.Helper()
	events := make(chan uv.Event)
	go func() {
		defer close(events)
		uv.NewTerminalReader(r, "xterm-256color").StreamEvents(t.Context(), events)
	}()
	var out []string
	for ev := range events {
		out = append(out, fmt.Sprintf("%T%v", ev, ev))
	}
	return strings.Join(out, " ")
}
