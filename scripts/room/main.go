// Command room runs a room of real OpenSSH viewers against a built
// standmap serve and reports how long a facilitator's save takes to reach
// their screens, and what the room costs the server:
//
//	go build -o /tmp/standmap . && go run ./scripts/room -bin /tmp/standmap
//
// (scripts/bench-room.sh does both). The database holds -responses
// answers of a generated fair; -viewers viewers (the last -big of them at
// 120×40, the rest 80×24) each run `ssh -tt` in a terminal made by
// script(1), whose output a terminal emulator draws (internal/sshterm);
// a facilitator, the same way with a key in authorized_keys, types an
// answer and saves it once a second. A save's delay to a viewer is from
// the facilitator's ctrl+s to that viewer's screen showing the new
// count. The saves run quiet, then with -hog busy processes beside them.
package main

import (
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"standmap/internal/room"
	"standmap/internal/sshterm"
)

func main() {
	o := options{}
	flag.StringVar(&o.bin, "bin", "", "the standmap binary to serve with (required)")
	flag.IntVar(&o.viewers, "viewers", 100, "viewers")
	flag.IntVar(&o.big, "big", 10, "of which at 120×40 (the rest 80×24)")
	flag.IntVar(&o.saves, "saves", 30, "saves timed, quiet and again with the hog")
	flag.IntVar(&o.hog, "hog", 2, "busy processes beside the second round of saves (0: no second round)")
	flag.IntVar(&o.responses, "responses", 10000, "answers stored before the room opens")
	flag.DurationVar(&o.idle, "idle", 10*time.Second, "how long the idle room's CPU is measured")
	flag.Parse()
	if o.bin == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "room:", err)
		os.Exit(1)
	}
}

type options struct {
	bin                                 string
	viewers, big, saves, hog, responses int
	idle                                time.Duration
}

// serve is the running standmap serve and how to reach it by ssh.
type serve struct {
	cmd  *exec.Cmd
	dir  string
	port int
}

