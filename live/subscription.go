package live

import "standmap/model"

// Subscription is one screen's mailbox of one snapshot: a newer snapshot
// replaces an unread older one, so a slow reader only skips frames and
// never holds up the hub or anyone else. A snapshot carries the shared
// display state too (Snapshot.Display), so this one mailbox is a
// screen's whole stream of updates.
type Subscription struct {
	hub *Hub
	ch  chan *model.Snapshot
}

// Subscribe returns a subscription whose mailbox already holds the
// current snapshot.
func (h *Hub) Subscribe() *Subscription {
	s := &Subscription{hub: h, ch: make(chan *model.Snapshot, 1)}
	h.subsMu.Lock()
	defer h.subsMu.Unlock()
	h.subs[s] = struct{}{}
	s.ch <- h.snap.Load()
	return s
}

// C receives the newest snapshot not yet received; it is closed by Close.
func (s *Subscription) C() <-chan *model.Snapshot { return s.ch }

// Close ends the subscription and closes C. Calling it again does
// nothing.
func (s *Subscription) Close() {
	h := s.hub
	h.subsMu.Lock()
	defer h.subsMu.Unlock()
	if _, ok := h.subs[s]; ok {
		delete(h.subs, s)
		close(s.ch)
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
