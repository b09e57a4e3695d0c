package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// built is the standmap binary the end-to-end tests share, built once
// per test run.
var built struct {
	once sync.Once
	dir  string
	path string
	out  []byte
	err  error
}

// standmapBinary builds standmap (once per `go test` run) and returns the
// path of the binary: the tests that run it in tmux, serve with it or
// kill it share one build.
func standmapBinary(t testing.TB) string {
	t.Helper()
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "standmap-bin-"); built.err != nil {
			return
		}
		built.path = filepath.Join(built.dir, "standmap")
		built.out, built.err = exec.Command("go", "build", "-o", built.path, "standmap").CombinedOutput()
	})
	if built.err != nil {
		t.Fatalf("go build: %v\n%s", built.err, built.out)
	}
	return built.path
}

// TestMain runs the tests, then removes the shared binary.
func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}
