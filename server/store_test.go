package server

import (
	"context"
	"errors"
	"reflect"
	"sync/atomic"
	"testing"

	"standmap/db"
	"standmap/model"
)

// unreachable is a store every call of which panics: a write that gets
// past a viewer's guard reaches it.
type unreachable struct{ db.Store }

// TestEveryWriteGuarded calls every method of db.Writer on a viewer's
// store, with zero arguments, through reflection: each must say
// ErrReadOnly without reaching the database. A write method added to the
// store fails here (or, first, fails to compile: sessionStore implements
// db.Writer method by method) until it has its guard.
func TestEveryWriteGuarded(t *testing.T) {
	st := &sessionStore{Reader: unreachable{}, store: unreachable{}, readOnly: true,
		writes: new(atomic.Int64), byWho: newFacilitatorWrites()}
	callEveryWrite(t, st, func(t *testing.T, name string, reached any, err error) {
		if reached != nil {
			t.Fatalf("a viewer's %s reached the database: %v", name, reached)
		}
		if !errors.Is(err, ErrReadOnly) {
			t.Fatalf("a viewer's %s: %v, want ErrReadOnly", name, err)
		}
	})
	if st.writes.Load() != 0 {
		t.Errorf("refused writes counted: %d", st.writes.Load())
	}
}

// callEveryWrite calls every method of db.Writer on st through
// reflection, each in a subtest of its own with zero arguments (a
// background context first), and hands check what came of it: what it
// panicked with when it reached the database (unreachable), else nil,
// and the error it returned. It returns how many methods it called.
func callEveryWrite(t *testing.T, st *sessionStore, check func(t *testing.T, name string, reached any, err error)) int {
	t.Helper()
	writer := reflect.TypeFor[db.Writer]()
	if writer.NumMethod() < 15 {
		t.Fatalf("db.Writer has %d methods: the test no longer sees them all", writer.NumMethod())
	}
	v := reflect.ValueOf(st)
	for i := range writer.NumMethod() {
		name := writer.Method(i).Name
		t.Run(name, func(t *testing.T) {
			m := v.MethodByName(name)
			args := make([]reflect.Value, m.Type().NumIn())
			for j := range args {
				args[j] = reflect.Zero(m.Type().In(j))
			}
			args[0] = reflect.ValueOf(context.Background())
			var err error
			reached := func() (p any) {
				defer func() { p = recover() }()
				out := m.Call(args)
				err, _ = out[len(out)-1].Interface().(error)
				return nil
			}()
			check(t, name, reached, err)
		})
	}
	return writer.NumMethod()
}

// TestFacilitatorImportsCuration: an import through a facilitator's
// session store carries the file's curation, in the import's transaction
// (it used to be dropped: the session store was no curation importer).
func TestFacilitatorImportsCuration(t *testing.T) {
	ctx := context.Background()
	ts := startServer(t, nil)
	st := ts.storeFor(Facilitator, "fac")
	rs := []model.Response{{ID: "r1", Event: "fair", Marks: []model.Mark{{Wish: "Benches"}}}}
	cur := db.ImportCuration{Who: "import fair.csv", Actions: map[string][]model.CurationAction{
		"fair": {{Verb: model.VerbHide, Keys: []string{"benches"}}},
	}}
	res, err := st.ImportCurated(ctx, rs, false, cur)
	if err != nil || res.Added != 1 || res.CurationActions != 1 {
		t.Fatalf("import: %+v, %v", res, err)
	}
	log, err := st.CurationLog(ctx, "fair")
	if err != nil || len(log) != 1 || log[0].Who != "import fair.csv" {
		t.Fatalf("log %+v, %v", log, err)
	}
	if st.writes.Load() != 0 {
		t.Errorf("%d writes still counted after the import", st.writes.Load())
	}
}

// draftWrites are the writes a facilitator's session may still make once
// its key was taken out: its own draft, so that the visitor on its screen
// is not lost (sessionStore.draftWrite).
var draftWrites = map[string]bool{"Draft": true, "PutDraft": true}

// TestEveryWriteOfARemovedKeyRefused calls every method of db.Writer on
// the store of a facilitator's session whose key is no longer in the
// authorized keys file: each says ErrKeyRemoved without reaching the
// database, but for the session's own draft (draftWrites), deliberately
// allowed.
func TestEveryWriteOfARemovedKeyRefused(t *testing.T) {
	checks := 0
	st := &sessionStore{Reader: unreachable{}, store: unreachable{}, who: "SHA256:k",
		writes: new(atomic.Int64), byWho: newFacilitatorWrites(),
		still: func() error { checks++; return ErrKeyRemoved }}
	n := callEveryWrite(t, st, func(t *testing.T, name string, reached any, err error) {
		if (reached != nil) != draftWrites[name] {
			t.Fatalf("%s of a removed key: reached the database %v, want %v (%v)", name, reached != nil, draftWrites[name], reached)
		}
		if reached == nil && !errors.Is(err, ErrKeyRemoved) {
			t.Fatalf("%s of a removed key: %v, want ErrKeyRemoved", name, err)
		}
	})
	if want := n - len(draftWrites); checks != want {
		t.Errorf("the key was checked %d times, want %d (once a write)", checks, want)
	}
	if st.writes.Load() != 0 {
		t.Errorf("refused writes counted: %d", st.writes.Load())
	}
}
