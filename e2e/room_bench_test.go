package e2e

import (
	"bufio"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"standmap/internal/room"
	"standmap/internal/sshterm"
)

// roomResponses is how many answers the benchmarked room has stored.
const roomResponses = 10000

// roomEnv makes the test binary the viewers' process of
// BenchmarkSaveToScreens: its value is the server's address, and it
// takes its orders on stdin (roomViewers).
const roomEnv = "STANDMAP_BENCH_ROOM"

// BenchmarkSaveToScreens is the room, measured on the real thing:
// standmap serve in this process (through the same cli.Run as the
// binary: the application's board, the hub, SQLite) on a database of
// 10,000 answers, a facilitator saving answers over SSH, and 1, 100 and
// 500 viewers, each a real SSH connection (x/crypto/ssh) whose output a
// terminal emulator draws (internal/sshterm), in another process (the
// test binary again: TestHelperRoomViewers) so that the server's CPU and
// memory are its own. A tenth of the viewers are 120×40, the rest 80×24.
//
// One op is one save: from the facilitator's ctrl+s until every viewer's
// screen shows the new count. Reported: the per-viewer spread of that
// (p50, p99, max over every viewer and save), the slowest viewer's
// median and p99 over the saves (every-p50-ms, every-p99-ms: save → every
// screen), the server's CPU per save and idle (before the
// saves, 3 s), the viewers' process's CPU per save, the server's
// resident memory per viewer, and the p50's ratio to one viewer's.
// Each count runs quiet, then with two busy processes beside it (hog=2).
//
//	go test -run '^$' -bench SaveToScreens -benchtime 30x -timeout 30m .
//
// STANDMAP_BENCH_VIEWERS lists the counts (default 1,100,500).
func BenchmarkSaveToScreens(b *testing.B) {
	steps := []int{1, 100, 500}
	if v := os.Getenv("STANDMAP_BENCH_VIEWERS"); v != "" {
		steps = steps[:0]
		for _, f := range strings.Split(v, ",") {
			n, err := strconv.Atoi(f)
			if err != nil || n < 1 {
				b.Fatalf("STANDMAP_BENCH_VIEWERS=%q: give counts such as 1,100,500", v)
			}
			steps = append(steps, n)
		}
	}
	s := startInProcServeWith(b, 1, roomResponses)
	fac := s.term(b, 0, 120, 40)
	if err := fac.WaitFor("Visitor #", time.Minute); err != nil {
		b.Fatal(err)
	}
	rss0 := selfRSS(b)
	vp := startRoomViewers(b, s.addr)
	count := s.stored
	var p50one time.Duration
	for _, n := range steps {
		vp.open(b, n)
		rss, heap := selfRSS(b), heapNow()
		idle := cpuOver(3 * time.Second)
		for _, hog := range []int{0, 2} {
			b.Run(fmt.Sprintf("viewers=%d/hog=%d", n, hog), func(b *testing.B) {
				stop, err := room.Hog(hog)
				if err != nil {
					b.Fatal(err)
				}
				defer stop()
				var took, every []time.Duration
				var cpu, clients time.Duration
				saves := 0
				for b.Loop() {
					b.StopTimer()
					time.Sleep(mrand.N(50 * time.Millisecond)) // out of step with the renderers' frames
					wish := fmt.Sprintf("room bench %d", count)
					typeAnswer(fac, "", "centrs", wish)
					if err := fac.WaitUntil(func(sc string) bool { return markShown(sc, "Centrs", wish) }, "the mark", time.Minute); err != nil {
						b.Fatal(err)
					}
					count++
					c0, v0 := selfCPU(), vp.cpu(b)
					b.StartTimer()
					t0 := time.Now()
					fac.Type(sshterm.CtrlS)
					ds := vp.await(b, count, t0)
					b.StopTimer()
					cpu += selfCPU() - c0
					clients += vp.cpu(b) - v0
					saves++
					took = append(took, ds...)
					every = append(every, room.SpreadOf(ds).Max)
					b.StartTimer() // b.Loop wants it running
				}
				sp := room.SpreadOf(took)
				ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
				b.ReportMetric(ms(sp.P50), "p50-ms")
				b.ReportMetric(ms(sp.P99), "p99-ms")
				b.ReportMetric(ms(sp.Max), "max-ms")
				es := room.SpreadOf(every)
				b.ReportMetric(ms(es.P50), "every-p50-ms")
				b.ReportMetric(ms(es.P99), "every-p99-ms")
				b.ReportMetric(ms(cpu)/float64(saves), "cpu-ms/save")
				b.ReportMetric(ms(clients)/float64(saves), "viewers-cpu-ms/save")
				b.ReportMetric(100*idle, "idle-cpu-%")
				b.ReportMetric(float64(rss-rss0)/float64(n)/(1<<20), "rss-MB/viewer")
				b.ReportMetric(float64(heap)/(1<<20), "heap-MB")
				if n == steps[0] && hog == 0 {
					p50one = sp.P50
				} else if p50one > 0 {
					b.ReportMetric(float64(sp.P50)/float64(p50one), "p50-ratio")
				}
				b.Logf("%d viewers, hog %d, load %s: %v", n, hog, room.Load(), sp)
			})
		}
	}
}

