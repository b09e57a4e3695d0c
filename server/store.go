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
// server's way (so that Shutdown lets saves in flight finish) and the
// session's (so that the session can wait for its own and say how they
// ended: saves); a viewer's refuses writes.
type sessionStore struct {
	db.Store
	readOnly bool
	writes   *atomic.Int64
	own      sync.WaitGroup

	mu      sync.Mutex
	saves   int   // responses saved by this session
	lastSeq int64 // the number of the last one
	lastErr error // why the last save failed, if it did
}

// storeFor returns the store for a session of the role.
func (s *Server) storeFor(r Role) *sessionStore {
	return &sessionStore{Store: s.cfg.Store, readOnly: r != Facilitator, writes: &s.writes}
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
	st.own.Add(1)
	var once sync.Once
	return func() { once.Do(func() { st.writes.Add(-1); st.own.Done() }) }
}

// settled waits up to within for the session's writes in flight, and
// returns how many responses it saved, the last one's number, and why
// its last save failed if it did (nil when it did not, or when writes
// were still running at the end of within).
func (st *sessionStore) settled(within time.Duration) (saves int, last int64, failed error) {
	done := make(chan struct{})
	go func() { st.own.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(within):
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.saves, st.lastSeq, st.lastErr
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

// SaveResponse stores a response (facilitators only), and remembers
// how it went for the session's last words (settled).
func (st *sessionStore) SaveResponse(ctx context.Context, r model.Response) (out model.Response, err error) {
	err = st.write(func() error { out, err = st.Store.SaveResponse(ctx, sanitized(r)); return err })
	if !errors.Is(err, ErrReadOnly) {
		st.mu.Lock()
		if err == nil {
			st.saves, st.lastSeq = st.saves+1, out.Seq
		}
		st.lastErr = err
		st.mu.Unlock()
	}
	return out, err
}

// DeleteResponse removes a response (facilitators only).
func (st *sessionStore) DeleteResponse(ctx context.Context, event, id string) (out model.Response, err error) {
	err = st.write(func() error { out, err = st.Store.DeleteResponse(ctx, event, id); return err })
	return out, err
}

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
