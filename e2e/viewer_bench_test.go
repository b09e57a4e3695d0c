package e2e

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"runtime/pprof"
	"strconv"
	"testing"
	"time"

	"standmap/internal/sshterm"
)

// viewersEnv makes the test binary a client process for
// BenchmarkViewerMemory ("ADDR N W H"), so that the clients' memory (a
// terminal emulator each) is not counted with the server's.
const viewersEnv = "STANDMAP_BENCH_VIEWERS"

// TestHelperViewers opens the viewers asked for in viewersEnv, each on
// its own connection at W×H, says "ready" once every one shows its
// board, and holds them until stdin closes.
func TestHelperViewers(t *testing.T) {
	spec := os.Getenv(viewersEnv)
	if spec == "" {
		t.Skip("a helper process for BenchmarkViewerMemory")
	}
	var addr string
	var n, w, h int
	fmt.Sscan(spec, &addr, &n, &w, &h)
	for range n {
		term, err := sshterm.Dial(addr, nil, "", w, h)
		if err != nil {
			t.Fatal(err)
		}
		defer term.Close()
		if err := term.WaitFor("read-only board", 30*time.Second); err != nil {
			t.Fatal(err)
		}
	}
	fmt.Println("ready")
	bufio.NewReader(os.Stdin).ReadString('\n')
}

// BenchmarkViewerMemory reports the live heap, goroutines, their stacks
// and the resident memory that standmap serve (in this process, the real
// application) holds per viewer showing the board, at 80×24 and at the
// largest window drawn (server.MaxWidth×MaxHeight, which any larger
// terminal gets); the viewers run in another process. 20 viewers of one
// size share their frames: a screen's own cost is divided among them. The default viewer cap
// (server.DefaultMaxViewers) is sized on these figures.
// STANDMAP_BENCH_HEAPPROFILE=PATH writes the heap's profile while the
// viewers are open to PATH.80x24 and PATH.500x200.
func BenchmarkViewerMemory(b *testing.B) {
	for _, size := range [][2]int{{80, 24}, {500, 200}} {
		b.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(b *testing.B) {
			const n = 20
			s := startInProcServe(b, 0)
			for b.Loop() {
				gBefore, before := baseline()
				stack0, rss0 := stackInUse(), selfRSS(b)
				cmd := exec.Command(os.Args[0], "-test.run=^TestHelperViewers$", "-test.count=1")
				cmd.Env = append(os.Environ(), viewersEnv+"="+s.addr+" "+strconv.Itoa(n)+" "+strconv.Itoa(size[0])+" "+strconv.Itoa(size[1]))
				stdin, _ := cmd.StdinPipe()
				stdout, _ := cmd.StdoutPipe()
				cmd.Stderr = os.Stderr
				if err := cmd.Start(); err != nil {
					b.Fatal(err)
				}
				if line, _ := bufio.NewReader(stdout).ReadString('\n'); line != "ready\n" {
					b.Fatalf("viewer process said %q", line)
				}
				gAfter, after := baseline()
				stack1, rss1 := stackInUse(), selfRSS(b)
				if path := os.Getenv("STANDMAP_BENCH_HEAPPROFILE"); path != "" { // while the viewers are open
					f, err := os.Create(fmt.Sprintf("%s.%dx%d", path, size[0], size[1]))
					if err != nil {
						b.Fatal(err)
					}
					pprof.WriteHeapProfile(f)
					f.Close()
				}
				b.ReportMetric(float64(int64(after)-int64(before))/n, "heap-B/viewer")
				b.ReportMetric(float64(gAfter-gBefore)/n, "goroutines/viewer")
				b.ReportMetric(float64(int64(stack1)-int64(stack0))/n, "stack-B/viewer")
				b.ReportMetric(float64(rss1-rss0)/n, "rss-B/viewer")
				stdin.Close()
				cmd.Wait()
			}
		})
	}
}

// stackInUse is the memory of the goroutines' stacks.
func stackInUse() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.StackInuse
}