// markShown reports whether a line of the form's screen lists a mark of
// place with wish: the answer is ready to save.
func markShown(screen, place, wish string) bool {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, place) && strings.Contains(l, wish) {
			return true
		}
	}
	return false
}

// selfCPU is the CPU time this process has used.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// cpuOver is the share of a core this process uses over d.
func cpuOver(d time.Duration) float64 {
	c0, t0 := selfCPU(), time.Now()
	time.Sleep(d)
	return float64(selfCPU()-c0) / float64(time.Since(t0))
}

// selfRSS is this process's resident memory.
func selfRSS(b *testing.B) int64 {
	rss, err := room.RSS(os.Getpid())
	if err != nil {
		b.Skipf("no /proc: %v", err)
	}
	return rss
}

// heapNow is the live heap after a collection.
func heapNow() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// roomViewers is the viewers' process: "open N" opens viewers until N
// are open, "await COUNT T0" waits until every screen shows COUNT and
// answers each one's delay after T0 (Unix nanoseconds).
type roomViewers struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

func startRoomViewers(b *testing.B, addr string) *roomViewers {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperRoomViewers$", "-test.count=1")
	cmd.Env = append(os.Environ(), roomEnv+"="+addr)
	cmd.Stderr = os.Stderr
	in, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { in.Close(); cmd.Wait() })
	return &roomViewers{cmd: cmd, in: in, out: bufio.NewReader(out)}
}

// ask sends one order and returns the answer's fields.
func (v *roomViewers) ask(b *testing.B, order string) []string {
	fmt.Fprintln(v.in, order)
	line, err := v.out.ReadString('\n')
	f := strings.Fields(line)
	if err != nil || len(f) == 0 || f[0] != "ok" {
		b.Fatalf("viewers' process, to %q: %q %v", order, line, err)
	}
	return f[1:]
}

func (v *roomViewers) open(b *testing.B, n int) { v.ask(b, fmt.Sprintf("open %d", n)) }

func (v *roomViewers) await(b *testing.B, count int, t0 time.Time) []time.Duration {
	f := v.ask(b, fmt.Sprintf("await %d %d", count, t0.UnixNano()))
	ds := make([]time.Duration, len(f))
	for i, s := range f {
		n, _ := strconv.ParseInt(s, 10, 64)
		ds[i] = time.Duration(n)
	}
	return ds
}

func (v *roomViewers) cpu(b *testing.B) time.Duration {
	d, err := room.CPU(v.cmd.Process.Pid)
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// TestHelperRoomViewers is the viewers' process of BenchmarkSaveToScreens.
func TestHelperRoomViewers(t *testing.T) {
	addr := os.Getenv(roomEnv)
	if addr == "" {
		t.Skip("a helper process for BenchmarkSaveToScreens")
	}
	var screens []*sshterm.Term
	defer func() {
		for _, s := range screens {
			s.Close()
		}
	}()
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		answer := "ok"
		switch {
		case len(f) == 2 && f[0] == "open":
			n, _ := strconv.Atoi(f[1])
			more, err := openRoomViewers(addr, len(screens), n)
			screens = append(screens, more...)
			if err != nil {
				answer = "error " + err.Error()
			}
		case len(f) == 3 && f[0] == "await":
			count, _ := strconv.Atoi(f[1])
			t0, _ := strconv.ParseInt(f[2], 10, 64)
			ds, err := room.Await(screens, count, time.Unix(0, t0), time.Minute)
			if err != nil {
				answer = "error " + strings.ReplaceAll(err.Error(), "\n", " | ")
			}
			for _, d := range ds {
				answer += " " + strconv.FormatInt(int64(d), 10)
			}
		default:
			answer = "error: what is " + sc.Text()
		}
		fmt.Println(answer)
	}
}

// openRoomViewers opens viewers from, from+1, … up to n-1, eight at a
// time, each showing its board: every tenth at 120×40, the rest 80×24.
func openRoomViewers(addr string, from, n int) ([]*sshterm.Term, error) {
	out := make([]*sshterm.Term, max(0, n-from))
	errs := make(chan error, len(out))
	sem := make(chan struct{}, 8)
	for i := range out {
		sem <- struct{}{}
		go func() {
			defer func() { <-sem }()
			w, h := 80, 24
			if (from+i)%10 == 9 {
				w, h = 120, 40
			}
			term, err := sshterm.Dial(addr, nil, "", w, h)
			if err == nil {
				out[i] = term
				err = term.WaitFor("read-only board", time.Minute)
			}
			errs <- err
		}()
	}
	var first error
	for range out {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	open := out[:0]
	for _, t := range out {
		if t != nil {
			open = append(open, t)
		}
	}
	return open, first
}
