package cli

import (
	"context"
	"errors"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"standmap/db"
	"standmap/live"
	"standmap/model"
	"standmap/server"
	"standmap/tui"
)

// appOptions are the application's own flags (standmap with no command).
type appOptions struct {
	moderate bool
}

// newApp returns the root command: run alone, it is the application on
// this terminal, capture and live board.
func newApp() *cobra.Command {
	p, o := newLocal(), &appOptions{}
	cmd := &cobra.Command{
		Use:   "standmap",
		Short: "Capture visitors' answers at a stand and show them live: on the laptop, a projector and SSH",
		Long: "Capture visitors' answers at a stand and show them live: on the laptop, a projector and SSH.\n\n" +
			"Run alone, standmap is the application on this terminal: capture and the live board.",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return run(p, cmd, useAll, func(e *env) error { return runApp(e, o.moderate, nil) })
		},
	}
	p.flags(cmd, useAll)
	moderateFlag(cmd, &o.moderate)
	return cmd
}

// moderateFlag adds --moderate to a command that runs the boards (the
// application, serve).
func moderateFlag(cmd *cobra.Command, on *bool) {
	cmd.Flags().BoolVar(on, "moderate", false,
		"hold new wishes back from every board until a facilitator approves them (stored for the event: standmap wishes moderate off ends it)")
}

// runApp runs the application on the terminal until the facilitator
// quits. During the run, background (when set) is started with the hub
// and ends with the program.
func runApp(e *env, moderate bool, background func(ctx context.Context, hub *live.Hub)) error {
	ctx, cancel := context.WithCancel(e.ctx)
	defer cancel()
	b, err := startBoard(ctx, e, moderate)
	if err != nil {
		return err
	}
	if background != nil {
		go background(ctx, b.hub)
	}
	drafts, release, err := claimDrafts(e.store, e.store.Path())
	if err != nil {
		return err
	}
	defer release()
	return runProgram(e.ctx, b.hub, appProgram(tui.Options{
		Store: e.store, Drafts: drafts, Hub: b.hub, City: e.city, Event: b.event, Lang: e.lang,
		Role: tui.Facilitator, DBPath: e.store.Path(), Who: localWho(),
		AgeGroups: b.settings.Effective().AgeGroups,
	}))
}

// appProgram is the application's program, on this terminal or in an SSH
// session.
func appProgram(o tui.Options) server.Program {
	return server.Program{Model: tui.New(o),
		SnapshotMsg: func(s *model.Snapshot) tea.Msg { return tui.SnapshotMsg{Snapshot: s} }}
}

// runProgram runs a screen's program on this terminal, fed by the
// running hub, until it quits or ctx ends.
func runProgram(ctx context.Context, hub *live.Hub, p server.Program, opts ...tea.ProgramOption) error {
	return tui.RunScreen(ctx, hub, p.Model, p.SnapshotMsg, opts...)
}

// board is what the application and the SSH server start from: the event,
// its settings and a running hub.
type board struct {
	event    model.Event
	settings db.EventSettings
	hub      *live.Hub
}

// startBoard opens the current event (starting today's when there is
// none), switches moderation on when asked, and runs the event's hub until
// ctx ends.
func startBoard(ctx context.Context, e *env, moderate bool) (board, error) {
	ev, err := e.event()
	if err != nil {
		return board{}, err
	}
	settings, err := e.store.EventSettings(e.ctx, ev.Name)
	if err != nil {
		return board{}, err
	}
	if moderate {
		if err := startModeration(e, ev.Name, localWho()); err != nil {
			return board{}, err
		}
	}
	hub, err := live.NewHub(e.store, e.city.Gazetteer, ev.Name)
	if err != nil {
		return board{}, err
	}
	go hub.Run(ctx)
	return board{event: ev, settings: settings, hub: hub}, nil
}

// startModeration switches moderation on for the event, logged like any
// curation, so every process and SSH session honours it. On already is
// fine.
func startModeration(e *env, event, who string) error {
	_, err := e.store.Curate(e.ctx, event, who, model.CurationAction{Verb: model.VerbModerate, On: true})
	if errors.Is(err, model.ErrNothingToDo) {
		return nil
	}
	return err
}

// localWho names the facilitator at this terminal in the audit log.
func localWho() string {
	if u := os.Getenv("USER"); u != "" {
		return "local:" + u
	}
	return "local"
}
