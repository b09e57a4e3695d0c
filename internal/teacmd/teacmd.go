// Package teacmd runs Bubble Tea commands in tests, as the program would,
// without a program: a model's Update is checked by the messages its
// commands return.
package teacmd

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// Deadline is how long Run waits for one command: far longer than any
// store read or write takes under load, so a command that outlives it is
// stuck (or a timer nobody should run in a test), and the test fails.
const Deadline = 30 * time.Second

// Run executes cmd and the commands of a batch it returns, and returns
// their messages, in the batch's order. A command still running after
// Deadline fails the test at once.
func Run(t testing.TB, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	return RunWithin(t, Deadline, cmd)
}

// RunWithin is Run with a deadline of its own for each command.
func RunWithin(t testing.TB, deadline time.Duration, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(deadline):
		t.Fatalf("teacmd: a command still ran after %v", deadline)
	}
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, RunWithin(t, deadline, c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}
