package cli

import (
	"context"
	"text/tabwriter"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"standmap/live"
	"standmap/model"
	"standmap/server"
	"standmap/tui"
)

// newWishes returns `wishes` (the list of wish groups) and its
// subcommands: the listings, the curation view and every curation
// action, each with its own flags.
func newWishes() *cobra.Command {
	cmd := wishesListing("wishes", "List and curate the event's wish groups: merge, rename, categorise, hide, moderate, undo", listGroups)
	cmd.AddCommand(
		wishesListing("list", "List every wish group with its spellings, hidden and held ones marked", listGroups),
		wishesListing("suggest", "List groups that probably mean the same, with the command that merges them", listSuggestions),
		wishesListing("pending", "List the wishes held back for approval", listHeld),
		newWishesLog(),
		newWishesCurate(),
		newWishesMerge(),
		wishesAction("unmerge KEY...", "Take groups out of the group they were merged into", atLeast(1),
			func(args []string) (model.CurationAction, error) {
				return model.CurationAction{Verb: model.VerbUnmerge, Keys: args}, nil
			}),
		wishesAction(`rename KEY TEXT`, `Show a group as TEXT ("" goes back to its most frequent spelling)`, exactly(2),
			func(args []string) (model.CurationAction, error) {
				return model.CurationAction{Verb: model.VerbRename, Keys: args[:1], Text: args[1]}, nil
			}),
		wishesAction(`category KEY CODE`, `Give a group a category ("" goes back to its most frequent one)`, exactly(2),
			func(args []string) (model.CurationAction, error) {
				return model.CurationAction{Verb: model.VerbCategorise, Keys: args[:1], Code: args[1]}, nil
			}),
		newWishesHide(model.VerbHide, "Keep groups, or single mentions, off every board and report"),
		newWishesHide(model.VerbShow, "Show hidden groups, or single mentions, again"),
		newWishesApprove(),
		wishesAction("moderate on|off", "Hold new wishes back until approved (on), or let every wish through (off)", exactly(1),
			func(args []string) (model.CurationAction, error) {
				if args[0] != "on" && args[0] != "off" {
					return model.CurationAction{}, usagef("usage: standmap wishes moderate on|off")
				}
				return model.CurationAction{Verb: model.VerbModerate, On: args[0] == "on"}, nil
			}),
		newWishesUndo(),
	)
	return cmd
}

// wishesListing is a command that prints a listing of the event's wish
// groups, as the boards count them; it changes nothing.
func wishesListing(use, short string, list func(e *env, tw *tabwriter.Writer, event string, cur *model.Curation) error) *cobra.Command {
	p := newLocal()
	cmd := &cobra.Command{
		Use: use, Short: short,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return run(p, cmd, useDB|useEvent|useMap, func(e *env) error {
				ev, err := e.readEvent()
				if err != nil {
					return err
				}
				cur, err := e.store.Curation(e.ctx, ev.Name)
				if err != nil {
					return err
				}
				tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
				if err := list(e, tw, ev.Name, cur); err != nil {
					return err
				}
				return tw.Flush()
			})
		},
	}
	p.flags(cmd, useDB|useEvent|useMap)
	return cmd
}

// newWishesLog returns `wishes log`: the audit log.
func newWishesLog() *cobra.Command {
	p := newLocal()
	cmd := &cobra.Command{
		Use:   "log",
		Short: "Print the curation's audit log: every action, who took it and when",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return run(p, cmd, useDB|useEvent, func(e *env) error {
				ev, err := e.readEvent()
				if err != nil {
					return err
				}
				return printCurationLog(e, ev.Name)
			})
		},
	}
	p.flags(cmd, useDB|useEvent)
	return cmd
}

// newWishesCurate returns `wishes curate`: the curation view.
func newWishesCurate() *cobra.Command {
	p := newLocal()
	cmd := &cobra.Command{
		Use:   "curate",
		Short: "The curation view: the groups as the boards show them, live, with every action on keys",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return run(p, cmd, useAll, func(e *env) error {
				ev, err := e.existingEvent()
				if err != nil {
					return err
				}
				return runCurate(e, ev.Name)
			})
		},
	}
	p.flags(cmd, useAll)
	return cmd
}

// runCurate runs the curation view of the event on the terminal: the
// groups as the boards show them, live, until the facilitator quits.
func runCurate(e *env, event string) error {
	hub, err := live.NewHub(e.store, e.city.Gazetteer, event)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(e.ctx)
	defer cancel()
	go hub.Run(ctx)
	return runProgram(e.ctx, hub, server.Program{
		Model: tui.NewCurate(tui.CurateOptions{
			Curator: e.store, Reader: e.store, Gazetteer: e.city.Gazetteer,
			Changed: hub.Changed, Event: event, Who: localWho(), Lang: e.lang,
		}),
		SnapshotMsg: func(s *model.Snapshot) tea.Msg { return tui.SnapshotMsg{Snapshot: s} },
	})
}
