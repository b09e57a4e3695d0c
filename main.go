// Command standmap captures visitors' answers at a public-participation
// stand and shows the results live: on the laptop, a projector and SSH.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"standmap/ascii_maps"
	"standmap/db"
	"standmap/i18n"
	"standmap/model"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// command is one subcommand: its flags are added to the common ones.
type command struct {
	name  string
	usage string // one line: arguments after the name
	short string // one line: what it does
	// flags adds the command's own flags to fs.
	flags func(fs *flag.FlagSet)
	// noStore: the command opens no database (help, version, maps).
	noStore bool
	run     func(e *env, args []string) error
}

var commands = map[string]*command{}

// register adds a command; each command's file calls it from init.
func register(c *command) { commands[c.name] = c }

// env is what every command gets: the common flags, the opened store, the
// map and the event, and where to write.
type env struct {
	ctx            context.Context
	dbPath         string
	eventName      string // --event as given ("" = current)
	mapName        string
	lang           string
	store          *db.SQLite
	city           *ascii_maps.City
	stdin          io.Reader
	stdout, stderr io.Writer
}

// usageError is a wrong use of the command line (exit 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes one command line and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	name := "app"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	switch name {
	case "help", "-h", "--help":
		printHelp(stdout)
		return 0
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "standmap: unknown command %q (standmap help lists them)\n", name)
		return 2
	}
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}
	fs := flag.NewFlagSet("standmap "+c.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&e.dbPath, "db", os.Getenv("STANDMAP_DB"), "database `path` (also STANDMAP_DB)")
	fs.StringVar(&e.eventName, "event", "", "event `name` (default: the current event)")
	fs.StringVar(&e.mapName, "map", "daugavpils", "city map: built-in `name` or file path")
	fs.StringVar(&e.lang, "lang", defaultLang(), "interface language: lv, ru or en (present: also two, lv,ru)")
	if c.flags != nil {
		c.flags(fs)
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: standmap %s [flags] %s\n%s\n\nflags:\n", c.name, c.usage, c.short)
		fs.PrintDefaults()
	}
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if e.lang, err = i18n.ParseLang(e.lang, c.name == "present"); err != nil {
		fmt.Fprintf(stderr, "standmap %s: %v\n", c.name, err)
		return 2
	}
	if err := e.open(c); err != nil {
		fmt.Fprintf(stderr, "standmap: %v\n", err)
		return 1
	}
	if e.store != nil {
		defer e.store.Close()
	}
	if err := c.run(e, rest); err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "standmap %s: %v\n", c.name, err)
			return 2
		}
		fmt.Fprintf(stderr, "standmap %s: %v\n", c.name, err)
		return 1
	}
	return 0
}

// parseInterspersed parses flags that come before, between or after the
// arguments (standmap import FILE --db X), up to a "--".
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		left := fs.Args()
		if len(left) == 0 {
			return rest, nil
		}
		if consumed := args[:len(args)-len(left)]; len(consumed) > 0 && consumed[len(consumed)-1] == "--" {
			return append(rest, left...), nil
		}
		rest, args = append(rest, left[0]), left[1:]
	}
}

// open loads the map and, unless the command needs none, the database.
func (e *env) open(c *command) error {
	if c.noStore {
		return nil
	}
	city, err := ascii_maps.Load(e.mapName)
	if err != nil {
		return err
	}
	e.city = city
	if e.dbPath == "" {
		e.dbPath = defaultDBPath()
	}
	if err := os.MkdirAll(filepath.Dir(e.dbPath), 0o700); err != nil {
		return fmt.Errorf("create database folder: %w", err)
	}
	e.store, err = db.Open(e.dbPath)
	return err
}

// event returns the --event event, creating it when it does not exist,
// or else the current event, starting today's when there is none.
func (e *env) event() (model.Event, error) {
	name := e.eventName
	if name == "" {
		ev, err := e.store.CurrentEvent(e.ctx)
		if err == nil {
			return ev, nil
		}
		if !errors.Is(err, db.ErrNotFound) {
			return model.Event{}, err
		}
		name = model.DefaultEventName(time.Now())
	}
	ev, err := e.store.Event(e.ctx, name)
	if errors.Is(err, db.ErrNotFound) {
		ev, err = e.store.CreateEvent(e.ctx, name)
		if errors.Is(err, db.ErrEventExists) { // created meanwhile
			return e.store.Event(e.ctx, name)
		}
	}
	return ev, err
}

// defaultDBPath is $XDG_DATA_HOME/standmap/standmap.db, or under
// ~/.local/share when XDG_DATA_HOME is unset.
func defaultDBPath() string {
	base := os.Getenv("XDG_DATA_HOME")
	if base == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			home = "."
		}
		base = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(base, "standmap", "standmap.db")
}

// defaultLang is the language the locale says (LC_ALL, LC_MESSAGES, LANG:
// lv_*, ru_*), else en.
func defaultLang() string {
	return i18n.FromEnv(os.Getenv("LC_ALL"), os.Getenv("LC_MESSAGES"), os.Getenv("LANG"))
}

func printHelp(w io.Writer) {
	fmt.Fprintf(w, "standmap %s — capture visitors' answers at a stand and show them live\n\n", version)
	fmt.Fprintln(w, "usage: standmap [command] [flags]")
	fmt.Fprintln(w, "\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := commands[n]
		label := n
		if n == "app" {
			label = "(none)"
		}
		fmt.Fprintf(w, "  %-10s %s\n", label, c.short)
	}
	fmt.Fprintln(w, "\nflags of every command: --db PATH (STANDMAP_DB), --event NAME, --map NAME|PATH, --lang lv|ru|en (present: lv,ru)")
	fmt.Fprintln(w, "standmap COMMAND -h shows a command's own flags.")
}

func init() {
	register(&command{name: "version", short: "print the version", noStore: true,
		run: func(e *env, _ []string) error { fmt.Fprintf(e.stdout, "standmap %s\n", version); return nil }})
}
