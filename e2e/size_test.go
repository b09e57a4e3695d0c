package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestE2EHugeWindow: a viewer whose terminal says 8000×4000 (the real
// ssh client, in a terminal made by script(1)), and which then grows to
// 20000×20000, is drawn at the clamp (its board is drawn again after
// each change); standmap serve's resident memory stays under 300 MB
// throughout (before the clamp it ran out of memory), the viewer's board
// goes on following its window (100×30 at the end), and a facilitator's
// session beside it goes on saving.
func TestE2EHugeWindow(t *testing.T) {
	if _, err := exec.LookPath("script"); err != nil {
		t.Skip("needs script(1) (util-linux) to give ssh a terminal of any size")
	}
	s := startServe(t)
	fac := s.terminal("fac", 120, 40)
	fac.waitFor("Visitor #1")

	dir := t.TempDir()
	grow, shrink := filepath.Join(dir, "grow"), filepath.Join(dir, "shrink")
	ssh := strings.Join(append([]string{"ssh", "-tt"}, s.sshCmd([]string{"viewer"}).Args[1:]...), " ")
	wait := func(f string) string { return fmt.Sprintf("while [ ! -e %s ]; do sleep 0.02; done", f) }
	inner := fmt.Sprintf("stty cols 8000 rows 4000; %s </dev/tty & pid=$!; %s; stty cols 20000 rows 20000; kill -WINCH $pid; "+
		"%s; stty cols 100 rows 30; kill -WINCH $pid; wait $pid", ssh, wait(grow), wait(shrink))
	viewer := exec.Command("script", "-q", "-c", inner, "/dev/null")
	var out lockedBuffer
	viewer.Stdout = &out
	in, err := viewer.StdinPipe() // held open: script ends its terminal when its input ends
	if err != nil {
		t.Fatal(err)
	}
	if err := viewer.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { in.Close(); viewer.Process.Kill(); viewer.Wait() })

	boardAfter := func(from int, what string) {
		t.Helper()
		for end := time.Now().Add(20 * time.Second); ; time.Sleep(20 * time.Millisecond) {
			if strings.Contains(out.String()[from:], "read-only board") {
				return
			}
			if time.Now().After(end) {
				t.Fatalf("the viewer's board was not drawn %s; stderr:\n%s", what, s.stderr.String())
			}
		}
	}
	checkRSS := func(when string) {
		t.Helper()
		rss := residentMB(t, s.cmd.Process.Pid)
		t.Logf("standmap serve's resident memory %s: %d MB", when, rss)
		if rss >= 300 {
			t.Errorf("standmap serve holds %d MB %s (bound: 300 MB)", rss, when)
		}
	}
	boardAfter(0, "at 8000×4000")
	if !strings.Contains(s.stderr.String(), "width=8000") {
		t.Errorf("the server did not see the 8000-column terminal; log:\n%s", s.stderr.String())
	}
	checkRSS("with a viewer at 8000×4000")
	n := len(out.String())
	os.WriteFile(grow, nil, 0o600)
	boardAfter(n, "again after growing to 20000×20000")
	checkRSS("after the viewer grew to 20000×20000")
	n = len(out.String())
	os.WriteFile(shrink, nil, 0o600)
	boardAfter(n, "again after shrinking to 100×30")

	fac.typeText("centrs")
	fac.keys("Enter")
	fac.keys("C-s")
	fac.waitFor("saved #1")
	if err := s.cmd.Process.Signal(syscall.Signal(0)); err != nil {
		t.Fatalf("standmap serve is not running: %v", err)
	}
}

// residentMB reads a process's resident memory (VmRSS) in MB.
func residentMB(t *testing.T, pid int) int {
	t.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Skipf("no /proc: %v", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.Atoi(f[1])
			return kb / 1024
		}
	}
	t.Fatalf("no VmRSS in /proc/%d/status", pid)
	return 0
}
