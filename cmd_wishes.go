package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"standmap/db"
	"standmap/model"
)

// wishesFlags are the wishes command's flags, set anew by every parse.
var wishesFlags struct {
	into, text string
	marks      markList
	all        bool
}

// markList is a repeatable --mark RESPONSE_ID:POSITION.
type markList []string

func (m *markList) String() string { return strings.Join(*m, ",") }

func (m *markList) Set(s string) error {
	if _, _, ok := model.ParseMarkRef(s); !ok {
		return fmt.Errorf("%q is not RESPONSE_ID:POSITION (position from 0)", s)
	}
	*m = append(*m, s)
	return nil
}

// wishesUsage is the wishes command's usage line.
const wishesUsage = `[list | curate | suggest | pending | log
                | merge KEY... --into KEY [--text T] | unmerge KEY... | rename KEY TEXT | category KEY CODE
                | hide KEY... [--mark ID:POS]... | show KEY... [--mark ID:POS]... | approve KEY...|--all
                | moderate on|off | undo [SEQ]]`

func init() {
	register(&command{
		name:  "wishes",
		usage: wishesUsage,
		short: "list and curate the event's wish groups: merge, rename, categorise, hide, moderate, undo",
		flags: func(fs *flag.FlagSet) {
			wishesFlags.marks = nil
			fs.StringVar(&wishesFlags.into, "into", "", "merge: the `KEY` of the group merged into")
			fs.StringVar(&wishesFlags.text, "text", "", "merge: show the group as `TEXT`")
			fs.Var(&wishesFlags.marks, "mark", "hide/show: one mention, `RESPONSE_ID:POSITION` (repeatable)")
			fs.BoolVar(&wishesFlags.all, "all", false, "approve: every wish held back now")
		},
		run: runWishes,
	})
}

func runWishes(e *env, args []string) error {
	ev, err := e.existingEvent()
	if err != nil {
		return err
	}
	sub, args := "list", args
	if len(args) > 0 {
		sub, args = args[0], args[1:]
	}
	switch sub {
	case "list", "suggest", "pending", "log":
		if len(args) > 0 {
			return usageError{fmt.Sprintf("wishes %s: unexpected argument %q", sub, args[0])}
		}
		return showWishes(e, ev.Name, sub)
	case "undo":
		return undoWishes(e, ev.Name, args)
	case "curate":
		if len(args) > 0 {
			return usageError{fmt.Sprintf("wishes curate: unexpected argument %q", args[0])}
		}
		return runCurate(e, ev.Name)
	}
	a, err := wishesAction(e, ev.Name, sub, args)
	if err != nil {
		return err
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

// wishesAction builds the curation action of a writing subcommand.
func wishesAction(e *env, event, sub string, args []string) (model.CurationAction, error) {
	f := &wishesFlags
	a := model.CurationAction{Verb: sub, Keys: args}
	need := func(ok bool, usage string) error {
		if ok {
			return nil
		}
		return usageError{"usage: standmap wishes " + usage}
	}
	var err error
	switch sub {
	case model.VerbMerge:
		a.Into, a.Text = f.into, f.text
		err = need(len(args) > 0 && f.into != "", "merge KEY... --into KEY [--text TEXT]")
	case model.VerbUnmerge:
		err = need(len(args) > 0, "unmerge KEY...")
	case model.VerbRename:
		err = need(len(args) == 2, "rename KEY TEXT (\"\" goes back to the most frequent spelling)")
		if err == nil {
			a.Keys, a.Text = args[:1], args[1]
		}
	case model.VerbCategorise:
		err = need(len(args) == 2, "category KEY CODE (\"\" goes back to the most frequent category)")
		if err == nil {
			a.Keys, a.Code = args[:1], args[1]
		}
	case model.VerbHide, model.VerbShow:
		a.Marks = f.marks
		err = need(len(args)+len(f.marks) > 0, sub+" KEY... | --mark RESPONSE_ID:POSITION")
	case model.VerbApprove:
		if f.all {
			a.Keys, err = heldKeys(e, event)
		}
		err = errors.Join(err, need(len(a.Keys) > 0 || f.all, "approve KEY... | --all"))
	case model.VerbModerate:
		err = need(len(args) == 1 && (args[0] == "on" || args[0] == "off"), "moderate on|off")
		a.Keys, a.On = nil, len(args) == 1 && args[0] == "on"
	default:
		err = usageError{fmt.Sprintf("unknown wishes command %q (standmap wishes -h lists them)", sub)}
	}
	if err == nil && f.all && sub == model.VerbApprove && len(a.Keys) == 0 {
		err = errors.New("no wish is held back")
	}
	return a, err
}

// undoWishes takes back the newest action, or the one numbered.
func undoWishes(e *env, event string, args []string) error {
	var seq int64
	switch {
	case len(args) > 1:
		return usageError{"usage: standmap wishes undo [SEQ]"}
	case len(args) == 1:
		n, err := strconv.ParseInt(strings.TrimPrefix(args[0], "#"), 10, 64)
		if err != nil || n <= 0 {
			return usageError{fmt.Sprintf("wishes undo: %q is not a log number (standmap wishes log lists them)", args[0])}
		}
		seq = n
	}
	entry, err := e.store.UndoCuration(e.ctx, event, localWho(), seq)
	if errors.Is(err, db.ErrNotFound) && seq == 0 {
		return errors.New("nothing to undo")
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "#%d %s\n", entry.Seq, entry.Describe())
	return nil
}

// localWho names the facilitator at this terminal in the audit log.
func localWho() string {
	if u := os.Getenv("USER"); u != "" {
		return "local:" + u
	}
	return "local"
}

// moderateFlag adds --moderate to the flags of a command that runs the
// boards (app, serve).
func moderateFlag(fs *flag.FlagSet, on *bool) {
	fs.BoolVar(on, "moderate", false, "hold new wishes back from every board until a facilitator approves them (stored for the event: standmap wishes moderate off ends it)")
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
