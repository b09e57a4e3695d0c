// Package teawait waits, in a screen test, until a Bubble Tea program
// run by teatest has shown a text. It looks at the model's own View after
// each Update, not at the bytes the renderer wrote: the renderer writes
// only the cells that changed since its last frame (and may insert
// characters), so how a text stands in the output depends on how many
// frames were drawn before it — on the machine's load — while the views
// do not.
package teawait

import (
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Deadline bounds a wait: it only fails a test that would otherwise
// hang, and is long enough for a loaded machine under the race detector.
const Deadline = 2 * time.Minute

// Model wraps a model: it records the text of its View after every
// Update, for WaitFor.
type Model struct {
	tea.Model
	views *views
}

// views are the texts a model's View has shown.
type views struct {
	mu   sync.Mutex
	last string
	all  []string
}

// Wrap returns m recording its views; give it to teatest.NewTestModel.
func Wrap(m tea.Model) Model { return Model{Model: m, views: &views{}} }

// Update updates the model and records its view.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	inner, cmd := m.Model.Update(msg)
	m.Model = inner
	text := ansi.Strip(inner.View().Content)
	m.views.mu.Lock()
	if text != m.views.last {
		m.views.last = text
		m.views.all = append(m.views.all, text)
	}
	m.views.mu.Unlock()
	return m, cmd
}

// WaitFor returns once a view since the start has shown every text of
// want at once (the last view, or one since replaced, as a board under a
// help screen), or fails the test after Deadline with the last view.
func (m Model) WaitFor(tb testing.TB, want ...string) {
	tb.Helper()
	for end := time.Now().Add(Deadline); ; time.Sleep(10 * time.Millisecond) {
		m.views.mu.Lock()
		last, shown := m.views.last, false
		for _, v := range m.views.all {
			all := true
			for _, w := range want {
				all = all && strings.Contains(v, w)
			}
			shown = shown || all
		}
		m.views.mu.Unlock()
		if shown {
			return
		}
		if time.Now().After(end) {
			tb.Fatalf("teawait: %q not shown after %v; the last view:\n%s", want, Deadline, last)
		}
	}
}

// Unwrap returns the model a Model wraps (teatest's FinalModel gives the
// Model), or m itself.
func Unwrap(m tea.Model) tea.Model {
	if w, ok := m.(Model); ok {
		return w.Model
	}
	return m
}
