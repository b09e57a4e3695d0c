package tui

import (
	"context"
	"io"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"standmap/live"
	"standmap/model"
)

// screenMsg is the test screen's message: a snapshot.
type screenMsg struct{ snap *model.Snapshot }

// recorder is a screen that counts what reaches it and quits once it has
// seen the responses of the store's event and the results hidden.
type recorder struct {
	responses int
	hidden    bool
	hide      func()
}

func (r recorder) Init() tea.Cmd { return nil }

func (r recorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m, ok := msg.(screenMsg); ok {
		r.responses, r.hidden = m.snap.Tally.Responses, m.snap.Display.Hidden
		if r.hide != nil { // the first snapshot: another screen hides the results
			hide := r.hide
			r.hide = nil
			return r, func() tea.Msg { hide(); return nil }
		}
	}
	if r.hidden && r.responses > 0 {
		return r, tea.Quit
	}
	return r, nil
}

func (r recorder) View() tea.View { return tea.NewView("") }

// TestRunScreen: a screen run on the hub gets its snapshots, and in them
// the display state another screen sets, wrapped as it asks, and the run
// ends when the screen quits.
func TestRunScreen(t *testing.T) {
	store := curateStore(t)
	hub, err := live.NewHub(store, testCity(t).Gazetteer, curateEvent)
	if err != nil {
		t.Fatal(err)
	}
	// The bound of a stuck test, not a timing assertion: the screen quits
	// as soon as it has seen both.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	go hub.Run(ctx)
	var got tea.Model
	err = RunScreen(ctx, hub, recorder{hide: func() { hub.SetDisplay(model.DisplayState{Hidden: true}) }},
		func(s *model.Snapshot) tea.Msg { return screenMsg{snap: s} },
		tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithoutRenderer(), tea.WithoutSignalHandler(),
		tea.WithFilter(func(m tea.Model, msg tea.Msg) tea.Msg { got = m; return msg }))
	if err != nil {
		t.Fatal(err)
	}
	if r := got.(recorder); r.responses != len(curateResponses()) || !r.hidden {
		t.Errorf("the screen saw %d responses (want %d), hidden %v", r.responses, len(curateResponses()), r.hidden)
	}
}
