package tui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"standmap/ascii_maps"
	"standmap/db"
	"standmap/exchange"
	"standmap/tui/replay"

	"standmap/internal/teawait"
)

// replayFair is the replay screen of the fair's first event in lang,
// imported into a temporary database and loaded as the command loads it,
// its moments shown in a fixed zone (so that screens do not depend on TZ).
func replayFair(t testing.TB, lang string) Replay { return replayOfFair(t)(lang) }

// replayOfFair loads the fair once, and returns how to make its replay
// screen in a language (a new one each time: copies share a Tallier).
func replayOfFair(t testing.TB) func(lang string) Replay {
	t.Helper()
	city, err := ascii_maps.Load("daugavpils")
	if err != nil {
		t.Fatal(err)
	}
	s, err := db.Open(filepath.Join(t.TempDir(), "standmap.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	f, err := os.Open("../testdata/fair/fair.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ctx := context.Background()
	if _, err := exchange.Import(ctx, s, city.Gazetteer, "", f, false); err != nil {
		t.Fatal(err)
	}
	const event = "Profesiju gadatirgus 2025"
	ev, err := s.Event(ctx, event)
	if err != nil {
		t.Fatal(err)
	}
	rs, cur, err := replay.Load(ctx, s, event)
	if err != nil {
		t.Fatal(err)
	}
	return func(lang string) Replay {
		return NewReplay(ReplayOptions{Options: replay.Options{City: city, Event: ev, Responses: rs, Curation: cur,
			Lang: lang, Location: time.FixedZone("EEST", 3*3600)}, DBPath: "/tmp/standmap.db"})
	}
}

// sendReplay passes msgs through Update in turn.
func sendReplay(r Replay, msgs ...tea.Msg) Replay {
	for _, msg := range msgs {
		next, _ := r.Update(msg)
		r = next.(Replay)
	}
	return r
}

// replayKeys returns the key presses of names (namedKey's, and "end").
func replayKeys(names ...string) []tea.Msg {
	out := make([]tea.Msg, len(names))
	for i, n := range names {
		if n == "end" {
			out[i] = tea.KeyPressMsg{Code: tea.KeyEnd}
			continue
		}
		out[i] = namedKey(n)
	}
	return out
}

// replayRepeat is n presses of the key name.
func replayRepeat(n int, name string) []tea.Msg {
	out := make([]tea.Msg, n)
	for i := range out {
		out[i] = namedKey(name)
	}
	return out
}

func TestReplayQuitAndFilter(t *testing.T) {
	m := sendReplay(replayFair(t, ""), tea.WindowSizeMsg{Width: 100, Height: 30}, replayKeys("end")[0])
	all, _ := m.Position()
	for _, k := range []string{"q", "ctrl+c"} {
		_, cmd := m.Update(namedKey(k))
		if cmd == nil {
			t.Fatalf("%s: no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Fatalf("%s does not quit", k)
		}
	}
	// f opens the board's filter: the keys are text until enter.
	m = sendReplay(m, replayKeys("f", "g", "r", "i", "q", "[")...)
	if n, _ := m.Position(); n != all {
		t.Fatalf("typing in the filter moved the replay to answer %d", n)
	}
	m = sendReplay(m, replayKeys("esc", "enter", "f", "g", "r", "i", "enter")...)
	if s := ansi.Strip(m.View().Content); !strings.Contains(s, "Grīva") {
		t.Fatalf("filtered board does not name Grīva:\n%s", s)
	}
	m = sendReplay(m, replayKeys("left")...)
	if n, _ := m.Position(); n != all-1 {
		t.Fatalf("after the filter, ← gives answer %d, want %d", n, all-1)
	}
	if m.Snapshot() == nil || m.Snapshot().Responses != all-1 {
		t.Fatalf("the board counts %d answers, want %d", m.Snapshot().Responses, all-1)
	}
}

// TestReplayWithinWindow checks every line of every screen fits the
// window.
func TestReplayWithinWindow(t *testing.T) {
	states := map[string][]tea.Msg{
		"start":   nil,
		"middle":  replayRepeat(12, "]"),
		"end":     replayKeys("end"),
		"playing": append(replayRepeat(3, "]"), replayKeys("space")...),
		"filter":  append(replayKeys("end"), replayKeys("f", "g", "r", "i")...),
		"picked":  append(replayKeys("end"), replayKeys("f", "g", "r", "i", "enter")...),
	}
	fair := replayOfFair(t)
	for _, lang := range []string{"en", "lv", "ru"} {
		for _, size := range [][2]int{{80, 24}, {160, 48}, {100, 30}, {60, 16}, {40, 10}} {
			for name, msgs := range states {
				m := sendReplay(fair(lang), tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				m = sendReplay(m, msgs...)
				lines := strings.Split(m.View().Content, "\n")
				if len(lines) != size[1] {
					t.Errorf("%dx%d %s %s: %d lines, want %d", size[0], size[1], lang, name, len(lines), size[1])
				}
				for i, l := range lines {
					if w := ansi.StringWidth(l); w > size[0] {
						t.Errorf("%dx%d %s %s: line %d is %d wide: %q", size[0], size[1], lang, name, i, w, ansi.Strip(l))
					}
				}
			}
		}
	}
}

// TestReplayScreens compares the screen (teatest, ASCII colour profile,
// 100×30) with testdata/TestReplayScreens/*.golden (go test ./tui -run
// TestReplayScreens -update rewrites them).
func TestReplayScreens(t *testing.T) {
	for _, c := range []struct {
		name, lang string
		keys       []tea.Msg
		want       string
	}{
		{"hour_in", "en", append(replayRepeat(6, "]"), replayKeys("right")...), "of 360"},
		{"lv_end", "lv", replayKeys("end", "left"), "no 360"},
		{"ru_playing", "ru", append(replayRepeat(6, "]"), replayKeys("space")...), "из 360"},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := teawait.Wrap(replayFair(t, c.lang))
			tm := teatest.NewTestModel(t, w,
				teatest.WithInitialTermSize(100, 30),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
			for _, k := range c.keys {
				tm.Send(k)
			}
			w.WaitFor(t, c.want)
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			m := teawait.Unwrap(tm.FinalModel(t, teatest.WithFinalTimeout(teawait.Deadline))).(Replay)
			golden.RequireEqual(t, ansi.Strip(m.View().Content))
		})
	}
}

func TestReplayTooSmallSaysItsMinimum(t *testing.T) {
	m := sendReplay(replayFair(t, ""), tea.WindowSizeMsg{Width: 60, Height: 16})
	s := ansi.Strip(m.View().Content)
	want := "make the window at least 60×" + itoa(m.minReplayHeight())
	if m.minReplayHeight() <= 16 || !strings.Contains(s, want) {
		t.Fatalf("60×16: want %q:\n%s", want, s)
	}
	m = sendReplay(m, tea.WindowSizeMsg{Width: 60, Height: m.minReplayHeight()})
	if s := ansi.Strip(m.View().Content); strings.Contains(s, "make the window") || !strings.Contains(s, "answer 0 of") {
		t.Fatalf("at the minimum the board does not show:\n%s", s)
	}
}
