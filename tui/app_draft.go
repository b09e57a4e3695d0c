package tui

import (
	"context"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"standmap/db"
	"standmap/i18n"
)

// The form's draft: read when the application starts (it brings back the
// visitor of a quit, a crash or a lost connection, and the number
// reserved for the next save), written after every change of the form.
// Update only hands the newest form to the keeper; its command writes
// it, one write at a time, newer forms replacing one not yet written.

// draftKeeper writes one facilitator's draft. It is shared by the copies
// of the model (a pointer) and safe for concurrent use.
type draftKeeper struct {
	store db.Drafts
	who   string

	mu      sync.Mutex
	idle    sync.Cond
	event   string  // followed through renames
	last    string  // the newest form handed over (or read)
	pending *string // a form not written yet
	busy    bool    // a command is writing
}

func newDraftKeeper(store db.Drafts, event, who string) *draftKeeper {
	k := &draftKeeper{store: store, event: event, who: who}
	k.idle.L = &k.mu
	return k
}

// draftLoadedMsg: the draft was read (or created, with its number).
type draftLoadedMsg struct {
	d   db.Draft
	err error
}

// draftStoredMsg: the keeper has written every form handed to it (err:
// the last write failed).
type draftStoredMsg struct{ err error }

// flushedMsg: every form handed to the keeper is written.
type flushedMsg struct{}

// draftReadTimeout bounds the first read of the draft: longer than the
// SSH server may make a facilitator's new session wait for it (a session
// of theirs whose client went without a word: 10 s asking it, then up to
// 20 s for its keys and saves to end; server/drafts.go). With
// storeTimeout (15 s) such a read failed, and the new window's form was
// not kept at all.
const draftReadTimeout = 60 * time.Second

// loadCmd reads the draft.
func (k *draftKeeper) loadCmd() tea.Cmd {
	k.mu.Lock()
	event := k.event
	k.mu.Unlock()
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), draftReadTimeout)
		defer cancel()
		d, err := k.store.Draft(ctx, event, k.who)
		return draftLoadedMsg{d: d, err: err}
	}
}

// loaded notes the form read, so it is not written back unchanged.
func (k *draftKeeper) loaded(form string) {
	k.mu.Lock()
	k.last = form
	k.mu.Unlock()
}

// put hands over the form; the command it returns, when no write is
// under way, writes it and every newer one handed over meanwhile.
func (k *draftKeeper) put(form string, writes WriteTracker) tea.Cmd {
	k.mu.Lock()
	defer k.mu.Unlock()
	if form == k.last {
		return nil
	}
	k.last, k.pending = form, &form
	if k.busy {
		return nil
	}
	k.busy = true
	done := begin(writes)
	return func() tea.Msg {
		defer done()
		return k.drain()
	}
}

// drain writes the pending form until there is none.
func (k *draftKeeper) drain() tea.Msg {
	var err error
	for {
		k.mu.Lock()
		p, event := k.pending, k.event
		k.pending = nil
		if p == nil {
			k.busy = false
			if err != nil {
				k.last = "\x00" // written again with the next change, whatever it is
			}
			k.idle.Broadcast()
			k.mu.Unlock()
			return draftStoredMsg{err: err}
		}
		k.mu.Unlock()
		ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
		err = k.store.PutDraft(ctx, event, k.who, *p)
		cancel()
	}
}

// flush waits until every form handed over is written (at most
// storeTimeout, as long as a write may take): before a save, whose
// transaction empties the draft, and before quitting.
func (k *draftKeeper) flush() {
	deadline := time.Now().Add(storeTimeout)
	wake := time.AfterFunc(storeTimeout, func() {
		k.mu.Lock()
		k.idle.Broadcast()
		k.mu.Unlock()
	})
	defer wake.Stop()
	k.mu.Lock()
	for k.busy && time.Now().Before(deadline) {
		k.idle.Wait()
	}
	k.mu.Unlock()
}

// saved notes that a save emptied the stored draft.
func (k *draftKeeper) saved() {
	k.mu.Lock()
	k.last = ""
	k.mu.Unlock()
}

// renamed follows the event's new name.
func (k *draftKeeper) renamed(event string) {
	k.mu.Lock()
	k.event = event
	k.mu.Unlock()
}

// keepDraft hands the form to the keeper when it changed (not while a
// save is under way: the save empties the draft, and the form empties
// after it).
func (m Model) keepDraft() (Model, tea.Cmd) {
	if m.keeper == nil || !m.draftRead || m.saving {
		return m, nil
	}
	return m, m.keeper.put(m.capture.Encode(), m.o.Writes)
}

// readingDraft reports whether the form's draft is still being read:
// keys wait meanwhile (hold), so that nothing typed is written over the
// visitor the draft may bring back.
func (m Model) readingDraft() bool {
	return m.keeper != nil && m.o.Role == Facilitator && !m.draftRead && !m.draftLost
}

// onDraftLoaded takes the number reserved for the form and brings back
// the visitor of the draft into the form. Keys typed while it was read
// (held) then go to the form — unless it brought a visitor back: typed
// for another visitor, they would be written into this one, so they are
// left out, and the form says how many.
func (m Model) onDraftLoaded(msg draftLoadedMsg) (Model, tea.Cmd) {
	if msg.err != nil {
		m.draftLost = true
		m.status, m.statusBad = tr(m.lang, i18n.FormDraftFailed, msg.err.Error()), true
		return m.replayHeld() // the form works, not kept: the draft stays for the next start
	}
	m.number, m.draftRead = msg.d.Number, true
	if m.status == tr(m.lang, i18n.FormReadingDraft) {
		m.status = ""
	}
	m.keeper.loaded(msg.d.Form)
	if m.capture.Empty() {
		if c, ok := m.capture.Restore(msg.d.Form); ok {
			m.capture = c
			if n := len(m.held); n > 0 && !m.saving {
				m.held = nil
				m.capture = m.capture.Say(i18n.N(m.lang, i18n.FormRestoredHeld, n), true)
			}
			return m, nil
		}
		return m.replayHeld()
	}
	return m.keepDraft() // changed before the draft was read (a paste or a save in flight): that is the form now
}

// flushCmd waits for the draft's writes; nil without a keeper.
func (m Model) flushCmd() tea.Cmd {
	if m.keeper == nil {
		return nil
	}
	k := m.keeper
	return func() tea.Msg { k.flush(); return flushedMsg{} }
}

// quit ends the program once the form's draft is written.
func (m Model) quit() (Model, tea.Cmd) {
	m.quitAsk, m.quitting = false, true
	return m, tea.Sequence(m.flushCmd(), tea.Quit)
}

// askQuit quits, or with a form that holds anything asks first (y/n):
// the form would stay as a draft, but a quit should never surprise.
func (m Model) askQuit() (Model, tea.Cmd) {
	if m.o.Role == Viewer || m.capture.Empty() {
		return m.quit()
	}
	m.quitAsk = true
	return m, nil
}

// quitKey answers the question of askQuit: y (or ctrl+c again) quits, n
// or esc stays; other keys are ignored.
func (m Model) quitKey(k tea.KeyPressMsg) (Model, tea.Cmd) {
	switch k.String() {
	case "y", "Y", "ctrl+c":
		return m.quit()
	case "n", "N", "esc":
		m.quitAsk = false
	}
	return m, nil
}
