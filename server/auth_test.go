package server

import (
	"context"
	"encoding/json"
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

	out, errOut, code := run(t, fac, "export")
	if code != 0 || !strings.HasPrefix(out, "response_id,created_at,event,age_group,neighbourhood,wish,category") || !strings.Contains(out, "Veloceliņi") {
		t.Errorf("facilitator export: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	out, _, code = run(t, fac, "export --format json")
	if code != 0 || !json.Valid([]byte(out)) {
		t.Errorf("facilitator export --format json: exit %d, %q", code, out)
	}
	for name, c := range map[string]*gossh.Client{"viewer": viewer, "keyless": keyless} {
		out, errOut, code := run(t, c, "export")
		if code != 1 || out != "" || !strings.Contains(errOut, "export is for facilitators") {
			t.Errorf("%s export: exit %d, stdout %q, stderr %q", name, code, out, errOut)
		}
		out, _, code = run(t, c, "tally --json")
		var tally model.Tally
		if code != 0 || json.Unmarshal([]byte(out), &tally) != nil || tally.Event != "test" {
			t.Errorf("%s tally --json: exit %d, %q", name, code, out)
		}
	}
	for cmd, want := range map[string]int{"frobnicate": 2, "tally --bogus": 2, "tally extra": 2, "export --format xml": 2, "help": 0, "present now": 2} {
		if _, errOut, code := run(t, fac, cmd); code != want {
			t.Errorf("%q: exit %d, want %d (stderr %q)", cmd, code, want, errOut)
		}
	}
	if _, errOut, code := run(t, viewer, ""); code != 2 || !strings.Contains(errOut, "needs a terminal") {
		t.Errorf("no command, no PTY: exit %d, stderr %q", code, errOut)
	}
}

// The first key offered authenticates, and its role holds for the
// connection; the offered-but-unproven trick is tested with OpenSSH in
// e2e_ssh_test.go (the root package).
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
	if _, _, code := run(t, ts.dial(t, gossh.PublicKeys(other)), "export"); code != 1 {
		t.Fatalf("unknown key export exit %d, want 1", code)
	}
	f, err := os.OpenFile(filepath.Join(ts.dir, AuthorizedKeysName), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(gossh.MarshalAuthorizedKey(other.PublicKey()))
	f.Close()
	if _, errOut, code := run(t, ts.dial(t, gossh.PublicKeys(other)), "export"); code != 0 {
		t.Errorf("added key export exit %d, stderr %q", code, errOut)
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

func TestCommandOutputSanitized(t *testing.T) {
	ts := startServer(t, nil)
	evil := "Bad\x1b]0;pwned\x07 wish\u202e\x1b[2J"
	ts.hub.publish(&model.Snapshot{Version: 2, Tally: model.Tally{Event: "test\x1b[31m", Responses: 1,
		Wishes: []model.WishCount{{Text: evil, Key: "bad wish", Count: 1}}}})
	for _, cmd := range []string{"tally", "tally --json"} {
		out, _, code := run(t, ts.dial(t, noKey), cmd)
		if code != 0 || model.HasUnsafe(strings.ReplaceAll(out, "\n", "")) || strings.Contains(out, `\u00`) || !strings.Contains(out, "Bad wish") {
			t.Errorf("%s: exit %d, output not sanitized: %q", cmd, code, out)
		}
	}
	_, errOut, _ := run(t, ts.dial(t, noKey), "\x1b[2Jboom")
	if strings.Contains(errOut, "\x1b") {
		t.Errorf("unknown command echoed raw: %q", errOut)
	}
}
