package main

import (
	"database/sql"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestE2EKillAfterSave: a facilitator's real ssh client (ssh -tt in tmux)
// keys in a visitor, presses ctrl+s and is killed with SIGKILL the moment
// that key has left it, STANDMAP_DROPS times (20) in a row; every answer
// is stored, once and whole. The client reaches standmap serve through a
// relay in the test that tells when the client sent its next bytes
// after the ctrl+s (the key, encrypted), so the kill lands 0 ms after
// the key reached the network, not before: a key the client never sent
// cannot be saved. When the client dies, the relay closes the server's
// side as the client's kernel would (its bytes, then the end).
func TestE2EKillAfterSave(t *testing.T) {
	s := startServe(t)
	relay := newDropRelay(t, fmt.Sprintf("127.0.0.1:%d", s.port))
	drops := envInt(t, "STANDMAP_DROPS", 20)
	for i := range drops {
		c := tmuxSession{t: t, socket: fmt.Sprintf("standmap-e2e-drop-%d-%d", os.Getpid(), i)}
		args := s.sshCmd([]string{"fac"}).Args // ssh -p PORT …
		args[2] = strconv.Itoa(relay.port())   // the relay, not the server
		ssh := append([]string{"exec", "ssh", "-tt"}, args[1:]...)
		c.tmux("new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", "-e", "TERM=xterm-256color", strings.Join(ssh, " "))
		t.Cleanup(func() { exec.Command("tmux", "-L", c.socket, "kill-server").Run() })
		c.waitFor("Visitor #")
		for _, field := range []string{"cen", fmt.Sprintf("drop k%d a", i), "gri", fmt.Sprintf("drop k%d b", i)} {
			c.tmux("send-keys", "-t", "e2e", "-l", field)
			c.tmux("send-keys", "-t", "e2e", "Enter")
			if strings.HasPrefix(field, "drop") { // a wish of no known words: Enter opened the categories; ↓, Enter takes one
				c.tmux("send-keys", "-t", "e2e", "Down", "Enter")
			}
		}
		c.waitFor(fmt.Sprintf("drop k%d b", i)) // every key before ctrl+s reached the server
		pid, err := strconv.Atoi(strings.TrimSpace(c.tmux("display-message", "-p", "-t", "e2e", "#{pane_pid}")))
		if err != nil {
			t.Fatal(err)
		}
		sent := relay.arm()
		c.tmux("send-keys", "-t", "e2e", "C-s")
		select {
		case <-sent:
		case <-time.After(10 * time.Second):
			t.Fatalf("drop %d: ssh sent nothing after ctrl+s", i)
		}
		syscall.Kill(pid, syscall.SIGKILL)
	}
	relay.close()
	stopServe(t, s.cmd, s.exited)
	s.cmd = nil

	raw, err := sql.Open("sqlite3", "file:"+s.db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	rows, err := raw.Query(`SELECT r.seq, group_concat(m.neighbourhood || '|' || m.wish, '; ') FROM responses r
		JOIN marks m ON m.response_seq = r.seq GROUP BY r.seq ORDER BY r.seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	stored := map[string]int{}
	for rows.Next() {
		var seq int
		var marks string
		if err := rows.Scan(&seq, &marks); err != nil {
			t.Fatal(err)
		}
		stored[marks]++
	}
	for i := range drops {
		whole := fmt.Sprintf("Centrs|drop k%d a; Grīva|drop k%d b", i, i)
		if stored[whole] != 1 {
			t.Errorf("visitor %d, ssh killed 0 ms after its ctrl+s: stored %d times, want 1 (stored: %v)", i, stored[whole], stored)
		}
	}
	t.Logf("%d kills after ctrl+s, %d answers stored", drops, len(stored))
}

// dropRelay passes TCP connections through to the server, and tells,
// when armed, that a client has sent its next bytes.
type dropRelay struct {
	ln     net.Listener
	server string
	mu     sync.Mutex
	sent   chan struct{} // closed after the next client bytes went on
	wg     sync.WaitGroup
}

func newDropRelay(t *testing.T, server string) *dropRelay {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r := &dropRelay{ln: ln, server: server}
	r.wg.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			r.wg.Go(func() { r.pass(c) })
		}
	})
	t.Cleanup(r.close)
	return r
}

func (r *dropRelay) port() int { return r.ln.Addr().(*net.TCPAddr).Port }

// arm returns a channel closed once a client's next bytes have been
// handed to the server.
func (r *dropRelay) arm() <-chan struct{} {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sent = make(chan struct{})
	return r.sent
}

// pass relays one connection: when the client's side ends, its bytes
// have all gone on, and the server's side is closed for writing, then
// read to its end.
func (r *dropRelay) pass(c net.Conn) {
	defer c.Close()
	srv, err := net.Dial("tcp", r.server)
	if err != nil {
		return
	}
	defer srv.Close()
	go io.Copy(c, srv) //nolint:errcheck // ends with either side
	buf := make([]byte, 32<<10)
	for {
		n, err := c.Read(buf)
		if n > 0 {
			if _, werr := srv.Write(buf[:n]); werr != nil {
				return
			}
			r.mu.Lock()
			if r.sent != nil {
				close(r.sent)
				r.sent = nil
			}
			r.mu.Unlock()
		}
		if err != nil {
			break
		}
	}
	srv.(*net.TCPConn).CloseWrite()
	io.Copy(io.Discard, srv) //nolint:errcheck // until the server closes
}

// close stops the relay and waits for its connections to end.
func (r *dropRelay) close() {
	r.ln.Close()
	r.wg.Wait()
}
