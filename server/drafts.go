package server

import (
	"sync"
	"sync/atomic"
	"time"

	"charm.land/log/v2"
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"

	"standmap/db"
)

// One live session owns a draft. A facilitator's form keeps its visitor
// in a draft record, by key: the first draft of key K is K's own (its
// fingerprint), and a session of K opened while another of K is live (a
// second window) gets a draft of its own, K/2 (K/3 …), so that the two
// forms never overwrite each other's half-typed visitor. A session takes
// the lowest draft that no live session of K holds: a session that
// dropped leaves its draft to the next session of K, which brings its
// visitor back. Before choosing, a new session waits for K's sessions
// that are ending (their connection closed or their program done) and
// K's writes under way (at most draftWait): a dropped session's save in
// flight empties its draft first, and its visitor is not saved twice. A
// session that holds a draft and looks live is asked whether it is still
// there (an SSH keepalive on its channel, at most probeWait): one that
// does not answer (closed alone on a multiplexed connection, or a network
// that vanished without a word) is lost — a silent one has its
// connection closed (clientAnswers) — and the new session waits for it to
// end as for any session ending — the keys it read before it went may
// still save — then takes its draft. A session gone is waited for once
// (formSession.graceEnd): the next sessions of K do not wait for it again.

// draftWait is how long a facilitator's new session waits, before it
// reads the form's draft, for the writes of their sessions still under
// way (a save or a draft sent just before a connection dropped) and for
// their sessions still ending: as long as the server waits for a
// session's writes (storeWait). A shorter wait (it was 5 s) ran out on a
// loaded machine before the dropped session had handled its keys and
// saved, and the new session's form got the visitor being saved (e2e
// TestE2EKillAfterSave caught it). Meanwhile the form holds the keys typed
// (tui: "reading this form's draft…"); the application waits longer for
// its draft than probeWait + draftWait. A variable: a test makes it long,
// so that a wait shows as one.
var draftWait = storeWait

// probeWait bounds how long a new session waits for a live session of
// the same key to answer a keepalive before it takes that session's
// draft (a client gone without closing its connection never answers).
var probeWait = 10 * time.Second

// formSession is one facilitator's application session, as the drafts
// see it: which draft it holds, and whether it is still live.
type formSession struct {
	who   string
	slot  int         // the draft held: 1 is who's own, n > 1 is who/n; 0 none yet (facilitatorWrites.mu)
	ended atomic.Bool // its program has ended: it types no more
	// lost is set when its client did not answer a keepalive: its draft
	// goes to the next session once it has ended (or at the wait's end).
	lost atomic.Bool
	// closed reports whether its connection has closed (nil: never).
	closed func() bool
	// answers reports whether its client answers within the time given
	// (nil: it does).
	answers func(within time.Duration) bool
	// graceEnd (facilitatorWrites.mu) is when a new session stops waiting
	// for this one, gone, to end: set the first time a claim finds it
	// gone, so that it is waited for once. A client lost without a word
	// keeps its connection, and its session, until the idle limit: every
	// later session of the key would wait its whole draftWait for it.
	graceEnd time.Time
}

// gone reports whether the session is ending: it will write no new form.
func (f *formSession) gone() bool {
	return f.ended.Load() || f.lost.Load() || (f.closed != nil && f.closed())
}

// alive asks the session's client whether it still answers.
func (f *formSession) alive(within time.Duration) bool {
	return f.answers == nil || f.answers(within)
}

// clientAnswers asks the session's client, by an SSH keepalive request on
// the session's own channel (as sshd's ClientAliveInterval does), whether
// that session is still there: any reply (OpenSSH replies that it does
// not know the request) is an answer. On the channel, not the connection:
// a session closed alone on a connection that stays (a multiplexed
// client) answers no more, at once, and leaves its draft to the next. A
// client silent for the whole wait has its connection closed (as sshd's
// ClientAliveCountMax does): its draft goes to the facilitator's new
// window, and a client that wakes up later (a laptop lid opened, a
// stopped process continued) must not write its old form over it — it
// finds its connection closed, and its next session has a draft of its
// own. Closing also ends its session at once, so the new window waits for
// the keys it had read, not for the idle limit.
func clientAnswers(sess ssh.Session, logger *log.Logger) func(time.Duration) bool {
	return func(within time.Duration) bool {
		answered := make(chan bool, 1)
		go func() { // ends with the reply, or with the channel
			_, err := sess.SendRequest("keepalive@openssh.com", true, nil)
			answered <- err == nil
		}()
		select {
		case ok := <-answered:
			return ok
		case <-time.After(within):
			if c, ok := sess.Context().Value(ssh.ContextKeyConn).(gossh.Conn); ok {
				logger.Warn("connection closed: a facilitator's client did not answer; its draft goes to their new session",
					"who", identify(sess).who, "waited", within, "remote-addr", sess.RemoteAddr())
				c.Close()
			}
			return false
		}
	}
}

