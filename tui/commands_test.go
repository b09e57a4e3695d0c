package tui

import (
	"testing"

	"standmap/db"
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
}
