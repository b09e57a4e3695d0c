package cli

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// run runs a command line with no database added, and returns its
// output and exit status.
func runLine(args ...string) (stdout, stderr string, code int) {
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

// eachCommand calls fn with every command of the tree below root (root
// included) and the words that name it, hidden ones left out.
func eachCommand(root *cobra.Command, fn func(words []string, c *cobra.Command)) {
	var walk func(words []string, c *cobra.Command)
	walk = func(words []string, c *cobra.Command) {
		if c.Hidden {
			return
		}
		fn(words, c)
		for _, sub := range c.Commands() {
			walk(append(slices.Clone(words), sub.Name()), sub)
		}
	}
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	walk(nil, root)
}

// ownFlags are the names of c's own flags, with --help (and --version at
// the root), sorted.
func ownFlags(c *cobra.Command) []string {
	names := []string{"help"}
	if !c.HasParent() {
		names = append(names, "version")
	}
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			names = append(names, f.Name)
		}
	})
	slices.Sort(names)
	return slices.Compact(names)
}

// helpFlags are the flags fang's help lists in its FLAGS section.
func helpFlags(help string) []string {
	_, section, _ := strings.Cut(help, "FLAGS")
	var names []string
	for _, line := range strings.Split(section, "\n") {
		for _, word := range strings.Fields(line) {
			if !strings.HasPrefix(word, "-") {
				break
			}
			if name, ok := strings.CutPrefix(word, "--"); ok {
				names = append(names, name)
			}
		}
	}
	slices.Sort(names)
	return names
}

// TestEveryCommandHelp: -h on every command and subcommand exits 0 and
// lists exactly its own flags, none of another command's.
func TestEveryCommandHelp(t *testing.T) {
	t.Parallel()
	n := 0
	eachCommand(newRoot(), func(words []string, c *cobra.Command) {
		n++
		out, errs, code := runLine(append(slices.Clone(words), "-h")...)
		if got, want := helpFlags(out), ownFlags(c); code != 0 || !slices.Equal(got, want) {
			t.Errorf("standmap %s -h: exit %d, flags %v, want %v\n%s%s", strings.Join(words, " "), code, got, want, out, errs)
		}
	})
	if n < 30 {
		t.Errorf("only %d commands walked", n)
	}
}

// TestEveryCommandRefusesAnUnknownFlag: exit 2 and one line on stderr
// that names the command and the flag, on every command.
func TestEveryCommandRefusesAnUnknownFlag(t *testing.T) {
	t.Parallel()
	eachCommand(newRoot(), func(words []string, c *cobra.Command) {
		args := append(slices.Clone(words), "--no-such-flag")
		out, errs, code := runLine(args...)
		want := label(c) + ": unknown flag: --no-such-flag\n"
		if code != 2 || errs != want || out != "" {
			t.Errorf("standmap %s: exit %d, stderr %q, stdout %q; want 2 and %q", strings.Join(args, " "), code, errs, out, want)
		}
	})
}

// TestWishesVerbsHaveTheirOwnFlags: a flag of one verb is a usage error on
// another (it was silently accepted when the 13 verbs shared them).
func TestWishesVerbsHaveTheirOwnFlags(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	for _, args := range [][]string{
		{"wishes", "list", "--into", "foo"},
		{"wishes", "--into", "foo", "--all"},
		{"wishes", "rename", "a", "b", "--mark", "r1:0"},
		{"wishes", "merge", "a", "--into", "b", "--all"},
		{"events", "new", "X", "--min-group", "3"},
		{"events", "--age-groups", "13-15"},
		{"maps", "check", "x.map", "--width", "10"},
		{"maps", "show", "--json"},
	} {
		_, errs, code := s.Run("", args...)
		if code != 2 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "unknown flag") {
			t.Errorf("standmap %s: exit %d, stderr %q; want 2 and one line", strings.Join(args, " "), code, errs)
		}
	}
}

