package tui

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"standmap/db"
	"standmap/model"
)

// countingDrafts is a db.Drafts that records the forms written.
type countingDrafts struct {
	mu     sync.Mutex
	forms  []string
	during func() // called inside each write
}

func (c *countingDrafts) Draft(context.Context, string, string) (db.Draft, error) {
	return db.Draft{Number: 7}, nil
}

func (c *countingDrafts) PutDraft(_ context.Context, _, _, form string) error {
	if c.during != nil {
		c.during()
	}
	c.mu.Lock()
	c.forms = append(c.forms, form)
	c.mu.Unlock()
	return nil
}

func (c *countingDrafts) SaveDrafted(context.Context, model.Response, string) (model.Response, db.Draft, error) {
	return model.Response{}, db.Draft{}, nil
}

// TestDraftKeeperCoalesces: forms handed over while a write is under way
// start no second write; the newest of them is written next, the ones in
// between never; the same form twice is written once.
func TestDraftKeeperCoalesces(t *testing.T) {
	store := &countingDrafts{}
	k := newDraftKeeper(store, "fair", "local")
	cmd := k.put("a", nil)
	if cmd == nil {
		t.Fatal("the first form starts no write")
	}
	store.during = func() { // while "a" is being written, three more changes
		store.during = nil
		for _, f := range []string{"b", "c", "d"} {
			if k.put(f, nil) != nil {
				t.Errorf("%s started a second write", f)
			}
		}
	}
	if msg, ok := cmd().(draftStoredMsg); !ok || msg.err != nil {
		t.Fatalf("the write ended with %v", msg)
	}
	if want := "[a d]"; fmt.Sprint(store.forms) != want {
		t.Errorf("written %v, want %s", store.forms, want)
	}
	if k.put("d", nil) != nil {
		t.Error("the same form again starts a write")
	}
	k.flush() // nothing under way: returns at once
}