// facilitatorWrites counts, per facilitator, the writes of their sessions
// under way and their application sessions with the draft each holds, so
// that a session that reconnects reads the draft once the session it
// replaces has ended and its save in flight has emptied the draft (the
// visitor it saved does not come back into the new session's form to be
// saved twice), and so that two live sessions never share a draft.
type facilitatorWrites struct {
	mu     sync.Mutex
	cond   *sync.Cond
	writes map[string]int
	forms  map[string][]*formSession
}

func newFacilitatorWrites() *facilitatorWrites {
	w := &facilitatorWrites{writes: make(map[string]int), forms: make(map[string][]*formSession)}
	w.cond = sync.NewCond(&w.mu)
	return w
}

// begin counts a write of who until done is called.
func (w *facilitatorWrites) begin(who string) (done func()) {
	w.mu.Lock()
	w.writes[who]++
	w.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			w.mu.Lock()
			if w.writes[who]--; w.writes[who] <= 0 {
				delete(w.writes, who)
			}
			w.cond.Broadcast()
			w.mu.Unlock()
		})
	}
}

// open counts f among its facilitator's sessions until done is called;
// its draft is then free for the next session.
func (w *facilitatorWrites) open(f *formSession) (done func()) {
	w.mu.Lock()
	w.forms[f.who] = append(w.forms[f.who], f)
	w.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			w.mu.Lock()
			fs := w.forms[f.who]
			for i, o := range fs {
				if o == f {
					fs = append(fs[:i:i], fs[i+1:]...)
					break
				}
			}
			if len(fs) == 0 {
				delete(w.forms, f.who)
			} else {
				w.forms[f.who] = fs
			}
			w.cond.Broadcast()
			w.mu.Unlock()
		})
	}
}

// claim returns the key of the draft f holds, choosing it on the first
// call (see the rule above): after waiting (at most max) for f's
// facilitator's writes under way and their other sessions that are
// ending, the lowest draft no other live session holds.
func (w *facilitatorWrites) claim(f *formSession, max time.Duration) string {
	w.mu.Lock()
	slot := f.slot
	w.mu.Unlock()
	if slot > 0 {
		return db.DraftKey(f.who, slot)
	}
	end := time.Now().Add(max)
	settled := func() bool {
		if w.writes[f.who] > 0 {
			return false
		}
		for _, o := range w.forms[f.who] {
			if o != f && o.gone() {
				if o.graceEnd.IsZero() {
					o.graceEnd = end
				}
				if time.Now().Before(o.graceEnd) {
					return false
				}
			}
		}
		return true
	}
	w.waitUntil(end, settled)
	w.mu.Lock()
	var holders []*formSession
	for _, o := range w.forms[f.who] {
		if o != f && o.slot > 0 && !o.gone() {
			holders = append(holders, o)
		}
	}
	w.mu.Unlock()
	var lost atomic.Bool
	var wg sync.WaitGroup
	for _, o := range holders {
		wg.Go(func() {
			if !o.alive(probeWait) {
				o.lost.Store(true)
				lost.Store(true)
			}
		})
	}
	wg.Wait()
	if lost.Load() { // its keys read before it went may still save: wait for its end
		w.waitUntil(end, settled)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if f.slot == 0 {
		held := make(map[int]bool)
		for _, o := range w.forms[f.who] {
			if o != f && o.slot > 0 && !o.gone() {
				held[o.slot] = true
			}
		}
		for f.slot = 1; held[f.slot]; f.slot++ {
		}
	}
	return db.DraftKey(f.who, f.slot)
}

// waitUntil returns once ready (called with w.mu held) is true, or at
// end.
func (w *facilitatorWrites) waitUntil(end time.Time, ready func() bool) {
	wake := time.AfterFunc(time.Until(end), func() {
		w.mu.Lock()
		w.cond.Broadcast()
		w.mu.Unlock()
	})
	defer wake.Stop()
	w.mu.Lock()
	for !ready() && time.Now().Before(end) {
		w.cond.Wait()
	}
	w.mu.Unlock()
}
