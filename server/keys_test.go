package server

import (
	"bytes"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"
)

// logBuffer collects a server's log.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// loggedServer starts a server whose log is returned.
func loggedServer(t *testing.T, mutate func(*Config)) (*testServer, *logBuffer) {
	var lb logBuffer
	ts := startServer(t, func(c *Config) {
		c.Logger = log.New(&lb)
		if mutate != nil {
			mutate(c)
		}
	})
	return ts, &lb
}

// writeKeys replaces the server's authorized keys file.
func (ts *testServer) writeKeys(t *testing.T, lines ...string) {
	t.Helper()
	path := filepath.Join(ts.dir, AuthorizedKeysName)
	if err := os.WriteFile(path+".new", []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(path+".new", path); err != nil {
		t.Fatal(err)
	}
}

func authLine(s gossh.Signer) string {
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(s.PublicKey())))
}

// TestRemovedKeyLosesRole: the keys file is edited while the server runs,
// dropping key K and adding a malformed line: K is a viewer on its next
// login and its export is refused, another key still is a facilitator,
// and the log names the bad line and the new number of facilitators.
func TestRemovedKeyLosesRole(t *testing.T) {
	ts, lb := loggedServer(t, nil)
	other := newSigner(t)
	ts.writeKeys(t, authLine(ts.keys.fac), authLine(other))
	if _, errOut, code := run(t, ts.dial(t, gossh.PublicKeys(ts.keys.fac)), "export"); code != 0 {
		t.Fatalf("K's export before the edit: exit %d, %q", code, errOut)
	}
	ts.writeKeys(t, "# K removed", authLine(other), "ssh-ed25519 AAAA-not-a-key broken")
	if _, errOut, code := run(t, ts.dial(t, gossh.PublicKeys(ts.keys.fac)), "export"); code != 1 || !strings.Contains(errOut, "export is for facilitators") {
		t.Errorf("K's export after its removal: exit %d, stderr %q", code, errOut)
	}
	if _, errOut, code := run(t, ts.dial(t, gossh.PublicKeys(other)), "export"); code != 0 {
		t.Errorf("the remaining facilitator's export: exit %d, %q", code, errOut)
	}
	s := openScreen(t, ts.dial(t, gossh.PublicKeys(ts.keys.fac)), "")
	s.waitFor(t, "role=viewer", 30*time.Second)
	log := lb.String()
	for _, want := range []string{"line 3", "facilitators=1", "bad-lines=1"} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
}

// TestBadLineAtStart: the same rule at start: the server starts, the
// valid lines are the facilitators, the bad one is logged by number.
func TestBadLineAtStart(t *testing.T) {
	dir := t.TempDir()
	fac := newSigner(t)
	keys := filepath.Join(dir, "keys")
	os.WriteFile(keys, []byte("ssh-ed25519 AAAAnot-base64\n"+authLine(fac)+"\n"), 0o600)
	var lb logBuffer
	ts := startServer(t, func(c *Config) { c.AuthorizedKeysPath, c.Logger = keys, log.New(&lb) })
	if ts.Facilitators() != 1 || !strings.Contains(lb.String(), "line 1") {
		t.Errorf("%d facilitators, log:\n%s", ts.Facilitators(), lb.String())
	}
	if _, errOut, code := run(t, ts.dial(t, gossh.PublicKeys(fac)), "export"); code != 0 {
		t.Errorf("the valid line's export: exit %d, %q", code, errOut)
	}
}

// TestWritableFilesRefused: an authorized keys file (or its folder) that
// group or others can write is refused at start, naming file and mode;
// made so at runtime, it leaves no facilitators. A host key others can
// read is refused too.
func TestWritableFilesRefused(t *testing.T) {
	ts, lb := loggedServer(t, nil)
	keys := filepath.Join(ts.dir, AuthorizedKeysName)
	newServer := func() error {
		_, err := New(Config{DBPath: ts.store.Path(), Store: ts.store, Hub: ts.hub, App: ts.cfg.App, Logger: log.New(io.Discard)})
		return err
	}
	os.Chmod(keys, 0o666)
	if err := newServer(); err == nil || !strings.Contains(err.Error(), "mode 0666") || !strings.Contains(err.Error(), keys) {
		t.Errorf("keys file 0666 at start: %v", err)
	}
	if _, _, code := run(t, ts.dial(t, gossh.PublicKeys(ts.keys.fac)), "export"); code != 1 {
		t.Errorf("export with the keys file made 0666 at runtime: exit %d, want 1", code)
	}
	if !strings.Contains(lb.String(), "mode 0666") {
		t.Errorf("the log does not say why:\n%s", lb.String())
	}
	os.Chmod(keys, 0o600)
	if _, errOut, code := run(t, ts.dial(t, gossh.PublicKeys(ts.keys.fac)), "export"); code != 0 {
		t.Errorf("export once the mode is fixed: exit %d, %q", code, errOut)
	}
	os.Chmod(ts.dir, 0o777)
	err := newServer()
	os.Chmod(ts.dir, 0o700)
	if err == nil || !strings.Contains(err.Error(), "mode 0777") {
		t.Errorf("folder 0777 at start: %v", err)
	}
	hostKey := filepath.Join(ts.dir, HostKeyName)
	os.Chmod(hostKey, 0o644)
	if err := newServer(); err == nil || !strings.Contains(err.Error(), "mode 0644") || !strings.Contains(err.Error(), hostKey) {
		t.Errorf("host key 0644 at start: %v", err)
	}
}

