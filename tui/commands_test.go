package tui

import (
	"testing"
)

// tracker counts writes begun and finished, as the SSH server's session
// store does for its shutdown.
type tracker struct{ begun, ended int }

func (tr *tracker) BeginWrite() func() {
	tr.begun++
	return func() { tr.ended++ }
}

// TestWritesCountFromTheKey: a save, an undo and a curation action count
// as writes from the Update that decides on them — before their command
// runs — until the command ends.
func TestWritesCountFromTheKey(t *testing.T) {
	r := newRig(t)
	ts := &tracker{}
	r.start(Options{Store: r.store, Drafts: r.store, Writes: ts, Event: r.ev, Who: "w"}, 120, 40)
	r.press("gri<enter>Benches<enter>") // the form's draft is written as it changes: writes too
	if ts.begun == 0 || ts.ended != ts.begun {
		t.Fatalf("typing: %d writes of the draft begun, %d ended", ts.begun, ts.ended)
	}
	for _, key := range []string{"<ctrl+s>", "<ctrl+z>"} {
		before := ts.begun
		m, cmd := r.m.Update(keys(key)[0])
		if ts.begun != before+1 || ts.ended != before || cmd == nil {
			t.Fatalf("%s: %d begun, %d ended before the command ran (%d before the key)", key, ts.begun, ts.ended, before)
		}
		r.m = m.(Model)
		r.do(cmd())
		if ts.ended != ts.begun {
			t.Fatalf("%s: %d begun, %d ended after the command", key, ts.begun, ts.ended)
		}
	}
	if n := len(r.stored()); n != 0 {
		t.Errorf("saved then undone: %d stored", n)
	}

	// A curation action, counted the same way.
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
