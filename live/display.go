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

// SetDisplay stores d for every process on the database (their hubs take
// it at their next refresh, within a poll) and shares it with this hub's
// subscribers: each one's display mailbox holds it, replacing an unread
// older state. It holds the refresh lock meanwhile, so that no refresh
// reads the state from before and shows it again for a moment. When the
// store fails, this process's screens follow all the same.
func (h *Hub) SetDisplay(d DisplayState) {
	h.mu.Lock()
	defer h.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), displayTimeout)
	defer cancel()
	_ = h.store.SetDisplay(ctx, h.event, d) // best effort: see above
	h.share(d)
}

// share gives d to every subscriber, unless they hold it already.
func (h *Hub) share(d DisplayState) {
	h.subsMu.Lock()
	defer h.subsMu.Unlock()
	if d == h.display {
		return
	}
	h.display = d
	for sub := range h.subs {
		sub.offerDisplay(d)
	}
}

// followDisplay takes the display state another process stored.
func (h *Hub) followDisplay(ctx context.Context) error {
	d, err := h.store.Display(ctx, h.event)
	if errors.Is(err, db.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	h.share(d)
	return nil
}

// Display returns the reveal state last set (the zero state: shown).
func (h *Hub) Display() DisplayState {
	h.subsMu.Lock()
	defer h.subsMu.Unlock()
	return h.display
}

// Display receives the newest reveal state not yet received; it holds the
// hub's state from the start and is closed by Close.
func (s *Subscription) Display() <-chan DisplayState { return s.disp }

// offerDisplay puts d in the display mailbox, replacing an unread older
// state. Only the hub sends, under subsMu (see offer).
func (s *Subscription) offerDisplay(d DisplayState) {
	for {
		select {
		case s.disp <- d:
			return
		default:
		}
		select {
		case <-s.disp:
		default:
		}
	}
}
