package main

import (
	"context"
	"io"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"standmap/db"
	"standmap/live"
	"standmap/model"
)

// recorder is a program's model that ends at the first hidden state.
type recorder struct{ snaps, displays int }

func (r recorder) Init() tea.Cmd { return nil }

func (r recorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case *model.Snapshot:
		r.snaps++
	case live.DisplayState:
		r.displays++
		if msg.Hidden {
			return r, tea.Quit
		}
	}
	return r, nil
}

func (r recorder) View() tea.View { return tea.NewView("") }

// TestForwardHub: a program gets the first snapshot and reveal state, then
// a reveal state set by another screen.
func TestForwardHub(t *testing.T) {
	s, err := db.Open(filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.CreateEvent(context.Background(), "fair"); err != nil {
		t.Fatal(err)
	}
	gaz, _ := model.NewGazetteer(nil)
	hub, err := live.NewHub(s, gaz, "fair")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	sub := hub.Subscribe()
	defer sub.Close()
	p := tea.NewProgram(recorder{}, tea.WithContext(ctx), tea.WithInput(nil), tea.WithOutput(io.Discard),
		tea.WithoutRenderer(), tea.WithoutSignalHandler())
	go forwardHub(ctx, sub, p,
		func(s *model.Snapshot) tea.Msg { return s },
		func(d live.DisplayState) tea.Msg { return d })
	go func() {
		time.Sleep(50 * time.Millisecond)
		hub.SetDisplay(live.DisplayState{Hidden: true})
	}()
	m, err := p.Run()
	if err != nil {
		t.Fatal(err)
	}
	if r := m.(recorder); r.snaps > 1 || r.displays < 1 {
		t.Fatalf("got %d snapshots, %d reveal states", r.snaps, r.displays)
	}
}
