package e2e

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"database/sql"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"standmap/cli"
	"standmap/internal/room"
	"standmap/internal/sshterm"
)

// inProcServe is `standmap serve` run in this process through run, the
// same code path as the binary's, so that a test can count goroutines
// and heap and stop it by cancelling its context.
type inProcServe struct {
	addr, dir, db string
	event         string // the event served
	stored        int    // responses stored before it started
	facilitators  []gossh.Signer
	stdout        lockedBuffer
	stderr        lockedBuffer
	cancel        context.CancelFunc
	exited        chan int
}

// servePort finds the port in the banner's "ssh -p PORT 127.0.0.1".
var servePort = regexp.MustCompile(`ssh -p (\d+) 127\.0\.0\.1`)

// startInProcServe writes facilitators' keys (ed25519, in OpenSSH
// authorized_keys form) beside a fresh database and serves event SOAK on
// a loopback port chosen by the system; stop ends it.
func startInProcServe(t testing.TB, facilitators int) *inProcServe {
	t.Helper()
	return startInProcServeWith(t, facilitators, 0)
}

// startInProcServeWith is startInProcServe on a database that already
// holds responses answers of a generated fair in event SOAK (imported
// with standmap import), so that the board draws a realistic room.
func startInProcServeWith(t testing.TB, facilitators, responses int) *inProcServe {
	t.Helper()
	dir := t.TempDir()
	s := &inProcServe{dir: dir, db: filepath.Join(dir, "standmap.db"), event: "SOAK", stored: responses, exited: make(chan int, 1)}
	if responses > 0 {
		var csv bytes.Buffer
		if err := room.WriteFair(&csv, responses, s.event); err != nil {
			t.Fatal(err)
		}
		var out, errs lockedBuffer
		if code := cli.Run(context.Background(), []string{"import", "--db", s.db, "-"}, &csv, &out, &errs); code != 0 {
			t.Fatalf("standmap import exited with %d: %s", code, errs.String())
		}
	}
	var auth []byte
	for range facilitators {
		_, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		signer, err := gossh.NewSignerFromKey(priv)
		if err != nil {
			t.Fatal(err)
		}
		s.facilitators = append(s.facilitators, signer)
		auth = append(auth, gossh.MarshalAuthorizedKey(signer.PublicKey())...)
	}
	if err := os.WriteFile(filepath.Join(dir, "authorized_keys"), auth, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	args := []string{"serve", "--listen", "127.0.0.1:0", "--db", s.db, "--event", s.event, "--lang", "en", "--max-viewers", "10000", "--max-per-address", "0"}
	go func() { s.exited <- cli.Run(ctx, args, nil, &s.stdout, &s.stderr) }()
	deadline := time.Now().Add(time.Minute)
	for {
		if m := servePort.FindStringSubmatch(s.stdout.String()); m != nil {
			s.addr = "127.0.0.1:" + m[1]
			break
		}
		select {
		case code := <-s.exited:
			t.Fatalf("standmap serve exited with %d before listening; stderr:\n%s", code, s.stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("standmap serve printed no banner; stderr:\n%s", s.stderr.String())
		}
	}
	t.Cleanup(func() { s.stop(t) })
	return s
}

// stop cancels serve's context and waits for it to return 0; stopping
// twice is allowed.
func (s *inProcServe) stop(t testing.TB) {
	t.Helper()
	if s.cancel == nil {
		return
	}
	s.cancel()
	s.cancel = nil
	select {
	case code := <-s.exited:
		if code != 0 {
			t.Errorf("standmap serve exited with %d; stderr:\n%s", code, s.stderr.String())
		}
	case <-time.After(cli.ShutdownGrace + 5*time.Second):
		t.Errorf("standmap serve did not stop within %v of its context's end", cli.ShutdownGrace+5*time.Second)
	}
}

// waitSessionsEnded waits until the server's log has a disconnect for
// every connect: every session's handler has returned.
func (s *inProcServe) waitSessionsEnded(t testing.TB, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		log := s.stderr.String()
		ended := strings.Count(log, " disconnect user=")
		open := strings.Count(log, " connect user=") - ended
		if open == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Errorf("%d sessions still open on the server %v after their clients closed", open, within)
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// term opens a w×h terminal on the server: as facilitator i, or as a
// viewer when i < 0.
func (s *inProcServe) term(t testing.TB, i, w, h int) *sshterm.Term {
	t.Helper()
	var key gossh.Signer
	if i >= 0 {
		key = s.facilitators[i]
	}
	term, err := sshterm.Dial(s.addr, key, "", w, h)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(term.Close)
	return term
}

// openDB opens the served database read-only, as another process
// would; the caller closes it.
func (s *inProcServe) openDB(t testing.TB) *sql.DB {
	t.Helper()
	raw, err := sql.Open("sqlite3", "file:"+s.db+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	return raw
}
