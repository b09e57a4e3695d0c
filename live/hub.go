// Package live keeps an event's board up to date: the hub holds the
// tallies, turns every change into one shared snapshot and hands it to
// every subscriber; its watcher notices writes by other processes.
package live

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sync"
	"sync/atomic"
	"time"

	"standmap/db"
	"standmap/model"
)

const (
	// pollEvery is how often Run asks whether another process committed.
	pollEvery = 200 * time.Millisecond
	// rebuildAfter is the number of logged changes past which a refresh
	// reloads the whole event instead of each changed response.
	rebuildAfter = 5000
	// recentLen is how many newest responses a snapshot carries.
	recentLen = 20
)

// Store is what a hub asks of the database: the event (followed through
// renames), its responses, curation and display state, the change log,
// and a place to store the display state its screens set.
type Store interface {
	db.EventReader
	db.ResponseReader
	db.CurationReader
	db.DisplayReader
	db.DisplayWriter
	db.ChangeLog
}

// Hub holds one event's tallies and publishes a new snapshot after each
// change, to every subscriber. It is safe for concurrent use.
type Hub struct {
	store Store
	gaz   *model.Gazetteer
	kick  chan struct{} // a local write happened (buffer of one)

	dispMu      sync.Mutex
	dispPending bool          // a display state set here is not stored yet
	dispWant    DisplayState  // the newest display state set here
	dispKick    chan struct{} // SetDisplay happened (buffer of one)

	subsMu  sync.Mutex
	subs    map[*Subscription]struct{}
	snap    atomic.Pointer[model.Snapshot] // stored under subsMu
	display DisplayState                   // the snapshots' Display; guarded by subsMu (display.go)

	mu          sync.Mutex // serialises refreshes and guards what follows
	event       string     // the event's name, followed through renames
	eventID     int64      // its store ID (0: not stored when the hub began)
	tally       *model.Tallier
	seq         int64 // newest change-log seq applied
	curVersion  int64 // the store's CurationVersion counted under
	dataVersion int64
	version     uint64
	err         error
}

// NewHub loads every response of the event and builds the first snapshot.
func NewHub(store Store, gaz *model.Gazetteer, event string) (*Hub, error) {
	h := &Hub{
		store: store, gaz: gaz, event: event,
		kick: make(chan struct{}, 1), dispKick: make(chan struct{}, 1),
		subs: make(map[*Subscription]struct{}),
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	ctx := context.Background()
	switch ev, err := store.Event(ctx, event); {
	case err == nil:
		h.eventID = ev.ID
	case !errors.Is(err, db.ErrNotFound):
		return nil, fmt.Errorf("load event %q: %w", event, err)
	}
	if err := h.rebuild(ctx); err != nil {
		return nil, fmt.Errorf("load event %q: %w", event, err)
	}
	if err := h.publish(ctx); err != nil {
		return nil, fmt.Errorf("load event %q: %w", event, err)
	}
	if err := h.followDisplay(ctx); err != nil {
		return nil, fmt.Errorf("load event %q: %w", event, err)
	}
	return h, nil
}

// Event returns the name of the hub's event as of the latest snapshot: a
// rename, by this process or another, is followed.
func (h *Hub) Event() string { return h.Snapshot().Event }

// Snapshot returns the latest snapshot, never nil. It must not be modified.
func (h *Hub) Snapshot() *model.Snapshot { return h.snap.Load() }

// Err returns the error of the last refresh, or nil when it succeeded.
func (h *Hub) Err() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.err
}

// Changed tells the hub that a write happened, so that Run refreshes now.
// It never blocks; changes made before Run gets to them coalesce.
func (h *Hub) Changed() {
	select {
	case h.kick <- struct{}{}:
	default:
	}
}

// Run refreshes after Changed and whenever another connection or process
// has committed (polled every 200 ms), until ctx ends; then it returns nil.
// A failed refresh is retried at the next poll (see Err).
func (h *Hub) Run(ctx context.Context) error {
	tick := time.NewTicker(pollEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-h.kick:
			h.Refresh(ctx)
		case <-h.dispKick:
			h.storeDisplay(ctx)
		case <-tick.C:
			h.storeDisplay(ctx) // again, if it failed
			h.poll(ctx)
		}
	}
}

// poll refreshes when the database's data version has moved since the
// last refresh, or when that refresh failed.
func (h *Hub) poll(ctx context.Context) {
	v, err := h.store.DataVersion(ctx)
	h.mu.Lock()
	stale := err != nil || v != h.dataVersion || h.err != nil
	h.mu.Unlock()
	if stale {
		h.Refresh(ctx)
	}
}