// TestKeyOptions: options on a facilitator's line are honoured (from=,
// command=, no-pty, restrict, expiry-time) or the line is refused.
func TestKeyOptions(t *testing.T) {
	ts, lb := loggedServer(t, nil)
	k := authLine(ts.keys.fac)
	asFac := func() *gossh.Client { return ts.dial(t, gossh.PublicKeys(ts.keys.fac)) }
	exportCode := func() int { _, _, code := run(t, asFac(), "export"); return code }

	for _, c := range []struct {
		opts string
		code int
	}{
		{`from="10.0.0.0/8"`, 1},
		{`from="127.0.0.1"`, 0},
		{`from="127.0.0.*,10.1.1.1"`, 0},
		{`from="!127.0.0.1,*"`, 1},
		{`from="127.0.0.0/8"`, 0},
		{`expiry-time="20000101"`, 1},
		{`expiry-time="29991231"`, 0},
		{`no-port-forwarding,no-agent-forwarding`, 0},
		{`environment="A=B"`, 1},
		{`cert-authority`, 1},
		{`frobnicate`, 1},
		{`from="[bad"`, 1},
	} {
		ts.writeKeys(t, c.opts+" "+k)
		if got := exportCode(); got != c.code {
			t.Errorf("%s: export exit %d, want %d", c.opts, got, c.code)
		}
	}
	if !strings.Contains(lb.String(), `frobnicate`) {
		t.Errorf("the refused option is not in the log:\n%s", lb.String())
	}

	ts.writeKeys(t, `command="tally" `+k)
	tally := "role=facilitator args=[\"tally\"]\n"
	if out, _, code := run(t, asFac(), "export"); code != 0 || out != tally {
		t.Errorf(`command="tally", export asked: exit %d, %q; want the tally %q`, code, out, tally)
	}

	for _, opts := range []string{"no-pty", "restrict"} {
		ts.writeKeys(t, opts+" "+k)
		sess, err := asFac().NewSession()
		if err != nil {
			t.Fatal(err)
		}
		if err := sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err == nil {
			t.Errorf("%s: the key got a terminal", opts)
		}
		sess.Close()
		if got := exportCode(); got != 0 {
			t.Errorf("%s: export exit %d, want 0 (commands stay allowed)", opts, got)
		}
	}
	ts.writeKeys(t, "restrict,pty "+k)
	openScreen(t, asFac(), "").waitFor(t, "role=facilitator", 30*time.Second)
}

func TestFromPatterns(t *testing.T) {
	for _, c := range []struct {
		from string
		ip   string
		want bool
	}{
		{"", "1.2.3.4", true},
		{"1.2.3.4", "1.2.3.4", true},
		{"1.2.3.5", "1.2.3.4", false},
		{"1.2.3.?", "1.2.3.4", true},
		{"1.2.*", "1.2.3.4", true},
		{"!1.2.3.4,*", "1.2.3.4", false},
		{"!1.2.3.4,*", "1.2.3.5", true},
		{"192.168.0.0/16", "192.168.7.1", true},
		{"192.168.0.0/16", "10.0.0.1", false},
		{"::1", "::1", true},
		{"host.example.org", "1.2.3.4", false}, // names are not looked up
	} {
		k := facilitatorKey{}
		if c.from != "" {
			var err error
			if k.from, err = addressPatterns(c.from); err != nil {
				t.Fatal(err)
			}
		}
		if got := k.fromAllowed(net.ParseIP(c.ip)); got != c.want {
			t.Errorf("from=%q, %s: %v, want %v", c.from, c.ip, got, c.want)
		}
	}
}
