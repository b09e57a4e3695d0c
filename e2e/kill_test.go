package e2e

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestE2EKillServerDuringSaves has two facilitators save over the real
// ssh client as fast as their screens say "saved #N", kills `standmap
// serve` with SIGKILL while the next two saves are in flight, and checks
// the database with the sqlite3 tool: intact, every acknowledged save
// there once and whole, every save in flight there at most once and
// whole; each save's number is the one its form showed; the mark counts
// current and right. Then it starts
// the server again on the same database and host key, the clients connect
// again (a visitor whose save was lost comes back from the draft), and it
// repeats; STANDMAP_KILLS sets the number of kills (3),
// STANDMAP_KILL_SEED the random numbers.
func TestE2EKillServerDuringSaves(t *testing.T) {
	for _, tool := range []string{"ssh", "ssh-keygen", "tmux", "sqlite3"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed: the kill test needs OpenSSH, tmux and sqlite3", tool)
		}
	}
	if testing.Short() {
		t.Skip("-short: no end-to-end test")
	}
	kills, seed := envInt(t, "STANDMAP_KILLS", 3), envInt(t, "STANDMAP_KILL_SEED", int(time.Now().UnixNano()%1e9))
	t.Logf("STANDMAP_KILLS=%d STANDMAP_KILL_SEED=%d", kills, seed)
	rng := rand.New(rand.NewPCG(uint64(seed), 1))

	k := newKillServe(t)
	book := saveBook{acked: map[string]int64{}, inFlight: map[string]bool{}}
	clients := []*killClient{{name: "fa"}, {name: "fb"}}
	// Saves in flight at the kills: acknowledged on the screen after all,
	// not acknowledged, and of those stored.
	ackedLate, inFlight, stored := 0, 0, 0
	for round := 0; round <= kills; round++ {
		k.start()
		for i, c := range clients {
			c.connect(t, k.sshServe, fmt.Sprintf("standmap-e2e-kill-%d-%d-%d", os.Getpid(), round, i))
		}
		for want := len(book.acked) + 4 + rng.IntN(21); len(book.acked) < want; {
			for _, c := range clients {
				c.fill()
			}
			for _, c := range clients {
				c.save()
			}
			for _, c := range clients {
				book.acked[c.wish] = c.waitSaved()
			}
		}
		if round == kills {
			k.stop()
			if problems, _ := book.check(k.db); len(problems) > 0 {
				t.Errorf("after the last restart:\n%s", strings.Join(problems, "\n"))
			}
			break
		}
		for _, c := range clients {
			c.fill()
		}
		for _, c := range clients {
			c.save()
		}
		time.Sleep(time.Duration(rng.IntN(8)) * time.Millisecond) // mostly before or in the commit, some after
		k.kill()
		for _, c := range clients {
			c.waitGone()
			if seq, ok := c.savedOnScreen(); ok { // the ack reached the screen before the kill
				book.acked[c.wish] = seq
				ackedLate++
			} else {
				book.inFlight[c.wish] = true
				inFlight++
			}
		}
		problems, n := book.check(k.db)
		if len(problems) > 0 {
			t.Fatalf("after kill %d:\n%s", round+1, strings.Join(problems, "\n"))
		}
		countsAgree(t, k.db) // kept in each save's transaction
		stored += n
	}
	t.Logf("%d kills, %d saves kept; of the %d in flight at a kill: %d acknowledged, %d not acknowledged and stored, %d not stored",
		kills, len(book.acked), 2*kills, ackedLate, stored, inFlight-stored)
}

// envInt is the environment variable name as a number, or def.
func envInt(t *testing.T, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		t.Fatalf("%s=%q: want a number", name, v)
	}
	return n
}

// killServe is `standmap serve` started again and again on one database,
// port and host key, with two facilitators' keys.
type killServe struct {
	*sshServe
	cmd         *exec.Cmd
	exited      chan error
	stdout      *lockedBuffer
	fingerprint string
}

// newKillServe builds standmap and makes the facilitators' keys fa and fb.
func newKillServe(t *testing.T) *killServe {
	dir := t.TempDir()
	s := &sshServe{t: t, dir: dir, bin: standmapBinary(t), db: filepath.Join(dir, "data", "standmap.db")}
	var auth []byte
	for _, name := range []string{"fa", "fb"} {
		key := filepath.Join(dir, name)
		if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key).CombinedOutput(); err != nil {
			t.Fatalf("ssh-keygen: %v\n%s", err, out)
		}
		pub, _ := os.ReadFile(key + ".pub")
		auth = append(auth, pub...)
	}
	os.MkdirAll(filepath.Dir(s.db), 0o755)
	os.WriteFile(filepath.Join(filepath.Dir(s.db), "authorized_keys"), auth, 0o600)
	s.port = freePort(t)
	k := &killServe{sshServe: s}
	t.Cleanup(func() {
		if k.cmd != nil {
			k.cmd.Process.Kill()
			<-k.exited
		}
	})
	return k
}

var hostKeyLine = regexp.MustCompile(`host key(?: \(new\))?  (\S+)`)

