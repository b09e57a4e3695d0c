// Command hostile runs hostile SSH clients (golang.org/x/crypto/ssh,
// written as an attacker would) against standmap serve and prints what
// each did to the server: whether it held, and its resident memory
// (VmRSS) and CPU around each attack.
//
//	go build -o /tmp/standmap . && go run ./scripts/hostile -bin /tmp/standmap
//
// starts a serve of its own (127.0.0.1, a fresh database, default limits);
// -addr HOST:PORT -pid PID attacks a running one instead. The attacks:
//
//   - env: one session sends -env requests of 30 KB each;
//   - sessions: one connection opens -sessions session channels;
//   - stall: a session asks for a PTY, starts nothing, and sends 1 000
//     window changes; then the same connection runs `tally`;
//   - winch: a board's session sends -winch window changes as fast as it can;
//   - conns: -conns TCP connections from 127.0.0.1 that never speak; then
//     one from 127.0.0.2 (another address: a facilitator's laptop);
//   - idle: a viewer authenticates and opens nothing, until the server
//     closes the connection.
//
// After each, a fresh connection runs `tally` (the room goes on) and its
// time is printed. The figures are in docs/soak.md.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"standmap/internal/room"
)

type options struct {
	bin, addr                        string
	pid, env, sessions, winch, conns int
}

func main() {
	var o options
	flag.StringVar(&o.bin, "bin", "", "the standmap binary to start a serve with")
	flag.StringVar(&o.addr, "addr", "", "attack the serve listening here instead (with -pid)")
	flag.IntVar(&o.pid, "pid", 0, "the attacked serve's process id (its memory and CPU are read from /proc)")
	flag.IntVar(&o.env, "env", 2000, "env requests of 30 KB in one session")
	flag.IntVar(&o.sessions, "sessions", 200, "session channels opened on one connection")
	flag.IntVar(&o.winch, "winch", 100000, "window changes sent by one board")
	flag.IntVar(&o.conns, "conns", 500, "silent TCP connections opened from 127.0.0.1")
	flag.Parse()
	if (o.bin == "") == (o.addr == "") {
		fmt.Fprintln(os.Stderr, "hostile: give -bin (start a serve) or -addr and -pid (a running one)")
		flag.Usage()
		os.Exit(2)
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "hostile:", err)
		os.Exit(1)
	}
}

func run(o options) error {
	if o.bin != "" {
		stop, err := start(&o)
		if err != nil {
			return err
		}
		defer stop()
	}
	a := &attacker{addr: o.addr, pid: o.pid}
	fmt.Printf("standmap serve at %s (pid %d): resident %s\n\n", a.addr, a.pid, a.rss())
	a.step("env", func() string { return envFlood(a, o.env) })
	a.step("sessions", func() string { return sessionFlood(a, o.sessions) })
	a.step("stall", func() string { return stall(a) })
	a.step("winch", func() string { return winchFlood(a, o.winch) })
	a.step("conns", func() string { return connFlood(a, o.conns) })
	a.step("idle", func() string { return idle(a) })
	return nil
}

// start runs o.bin serve on a free loopback port with a fresh database,
// and fills in o.addr and o.pid.
func start(o *options) (stop func(), err error) {
	dir, err := os.MkdirTemp("", "standmap-hostile-")
	if err != nil {
		return nil, err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	o.addr = l.Addr().String()
	l.Close()
	cmd := exec.Command(o.bin, "serve", "--listen", o.addr, "--db", filepath.Join(dir, "standmap.db"), "--event", "HOSTILE", "--lang", "en")
	logf, err := os.Create(filepath.Join(dir, "serve.log"))
	if err != nil {
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	o.pid = cmd.Process.Pid
	stop = func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
		logf.Close()
		if log, err := os.ReadFile(logf.Name()); err == nil {
			fmt.Printf("\nthe server's warnings:\n")
			for _, line := range strings.Split(string(log), "\n") {
				if strings.Contains(line, "WARN") {
					fmt.Println("  " + line)
				}
			}
		}
		os.RemoveAll(dir)
	}
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if c, err := net.Dial("tcp", o.addr); err == nil {
			c.Close()
			return stop, nil
		}
		if time.Now().After(deadline) {
			stop()
			return nil, fmt.Errorf("%s serve did not listen on %s", o.bin, o.addr)
		}
	}
}

// attacker is where the server is, and how to read its figures.
type attacker struct {
	addr string
	pid  int
}

// noKey authenticates as a viewer: keyboard-interactive, no answers.
var noKey = gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })

// dial connects from the local address from ("": any).
func (a *attacker) dial(from string) (*gossh.Client, error) {
	d := net.Dialer{Timeout: 10 * time.Second}
	if from != "" {
		d.LocalAddr = &net.TCPAddr{IP: net.ParseIP(from)}
	}
	conn, err := d.Dial("tcp", a.addr)
	if err != nil {
		return nil, err
	}
	c, chans, reqs, err := gossh.NewClientConn(conn, a.addr, &gossh.ClientConfig{
		User: "hostile", Auth: []gossh.AuthMethod{noKey}, Timeout: 10 * time.Second,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
	})
	if err != nil {
		conn.Close()
		return nil, err
	}
	return gossh.NewClient(c, chans, reqs), nil
}

// rss is the server's resident memory, in MB.
func (a *attacker) rss() string {
	if a.pid == 0 {
		return "?"
	}
	b, err := room.RSS(a.pid)
	if err != nil {
		return "?"
	}
	return fmt.Sprintf("%.1f MB", float64(b)/(1<<20))
}

// cpu is the server's CPU time so far.
func (a *attacker) cpu() time.Duration {
	if a.pid == 0 {
		return 0
	}
	d, _ := room.CPU(a.pid)
	return d
}

