package cli

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"standmap/db"
	"standmap/i18n"
	"standmap/model"
	"standmap/tui"
)

// actionOf builds a command's curation action from its arguments and
// flags; a wrong use is a usageError.
type actionOf func(args []string) (model.CurationAction, error)

// wishesAction is a subcommand of wishes that takes one curation action,
// built by action from its arguments (n says how many) and flags.
func wishesAction(use, short string, n func(int) bool, action actionOf) *cobra.Command {
	p, u := newLocal(), useDB|useEvent
	cmd := &cobra.Command{
		Use: use, Short: short,
		Args: args(n, "usage: standmap wishes "+use),
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := action(args)
			if err != nil {
				return err
			}
			return run(p, cmd, u, func(e *env) error { return takeAction(e, a) })
		},
	}
	p.flags(cmd, u)
	return cmd
}

// takeAction takes a on the event's curation, logged as by this terminal.
func takeAction(e *env, a model.CurationAction) error {
	ev, err := e.readEvent()
	if err != nil {
		return err
	}
	if ev.ID == 0 { // no event yet: only moderation may start today's
		if a.Verb != model.VerbModerate {
			return fmt.Errorf("%s: event %q has no wishes yet", a.Describe(), ev.Name)
		}
		if ev, err = e.event(); err != nil {
			return err
		}
	}
	if unknown, err := unknownKeys(e, ev.Name, a); err != nil {
		return err
	} else if len(unknown) > 0 {
		what := "the key"
		if len(unknown) > 1 {
			what = "the keys"
		}
		return fmt.Errorf("%s: no wish of event %q has %s %s (standmap wishes list shows the keys): nothing changed",
			a.Describe(), ev.Name, what, strings.Join(unknown, ", "))
	}
	entry, err := e.store.Curate(e.ctx, ev.Name, localWho(), a)
	if errors.Is(err, model.ErrNothingToDo) {
		return fmt.Errorf("%s: nothing to change", a.Describe())
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "#%d %s (standmap wishes undo takes it back)\n", entry.Seq, a.Describe())
	return nil
}