// start runs the server and waits for its banner, which must name the
// same host key every time.
func (k *killServe) start() {
	t := k.t
	t.Helper()
	k.stdout = &lockedBuffer{}
	var stderr lockedBuffer
	k.cmd = exec.Command(k.bin, "serve", "--listen", fmt.Sprintf("127.0.0.1:%d", k.port), "--db", k.db, "--event", "E2E", "--lang", "en")
	k.cmd.Stdout, k.cmd.Stderr = k.stdout, &stderr
	if err := k.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	k.exited = make(chan error, 1)
	go func() { k.exited <- k.cmd.Wait() }()
	for end := time.Now().Add(15 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if m := hostKeyLine.FindStringSubmatch(k.stdout.String()); m != nil {
			if k.fingerprint != "" && m[1] != k.fingerprint {
				t.Fatalf("the restarted server has host key %s, not %s", m[1], k.fingerprint)
			}
			k.fingerprint = m[1]
			return
		}
		select {
		case err := <-k.exited:
			k.cmd = nil
			t.Fatalf("standmap serve exited (%v) before its banner; stderr:\n%s", err, stderr.String())
		default:
		}
		if time.Now().After(end) {
			t.Fatalf("no banner from standmap serve; stderr:\n%s", stderr.String())
		}
	}
}

// kill ends the server with SIGKILL.
func (k *killServe) kill() {
	k.t.Helper()
	k.cmd.Process.Signal(syscall.SIGKILL)
	if err := <-k.exited; err == nil || !strings.Contains(err.Error(), "killed") {
		k.t.Fatalf("standmap serve ended with %v before SIGKILL", err)
	}
	k.cmd = nil
}

// stop ends the server with SIGINT and expects a clean exit.
func (k *killServe) stop() {
	stopServe(k.t, k.cmd, k.exited)
	k.cmd = nil
}

// killClient is a facilitator's `ssh -tt` in tmux, saving one visitor
// after another: two marks, Centrs and Grīva, with wishes unique to it.
type killClient struct {
	tmuxSession
	name string // the key's file and the wishes' prefix
	n    int    // visitors filled in
	wish string // the wish of the visitor in the form: name-n, its marks' wishes wish+"-a" and wish+"-b"
	seen int64  // the newest "saved #N" of this connection
	form int64  // the number the form showed for the visitor being saved ("Visitor #N")
}

// connect starts (again) the client's ssh in a new tmux server (a new
// socket: a server that was told to end may still answer an old one); its
// screen stays after ssh ends, so that the last acknowledgement can be
// read after a kill.
func (c *killClient) connect(t *testing.T, s *sshServe, socket string) {
	t.Helper()
	if c.socket != "" {
		exec.Command("tmux", "-L", c.socket, "kill-server").Run()
	}
	c.tmuxSession, c.seen = s.terminalOn(socket, c.name, 120, 40, true), 0
	c.waitFor("Visitor #")
	// A save in flight at the kill that was not stored left its visitor
	// in the facilitator's draft, back in the form: at least its first
	// mark (the draft is written as typed). ctrl+z empties the form again.
	if sc := c.screen(); strings.Contains(sc, "unsaved visitor is back") {
		if c.wish == "" || !strings.Contains(sc, c.wish+"-a") {
			t.Fatalf("%s: a draft came back, but not of %s:\n%s", c.name, c.wish, sc)
		}
		c.tmux("send-keys", "-t", "e2e", "C-z")
		c.waitFor("Place    > ")
		if sc := c.screen(); strings.Contains(sc, c.wish) {
			t.Fatalf("%s: ctrl+z did not empty the restored form:\n%s", c.name, sc)
		}
	}
}

// fill keys in the next visitor and waits until the form shows all of it.
func (c *killClient) fill() {
	c.n++
	c.wish = fmt.Sprintf("bench-%s-%d", c.name, c.n) // "bench": its category comes from its words
	send := func(args ...string) []string { return append([]string{"send-keys", "-t", "e2e"}, args...) }
	var cmd []string
	for _, step := range [][]string{send("-l", "cen"), send("Enter"), send("-l", c.wish+"-a"), send("Enter"),
		send("-l", "gri"), send("Enter"), send("-l", c.wish+"-b")} {
		cmd = append(append(cmd, step...), ";")
	}
	c.tmux(cmd[:len(cmd)-1]...)
	c.waitFor(c.wish + "-b")
	m := formNumber.FindStringSubmatch(c.screen())
	if m == nil {
		c.t.Fatalf("%s: the form shows no number:\n%s", c.name, c.screen())
	}
	c.form, _ = strconv.ParseInt(m[1], 10, 64)
}

// formNumber is the number on the capture form's frame.
var formNumber = regexp.MustCompile(`Visitor #(\d+)`)

// save presses ctrl+s.
func (c *killClient) save() { c.tmux("send-keys", "-t", "e2e", "C-s") }

var savedLine = regexp.MustCompile(`saved #(\d+) ✓`)

// savedOnScreen is the number of a "saved #N" newer than the last one
// seen, if the screen shows one.
func (c *killClient) savedOnScreen() (int64, bool) {
	m := savedLine.FindStringSubmatch(c.screen())
	if m == nil {
		return 0, false
	}
	n, _ := strconv.ParseInt(m[1], 10, 64)
	return n, n > c.seen
}

// waitGone waits until ssh has ended, having drawn all it received.
func (c *killClient) waitGone() {
	c.t.Helper()
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if strings.TrimSpace(c.tmux("display-message", "-p", "-t", "e2e", "#{pane_dead}")) == "1" {
			return
		}
	}
	c.t.Fatalf("%s: ssh did not end after the kill", c.name)
}

// waitSaved waits for the screen to acknowledge the save and returns its
// number.
func (c *killClient) waitSaved() int64 {
	c.t.Helper()
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if n, ok := c.savedOnScreen(); ok {
			if n != c.form {
				c.t.Errorf("%s: the form showed Visitor #%d, the save said saved #%d", c.name, c.form, n)
			}
			c.seen = n
			return n
		}
	}
	c.t.Fatalf("%s: %s was not acknowledged; the screen:\n%s", c.name, c.wish, c.screen())
	return 0
}
