package server

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"

	"standmap/model"
)

func TestHostKeyCreated0600(t *testing.T) {
	ts := startServer(t, nil)
	path := filepath.Join(ts.dir, HostKeyName)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %v, want 0600", fi.Mode().Perm())
	}
	if !ts.HostKeyCreated() {
		t.Error("HostKeyCreated is false for a new key")
	}
	again, err := New(Config{DBPath: ts.store.Path(), Store: ts.store, Hub: ts.hub, App: ts.cfg.App, Logger: log.New(io.Discard)})
	if err != nil {
		t.Fatal(err)
	}
	if again.HostKeyCreated() || again.HostKeyFingerprint() != ts.HostKeyFingerprint() {
		t.Error("the second server did not load the same host key")
	}
	if ts.Facilitators() != 1 {
		t.Errorf("Facilitators() = %d, want 1", ts.Facilitators())
	}
}

func TestRoles(t *testing.T) {
	ts := startServer(t, nil)
	ctx := context.Background()
	if _, err := ts.store.CreateEvent(ctx, "test"); err != nil {
		t.Fatal(err)
	}
	r := model.Response{ID: "r1", Event: "test", CreatedAt: time.Now(), Marks: []model.Mark{{Neighbourhood: "Centrs", Wish: "Veloceliņi"}}}
	if _, err := ts.store.SaveResponse(ctx, r); err != nil {
		t.Fatal(err)
	}
	fac := ts.dial(t, gossh.PublicKeys(ts.keys.fac))
	viewer := ts.dial(t, gossh.PublicKeys(ts.keys.viewer))
	keyless := ts.dial(t, noKey)

	// The command line's tree gets the role of the key that authenticated,
	// the arguments as given, and its exit status goes back.
	out, errOut, code := run(t, fac, "export --format json")
	if code != 0 || out != "role=facilitator args=[\"export\" \"--format\" \"json\"]\n" {
		t.Errorf("facilitator export: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	for name, c := range map[string]*gossh.Client{"viewer": viewer, "keyless": keyless} {
		if out, _, code := run(t, c, "tally --json"); code != 0 || !strings.HasPrefix(out, "role=viewer ") {
			t.Errorf("%s tally --json: exit %d, %q", name, code, out)
		}
	}
	for _, want := range []int{1, 2} {
		if _, errOut, code := run(t, viewer, fmt.Sprintf("exit %d", want)); code != want || errOut != fmt.Sprintf("standmap: exit %d\n", want) {
			t.Errorf("exit %d: exit %d, stderr %q", want, code, errOut)
		}
	}
	if _, errOut, code := run(t, viewer, ""); code != 2 || !strings.Contains(errOut, "needs a terminal") {
		t.Errorf("no command, no PTY: exit %d, stderr %q", code, errOut)
	}
}

// The first key offered authenticates, and its role holds for the
// connection; the offered-but-unproven trick is tested with OpenSSH in
// e2e/ssh_test.go.
func TestRoleFromAuthenticatedKey(t *testing.T) {
	ts := startServer(t, nil)
	s := openScreen(t, ts.dial(t, gossh.PublicKeys(ts.keys.viewer, ts.keys.fac)), "")
	s.waitFor(t, "role=viewer", 30*time.Second)
	s = openScreen(t, ts.dial(t, gossh.PublicKeys(ts.keys.fac)), "present")
	s.waitFor(t, "role=facilitator present=true", 30*time.Second)
	s.waitFor(t, "who="+gossh.FingerprintSHA256(ts.keys.fac.PublicKey())[:20], 30*time.Second)
	s = openScreen(t, ts.dial(t, noKey), "")
	s.waitFor(t, "role=viewer present=false", 30*time.Second)
}

func TestNoViewers(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.NoViewers = true })
	if _, err := ts.tryDial(gossh.PublicKeys(ts.keys.viewer)); err == nil {
		t.Error("a viewer key was admitted with NoViewers")
	}
	if _, err := ts.tryDial(noKey); err == nil {
		t.Error("a keyless client was admitted with NoViewers")
	}
	if _, _, code := run(t, ts.dial(t, gossh.PublicKeys(ts.keys.fac)), "tally"); code != 0 {
		t.Errorf("facilitator tally exit %d", code)
	}
}

func TestAuthorizedKeysReloaded(t *testing.T) {
	ts := startServer(t, nil)
	other := newSigner(t)
	if _, errOut, code := run(t, ts.dial(t, gossh.PublicKeys(other)), "export"); code != 1 || !strings.Contains(errOut, "export is for facilitators") {
		t.Fatalf("unknown key export: exit %d, %q; want the viewer's refusal", code, errOut)
	}
	f, err := os.OpenFile(filepath.Join(ts.dir, AuthorizedKeysName), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(gossh.MarshalAuthorizedKey(other.PublicKey()))
	f.Close()
	if out, _, _ := run(t, ts.dial(t, gossh.PublicKeys(other)), "export"); !strings.HasPrefix(out, "role=facilitator ") {
		t.Errorf("added key export: %q, want the facilitator's", out)
	}
	if ts.Facilitators() != 2 {
		t.Errorf("Facilitators() = %d, want 2", ts.Facilitators())
	}
}

func TestNewNeedsStore(t *testing.T) {
	if _, err := New(Config{DBPath: filepath.Join(t.TempDir(), "db")}); err == nil {
		t.Fatal("New accepted a config without a store")
	}
}

// TestCommandOutputSanitized: what a command writes, on stdout and on
// stderr, reaches the client without escape sequences or bidi controls;
// a server without commands says so.
func TestCommandOutputSanitized(t *testing.T) {
	ts := startServer(t, nil)
	out, errOut, code := run(t, ts.dial(t, noKey), "evil")
	for name, s := range map[string]string{"stdout": out, "stderr": errOut} {
		if code != 0 || model.HasUnsafe(strings.ReplaceAll(s, "\n", "")) || !strings.Contains(s, "Bad") || !strings.HasSuffix(s, "wish\n") {
			t.Errorf("%s: exit %d, not sanitized: %q", name, code, s)
		}
	}
	bare := startServer(t, func(c *Config) { c.Commands = nil })
	if _, errOut, code := run(t, bare.dial(t, noKey), "tally"); code != 2 || !strings.Contains(errOut, "runs no commands") {
		t.Errorf("no commands: exit %d, stderr %q", code, errOut)
	}
}
