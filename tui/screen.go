package tui

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"standmap/live"
	"standmap/model"
)

// RunScreen runs the program of model m on the terminal (or on what opts
// give) until it quits, fed by the running hub: each new snapshot (and
// with it the shared display state) wrapped by snapshotMsg. Ending
// because ctx ended (a signal) is a normal end, not an error. The
// application, the projection and the curation view all run this way.
func RunScreen(ctx context.Context, hub *live.Hub, m tea.Model, snapshotMsg func(*model.Snapshot) tea.Msg,
	opts ...tea.ProgramOption) error {
	run, cancel := context.WithCancel(ctx)
	defer cancel()
	sub := hub.Subscribe()
	defer sub.Close()
	p := tea.NewProgram(m, append([]tea.ProgramOption{tea.WithContext(run)}, opts...)...)
	go live.Forward(run, sub.C(), func(s *model.Snapshot) { p.Send(snapshotMsg(s)) })
	_, err := p.Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil // interrupted by a signal: a normal end
	}
	return err
}