func TestHelpListsTheCommands(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		out, errs, code := runLine(args...)
		if code != 0 || errs != "" {
			t.Fatalf("standmap %v: exit %d, %s", args, code, errs)
		}
		for _, c := range newRoot().Commands() {
			if !strings.Contains(out, "\n    "+c.Name()+" ") {
				t.Errorf("standmap %v does not list %s:\n%s", args, c.Name(), out)
			}
		}
	}
}

// TestHelpTopics: help names any command's help; a command there is not
// is a wrong use, said in one line, as an unknown command is.
func TestHelpTopics(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		out  string // in standard output, or (exit 2) the whole of standard error
	}{
		{[]string{"help", "tally"}, 0, "Print the current tallies"},
		{[]string{"help", "maps", "show"}, 0, "--demo"},
		{[]string{"help", "nonexistent"}, 2, "standmap help: unknown command \"nonexistent\" (standmap --help lists them)\n"},
		{[]string{"help", "wishes", "frobnicate"}, 2, "standmap help: unknown command \"wishes frobnicate\" (standmap wishes --help lists them)\n"},
		{[]string{"nonexistent"}, 2, "standmap: unknown command \"nonexistent\" (standmap --help lists them)\n"},
	} {
		out, errs, code := runLine(c.args...)
		switch {
		case code != c.code:
			t.Errorf("standmap %v: exit %d, want %d; %q", c.args, code, c.code, errs)
		case code == 0 && (errs != "" || !strings.Contains(out, c.out)):
			t.Errorf("standmap %v: %q %q", c.args, out, errs)
		case code != 0 && (out != "" || errs != c.out):
			t.Errorf("standmap %v: stdout %q, stderr %q; want %q", c.args, out, errs, c.out)
		}
	}
}

func TestVersionAndCompletion(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"version"}, {"--version"}} {
		if out, errs, code := runLine(args...); code != 0 || out != "standmap dev\n" {
			t.Errorf("standmap %v: exit %d, %q %q", args, code, out, errs)
		}
	}
	out, errs, code := runLine("completion", "bash")
	if code != 0 || !strings.Contains(out, "__start_standmap") || errs != "" {
		t.Errorf("completion bash: exit %d, %.200q %q", code, out, errs)
	}
}

// TestFlagsAnywhere: flags come before, between or after the arguments,
// and "--" ends them.
func TestFlagsAnywhere(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	if _, errs, code := s.RunBare("", "events", "new", "--db", s.DB, "--", "--not-a-flag"); code != 0 {
		t.Fatalf("events new -- --not-a-flag: exit %d, %s", code, errs)
	}
	s.OK("events", "--db", s.DB, "new", "Fair")
	if out := s.OK("events"); !strings.Contains(out, "--not-a-flag") || !strings.Contains(out, "* Fair") {
		t.Errorf("events:\n%s", out)
	}
	s.OK("wishes", "--event", "Fair", "moderate", "on")
	if out := s.OK("wishes", "log", "--event", "Fair"); !strings.Contains(out, "moderate on") {
		t.Errorf("log:\n%s", out)
	}
}

// TestCommonFlagsAccepted: every command of standmap's accepts the common
// flags, as the contract says (a script may give --db and --lang to all),
// those it does not use hidden from its -h.
func TestCommonFlagsAccepted(t *testing.T) {
	t.Parallel()
	eachCommand(newRoot(), func(words []string, c *cobra.Command) {
		if len(words) > 0 && (words[0] == "help" || words[0] == "completion") {
			return // cobra's own
		}
		for _, name := range []string{"db", "event", "map", "lang"} {
			if c.Flags().Lookup(name) == nil {
				t.Errorf("standmap %s lacks --%s", strings.Join(words, " "), name)
			}
		}
	})
	s := newStand(t)
	s.OK("events", "new", "Fair", "--lang", "lv", "--map", "riverton", "--event", "Other")
	s.OK("tally", "--lang", "lv")
	if out := s.OK("version", "--event", "Fair", "--map", "x"); out != "standmap dev\n" {
		t.Errorf("version: %q", out)
	}
}
