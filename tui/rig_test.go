package tui

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"standmap/db"
	"standmap/model"
)

// rig is a model on a real SQLite database in a temporary folder.
type rig struct {
	t       *testing.T
	store   *db.SQLite
	ev      model.Event
	m       Model
	quitted bool // a command quit the program
}

func newRig(t *testing.T) *rig {
	t.Helper()
	s, err := db.Open(filepath.Join(t.TempDir(), "standmap.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ev, err := s.CreateEvent(context.Background(), "Test fair")
	if err != nil {
		t.Fatal(err)
	}
	r := &rig{t: t, store: s, ev: ev}
	r.start(Options{Store: s, Drafts: s, Event: ev, DBPath: s.Path(), Who: "local:test"}, 160, 48)
	return r
}

// start makes the rig's model anew, as the program starts it (Init's
// commands run: the draft is read), holding the store's snapshot.
func (r *rig) start(o Options, w, h int) {
	r.t.Helper()
	r.m = testModel(r.t, o, nil, w, h)
	r.run(r.m.Init())
	r.refresh()
}

// press sends keys; commands run at once, against the store, and their
// messages go back to the model, as the program would do.
func (r *rig) press(seq string) {
	r.t.Helper()
	for _, k := range keys(seq) {
		r.do(k)
	}
}

// sendOnly sends keys and drops the commands they return (views whose
// commands tick on for ever, the projection's) but the draft's writes.
func (r *rig) sendOnly(seq string) {
	for _, k := range keys(seq) {
		r.m = send(r.m, k)
		if kp := r.m.keeper; kp != nil {
			kp.mu.Lock()
			busy := kp.busy
			kp.mu.Unlock()
			if busy {
				r.run(kp.drain)
			}
		}
	}
}

// do sends one message and runs the commands it returns.
func (r *rig) do(msg tea.Msg) {
	nm, cmd := r.m.Update(msg)
	r.m = nm.(Model)
	r.run(cmd)
}

// run runs cmd (a batch or a sequence: each of its commands, in order)
// and gives its messages to the model; it notes a quit in quitted.
func (r *rig) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	msg := cmd()
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		for i := range v.Len() { // tea.BatchMsg, or a sequence
			r.run(v.Index(i).Interface().(tea.Cmd))
		}
		return
	}
	if _, ok := msg.(tea.QuitMsg); ok {
		r.quitted = true
		return
	}
	nm, next := r.m.Update(msg)
	r.m = nm.(Model)
	switch msg.(type) {
	case savedMsg, deletedMsg, undoneMsg, redoneMsg:
		r.refresh() // what the hub would send
	}
	r.run(next)
}

// refresh gives the model a snapshot of the store, as the hub would.
func (r *rig) refresh() {
	r.t.Helper()
	r.m = send(r.m, SnapshotMsg{Snapshot: r.snapshot()})
}

// snapshot counts the store's responses as the hub would.
func (r *rig) snapshot() *model.Snapshot {
	r.t.Helper()
	t := model.NewTallier(r.m.gaz, r.ev.Name)
	ctx := context.Background()
	if err := r.store.EachResponse(ctx, r.ev.Name, func(x model.Response) error { t.Put(x); return nil }); err != nil {
		r.t.Fatal(err)
	}
	s := t.Snapshot()
	s.Event = r.ev.Name
	rec, err := r.store.Recent(ctx, r.ev.Name, 10)
	if err != nil {
		r.t.Fatal(err)
	}
	s.Recent = rec
	return s
}

// stored returns every stored response of the event.
func (r *rig) stored() []model.Response {
	r.t.Helper()
	var out []model.Response
	if err := r.store.EachResponse(context.Background(), r.ev.Name, func(x model.Response) error {
		out = append(out, x)
		return nil
	}); err != nil {
		r.t.Fatal(err)
	}
	return out
}

func (r *rig) screen() string { return ansi.Strip(r.m.View().Content) }

// newRigOn is a second session on the store of r, of another
// facilitator.
func newRigOn(t *testing.T, r *rig) *rig {
	return newRigAs(t, r, "SHA256:other")
}

// newRigAs is a session on the store of r of the facilitator who: as the
// application starts, after a quit or a crash too.
func newRigAs(t *testing.T, r *rig, who string) *rig {
	o := &rig{t: t, store: r.store, ev: r.ev}
	o.start(Options{Store: r.store, Drafts: r.store, Event: r.ev, Who: who}, 160, 48)
	return o
}
