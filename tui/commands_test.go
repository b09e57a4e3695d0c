package tui

import (
	"context"
	"testing"

	"standmap/db"
	"standmap/model"
)

// trackingStore counts writes begun and finished, as the SSH server's
// session store does for its shutdown.
type trackingStore struct {
	db.Store
	begun, ended int
}

func (s *trackingStore) BeginWrite() func() {
	s.begun++
	return func() { s.ended++ }
}

// TestWritesCountFromTheKey: a save, an undo and a curation action count
// as writes from the Update that decides on them — before their command
// runs — until the command ends.
func TestWritesCountFromTheKey(t *testing.T) {
	r := newRig(t)
	ts := &trackingStore{Store: r.store}
	r.m = testModel(t, Options{Store: ts, Event: r.ev, Who: "w"}, nil, 120, 40)
	r.refresh()
	r.press("gri<enter>Benches<enter>")
	for _, step := range []struct {
		key  string
		want int
	}{{"<ctrl+s>", 1}, {"<ctrl+z>", 2}} {
		m, cmd := r.m.Update(keys(step.key)[0])
		if ts.begun != step.want || ts.ended != step.want-1 || cmd == nil {
			t.Fatalf("%s: %d begun, %d ended before the command ran", step.key, ts.begun, ts.ended)
		}
		r.m = m.(Model)
		r.do(cmd())
		if ts.ended != step.want {
			t.Fatalf("%s: %d ended after the command", step.key, ts.ended)
		}
	}
	if n := len(r.stored()); n != 0 {
		t.Errorf("saved then undone: %d stored", n)
	}

	// A curation action, through the same store as the Curator.
	r.press("gri<enter>Benches<enter><ctrl+s><ctrl+k>")
	begun := ts.begun
	m, cmd := r.m.Update(keys("h")[0])
	if ts.begun != begun+1 || ts.ended != begun || cmd == nil {
		t.Fatalf("h in the curation view: %d begun, %d ended before the command ran", ts.begun, ts.ended)
	}
	r.m = m.(Model)
	r.do(cmd())
	if ts.ended != ts.begun {
		t.Errorf("h: %d begun, %d ended after the command", ts.begun, ts.ended)
	}
}

// Curate and UndoCuration make trackingStore a db.Curator, as the SSH
// session store is.
func (s *trackingStore) Curate(ctx context.Context, event, who string, a model.CurationAction) (db.CurationEntry, error) {
	return s.Store.(db.Curator).Curate(ctx, event, who, a)
}

func (s *trackingStore) UndoCuration(ctx context.Context, event, who string, seq int64) (db.CurationEntry, error) {
	return s.Store.(db.Curator).UndoCuration(ctx, event, who, seq)
}
