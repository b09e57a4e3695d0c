package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"standmap/ascii_maps"
	"standmap/db"
	"standmap/i18n"
	"standmap/model"
)

// uses names the common flags a command takes.
type uses int

// The common flags.
const (
	useDB       uses = 1 << iota // --db PATH (also STANDMAP_DB): it opens the database
	useEvent                     // --event NAME
	useMap                       // --map NAME|PATH: it needs the city's neighbourhoods
	useLang                      // --lang lv|ru|en: its text is translated
	useLangPair                  // --lang may also name two languages (lv,ru): present
	useAll      = useDB | useEvent | useMap | useLang
)

// place is where a command works and how one run of it is opened:
// locally from the common flags (local), over SSH on the database and
// event served (remote).
type place interface {
	// flags adds the common flags u to cmd (none over SSH).
	flags(cmd *cobra.Command, u uses)
	// open opens what u needs for one run of cmd; done closes it.
	open(cmd *cobra.Command, u uses) (e *env, done func(), err error)
	// remote is true for an SSH client: flags that would reach this
	// machine's files (export --out) are not given.
	remote() bool
}

// env is what one run of a command works with: the database and map it
// opened, the event asked for, the language and the streams.
type env struct {
	ctx            context.Context
	store          *db.SQLite       // nil without useDB
	city           *ascii_maps.City // nil without useMap
	eventName      string           // --event as given ("" = the current event)
	lang           string
	past           *pastTallies // tallies --at remembered (over SSH); nil: none
	stdin          io.Reader
	stdout, stderr io.Writer
}

// streams is an env of cmd with its context and streams only.
func streams(cmd *cobra.Command) *env {
	return &env{ctx: cmd.Context(), stdin: cmd.InOrStdin(), stdout: cmd.OutOrStdout(), stderr: cmd.ErrOrStderr()}
}

// local is one command's common flags, on this machine.
type local struct {
	db, event, mapName, lang string
}

// newLocal returns the common flags of one local command.
func newLocal() *local { return &local{} }

func (l *local) remote() bool { return false }

// flags gives cmd the common flags: those of u as its own, the others
// hidden. The contract accepts the common flags on every command (a
// script may pass --db and --lang to all); -h shows only those it uses.
func (l *local) flags(cmd *cobra.Command, u uses) {
	f := cmd.Flags()
	f.StringVar(&l.db, "db", os.Getenv("STANDMAP_DB"), "database path (also STANDMAP_DB; default "+defaultDBPath()+")")
	f.StringVar(&l.event, "event", "", "event name (default: the current event)")
	f.StringVar(&l.mapName, "map", "daugavpils", "city map: a built-in name or a map file's path")
	langHelp := "interface language: lv, ru or en"
	if u&useLangPair != 0 {
		langHelp += " (or two for a bilingual room, e.g. lv,ru)"
	}
	f.StringVar(&l.lang, "lang", defaultLang(), langHelp)
	for _, c := range []struct {
		use  uses
		name string
	}{{useDB, "db"}, {useEvent, "event"}, {useMap, "map"}, {useLang, "lang"}} {
		if u&c.use == 0 {
			f.MarkHidden(c.name)
		}
	}
}

func (l *local) open(cmd *cobra.Command, u uses) (*env, func(), error) {
	e := streams(cmd)
	e.eventName, e.lang = l.event, l.lang
	if u&useLang != 0 {
		lang, err := i18n.ParseLang(l.lang, u&useLangPair != 0)
		if err != nil {
			return nil, nil, usagef("%v", err)
		}
		e.lang = lang
	}
	if u&useMap != 0 {
		city, err := ascii_maps.Load(l.mapName)
		if err != nil {
			return nil, nil, err
		}
		e.city = city
	}
	done := func() {}
	if u&useDB != 0 {
		store, err := openStore(l.db)
		if err != nil {
			return nil, nil, err
		}
		e.store, done = store, func() { store.Close() }
	}
	return e, done, nil
}

// run opens what u needs from p for one run of cmd and calls fn with it.
func run(p place, cmd *cobra.Command, u uses, fn func(e *env) error) error {
	e, done, err := p.open(cmd, u)
	if err != nil {
		return err
	}
	defer done()
	return fn(e)
}

// openStore opens the database at path (the default one when empty),
// creating it and its folder when missing. A binary built without cgo
// stops here, before it touches any file: its SQLite is a stub.
func openStore(path string) (*db.SQLite, error) {
	if err := sqliteBuilt(); err != nil {
		return nil, err
	}
	if path == "" {
		path = defaultDBPath()
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create database folder: %w", err)
	}
	return db.Open(path)
}

// sqliteBuilt says, when this binary was built without cgo, that it
// cannot open a database and what to do.
func sqliteBuilt() error {
	if !cgoEnabled {
		return errors.New("built without cgo: SQLite needs it — install gcc (Debian/Ubuntu: apt-get install gcc) and build again with CGO_ENABLED=1")
	}
	return nil
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

// defaultLang is the language the locale names (LC_ALL, LC_MESSAGES,
// LANG: lv_*, ru_*), else en.
func defaultLang() string {
	return i18n.FromEnv(os.Getenv("LC_ALL"), os.Getenv("LC_MESSAGES"), os.Getenv("LANG"))
}

// event returns the --event event, creating it when it does not exist,
// or else the current event, starting today's when there is none: for
// the commands that capture (the application, serve, demo).
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

// existingEvent returns the --event event, which must exist, or else the
// current one (started today when there is none): for the commands that
// change an event.
func (e *env) existingEvent() (model.Event, error) {
	if e.eventName != "" {
		return e.namedEvent(e.eventName)
	}
	return e.event()
}

// readEvent returns the event a command that only reads shows, creating
// none: the --event event, which must exist; else the current event;
// else today's by name only (ID 0), which has nothing yet.
func (e *env) readEvent() (model.Event, error) {
	if e.eventName != "" {
		return e.namedEvent(e.eventName)
	}
	ev, err := e.store.CurrentEvent(e.ctx)
	if errors.Is(err, db.ErrNotFound) {
		return model.Event{Name: model.DefaultEventName(time.Now())}, nil
	}
	return ev, err
}

// namedEvent returns the event of that name, which must exist.
func (e *env) namedEvent(name string) (model.Event, error) {
	ev, err := e.store.Event(e.ctx, name)
	if errors.Is(err, db.ErrNotFound) {
		return ev, fmt.Errorf("no event %q (standmap events lists them)", name)
	}
	return ev, err
}

// defaultEventName is the --event name, else the current event's, else
// today's; it creates nothing, so that a failed import leaves no trace.
func (e *env) defaultEventName() (string, error) {
	if e.eventName != "" {
		return e.eventName, nil
	}
	ev, err := e.readEvent()
	return ev.Name, err
}
