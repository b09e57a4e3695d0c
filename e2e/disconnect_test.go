package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"standmap/internal/sshterm"
)

// TestDisconnectMidSave drops facilitators' clients around a save, over
// real SSH to standmap serve in this process, both whole connections and
// single sessions of a connection that stays. What standmap promises:
//
//   - an answer whose ctrl+s reached the server is saved, exactly once and
//     whole, even when the client drops right after sending it: the
//     program reads its input to the end before it quits (server's
//     runProgram), and the save runs as a command with a context of its
//     own, not the session's;
//   - the same when the client drops once the form said "saving…";
//   - an answer being typed when the client drops is not stored.
//
// Meanwhile the server keeps serving others, and afterwards no goroutine
// is left and the database passes PRAGMA integrity_check.
func TestDisconnectMidSave(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no SSH soak")
	}
	g0, _ := baseline()
	s := startInProcServe(t, 1)
	viewer := s.term(t, -1, 80, 24)
	conn, err := gossh.Dial("tcp", s.addr, &gossh.ClientConfig{User: "multiplexed",
		Auth: []gossh.AuthMethod{gossh.PublicKeys(s.facilitators[0])}, HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// dropped is the answer of the session dropped while typing: the next
	// session of the facilitator has it back in the form, from the draft.
	var dropped []string
	// open is a facilitator's form, on a connection of its own or, odd i,
	// as a session of a connection that stays open (only the session ends).
	// The visitor a dropped session was typing comes back in it; ctrl+z
	// empties the form again. A save dropped with its session has emptied
	// the draft before the new session reads it: its visitor never comes
	// back to be saved twice.
	open := func(i int) *sshterm.Term {
		var term *sshterm.Term
		if i%2 == 0 {
			term = s.term(t, 0, 100, 30)
		} else if term, err = sshterm.Open(conn, "", 100, 30); err != nil {
			t.Fatal(err)
		}
		if err := term.WaitFor("Visitor #", time.Minute); err != nil {
			t.Fatal(err)
		}
		back := strings.Contains(term.Screen(), "unsaved visitor is back")
		switch {
		case dropped == nil && back:
			t.Fatalf("a visitor came back that was saved:\n%s", term.Screen())
		case dropped != nil && (!back || !strings.Contains(term.Screen(), dropped[1])):
			t.Fatalf("%q, dropped while typing, is not back in the form:\n%s", dropped[1], term.Screen())
		case dropped != nil:
			term.Type("\x1a") // ctrl+z
			if err := term.WaitUntil(func(sc string) bool { return !strings.Contains(sc, dropped[1]) }, "an empty form", 10*time.Second); err != nil {
				t.Fatal(err)
			}
			dropped = nil
		}
		return term
	}
	answer := func(kind string, i int) []string {
		// "bench": each wish's category comes from its words
		return []string{"centrs", fmt.Sprintf("drop %s%d bench a", kind, i), "griva", fmt.Sprintf("drop %s%d bench b", kind, i)}
	}
	const rounds = 8
	var atOnce, taken, typing [][]string
	for i := range rounds {
		f := open(i)
		a := answer("now", i)
		if err := typeAnswer(f, sshterm.CtrlS, a...); err != nil {
			t.Fatal(err)
		}
		f.Close() // at once after ctrl+s
		atOnce = append(atOnce, a)

		f = open(i)
		a = answer("taken", i)
		typeAnswer(f, sshterm.CtrlS, a...)
		if err := f.WaitUntil(func(sc string) bool { return strings.Contains(sc, "saving…") || savedStatus.MatchString(sc) },
			"saving… or saved", time.Minute); err != nil {
			t.Fatal(err)
		}
		f.Close()
		taken = append(taken, a)

		f = open(i)
		a = answer("typing", i)
		typeAnswer(f, "", a[:3]...)
		f.Type(a[3][:len(a[3])/2])
		f.Close() // in the middle of the second wish
		typing = append(typing, a)
		dropped = a
	}

	// The server still serves: a new facilitator saves, the viewer sees it.
	f := open(0)
	typeAnswer(f, sshterm.CtrlS, "centrs", "after the drops bench")
	if err := f.WaitFor("saved #", time.Minute); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := viewer.WaitUntil(func(sc string) bool { c, ok := shownCount(sc); return ok && c == 2*rounds+1 },
		fmt.Sprintf("%d visitors", 2*rounds+1), time.Minute); err != nil {
		t.Error(err)
	}
	viewer.Close()
	s.waitSessionsEnded(t, time.Minute) // those closed alone on conn too
	conn.Close()
	s.stop(t)

	stored := storedAnswers(t, s)
	counts := map[string]int{}
	for _, group := range [][][]string{atOnce, taken, typing} {
		for _, a := range group {
			counts[a[1]] = 0
		}
	}
	for _, marks := range stored {
		if len(marks) == 0 || !strings.HasPrefix(marks[0], "Centrs|drop ") {
			continue
		}
		wish := strings.TrimPrefix(marks[0], "Centrs|")
		counts[wish]++
		want := []string{"Centrs|" + wish, "Grīva|" + strings.TrimSuffix(wish, " a") + " b"}
		if strings.Join(marks, "; ") != strings.Join(want, "; ") {
			t.Errorf("stored %q, not the whole answer %q", marks, want)
		}
	}
	for _, a := range append(atOnce, taken...) {
		if counts[a[1]] != 1 {
			t.Errorf("%q, ctrl+s then the client dropped: stored %d times, want 1", a[1], counts[a[1]])
		}
	}
	for _, a := range typing {
		if counts[a[1]] != 0 {
			t.Errorf("%q, dropped while typing: stored %d times, want 0", a[1], counts[a[1]])
		}
	}
	checkIntegrity(t, s)
	g, _ := settle(g0)
	checkNoLeak(t, g0, g)
}

// storedAnswers reads every stored response of SOAK as its marks,
// "neighbourhood|wish", in order.
func storedAnswers(t *testing.T, s *inProcServe) [][]string {
	t.Helper()
	raw := s.openDB(t)
	defer raw.Close()
	rows, err := raw.Query(`SELECT r.seq, m.neighbourhood, m.wish FROM responses r JOIN events e ON e.id = r.event_id
		JOIN marks m ON m.response_seq = r.seq WHERE e.name = 'SOAK' ORDER BY r.seq, m.position`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out [][]string
	last := int64(-1)
	for rows.Next() {
		var seq int64
		var place, wish string
		if err := rows.Scan(&seq, &place, &wish); err != nil {
			t.Fatal(err)
		}
		if seq != last {
			out, last = append(out, nil), seq
		}
		out[len(out)-1] = append(out[len(out)-1], place+"|"+wish)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkIntegrity runs PRAGMA integrity_check on the served database.
func checkIntegrity(t *testing.T, s *inProcServe) {
	t.Helper()
	raw := s.openDB(t)
	defer raw.Close()
	var got string
	if err := raw.QueryRow("PRAGMA integrity_check").Scan(&got); err != nil || got != "ok" {
		t.Errorf("PRAGMA integrity_check: %q, %v", got, err)
	}
}
