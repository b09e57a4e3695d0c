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
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("a viewer's %s reached the database: %v", name, p)
				}
			}()
			out := m.Call(args)
			err, _ := out[len(out)-1].Interface().(error)
			if !errors.Is(err, ErrReadOnly) {
				t.Fatalf("a viewer's %s: %v, want ErrReadOnly", name, err)
			}
		})
	}
	if st.writes.Load() != 0 {
		t.Errorf("refused writes counted: %d", st.writes.Load())
	}
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
