package cli

import (
	"strings"
	"testing"

	"standmap/internal/standtest"
)

func TestEventsRenameSwitchSet(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	s.OK("events", "new", "Skolu diena")
	s.OK("events", "new", "Gadatirgus")
	s.ImportText(standtest.CSVHeader + "r1,2025-04-24T09:00:00Z,Skolu diena,16-18,Centrs,,\n")

	s.OK("events", "switch", "Skolu diena")
	if out := s.OK("events"); !strings.Contains(out, "* Skolu diena") {
		t.Errorf("after switch:\n%s", out)
	}
	if out := s.OK("tally"); !strings.HasPrefix(out, "Skolu diena: 1 response\n") {
		t.Errorf("tally did not follow the switch:\n%s", out)
	}
	s.OK("events", "rename", "Skolu diena", "Skolu diena 2025")
	if out := s.OK("events"); !strings.Contains(out, "* Skolu diena 2025") || !strings.Contains(out, " 1 ") {
		t.Errorf("after rename (still current, with its response):\n%s", out)
	}
	s.OK("events", "new", "Trešais")
	if out := s.OK("events"); !strings.Contains(out, "* Trešais") {
		t.Errorf("a new event did not become current:\n%s", out)
	}

	out := s.OK("events", "set", "Gadatirgus", "--age-groups", "12-14, 15-17,18+", "--min-group", "3")
	if !strings.Contains(out, "age groups 12-14, 15-17, 18+; privacy threshold 3") {
		t.Errorf("events set: %q", out)
	}
	if out := s.OK("events", "set", "Gadatirgus", "--min-group", "4"); !strings.Contains(out, "12-14, 15-17, 18+; privacy threshold 4") {
		t.Errorf("events set kept what was not given? %q", out)
	}
	if out := s.OK("events", "set", "Skolu diena 2025"); !strings.Contains(out, "13-15, 16-18, 19+; privacy threshold 5") {
		t.Errorf("defaults: %q", out)
	}
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"events", "rename", "Nope", "X"}, 1},
		{[]string{"events", "rename", "Gadatirgus", "Trešais"}, 1},
		{[]string{"events", "rename", "Gadatirgus"}, 2},
		{[]string{"events", "switch", "Nope"}, 1},
		{[]string{"events", "switch"}, 2},
		{[]string{"events", "set", "Nope", "--min-group", "3"}, 1},
		{[]string{"events", "set", "Gadatirgus", "--age-groups", "a,,b"}, 1},
		{[]string{"events", "set", "Gadatirgus", "--min-group", "-1"}, 2},
		{[]string{"events", "new", "X", "--min-group", "3"}, 2},
		{[]string{"events", "compare", "Gadatirgus"}, 2},
		{[]string{"events", "compare", "Gadatirgus", "Nope"}, 1},
	} {
		if _, errs, code := s.Run("", tc.args...); code != tc.code {
			t.Errorf("standmap %s: exit %d, want %d\n%s", strings.Join(tc.args, " "), code, tc.code, errs)
		}
	}
}

func TestEventsCompare(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	s.OK("import", fairCSV)
	want := standtest.ExpectedTallies(t, fairExpected)
	out := s.OK("events", "compare", want[0].Event, want[1].Event)
	lines := strings.Split(out, "\n")
	if !strings.Contains(lines[0], want[0].Event+" compared with "+want[1].Event) {
		t.Errorf("title: %q", lines[0])
	}
	top := want[0].Neighbourhoods[0]
	if !strings.Contains(out, top.Name) || !strings.Contains(out, want[0].Wishes[0].Text) {
		t.Errorf("compare lacks the top neighbourhood or wish:\n%s", out)
	}
}
