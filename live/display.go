package live

import (
	"context"
	"errors"
	"time"

	"standmap/db"
	"standmap/model"
)

// DisplayState is the reveal state the hub shares among its subscribers.
type DisplayState = model.DisplayState

// displayTimeout bounds storing the display state.
const displayTimeout = 5 * time.Second

// SetDisplay shares d with this hub's subscribers at once — a snapshot
// carrying it replaces an unread one in each mailbox — and has Run store
// it for every other process on the database (their hubs take it at
// their next refresh, within a poll). It never blocks and does no I/O:
// screens call it from their Update. Until d is stored, refreshes keep
// it rather than the state stored before, so hidden results never flash.
func (h *Hub) SetDisplay(d DisplayState) {
	h.dispMu.Lock() // with share inside: no refresh shares the old state in between
	h.dispPending, h.dispWant = true, d
	h.share(d)
	h.dispMu.Unlock()
	select {
	case h.dispKick <- struct{}{}:
	default:
	}
}

// displayPending reports whether a state set here is not stored yet.
func (h *Hub) displayPending() bool {
	h.dispMu.Lock()
	defer h.dispMu.Unlock()
	return h.dispPending
}

// storeDisplay stores the newest state set here (Run calls it); when it
// fails — also when the event does not exist yet (a projection opened
// before the application started today's event) — the state stays
// pending and the next poll tries again.
func (h *Hub) storeDisplay(ctx context.Context) {
	h.dispMu.Lock()
	d, pending := h.dispWant, h.dispPending
	h.dispMu.Unlock()
	if !pending {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, displayTimeout)
	defer cancel()
	h.mu.Lock()
	err := h.store.SetDisplay(ctx, h.event, d)
	h.mu.Unlock()
	h.dispMu.Lock()
	defer h.dispMu.Unlock()
	if err == nil && h.dispWant == d {
		h.dispPending = false
	}
}

// share gives d to every subscriber, unless they hold it already: the
// current snapshot again, carrying d. Its Version stays, as its counts
// do (a board keyed by it draws the same tallies).
func (h *Hub) share(d DisplayState) {
	h.subsMu.Lock()
	defer h.subsMu.Unlock()
	if d == h.display {
		return
	}
	h.display = d
	s := *h.snap.Load()
	s.Display = d
	h.snap.Store(&s)
	for sub := range h.subs {
		sub.offer(&s)
	}
}

// followDisplay takes the display state another process stored, unless
// one set here is still to be stored.
func (h *Hub) followDisplay(ctx context.Context) error {
	if h.displayPending() {
		return nil
	}
	d, err := h.store.Display(ctx, h.event)
	if errors.Is(err, db.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	h.dispMu.Lock() // SetDisplay may have come meanwhile: its state wins
	defer h.dispMu.Unlock()
	if !h.dispPending {
		h.share(d)
	}
	return nil
}
