package cli

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"standmap/live"
	"standmap/model"
	"standmap/server"
	"standmap/tui/present"
)

// presentOptions are present's own flags.
type presentOptions struct {
	theme, revealAt, join string
	rotate                time.Duration
	hidden                bool
}

// newPresent returns `present`: the projection of the live results.
func newPresent() *cobra.Command {
	p, o := newLocal(), &presentOptions{}
	cmd := &cobra.Command{
		Use:   "present",
		Short: "The projection: the live results, large, for a projector (read-only)",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			th, err := present.ParseTheme(o.theme)
			if err != nil {
				return usageError{err.Error()}
			}
			if o.rotate <= 0 {
				return usagef("--rotate must be above 0")
			}
			if err := model.CheckText("--reveal-at", 0, o.revealAt); err != nil {
				return usageError{err.Error()}
			}
			return run(p, cmd, useAll|useLangPair, func(e *env) error {
				return runPresent(e, present.Options{Theme: th, Rotate: o.rotate, JoinLine: o.join,
					Display: present.DisplayState{Hidden: o.hidden, RevealAt: o.revealAt}})
			})
		},
	}
	p.flags(cmd, useAll|useLangPair)
	f := cmd.Flags()
	f.StringVar(&o.theme, "theme", "dark", "palette: dark, light (bright rooms) or contrast")
	f.DurationVar(&o.rotate, "rotate", present.DefaultRotate, "how long each panel shows when they take turns")
	f.BoolVar(&o.hidden, "hidden", false, "start with the results hidden (h reveals them)")
	f.StringVar(&o.revealAt, "reveal-at", "", "when results will be shown, e.g. 15:00 (shown while hidden)")
	f.StringVar(&o.join, "join", "", "a line at the bottom, e.g. how to reach the board by ssh")
	return cmd
}

// runPresent shows the projection of the current event until it is quit;
// it writes nothing to the database but what it shows (hide, reveal,
// freeze), which every other screen on the database follows.
func runPresent(e *env, o present.Options) error {
	ev, err := e.readEvent() // creates none: the projection only reads
	if err != nil {
		return err
	}
	hub, err := live.NewHub(e.store, e.city.Gazetteer, ev.Name)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(e.ctx)
	defer cancel()
	go hub.Run(ctx)
	// As the application or another projection left it, with what the
	// flags say on top (--hidden, --reveal-at), for every screen.
	snap := hub.Snapshot()
	d := snap.Display
	if o.Display.Hidden {
		d.Hidden = true
	}
	if o.Display.RevealAt != "" {
		d.RevealAt = o.Display.RevealAt
	}
	if d != snap.Display {
		hub.SetDisplay(d)
	}
	o.Display = d
	o.City, o.Lang, o.Snapshot = e.city, e.lang, snap
	o.OnDisplayChange = func(d present.DisplayState) error { hub.SetDisplay(d); return nil }
	return runProgram(e.ctx, hub, presentProgram(o))
}

// presentProgram is the projection's program, on this terminal or in an
// SSH session.
func presentProgram(o present.Options) server.Program {
	return server.Program{Model: present.New(o),
		SnapshotMsg: func(s *model.Snapshot) tea.Msg { return present.SnapshotMsg{Snapshot: s} }}
}
