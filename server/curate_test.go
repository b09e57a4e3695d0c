package server

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"standmap/db"
	"standmap/model"
)

// TestCurationThroughSessions: a viewer cannot curate; two facilitators'
// sessions curating at once both land, each under its own name.
func TestCurationThroughSessions(t *testing.T) {
	ctx := context.Background()
	ts := startServer(t, nil)
	if _, err := ts.storeFor(Facilitator, "fac").CreateEvent(ctx, "test"); err != nil {
		t.Fatal(err)
	}
	viewer := db.Curator(ts.storeFor(Viewer, ""))
	if _, err := viewer.Curate(ctx, "test", "viewer", model.CurationAction{Verb: model.VerbModerate, On: true}); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("viewer curate: %v, want ErrReadOnly", err)
	}
	if _, err := viewer.UndoCuration(ctx, "test", "viewer", 0); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("viewer undo: %v, want ErrReadOnly", err)
	}
	var wg sync.WaitGroup
	for i := range 2 {
		st := db.Curator(ts.storeFor(Facilitator, "fac"))
		wg.Go(func() {
			for k := range 10 {
				a := model.CurationAction{Verb: model.VerbHide, Keys: []string{fmt.Sprintf("wish %d-%d", i, k)}}
				if _, err := st.Curate(ctx, "test", fmt.Sprintf("SHA256:key%d", i), a); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	log, err := ts.storeFor(Viewer, "").CurationLog(ctx, "test")
	if err != nil || len(log) != 20 {
		t.Fatalf("log of %d entries, %v", len(log), err)
	}
}