// unknownKeys returns, quoted, the keys a names (Keys and Into) that no
// wish of the event has, curated or not: a mistyped key would otherwise be
// logged as done while no board changes.
func unknownKeys(e *env, event string, a model.CurationAction) ([]string, error) {
	keys := a.Keys
	if a.Into != "" {
		keys = append(slices.Clip(keys), a.Into)
	}
	if len(keys) == 0 {
		return nil, nil
	}
	known := make(map[string]bool)
	err := db.Walk(e.ctx, e.store, event)(func(r model.Response) error {
		for _, m := range r.Marks {
			if m.Wish != "" {
				known[model.WishKey(m.Wish)] = true
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var unknown []string
	for _, k := range keys {
		if !known[k] && !known[model.WishKey(k)] { // a key, or a text keyed as the curation does
			unknown = append(unknown, strconv.Quote(k))
		}
	}
	return unknown, nil
}

// mergeOptions are wishes merge's own flags.
type mergeOptions struct {
	into, text string
}

// newWishesMerge returns `wishes merge KEY... --into KEY [--text TEXT]`.
func newWishesMerge() *cobra.Command {
	o := &mergeOptions{}
	cmd := wishesAction("merge KEY... --into KEY", "Merge groups into one, which keeps every spelling", atLeast(1),
		func(args []string) (model.CurationAction, error) {
			if o.into == "" {
				return model.CurationAction{}, usagef("usage: standmap wishes merge KEY... --into KEY [--text TEXT]")
			}
			return model.CurationAction{Verb: model.VerbMerge, Keys: args, Into: o.into, Text: o.text}, nil
		})
	cmd.Flags().StringVar(&o.into, "into", "", "the key of the group merged into")
	cmd.Flags().StringVar(&o.text, "text", "", "show the merged group as this text")
	return cmd
}

// hideOptions are wishes hide's and show's own flags.
type hideOptions struct {
	marks []string // RESPONSE_ID:POSITION
}

// newWishesHide returns `wishes hide` or `wishes show` (verb): groups by
// key, single mentions by --mark.
func newWishesHide(verb, short string) *cobra.Command {
	o := &hideOptions{}
	use := verb + " KEY... | --mark RESPONSE_ID:POSITION"
	cmd := wishesAction(use, short, atLeast(0),
		func(args []string) (model.CurationAction, error) {
			if len(args)+len(o.marks) == 0 {
				return model.CurationAction{}, usagef("usage: standmap wishes %s", use)
			}
			for _, m := range o.marks {
				if _, _, ok := model.ParseMarkRef(m); !ok {
					return model.CurationAction{}, usagef("--mark %q is not RESPONSE_ID:POSITION (position from 0)", m)
				}
			}
			return model.CurationAction{Verb: verb, Keys: args, Marks: o.marks}, nil
		})
	cmd.Flags().StringArrayVar(&o.marks, "mark", nil, "one mention, RESPONSE_ID:POSITION (repeatable)")
	return cmd
}

// approveOptions are wishes approve's own flags.
type approveOptions struct {
	all bool
}

// newWishesApprove returns `wishes approve KEY...|--all`.
func newWishesApprove() *cobra.Command {
	p, o := newLocal(), &approveOptions{}
	cmd := &cobra.Command{
		Use:   "approve KEY... | --all",
		Short: "Let wishes held back through to every board",
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && !o.all {
				return usagef("usage: standmap wishes approve KEY... | --all")
			}
			return run(p, cmd, useDB|useEvent|useMap, func(e *env) error {
				a := model.CurationAction{Verb: model.VerbApprove, Keys: args}
				if o.all {
					ev, err := e.readEvent()
					if err != nil {
						return err
					}
					if a.Keys, err = heldKeys(e, ev.Name); err != nil {
						return err
					}
					if len(a.Keys) == 0 {
						return errors.New("no wish is held back")
					}
				}
				return takeAction(e, a)
			})
		},
	}
	p.flags(cmd, useDB|useEvent|useMap)
	cmd.Flags().BoolVar(&o.all, "all", false, "every wish held back now")
	return cmd
}

// newWishesUndo returns `wishes undo [SEQ]`.
func newWishesUndo() *cobra.Command {
	p := newLocal()
	cmd := &cobra.Command{
		Use:   "undo [SEQ]",
		Short: "Take back the newest curation action, or the one numbered (wishes log numbers them)",
		Args:  args(atMost(1), "usage: standmap wishes undo [SEQ]"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var seq int64
			if len(args) == 1 {
				n, err := strconv.ParseInt(strings.TrimPrefix(args[0], "#"), 10, 64)
				if err != nil || n <= 0 {
					return usagef("%q is not a log number (standmap wishes log lists them)", args[0])
				}
				seq = n
			}
			return run(p, cmd, useAll, func(e *env) error { return undoWishes(e, seq) })
		},
	}
	p.flags(cmd, useAll)
	return cmd
}

// undoWishes takes back the newest action, or the one numbered seq, and
// says what it took back in words, as the curation view does, with the
// groups' texts as they were shown: `#3 undone: merged “velo celini”
// into “Veloceliņi” ✓`.
func undoWishes(e *env, seq int64) error {
	ev, err := e.readEvent()
	if err != nil {
		return err
	}
	shown, err := shownTexts(e, ev.Name)
	if err != nil {
		return err
	}
	entry, err := e.store.UndoCuration(e.ctx, ev.Name, localWho(), seq)
	if errors.Is(err, db.ErrNotFound) && seq == 0 {
		return errors.New("nothing to undo")
	}
	if err != nil {
		return err
	}
	log, err := e.store.CurationLog(e.ctx, ev.Name)
	if err != nil {
		return err
	}
	what := entry.Describe() // `undo #1`, should the log not say what it undid
	for _, t := range log {
		if t.UndoneBy == entry.Seq {
			what = tui.DescribeEntry(e.lang, t, shown)
		}
	}
	fmt.Fprintf(e.stdout, "#%d %s\n", entry.Seq, i18n.T(e.lang, i18n.AppCurateUndone, what))
	return nil
}

// shownTexts returns a lookup of the event's wish groups' shown texts by
// key, hidden and held ones too.
func shownTexts(e *env, event string) (func(key string) string, error) {
	cur, err := e.store.Curation(e.ctx, event)
	if err != nil {
		return nil, err
	}
	t, err := curatedTallier(e, event, cur.Unfiltered())
	if err != nil {
		return nil, err
	}
	texts := map[string]string{}
	for _, w := range t.Tally().Wishes {
		texts[w.Key] = w.Text
	}
	return func(key string) string { return texts[key] }, nil
}