// step runs one attack and prints what it says, the server's memory and
// CPU, and whether a fresh client still gets `tally`.
func (a *attacker) step(name string, attack func() string) {
	before, cpu := a.rss(), a.cpu()
	start := time.Now()
	what := attack()
	took := time.Since(start)
	fmt.Printf("%-9s %s\n", name+":", what)
	fmt.Printf("          %v; server resident %s → %s, CPU %v\n", took.Round(time.Millisecond), before, a.rss(), (a.cpu() - cpu).Round(time.Millisecond))
	fmt.Printf("          then a fresh client's tally: %s\n\n", a.probe())
}

// session opens a connection and a session on it.
func (a *attacker) session() (*gossh.Client, *gossh.Session, error) {
	c, err := a.dial("")
	if err != nil {
		return nil, nil, err
	}
	s, err := c.NewSession()
	if err != nil {
		c.Close()
		return nil, nil, err
	}
	return c, s, nil
}

// probe runs tally on a new connection.
func (a *attacker) probe() string {
	start := time.Now()
	c, err := a.dial("")
	if err != nil {
		return "no connection: " + err.Error()
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		return "no session: " + err.Error()
	}
	defer s.Close()
	out, err := s.Output("tally")
	if err != nil {
		return fmt.Sprintf("failed: %v %.80q", err, out)
	}
	return fmt.Sprintf("ok in %v", time.Since(start).Round(time.Millisecond))
}

func envFlood(a *attacker, n int) string {
	c, s, err := a.session()
	if err != nil {
		return err.Error()
	}
	defer c.Close()
	defer s.Close()
	value := strings.Repeat("e", 30<<10)
	ok := 0
	for i := range n {
		if s.Setenv(fmt.Sprintf("HOSTILE_%d", i), value) == nil {
			ok++
		}
	}
	return fmt.Sprintf("%d env requests of 30 KB: %d accepted, %d refused (%d MB sent)", n, ok, n-ok, n*30>>10)
}

func sessionFlood(a *attacker, n int) string {
	c, err := a.dial("")
	if err != nil {
		return err.Error()
	}
	defer c.Close()
	ok, refused := 0, ""
	for range n {
		s, err := c.NewSession()
		if err != nil {
			refused = err.Error()
			continue
		}
		defer s.Close()
		ok++
	}
	return fmt.Sprintf("%d session channels on one connection: %d opened, %d refused (%.90s)", n, ok, n-ok, refused)
}

func stall(a *attacker) string {
	c, err := a.dial("")
	if err != nil {
		return err.Error()
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		return err.Error()
	}
	if err := s.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
		return err.Error()
	}
	for i := range 1000 {
		s.SendRequest("window-change", false, window(80+i%100, 24))
	}
	done := make(chan string, 1)
	go func() {
		t, err := c.NewSession()
		if err != nil {
			done <- err.Error()
			return
		}
		defer t.Close()
		_, err = t.Output("tally")
		done <- fmt.Sprint(err)
	}()
	select {
	case r := <-done:
		if r == "<nil>" {
			return "1 000 window changes to a PTY with no shell: the same connection then ran tally"
		}
		return "the same connection's tally failed: " + r
	case <-time.After(30 * time.Second):
		return "1 000 window changes to a PTY with no shell: the connection FROZE (tally got no answer in 30 s)"
	}
}

func winchFlood(a *attacker, n int) string {
	c, s, err := a.session()
	if err != nil {
		return err.Error()
	}
	defer c.Close()
	defer s.Close()
	s.Stdout = io.Discard
	if err := s.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		return err.Error()
	}
	if err := s.Shell(); err != nil {
		return err.Error()
	}
	start := time.Now()
	for i := range n {
		if _, err := s.SendRequest("window-change", false, window(1+i%9000, 1+i%7000)); err != nil {
			return fmt.Sprintf("after %d window changes: %v", i, err)
		}
	}
	// a request with a reply comes back once the server has read them all
	_, err = s.SendRequest("window-change", true, window(80, 24))
	return fmt.Sprintf("%d window changes (up to 9000×7000) sent and read in %v (reply: %v)", n, time.Since(start).Round(time.Millisecond), err)
}

func connFlood(a *attacker, n int) string {
	held, refused := 0, 0
	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range n {
		c, err := net.DialTimeout("tcp", a.addr, 10*time.Second)
		if err != nil {
			refused++
			continue
		}
		c.SetReadDeadline(time.Now().Add(10 * time.Second))
		if _, err := bufio.NewReader(c).ReadString('\n'); err != nil {
			c.Close()
			refused++
			continue
		}
		conns = append(conns, c)
		held++
	}
	other := "got in"
	if c, err := a.dial("127.0.0.2"); err != nil {
		other = "was refused: " + err.Error()
	} else {
		c.Close()
	}
	return fmt.Sprintf("%d silent connections from 127.0.0.1: %d taken in, %d refused before the handshake; a client from 127.0.0.2 %s", n, held, refused, other)
}

func idle(a *attacker) string {
	c, err := a.dial("")
	if err != nil {
		return err.Error()
	}
	defer c.Close()
	start := time.Now()
	done := make(chan error, 1)
	go func() { done <- c.Wait() }()
	select {
	case <-done:
		return fmt.Sprintf("a viewer that opens nothing: closed by the server after %v", time.Since(start).Round(time.Second))
	case <-time.After(2 * time.Minute):
		return "a viewer that opens nothing: still open after 2 minutes"
	}
}

// window is a window-change request's payload.
func window(cols, rows int) []byte {
	return gossh.Marshal(struct{ Cols, Rows, WidthPx, HeightPx uint32 }{uint32(cols), uint32(rows), 0, 0})
}
