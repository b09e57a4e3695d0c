// Package teacmd runs Bubble Tea commands in tests, as the program would,
// without a program: a model's Update is checked by the messages its
// commands return.
package teacmd

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// Run executes cmd and the commands of a batch it returns, and returns
// their messages; commands still waiting (ticks) after a second are left (a store read under load takes well under that).
func Run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(time.Second):
		return nil
	}
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, Run(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}
