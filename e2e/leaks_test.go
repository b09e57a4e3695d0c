package e2e

import (
	"os"
	"runtime/pprof"
	"strings"
	"testing"
	"time"
)

// What the soak checks once everything has closed: goroutines and heap
// back to where they were.

// settle waits up to 10 s for the goroutines to come back to base, after
// every session and the server have ended, and returns the goroutines and
// heap then.
func settle(base int) (int, uint64) {
	deadline := time.Now().Add(time.Minute)
	for {
		g, h := baseline()
		if g <= base || time.Now().After(deadline) {
			return g, h
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// checkNoLeak fails when more goroutines than base are left, listing them.
func checkNoLeak(t *testing.T, base, left int) {
	t.Helper()
	if left > base {
		var b strings.Builder
		pprof.Lookup("goroutine").WriteTo(&b, 1)
		t.Errorf("goroutines: %d before, %d after everything closed:\n%s", base, left, b.String())
	}
}

// writeHeapProfile writes the live heap's profile to path.
func writeHeapProfile(t *testing.T, path string) {
	f, err := os.Create(path)
	if err != nil {
		t.Error(err)
		return
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		t.Error(err)
	}
	t.Logf("heap profile: %s", path)
}

func mib(b uint64) float64 { return float64(b) / (1 << 20) }
