package live

import "standmap/model"

// Subscription is one screen's mailbox of one snapshot: a newer snapshot
// replaces an unread older one, so a slow reader only skips frames and
// never holds up the hub or anyone else.
type Subscription struct {
	hub  *Hub
	ch   chan *model.Snapshot
	disp chan DisplayState // the reveal state's mailbox of one
}

// Subscribe returns a subscription whose mailboxes already hold the
// current snapshot and reveal state.
func (h *Hub) Subscribe() *Subscription {
	s := &Subscription{hub: h, ch: make(chan *model.Snapshot, 1), disp: make(chan DisplayState, 1)}
	h.subsMu.Lock()
	defer h.subsMu.Unlock()
	h.subs[s] = struct{}{}
	s.ch <- h.snap.Load()
	s.disp <- h.display
	return s
}

// C receives the newest snapshot not yet received; it is closed by Close.
func (s *Subscription) C() <-chan *model.Snapshot { return s.ch }

// Close ends the subscription and closes C and Display. Calling it again
// does nothing.
func (s *Subscription) Close() {
	h := s.hub
	h.subsMu.Lock()
	defer h.subsMu.Unlock()
	if _, ok := h.subs[s]; ok {
		delete(h.subs, s)
		close(s.ch)
		close(s.disp)
	}
}

// offer puts snap in the mailbox, replacing an unread older snapshot.
// Only the hub sends, under subsMu, so the loop ends at once or after a
// reader took the old one first.
func (s *Subscription) offer(snap *model.Snapshot) {
	for {
		select {
		case s.ch <- snap:
			return
		default:
		}
		select {
		case <-s.ch:
		default:
		}
	}
}
