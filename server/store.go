package server

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"standmap/db"
	"standmap/i18n"
	"standmap/model"
)

// ErrReadOnly is returned by a viewer's store for every write.
var ErrReadOnly = errors.New("viewers can change nothing")

// ErrKeyRemoved is returned for a write of a facilitator's session whose
// key is no longer a facilitator's: taken out of the authorized keys file
// (or expired, or its from= no longer admits the client) while the
// session was open. Its words for the person (i18n.Reason) say so and
// what to do.
var ErrKeyRemoved error = keyRemovedError{}

type keyRemovedError struct{}

func (keyRemovedError) Error() string {
	return "this key is no longer a facilitator's (it was taken out of the authorized keys file)"
}

// Said gives the refusal's words in lang (i18n.Said).
func (keyRemovedError) Said(lang string) string { return i18n.T(lang, i18n.RoleKeyRemoved) }

// sessionStore is the store a session gets: every write is counted, the
// server's way (so that Shutdown lets saves in flight finish), the
// session's (so that the session can wait for its own and say how its
// saves ended: settled) and the facilitator's (so that a new session of
// theirs reads the draft after the old one's writes); a viewer's refuses
// writes. Reads pass through (db.Reader is embedded); every write of
// db.Writer is a method of its own here, through write, so a write added
// to the store cannot reach a session unguarded: the store stops
// compiling until it has its method (and TestEveryWriteGuarded calls
// each one as a viewer).
type sessionStore struct {
	db.Reader
	store    db.Store // the server's, written through write
	readOnly bool
	writes   *atomic.Int64
	mine     sync.WaitGroup     // this session's writes in flight
	who      string             // the facilitator's key fingerprint ("" for viewers)
	byWho    *facilitatorWrites // every session and write under way, by facilitator
	form     *formSession       // the facilitator's form session (nil: none), which holds a draft
	// still reports, at the moment of a write, whether the session's key
	// is still a facilitator's (ErrKeyRemoved when not); nil: not checked
	// (a store made in a test without a session).
	still func() error

	mu      sync.Mutex
	saves   int   // responses saved by this session
	lastNum int64 // the number of the last one
	lastErr error // why the last save failed, if it did
}

// storeFor returns the store for a session of the role and facilitator.
func (s *Server) storeFor(r Role, who string) *sessionStore {
	return &sessionStore{Reader: s.cfg.Store, store: s.cfg.Store, readOnly: r != Facilitator, writes: &s.writes, who: who, byWho: s.byWho}
}

// write runs fn as a tracked write, or refuses it: every write of a
// viewer, and every write of a facilitator whose key has been taken out
// of the authorized keys file since the session began, checked now (the
// file is read again when it changed): a role lost is lost at once.
func (st *sessionStore) write(fn func() error) error {
	if err := st.Allowed(); err != nil {
		return err
	}
	return st.draftWrite(fn)
}

// Allowed reports whether the session may write now (SessionStore).
func (st *sessionStore) Allowed() error {
	if st.readOnly {
		return ErrReadOnly
	}
	if st.still != nil {
		return st.still()
	}
	return nil
}

// draftWrite runs fn as a tracked write of the session's own draft:
// refused to viewers, but allowed to a facilitator whose key was taken
// out meanwhile, deliberately. The draft counts nowhere and shows on no
// one else's screen; it is the visitor being typed, which the refused
// save leaves on the screen, and which is kept so that nothing typed is
// lost when the session then ends: it comes back in the key's form once
// the key is put back. Its size is the form's, one record per draft.
func (st *sessionStore) draftWrite(fn func() error) error {
	if st.readOnly {
		return ErrReadOnly
	}
	done := st.BeginWrite()
	defer done()
	return fn()
}

// BeginWrite counts a write from the key that decided on it (the
// application's Update) until done, so that Shutdown, which waits for the
// session's program to end and then for the writes, never misses a save
// whose command has not reached the store yet (tui.WriteTracker).
func (st *sessionStore) BeginWrite() (done func()) {
	st.writes.Add(1)
	st.mine.Add(1)
	theirs := st.byWho.begin(st.who)
	var once sync.Once
	return func() { once.Do(func() { st.writes.Add(-1); st.mine.Done(); theirs() }) }
}