func run(o options) error {
	for _, tool := range []string{"ssh", "ssh-keygen", "script"} {
		if _, err := exec.LookPath(tool); err != nil {
			return fmt.Errorf("%s is needed: %w", tool, err)
		}
	}
	dir, err := os.MkdirTemp("", "standmap-room-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	s, err := start(o, dir)
	if err != nil {
		return err
	}
	defer s.stop()
	fmt.Printf("standmap serve (%s), %d answers stored; %d cores, load %s\n", o.bin, o.responses, runtime.NumCPU(), room.Load())
	rss0, _ := room.RSS(s.cmd.Process.Pid)

	fac, err := s.terminal("fac", 120, 40)
	if err != nil {
		return err
	}
	defer fac.Close()
	if err := fac.WaitFor("Visitor #", time.Minute); err != nil {
		return fmt.Errorf("facilitator: %w", err)
	}
	alone, err := cpuShare(s.cmd.Process.Pid, o.idle)
	if err != nil {
		return err
	}
	var viewers []*sshterm.Term
	defer func() {
		for _, v := range viewers {
			v.Close()
		}
	}()
	opened := time.Now()
	for i := range o.viewers {
		w, h := 80, 24
		if i >= o.viewers-o.big {
			w, h = 120, 40
		}
		v, err := s.terminal("viewer", w, h)
		if err != nil {
			return err
		}
		viewers = append(viewers, v)
	}
	for i, v := range viewers {
		if err := v.WaitFor("read-only board", 2*time.Minute); err != nil {
			return fmt.Errorf("viewer %d: %w", i, err)
		}
	}
	fmt.Printf("%d viewers (%d at 80×24, %d at 120×40) open in %v\n", o.viewers, o.viewers-o.big, o.big, time.Since(opened).Round(time.Millisecond))
	time.Sleep(2 * time.Second) // the last boards' frames, and the collector, settle
	rss1, _ := room.RSS(s.cmd.Process.Pid)
	idle, err := cpuShare(s.cmd.Process.Pid, o.idle)
	if err != nil {
		return err
	}
	fmt.Printf("idle room: serve uses %.1f %% of a core (over %v; %.1f %% with the facilitator alone); resident %.0f MB, %.0f MB before the viewers: %.2f MB a viewer\n",
		100*idle, o.idle, 100*alone, mb(rss1), mb(rss0), mb(rss1-rss0)/float64(o.viewers))

	count := o.responses
	rounds := []int{0}
	if o.hog > 0 {
		rounds = append(rounds, o.hog)
	}
	var quiet time.Duration
	for _, hog := range rounds {
		stop, err := room.Hog(hog)
		if err != nil {
			return err
		}
		r, err := saves(s, fac, viewers, o.saves, &count)
		stop()
		if err != nil {
			return err
		}
		what := "quiet"
		if hog > 0 {
			what = fmt.Sprintf("%d busy processes beside it", hog)
		}
		fmt.Printf("\nsaves, once a second, %s (load %s):\n", what, room.Load())
		fmt.Printf("  save → a viewer's screen: %v\n", r.each)
		fmt.Printf("  save → every screen:      %v\n", r.every)
		fmt.Printf("  serve's CPU: %.1f ms a save (from ctrl+s to every screen); %.1f %% of a core at one save a second, typing included\n",
			float64(r.window.Microseconds())/1000/float64(r.saves), 100*r.share)
		fmt.Printf("  serve's resident memory at the end: %.0f MB (%.2f MB a viewer)\n", mb(r.rss), mb(r.rss-rss0)/float64(o.viewers))
		if hog == 0 {
			quiet = r.each.P50
		} else if quiet > 0 {
			fmt.Printf("  median with the hog / quiet: %.2f\n", float64(r.each.P50)/float64(quiet))
		}
	}
	return nil
}

// result is a round of saves.
type result struct {
	each, every room.Spread
	share       float64       // serve's share of a core over the round
	cpu, dur    time.Duration // serve's CPU over the round, and its length
	window      time.Duration // serve's CPU from each ctrl+s to every screen, summed
	saves       int
	rss         int64
}

// saves times n saves, one a second: the answer is typed, then ctrl+s,
// and every viewer's screen awaited.
func saves(s *serve, fac *sshterm.Term, viewers []*sshterm.Term, n int, count *int) (result, error) {
	var r result
	var each []time.Duration
	var every []time.Duration
	pid := s.cmd.Process.Pid
	c0, _ := room.CPU(pid)
	start := time.Now()
	next := start
	for i := range n {
		time.Sleep(time.Until(next) + rand.N(50*time.Millisecond)) // out of step with the frames
		next = next.Add(time.Second)
		wish := fmt.Sprintf("room bench %d", *count)
		if err := fac.Type("centrs" + sshterm.Enter + wish + sshterm.Enter); err != nil {
			return r, err
		}
		if err := fac.WaitUntil(func(sc string) bool { return strings.Contains(sc, "Centrs") && strings.Contains(sc, wish) }, wish, time.Minute); err != nil {
			return r, fmt.Errorf("save %d: %w", i, err)
		}
		*count++
		w0, _ := room.CPU(pid)
		t0 := time.Now()
		if err := fac.Type(sshterm.CtrlS); err != nil {
			return r, err
		}
		ds, err := room.Await(viewers, *count, t0, time.Minute)
		if err != nil {
			return r, fmt.Errorf("save %d: %w", i, err)
		}
		w1, _ := room.CPU(pid)
		r.window += w1 - w0
		each = append(each, ds...)
		every = append(every, room.SpreadOf(ds).Max)
		r.rss = max(r.rss, must(room.RSS(pid)))
	}
	time.Sleep(time.Until(next)) // the last second is the round's too
	c1, _ := room.CPU(pid)
	r.dur, r.cpu, r.saves = time.Since(start), c1-c0, n
	r.share = float64(r.cpu) / float64(r.dur)
	r.each, r.every = room.SpreadOf(each), room.SpreadOf(every)
	return r, nil
}

// start makes the keys and the database, and runs standmap serve.
func start(o options, dir string) (*serve, error) {
	for _, k := range []string{"fac", "viewer"} {
		if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", filepath.Join(dir, k)).CombinedOutput(); err != nil {
			return nil, fmt.Errorf("ssh-keygen: %v: %s", err, out)
		}
	}
	db := filepath.Join(dir, "standmap.db")
	pub, _ := os.ReadFile(filepath.Join(dir, "fac.pub"))
	if err := os.WriteFile(filepath.Join(dir, "authorized_keys"), pub, 0o600); err != nil {
		return nil, err
	}
	imp := exec.Command(o.bin, "import", "--db", db, "-")
	pr, pw := io.Pipe()
	imp.Stdin = pr
	go func() { pw.CloseWithError(room.WriteFair(pw, o.responses, "ROOM")) }()
	if out, err := imp.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("standmap import: %v: %s", err, out)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	s := &serve{dir: dir, port: port}
	s.cmd = exec.Command(o.bin, "serve", "--listen", fmt.Sprintf("127.0.0.1:%d", port), "--db", db,
		"--event", "ROOM", "--lang", "en", "--max-viewers", fmt.Sprint(o.viewers+10),
		"--max-per-address", "0") // every viewer comes from 127.0.0.1
	log, err := os.Create(filepath.Join(dir, "serve.log"))
	if err != nil {
		return nil, err
	}
	s.cmd.Stdout, s.cmd.Stderr = log, log
	if err := s.cmd.Start(); err != nil {
		return nil, err
	}
	for end := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port)); err == nil {
			c.Close()
			return s, nil
		}
		if time.Now().After(end) {
			s.stop()
			out, _ := os.ReadFile(log.Name())
			return nil, fmt.Errorf("standmap serve did not listen: %s", out)
		}
	}
}

// stop interrupts serve and waits for it.
func (s *serve) stop() {
	s.cmd.Process.Signal(syscall.SIGINT)
	done := make(chan error, 1)
	go func() { done <- s.cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		s.cmd.Process.Kill()
		<-done
	}
}

// terminal runs `ssh -tt` with key in a w×h terminal made by script(1).
func (s *serve) terminal(key string, w, h int) (*sshterm.Term, error) {
	ssh := fmt.Sprintf("ssh -tt -p %d -o IdentitiesOnly=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null "+
		"-o BatchMode=yes -o LogLevel=ERROR -i %s 127.0.0.1", s.port, filepath.Join(s.dir, key))
	cmd := exec.Command("script", "-q", "-f", "-c", fmt.Sprintf("stty cols %d rows %d; exec %s", w, h, ssh), "/dev/null")
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return sshterm.Attach(in, out, w, h, func() {
		in.Close()
		cmd.Process.Kill() // its terminal closes: ssh hangs up
		cmd.Wait()         // closes out: the emulator's reader ends
	}), nil
}

// cpuShare is the share of a core process pid uses over d.
func cpuShare(pid int, d time.Duration) (float64, error) {
	c0, err := room.CPU(pid)
	if err != nil {
		return 0, err
	}
	t0 := time.Now()
	time.Sleep(d)
	c1, err := room.CPU(pid)
	return float64(c1-c0) / float64(time.Since(t0)), err
}

func mb(b int64) float64 { return float64(b) / (1 << 20) }

func must[T any](v T, _ error) T { return v }