// Refresh applies the changes logged since the last refresh and, when any
// concerns the hub's event, publishes a new snapshot before it returns.
func (h *Hub) Refresh(ctx context.Context) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.err = h.refresh(ctx)
	if h.err != nil && ctx.Err() == nil {
		h.err = fmt.Errorf("refresh event %q: %w", h.event, h.err)
	}
	return h.err
}

func (h *Hub) refresh(ctx context.Context) error {
	// Read the version first: a commit after this is seen at the next poll.
	dv, err := h.store.DataVersion(ctx)
	if err != nil {
		return err
	}
	renamed, err := h.followRename(ctx)
	if err != nil {
		return err
	}
	cs, newest, err := h.store.Changes(ctx, h.seq, rebuildAfter+1)
	if err != nil {
		return err
	}
	changed := true
	if renamed || len(cs) > rebuildAfter || newest < h.seq { // renamed, many changes, or a new file
		err = h.rebuild(ctx)
	} else {
		changed, err = h.apply(ctx, cs)
		h.seq = max(h.seq, newest)
	}
	if err != nil {
		return err
	}
	recurated, err := h.recurate(ctx)
	if err != nil {
		return err
	}
	if err := h.followDisplay(ctx); err != nil {
		return err
	}
	h.dataVersion = dv
	if !changed && !recurated {
		return nil
	}
	return h.publish(ctx)
}

// followRename takes the event's name now, when someone renamed it since
// (`standmap events rename` in another terminal): the boards and the
// saves of every open window carry on under the new name.
func (h *Hub) followRename(ctx context.Context) (bool, error) {
	if h.eventID == 0 {
		return false, nil
	}
	ev, err := h.store.EventByID(ctx, h.eventID)
	if err != nil || ev.Name == h.event {
		return false, err
	}
	h.event = ev.Name
	return true, nil
}

// apply reloads each response of the hub's event named in cs. It puts
// and removes them one by one on the Tallier that rebuild counted with
// model.Count, so a change costs the responses it touched: the same
// rules of counting, kept up to date instead of counted again.
func (h *Hub) apply(ctx context.Context, cs []db.Change) (changed bool, err error) {
	seen := make(map[string]bool)
	for _, c := range cs {
		if c.Event != h.event || seen[c.ResponseID] {
			continue
		}
		seen[c.ResponseID] = true
		r, err := h.store.Response(ctx, h.event, c.ResponseID)
		switch {
		case errors.Is(err, db.ErrNotFound):
			h.tally.Remove(c.ResponseID)
		case err != nil:
			return false, err
		default:
			h.tally.Put(r)
		}
	}
	return len(seen) > 0, nil
}

// rebuild counts the event's responses from scratch.
func (h *Hub) rebuild(ctx context.Context) error {
	dv, err := h.store.DataVersion(ctx)
	if err != nil {
		return err
	}
	// The log position first: changes after it are applied again later,
	// which is harmless, and none before it can be missed.
	_, newest, err := h.store.Changes(ctx, math.MaxInt64, 0)
	if err != nil {
		return err
	}
	cv, cur, err := h.curation(ctx)
	if err != nil {
		return err
	}
	t, err := model.Count(h.gaz, h.event, cur, db.Walk(ctx, h.store, h.event))
	if err != nil {
		return err
	}
	h.tally, h.seq, h.dataVersion, h.curVersion = t, newest, dv, cv
	return nil
}

// curation reads the curation version, then the event's curation, so that
// a curation written in between is read again at the next refresh.
func (h *Hub) curation(ctx context.Context) (int64, *model.Curation, error) {
	v, err := h.store.CurationVersion(ctx)
	if err != nil {
		return 0, nil, err
	}
	c, err := h.store.Curation(ctx, h.event)
	return v, c, err
}

// recurate counts again under the event's curation when a curation was
// written since the last count, and says whether it did.
func (h *Hub) recurate(ctx context.Context) (bool, error) {
	v, err := h.store.CurationVersion(ctx)
	if err != nil || v == h.curVersion {
		return false, err
	}
	v, c, err := h.curation(ctx)
	if err != nil {
		return false, err
	}
	h.tally.SetCuration(c)
	h.curVersion = v
	return true, nil
}

// publish builds a snapshot of the current tallies and hands it to every
// subscriber.
func (h *Hub) publish(ctx context.Context) error {
	s := h.tally.Snapshot()
	recent, err := h.store.Recent(ctx, h.event, recentLen)
	if err != nil {
		return err
	}
	h.version++
	s.Version, s.Recent = h.version, recent
	h.subsMu.Lock()
	defer h.subsMu.Unlock()
	s.Display = h.display
	h.snap.Store(s)
	for sub := range h.subs {
		sub.offer(s)
	}
	return nil
}
