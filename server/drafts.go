package server

import (
	"sync"
	"time"
)

// draftWait is how long a facilitator's new session waits, before it
// reads the form's draft, for the writes of their sessions still under
// way (a save or a draft sent just before a connection dropped): as long
// as the server waits for a session's writes (storeWait). A shorter wait
// (it was 5 s) ran out on a loaded machine before the dropped session had
// handled its keys and saved, and the new session's form got the visitor
// being saved (e2e TestE2EKillAfterSave caught it). Meanwhile the form
// works; only its number shows late. A variable: a test makes it long, so
// that a wait shows as one.
var draftWait = storeWait

// facilitatorWrites counts, per facilitator, their application sessions
// and the writes of their sessions under way, so that a session that
// reconnects reads the draft once the session it replaces has ended and
// its save in flight has emptied the draft: the visitor it saved does not
// come back into the new session's form to be saved twice.
type facilitatorWrites struct {
	mu   sync.Mutex
	cond *sync.Cond
	n    map[string]int
}

func newFacilitatorWrites() *facilitatorWrites {
	w := &facilitatorWrites{n: make(map[string]int)}
	w.cond = sync.NewCond(&w.mu)
	return w
}

// begin counts a session or a write of who until done is called.
func (w *facilitatorWrites) begin(who string) (done func()) {
	w.mu.Lock()
	w.n[who]++
	w.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			w.mu.Lock()
			if w.n[who]--; w.n[who] <= 0 {
				delete(w.n, who)
			}
			w.cond.Broadcast()
			w.mu.Unlock()
		})
	}
}

// wait returns once at most own sessions and writes of who are under
// way (the caller's own session), or after max.
func (w *facilitatorWrites) wait(who string, own int, max time.Duration) {
	wake := time.AfterFunc(max, func() {
		w.mu.Lock()
		w.cond.Broadcast()
		w.mu.Unlock()
	})
	defer wake.Stop()
	end := time.Now().Add(max)
	w.mu.Lock()
	for w.n[who] > own && time.Now().Before(end) {
		w.cond.Wait()
	}
	w.mu.Unlock()
}
