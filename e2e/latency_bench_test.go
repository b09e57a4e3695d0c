package e2e

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"net"
	"sort"
	"strings"
	"testing"
	"time"

	"charm.land/ssh"
	"charm.land/wish/v2"
	gossh "golang.org/x/crypto/ssh"

	"standmap/internal/sshterm"
)

// BenchmarkKeystrokeSSH measures, over loopback with the x/crypto client
// and a terminal emulator, the time from sending one key in the capture
// form (a letter of the wish) of standmap serve until the screen shows
// it, as p50 and p99 besides the mean.
func BenchmarkKeystrokeSSH(b *testing.B) {
	s := startInProcServe(b, 1)
	f := s.term(b, 0, 100, 30)
	if err := f.WaitFor("Visitor #", 10*time.Second); err != nil {
		b.Fatal(err)
	}
	typeAnswer(f, "kq", "centrs")
	typed := ""
	measureKeystrokes(b, f,
		func(i int) (string, func(string) bool) {
			typed += string(rune('a' + i%26))
			want := "> kq" + typed + " "
			return typed[len(typed)-1:], func(sc string) bool { return strings.Contains(sc, want) }
		},
		func() error { // an untimed reset: the wish emptied again
			f.Type(strings.Repeat("\x7f", len(typed)))
			typed = ""
			return f.WaitFor("> kq ", 10*time.Second)
		})
}

// BenchmarkKeystrokeEcho is the yardstick of BenchmarkKeystrokeSSH: the
// same client and SSH server library (wish, charm.land/ssh) with a handler
// that copies the input to the output, as a plain ssh echo.
func BenchmarkKeystrokeEcho(b *testing.B) {
	addr := startEchoServer(b)
	term, err := sshterm.Dial(addr, nil, "", 100, 30)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(term.Close)
	n := 0
	measureKeystrokes(b, term,
		func(int) (string, func(string) bool) {
			n++
			want := n
			return "x", func(sc string) bool { return strings.Count(sc, "x") == want }
		},
		func() error { // an untimed reset: the echo clears the screen
			term.Type("\x1b[2J\x1b[H")
			n = 0
			return term.WaitUntil(func(sc string) bool { return !strings.Contains(sc, "x") }, "a clear screen", 10*time.Second)
		})
}

// keystrokesPerReset is how many keys are timed between two untimed
// resets (the wish field and the echo's screen hold a line or so).
const keystrokesPerReset = 40

// keyPause bounds the untimed random pause before each key: longer than a
// frame of Bubble Tea's renderer (60 fps), which sends a key's echo at its
// next frame, so keys fall anywhere in a frame.
const keyPause = 20 * time.Millisecond

// measureKeystrokes times keys until the screen shows each, resetting
// after every keystrokesPerReset, and reports p50 and p99.
func measureKeystrokes(b *testing.B, term *sshterm.Term, key func(i int) (string, func(string) bool), reset func() error) {
	var took []time.Duration
	i := 0
	for b.Loop() {
		b.StopTimer()
		if i > 0 && i%keystrokesPerReset == 0 {
			if err := reset(); err != nil {
				b.Fatal(err)
			}
		}
		time.Sleep(mrand.N(keyPause)) // out of step with the renderer's frames, as a person types
		b.StartTimer()
		k, shown := key(i)
		start := time.Now()
		if err := term.Type(k); err != nil {
			b.Fatal(err)
		}
		if err := term.WaitUntil(shown, fmt.Sprintf("key %d", i), 10*time.Second); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
		i++
	}
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	at := func(q float64) float64 { return float64(took[int(q*float64(len(took)-1))].Microseconds()) / 1000 }
	b.ReportMetric(at(0.5), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}

// startEchoServer serves an echo over SSH on a loopback port: any client,
// its input copied to its output.
func startEchoServer(b *testing.B) string {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		b.Fatal(err)
	}
	host, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		b.Fatal(err)
	}
	srv, err := wish.NewServer(
		func(s *ssh.Server) error { s.AddHostKey(host); return nil },
		wish.WithKeyboardInteractiveAuth(func(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }),
		wish.WithMiddleware(func(ssh.Handler) ssh.Handler {
			return func(s ssh.Session) { io.Copy(s, s) }
		}),
	)
	if err != nil {
		b.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	b.Cleanup(func() {
		srv.Close()
		if err := <-done; err != nil && !errors.Is(err, ssh.ErrServerClosed) {
			b.Error(err)
		}
	})
	return ln.Addr().String()
}
