package cli

import (
	"strings"
	"testing"
)

func TestReplayCommand(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	s.OK("import", fairCSV)
	const ev = "Profesiju gadatirgus 2025"
	for _, c := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"replay", "--event", ev, "--speed", "0"}, 2, "--speed"},
		{[]string{"replay", "--event", ev, "--at", "teatime"}, 2, "--at"},
		{[]string{"replay", "--event", ev, "extra"}, 2, "unexpected argument"},
		{[]string{"replay", "--event", "Atlantis"}, 1, `no event "Atlantis"`},
	} {
		_, errs, code := s.Run("", c.args...)
		if code != c.code || !strings.Contains(errs, c.err) {
			t.Errorf("standmap %s: exit %d, %q; want exit %d saying %q", strings.Join(c.args, " "), code, errs, c.code, c.err)
		}
	}
	// Not a terminal: the keys come from stdin; ] moves ten minutes, q quits.
	out, errs, code := s.Run("]]]q", "replay", "--event", ev, "--at", "2025-04-24T09:30:00+03:00", "--lang", "en")
	if code != 0 {
		t.Fatalf("replay: exit %d\n%s", code, errs)
	}
	if !strings.Contains(out, "standmap · replay") { // the window's title
		t.Fatalf("replay did not start its screen:\n%q", out)
	}
}
