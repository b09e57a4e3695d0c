package server

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"standmap/db"
	"standmap/model"
)

// ErrReadOnly is returned by a viewer's store for every write.
var ErrReadOnly = errors.New("viewers can change nothing")

// sessionStore is the store a session gets: every write is counted, the
// server's way (so that Shutdown lets saves in flight finish), the
// session's (so that the session can wait for its own and say how its
// saves ended: settled) and the facilitator's (so that a new session of
// theirs reads the draft after the old one's writes); a viewer's refuses
// writes.
type sessionStore struct {
	db.Store
	readOnly bool
	writes   *atomic.Int64
	mine     sync.WaitGroup     // this session's writes in flight
	who      string             // the facilitator's key fingerprint ("" for viewers)
	byWho    *facilitatorWrites // every session and write under way, by facilitator
	counted  int                // this session is counted in byWho (1) or not (0)

	mu      sync.Mutex
	saves   int   // responses saved by this session
	lastNum int64 // the number of the last one
	lastErr error // why the last save failed, if it did
}

// storeFor returns the store for a session of the role and facilitator.
func (s *Server) storeFor(r Role, who string) *sessionStore {
	return &sessionStore{Store: s.cfg.Store, readOnly: r != Facilitator, writes: &s.writes, who: who, byWho: s.byWho}
}

// write runs fn as a tracked write, or refuses it.
func (st *sessionStore) write(fn func() error) error {
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
	return st.write(func() error { return st.Store.SetDisplay(ctx, event, d) })
}

// CreateEvent starts an event (facilitators only).
func (st *sessionStore) CreateEvent(ctx context.Context, name string) (ev model.Event, err error) {
	err = st.write(func() error { ev, err = st.Store.CreateEvent(ctx, name); return err })
	return ev, err
}

// SaveResponse stores a response (facilitators only).
func (st *sessionStore) SaveResponse(ctx context.Context, r model.Response) (out model.Response, err error) {
	err = st.write(func() error { out, err = st.Store.SaveResponse(ctx, sanitized(r)); return err })
	st.noteSave(out, err)
	return out, err
}

// DeleteResponse marks a response deleted (facilitators only).
func (st *sessionStore) DeleteResponse(ctx context.Context, event, id, who string) (out model.Response, err error) {
	err = st.write(func() error { out, err = st.Store.DeleteResponse(ctx, event, id, who); return err })
	return out, err
}

// RestoreResponse counts a deleted response again (facilitators only).
func (st *sessionStore) RestoreResponse(ctx context.Context, event, id string) (out model.Response, err error) {
	err = st.write(func() error { out, err = st.Store.RestoreResponse(ctx, event, id); return err })
	return out, err
}

// Draft reads (creating it, which is a write) the facilitator's draft
// (facilitators only; db.Drafts), once their other sessions and the
// writes of those have ended (at most draftWait): a session whose
// connection dropped finishes its keys and its save, which empties the
// draft, before a new session reads it.
func (st *sessionStore) Draft(ctx context.Context, event, who string) (d db.Draft, err error) {
	if !st.readOnly {
		st.byWho.wait(st.who, st.counted, draftWait)
	}
	err = st.drafts(func(ds db.Drafts) error { d, err = ds.Draft(ctx, event, who); return err })
	return d, err
}

// PutDraft stores the facilitator's form (facilitators only; db.Drafts).
func (st *sessionStore) PutDraft(ctx context.Context, event, who, form string) error {
	return st.drafts(func(ds db.Drafts) error { return ds.PutDraft(ctx, event, who, form) })
}

// SaveDrafted saves a response from the facilitator's form (facilitators
// only; db.Drafts).
func (st *sessionStore) SaveDrafted(ctx context.Context, r model.Response, who string) (out model.Response, d db.Draft, err error) {
	err = st.drafts(func(ds db.Drafts) error { out, d, err = ds.SaveDrafted(ctx, sanitized(r), who); return err })
	st.noteSave(out, err)
	return out, d, err
}

// drafts runs fn as a tracked write on the server's store, which must
// keep drafts.
func (st *sessionStore) drafts(fn func(db.Drafts) error) error {
	ds, ok := st.Store.(db.Drafts)
	if !ok {
		return errors.New("this database keeps no drafts")
	}
	return st.write(func() error { return fn(ds) })
}

var _ db.Drafts = (*sessionStore)(nil)

// Import writes responses (facilitators only).
func (st *sessionStore) Import(ctx context.Context, rs []model.Response, skip bool) (res db.ImportResult, err error) {
	clean := make([]model.Response, len(rs))
	for i, r := range rs {
		clean[i] = sanitized(r)
	}
	err = st.write(func() error { res, err = st.Store.Import(ctx, clean, skip); return err })
	return res, err
}

// Curate takes a curation action (facilitators only; db.Curator).
func (st *sessionStore) Curate(ctx context.Context, event, who string, a model.CurationAction) (e db.CurationEntry, err error) {
	err = st.curate(func(c db.Curator) error { e, err = c.Curate(ctx, event, who, a); return err })
	return e, err
}

// UndoCuration undoes a curation action (facilitators only; db.Curator).
func (st *sessionStore) UndoCuration(ctx context.Context, event, who string, seq int64) (e db.CurationEntry, err error) {
	err = st.curate(func(c db.Curator) error { e, err = c.UndoCuration(ctx, event, who, seq); return err })
	return e, err
}

// curate runs fn as a tracked write on the server's store, which must be
// a db.Curator.
func (st *sessionStore) curate(fn func(db.Curator) error) error {
	c, ok := st.Store.(db.Curator)
	if !ok {
		return errors.New("this database cannot be curated")
	}
	return st.write(func() error { return fn(c) })
}

var _ db.Curator = (*sessionStore)(nil)

// Close is refused: the server owns the database.
func (st *sessionStore) Close() error { return nil }

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
