package present

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"standmap/internal/teawait"
)

// TestProgram runs the projection as a program (teatest): a snapshot
// arrives, h hides the results and the owner hears of it, q quits.
func TestProgram(t *testing.T) {
	shared := make(chan DisplayState, 1)
	m := New(Options{City: testCity(t), Rotate: time.Hour,
		OnDisplayChange: func(d DisplayState) error { shared <- d; return nil }})
	w := teawait.Wrap(m)
	tm := teatest.NewTestModel(t, w, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ASCII)))
	tm.Send(SnapshotMsg{Snapshot: testSnapshot(t, 412)})
	w.WaitFor(t, "most marked")
	tm.Send(press("h"))
	w.WaitFor(t, "shown later")
	select {
	case d := <-shared:
		if !d.Hidden {
			t.Fatalf("shared %+v", d)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the owner never heard of the change")
	}
	tm.Send(press("q"))
	fm := teawait.Unwrap(tm.FinalModel(t, teatest.WithFinalTimeout(teawait.Deadline))).(Model)
	if !fm.Display().Hidden || fm.Snapshot() == nil || fm.Snapshot().Responses != 412 {
		t.Fatalf("final display %+v", fm.Display())
	}
}
