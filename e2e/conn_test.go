package e2e

import (
	"bufio"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"
)

// The connection caps with the real OpenSSH client against the built
// binary; the hostile clients themselves (window changes, environment,
// sessions per connection) are x/crypto/ssh clients in server/limits_test.go.

// holdConn opens a TCP connection to addr that never speaks, once the
// server takes it in (sends its version line): a stranger holding one of
// the server's connections. A connection just closed (the start's probe)
// may still count for a moment, so a refused one is tried again.
func holdConn(t *testing.T, addr string) net.Conn {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := bufio.NewReader(c).ReadString('\n'); err == nil {
			t.Cleanup(func() { c.Close() })
			return c
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatalf("the server takes no connection from the test: %v", err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// sshFrom is s.ssh from the local address from.
func (s *sshServe) sshFrom(from string, keys []string, args ...string) (stdout, stderr string, code int) {
	s.t.Helper()
	cmd := s.sshCmd(keys, args...)
	cmd.Args = append([]string{cmd.Args[0], "-b", from}, cmd.Args[1:]...)
	return s.run(cmd, args)
}

// TestE2EConnectionsPerAddress: with --max-per-address 2 and a stranger
// on 127.0.0.1 holding two connections, the real ssh client from
// 127.0.0.1 is refused and the log names the address; the facilitator
// from 127.0.0.2 still exports; once the stranger lets one go, 127.0.0.1
// gets in again.
func TestE2EConnectionsPerAddress(t *testing.T) {
	s := startServe(t, "--max-per-address", "2")
	addr := fmt.Sprintf("127.0.0.1:%d", s.port)
	first := holdConn(t, addr)
	holdConn(t, addr)
	if out, errOut, code := s.ssh([]string{"viewer"}, "tally"); code != 255 {
		t.Errorf("a third connection from 127.0.0.1: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if log := s.stderr.String(); !strings.Contains(log, "connection refused: too many open") || !strings.Contains(log, "remote-addr=127.0.0.1") {
		t.Errorf("the refusal is not logged with the address:\n%s", log)
	}
	if out, errOut, code := s.sshFrom("127.0.0.2", []string{"fac"}, "export"); code != 0 || !strings.HasPrefix(out, "response_id,") {
		t.Errorf("the facilitator from 127.0.0.2: exit %d, stderr %q", code, errOut)
	}
	first.Close()
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		out, errOut, code := s.ssh([]string{"viewer"}, "tally")
		if code == 0 && strings.Contains(out, "E2E") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("127.0.0.1 after the stranger let one go: exit %d, stderr %q", code, errOut)
		}
	}
}
