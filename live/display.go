package live

import "standmap/model"

// DisplayState is the reveal state the hub shares among its subscribers.
type DisplayState = model.DisplayState

// SetDisplay shares d with every subscriber: each one's display mailbox
// holds it, replacing an unread older state. It never blocks.
func (h *Hub) SetDisplay(d DisplayState) {
	h.subsMu.Lock()
	defer h.subsMu.Unlock()
	h.display = d
	for sub := range h.subs {
		sub.offerDisplay(d)
	}
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
