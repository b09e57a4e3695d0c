package teacmd

import (
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

func TestRunBatch(t *testing.T) {
	msg := func(s string) tea.Cmd { return func() tea.Msg { return s } }
	got := Run(t, tea.Batch(msg("a"), tea.Batch(msg("b"), msg("c")), nil))
	if fmt.Sprint(got) != "[a b c]" {
		t.Errorf("Run gave %v", got)
	}
	if Run(t, nil) != nil {
		t.Error("Run(nil) gave messages")
	}
}

// fatalRecorder is a test whose Fatalf stops the run with a panic that
// the test recovers, as testing's stops it with runtime.Goexit.
type fatalRecorder struct{ testing.TB }

type fatal string

func (r fatalRecorder) Helper() {}

func (r fatalRecorder) Fatalf(format string, args ...any) { panic(fatal(fmt.Sprintf(format, args...))) }

// TestStuckCommandFails: a command that outlives the deadline fails the
// test, rather than being left out as if it had returned nothing.
func TestStuckCommandFails(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	defer func() {
		if f, ok := recover().(fatal); ok {
			t.Logf("failed as it should: %s", f)
			return
		}
		t.Error("a stuck command did not fail the test")
	}()
	RunWithin(fatalRecorder{t}, 10*time.Millisecond, func() tea.Msg { <-release; return nil })
}
