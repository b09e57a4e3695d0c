// Package room measures a room watching standmap: how long a save takes
// to reach every viewer's screen, and what the viewers cost the server
// (CPU, resident memory), for the benchmark and the soak (root package)
// and for scripts/room, which runs real OpenSSH viewers. The screens are
// internal/sshterm terminals; the machine's figures come from /proc.
package room

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"standmap/internal/fairgen"
	"standmap/internal/sshterm"
)

// visitorCount finds the count in a board's header: "· 10001 visitors ·".
var visitorCount = regexp.MustCompile(`· (\d+) visitors? ·`)

// VisitorCount reads the visitor count on a viewer's header line (the
// board's first line, in English).
func VisitorCount(line string) (int, bool) {
	m := visitorCount.FindStringSubmatch(line)
	if m == nil {
		return 0, false
	}
	n, err := strconv.Atoi(m[1])
	return n, err == nil
}

// Await waits until every screen's header shows count visitors or more
// and returns, for each, how long after t0 it did (what a person in the
// room waits from the facilitator's ctrl+s).
func Await(screens []*sshterm.Term, count int, t0 time.Time, within time.Duration) ([]time.Duration, error) {
	took := make([]time.Duration, len(screens))
	errs := make([]error, len(screens))
	var wg sync.WaitGroup
	for i, s := range screens {
		wg.Go(func() {
			errs[i] = s.WaitLine(0, func(l string) bool { c, ok := VisitorCount(l); return ok && c >= count },
				fmt.Sprintf("%d visitors", count), within)
			took[i] = time.Since(t0)
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("viewer %d: %w", i, err)
		}
	}
	return took, nil
}

// Spread summarises latencies.
type Spread struct {
	// N is how many were measured.
	N int
	// P50, P90, P99 and Max are the quantiles (nearest rank).
	P50, P90, P99, Max time.Duration
}

// SpreadOf returns the spread of ds (which it sorts).
func SpreadOf(ds []time.Duration) Spread {
	if len(ds) == 0 {
		return Spread{}
	}
	slices.Sort(ds)
	at := func(q float64) time.Duration { return ds[int(q*float64(len(ds)-1)+0.5)] }
	return Spread{N: len(ds), P50: at(0.5), P90: at(0.9), P99: at(0.99), Max: ds[len(ds)-1]}
}

// String is the spread in milliseconds.
func (s Spread) String() string {
	ms := func(d time.Duration) string { return strconv.FormatFloat(float64(d.Microseconds())/1000, 'f', 1, 64) }
	return fmt.Sprintf("median %s ms, p90 %s ms, p99 %s ms, max %s ms (%d)", ms(s.P50), ms(s.P90), ms(s.P99), ms(s.Max), s.N)
}

// clockTick is the unit of /proc/PID/stat's times (USER_HZ, 100 on Linux).
const clockTick = 10 * time.Millisecond

// CPU returns the CPU time process pid has used: the time on a CPU of
// each of its threads, in nanoseconds (/proc/PID/task/*/schedstat), or
// where the kernel keeps no such count its user and system time, in
// 10 ms steps (/proc/PID/stat).
func CPU(pid int) (time.Duration, error) {
	tasks, err := os.ReadDir(fmt.Sprintf("/proc/%d/task", pid))
	if err == nil {
		var sum time.Duration
		for _, task := range tasks {
			data, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%s/schedstat", pid, task.Name()))
			if err != nil {
				continue // the thread ended meanwhile
			}
			f := strings.Fields(string(data))
			if len(f) < 3 {
				return statCPU(pid)
			}
			ns, err := strconv.ParseInt(f[0], 10, 64)
			if err != nil {
				return statCPU(pid)
			}
			sum += time.Duration(ns)
		}
		if sum > 0 {
			return sum, nil
		}
	}
	return statCPU(pid)
}

// statCPU is the user and system time of process pid (/proc/PID/stat).
func statCPU(pid int) (time.Duration, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// The command's name, in parentheses, may hold spaces: count after it.
	f := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+1:]))
	if len(f) < 13 {
		return 0, fmt.Errorf("/proc/%d/stat: %d fields", pid, len(f))
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("/proc/%d/stat: %q %q", pid, f[11], f[12])
	}
	return time.Duration(utime+stime) * clockTick, nil
}

// RSS returns process pid's resident memory in bytes (VmRSS).
func RSS(pid int) (int64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, err := strconv.ParseInt(f[1], 10, 64)
			return kb << 10, err
		}
	}
	return 0, fmt.Errorf("no VmRSS in /proc/%d/status", pid)
}

// Load returns the 1-minute load average (from /proc/loadavg).
func Load() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(data))[0]
}

// Hog starts n processes that each keep a core busy (a shell's empty
// loop: no goroutine of ours, no I/O) until stop is called.
func Hog(n int) (stop func(), err error) {
	var cmds []*exec.Cmd
	stop = func() {
		for _, c := range cmds {
			c.Process.Kill()
			c.Wait()
		}
	}
	for range n {
		c := exec.Command("sh", "-c", "while :; do :; done")
		if err := c.Start(); err != nil {
			stop()
			return nil, err
		}
		cmds = append(cmds, c)
	}
	return stop, nil
}

// WriteFair writes a generated fair (internal/fairgen, seed 1) of responses
// visitors to w as import CSV, every row in event: a realistic stored
// room for the board to draw.
func WriteFair(w io.Writer, responses int, event string) error {
	var all bytes.Buffer
	// gen gives the first of its two events three fifths of the visitors.
	if _, err := fairgen.Write(&all, fairgen.Options{Seed: 1, Visitors: (responses*5 + 2) / 3}); err != nil {
		return err
	}
	r, out := csv.NewReader(&all), csv.NewWriter(w)
	r.FieldsPerRecord = -1
	for i := 0; ; i++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if i > 0 {
			if rec[2] != fairgen.Events[0].Name {
				continue
			}
			rec[2] = event
		}
		if err := out.Write(rec); err != nil {
			return err
		}
	}
	out.Flush()
	return out.Error()
}