// settled waits up to within for the session's writes in flight, and
// returns how many responses it saved, the last one's number, and why
// its last save failed if it did (nil when it did not, or when writes
// were still running at the end of within).
func (st *sessionStore) settled(within time.Duration) (saves int, last int64, failed error) {
	done := make(chan struct{})
	go func() { st.mine.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(within):
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.saves, st.lastNum, st.lastErr
}

// noteSave remembers how a save went, for the session's last words
// (settled).
func (st *sessionStore) noteSave(r model.Response, err error) {
	if errors.Is(err, ErrReadOnly) {
		return
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	if err == nil {
		st.saves, st.lastNum = st.saves+1, r.Number
	}
	st.lastErr = err
}

// SetDisplay hides, reveals or freezes the results (facilitators only).
func (st *sessionStore) SetDisplay(ctx context.Context, event string, d model.DisplayState) error {
	return st.write(func() error { return st.store.SetDisplay(ctx, event, d) })
}

// CreateEvent starts an event (facilitators only).
func (st *sessionStore) CreateEvent(ctx context.Context, name string) (ev model.Event, err error) {
	err = st.write(func() error { ev, err = st.store.CreateEvent(ctx, name); return err })
	return ev, err
}

// SaveResponse stores a response (facilitators only).
func (st *sessionStore) SaveResponse(ctx context.Context, r model.Response) (out model.Response, err error) {
	err = st.write(func() error { out, err = st.store.SaveResponse(ctx, sanitized(r)); return err })
	st.noteSave(out, err)
	return out, err
}

// DeleteResponse marks a response deleted (facilitators only).
func (st *sessionStore) DeleteResponse(ctx context.Context, event, id, who string) (out model.Response, err error) {
	err = st.write(func() error { out, err = st.store.DeleteResponse(ctx, event, id, who); return err })
	return out, err
}

// RestoreResponse counts a deleted response again (facilitators only).
func (st *sessionStore) RestoreResponse(ctx context.Context, event, id string) (out model.Response, err error) {
	err = st.write(func() error { out, err = st.store.RestoreResponse(ctx, event, id); return err })
	return out, err
}

// Draft reads (creating it, which is a write) the facilitator's draft
// (facilitators only): the draft the session holds, chosen on the first
// read once the facilitator's sessions that are ending and their writes
// have ended (at most draftWait; see drafts.go): a session whose
// connection dropped finishes its keys and its save, which empties the
// draft, before a new session reads it, and a second live session of the
// key gets a draft of its own.
func (st *sessionStore) Draft(ctx context.Context, event, who string) (d db.Draft, err error) {
	if st.readOnly {
		return d, ErrReadOnly
	}
	key := st.draftKey(who)
	err = st.draftWrite(func() error { d, err = st.store.Draft(ctx, event, key); return err })
	return d, err
}

// PutDraft stores the facilitator's form (facilitators only) in the draft
// the session holds; allowed after the key was taken out (draftWrite).
func (st *sessionStore) PutDraft(ctx context.Context, event, who, form string) error {
	if st.readOnly {
		return ErrReadOnly
	}
	key := st.draftKey(who)
	return st.draftWrite(func() error { return st.store.PutDraft(ctx, event, key, form) })
}

// SaveDrafted saves a response from the facilitator's form (facilitators
// only), emptying the draft the session holds.
func (st *sessionStore) SaveDrafted(ctx context.Context, r model.Response, who string) (out model.Response, d db.Draft, err error) {
	if st.readOnly {
		return out, d, ErrReadOnly
	}
	key := st.draftKey(who)
	err = st.write(func() error { out, d, err = st.store.SaveDrafted(ctx, sanitized(r), key); return err })
	st.noteSave(out, err)
	return out, d, err
}

// draftKey is the store's name of who's draft for this session: the
// draft its form holds when who is the session's facilitator, else who.
func (st *sessionStore) draftKey(who string) string {
	if st.form == nil || who != st.who {
		return who
	}
	return st.byWho.claim(st.form, draftWait)
}

// Import writes responses (facilitators only).
func (st *sessionStore) Import(ctx context.Context, rs []model.Response, skip bool) (res db.ImportResult, err error) {
	err = st.write(func() error { res, err = st.store.Import(ctx, sanitizedAll(rs), skip); return err })
	return res, err
}

// ImportCurated writes responses with the curation their file carries
// (facilitators only).
func (st *sessionStore) ImportCurated(ctx context.Context, rs []model.Response, skip bool, cur db.ImportCuration) (res db.ImportResult, err error) {
	err = st.write(func() error { res, err = st.store.ImportCurated(ctx, sanitizedAll(rs), skip, cur); return err })
	return res, err
}

// Curate takes a curation action (facilitators only).
func (st *sessionStore) Curate(ctx context.Context, event, who string, a model.CurationAction) (e db.CurationEntry, err error) {
	err = st.write(func() error { e, err = st.store.Curate(ctx, event, who, a); return err })
	return e, err
}

// UndoCuration undoes a curation action (facilitators only).
func (st *sessionStore) UndoCuration(ctx context.Context, event, who string, seq int64) (e db.CurationEntry, err error) {
	err = st.write(func() error { e, err = st.store.UndoCuration(ctx, event, who, seq); return err })
	return e, err
}

// Path returns the database file's path.
func (st *sessionStore) Path() string { return st.store.Path() }

// Close is refused: the server owns the database.
func (st *sessionStore) Close() error { return nil }

// A session's store is a whole store, and implements every write itself.
var (
	_ db.Store  = (*sessionStore)(nil)
	_ db.Writer = (*sessionStore)(nil)
)

// sanitizedAll returns rs, each sanitized.
func sanitizedAll(rs []model.Response) []model.Response {
	clean := make([]model.Response, len(rs))
	for i, r := range rs {
		clean[i] = sanitized(r)
	}
	return clean
}

// sanitized returns r with model.Sanitize applied to its typed text, so
// nothing stored can drive another person's terminal.
func sanitized(r model.Response) model.Response {
	r.AgeGroup = model.Sanitize(r.AgeGroup)
	marks := make([]model.Mark, len(r.Marks))
	for i, m := range r.Marks {
		marks[i] = model.Mark{
			Neighbourhood: model.Sanitize(m.Neighbourhood),
			Wish:          model.Sanitize(m.Wish),
			Category:      model.Sanitize(m.Category),
		}
	}
	r.Marks = marks
	return r
}
