package present

import (
	"bytes"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestProgram runs the projection as a program (teatest): a snapshot
// arrives, h hides the results and the owner hears of it, q quits.
func TestProgram(t *testing.T) {
	shared := make(chan DisplayState, 1)
	m := New(Options{City: testCity(t), Rotate: time.Hour,
		OnDisplayChange: func(d DisplayState) error { shared <- d; return nil }})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ASCII)))
	tm.Send(SnapshotMsg{Snapshot: testSnapshot(t, 412)})
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("most marked")) },
		teatest.WithDuration(5*time.Second))
	tm.Send(press("h"))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("shown later")) },
		teatest.WithDuration(5*time.Second))
	select {
	case d := <-shared:
		if !d.Hidden {
			t.Fatalf("shared %+v", d)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the owner never heard of the change")
	}
	tm.Send(press("q"))
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if !fm.Display().Hidden || fm.Snapshot() == nil || fm.Snapshot().Responses != 412 {
		t.Fatalf("final display %+v", fm.Display())
	}
}
