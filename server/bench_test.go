package server

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"standmap/model"
	"standmap/server/frames"
)

// marker watches a session's output for one string and calls done once
// when it appears; it keeps only the tail of the output.
type marker struct {
	mu   sync.Mutex
	tail []byte
	want []byte
	done func()
}

func (m *marker) Write(p []byte) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.tail = append(m.tail, p...)
	if m.want != nil && bytes.Contains(m.tail, m.want) {
		m.want = nil
		m.done()
	}
	if len(m.tail) > 256 {
		m.tail = append(m.tail[:0], m.tail[len(m.tail)-64:]...)
	}
	return len(p), nil
}

func (m *marker) expect(want string, done func()) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.tail, m.want, m.done = m.tail[:0], []byte(want), done
}

// openMarked opens n viewer PTY sessions, each on its own connection.
func openMarked(b *testing.B, ts *testServer, n int) []*marker {
	ms := make([]*marker, n)
	var wg sync.WaitGroup
	for i := range ms {
		ms[i] = &marker{}
		wg.Add(1)
		ms[i].expect("got v=1.", wg.Done)
		sess, err := ts.dial(b, noKey).NewSession()
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { sess.Close() })
		sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{})
		sess.Stdout = ms[i]
		if err := sess.Shell(); err != nil {
			b.Fatal(err)
		}
	}
	wg.Wait()
	return ms
}

// BenchmarkSnapshotDelivered is the time from the hub publishing a
// snapshot to every one of N real SSH PTY sessions (loopback, one
// connection each) having the redrawn screen, with the fake app on the
// viewers' shared frames: the server's part of a save reaching a room
// (the real application is BenchmarkSaveToScreens, in the root).
func BenchmarkSnapshotDelivered(b *testing.B) {
	for _, n := range []int{1, 100, 500} {
		b.Run(fmt.Sprintf("sessions=%d", n), func(b *testing.B) {
			var views atomic.Int32
			ts := startShared(b, &views)
			ts.cfg.MaxViewers = n
			ms := openMarked(b, ts, n)
			v := uint64(1)
			b.ResetTimer()
			for b.Loop() {
				b.StopTimer()
				time.Sleep(frames.MinInterval) // a frame a terminal at most: saves come slower
				b.StartTimer()
				v++
				var wg sync.WaitGroup
				wg.Add(n)
				for _, m := range ms {
					m.expect(fmt.Sprintf("got v=%d.", v), wg.Done)
				}
				ts.hub.publish(&model.Snapshot{Version: v})
				wg.Wait()
			}
		})
	}
}

// clientsEnv makes the test binary a client process for
// BenchmarkIdleSessionMemory, so the clients' memory is not counted.
const clientsEnv = "STANDMAP_BENCH_CLIENTS"

// TestHelperClients opens the sessions asked for in clientsEnv
// ("ADDR N"), says "ready", and holds them until stdin closes.
func TestHelperClients(t *testing.T) {
	spec := os.Getenv(clientsEnv)
	if spec == "" {
		t.Skip("a helper process for BenchmarkIdleSessionMemory")
	}
	var addr string
	var n int
	fmt.Sscan(spec, &addr, &n)
	ts := &testServer{addr: addr}
	for i := 0; i < n; i++ {
		s := openScreen(t, ts.dial(t, noKey), "")
		s.waitFor(t, "got v=1.", 10*time.Second)
	}
	fmt.Println("ready")
	bufio.NewReader(os.Stdin).ReadString('\n')
}

// heapInUse is the live heap after two collections.
func heapInUse() uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// BenchmarkIdleSessionMemory reports the server's live heap and its
// goroutines per idle interactive session (fake app, on shared frames as
// viewers are), the clients running in another process.
func BenchmarkIdleSessionMemory(b *testing.B) {
	const n = 200
	var views atomic.Int32
	ts := startShared(b, &views) // as viewers are: on shared frames
	ts.cfg.MaxViewers = n
	for b.Loop() {
		before, gBefore := heapInUse(), runtime.NumGoroutine()
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperClients$", "-test.count=1")
		cmd.Env = append(os.Environ(), clientsEnv+"="+ts.addr+" "+strconv.Itoa(n))
		stdin, _ := cmd.StdinPipe()
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		if line != "ready\n" {
			b.Fatalf("client process said %q", line)
		}
		for ts.active.Load() < n {
			time.Sleep(time.Millisecond)
		}
		after, gAfter := heapInUse(), runtime.NumGoroutine()
		b.ReportMetric(float64(int64(after)-int64(before))/n, "heap-B/session")
		b.ReportMetric(float64(gAfter-gBefore)/n, "goroutines/session")
		stdin.Close()
		cmd.Wait()
	}
}

// BenchmarkLongCommandRefused is the wall time from a 100 KB command
// sent on an open connection to its refusal (exit 2) received.
func BenchmarkLongCommandRefused(b *testing.B) {
	ts := startServer(b, nil)
	c := ts.dial(b, noKey)
	long := "tally " + strings.Repeat("x\"'", 100<<10/3)
	for b.Loop() {
		if _, _, code := run(b, c, long); code != 2 {
			b.Fatalf("exit %d, want 2", code)
		}
	}
}
