package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"standmap/db"
	"standmap/model"
)

// saveBook is what the clients were told: the acknowledged wishes with
// their numbers, and the wishes whose save was in flight at a kill.
type saveBook struct {
	acked    map[string]int64
	inFlight map[string]bool
}

// check reads the database with the sqlite3 tool: it must be intact and
// hold every acknowledged visitor once under its number, every one in
// flight at most once, each whole, and nothing else. Those in flight that
// are stored are acknowledged from then on; it returns how many they were.
func (b saveBook) check(db string) (problems []string, inFlightStored int) {
	if out, err := exec.Command("sqlite3", db, "PRAGMA integrity_check").CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != "ok" {
		return []string{fmt.Sprintf("integrity_check: %v %s", err, out)}, 0
	}
	out, err := exec.Command("sqlite3", "-json", db, `SELECT r.number AS seq, m.position, m.neighbourhood, m.wish
		FROM responses r JOIN events e ON e.id = r.event_id LEFT JOIN marks m ON m.response_seq = r.seq
		WHERE e.name = 'E2E' AND r.deleted_at IS NULL ORDER BY r.seq, m.position`).CombinedOutput()
	var rows []struct {
		Seq                 int64 // the response's number, as "saved #N" says
		Position            *int
		Neighbourhood, Wish *string
	}
	if err == nil && len(out) > 0 {
		err = json.Unmarshal(out, &rows)
	}
	if err != nil {
		return []string{fmt.Sprintf("sqlite3: %v\n%s", err, out)}, 0
	}
	marks := map[int64][]string{} // number → "position neighbourhood wish"
	var order []int64
	for _, r := range rows {
		if _, ok := marks[r.Seq]; !ok {
			order = append(order, r.Seq)
		}
		m := marks[r.Seq]
		if r.Position != nil {
			m = append(m, fmt.Sprintf("%d %s %s", *r.Position, *r.Neighbourhood, *r.Wish))
		}
		marks[r.Seq] = m
	}
	found := map[string]int64{}
	for _, seq := range order {
		m, wish := marks[seq], ""
		if len(m) > 0 {
			wish = strings.TrimSuffix(strings.TrimPrefix(m[0], "0 Centrs "), "-a")
		}
		switch _, acked := b.acked[wish]; {
		case fmt.Sprint(m) != fmt.Sprintf("[0 Centrs %s-a 1 Grīva %s-b]", wish, wish):
			problems = append(problems, fmt.Sprintf("response #%d is not whole: marks %q", seq, m))
		case found[wish] != 0:
			problems = append(problems, fmt.Sprintf("%s is stored twice: #%d and #%d", wish, found[wish], seq))
		case !acked && !b.inFlight[wish]:
			problems = append(problems, fmt.Sprintf("response #%d holds %s, which no client saved", seq, wish))
		default:
			found[wish] = seq
		}
	}
	for wish, seq := range b.acked {
		if got := found[wish]; got != seq {
			problems = append(problems, fmt.Sprintf("acknowledged save %s (saved #%d) lost: stored as #%d (#0: not at all)", wish, seq, got))
		}
	}
	for wish := range b.inFlight { // stored now, so it must stay
		if seq, ok := found[wish]; ok {
			delete(b.inFlight, wish)
			b.acked[wish] = seq
			inFlightStored++
		}
	}
	return problems, inFlightStored
}

// TestSaveBookCheck shows that the kill test's check finds a lost, a
// partial, a doubled and a stray save.
func TestSaveBookCheck(t *testing.T) {
	if _, err := exec.LookPath("sqlite3"); err != nil {
		t.Skip("needs the sqlite3 command-line tool")
	}
	path := filepath.Join(t.TempDir(), "check.db")
	store, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ctx := context.Background()
	save := func(id, wish string) {
		r := model.Response{ID: id, Event: "E2E", Marks: []model.Mark{{Neighbourhood: "Centrs", Wish: wish + "-a"}, {Neighbourhood: "Grīva", Wish: wish + "-b"}}}
		if _, err := store.SaveResponse(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := store.CreateEvent(ctx, "E2E"); err != nil {
		t.Fatal(err)
	}
	save("1", "fa-1")
	save("2", "fb-1")
	book := saveBook{acked: map[string]int64{"fa-1": 1}, inFlight: map[string]bool{"fb-1": true, "fb-2": true}}
	if problems, stored := book.check(path); len(problems) > 0 || stored != 1 || book.acked["fb-1"] != 2 || len(book.inFlight) != 1 {
		t.Fatalf("intact: %q, %d in flight stored, book %+v", problems, stored, book)
	}
	for _, c := range []struct{ change, want string }{
		{"DELETE FROM marks WHERE response_seq = 2 AND position = 1", `response #2 is not whole: marks ["0 Centrs fb-1-a"]`},
		{"DELETE FROM responses WHERE seq = 2", "acknowledged save fb-1 (saved #2) lost: stored as #0 (#0: not at all)"},
		{"", "fa-1 is stored twice: #1 and #3"}, // numbers are never given twice
		{"", "response #4 holds fc-1, which no client saved"},
	} {
		switch {
		case c.change != "":
			if out, err := exec.Command("sqlite3", path, c.change).CombinedOutput(); err != nil {
				t.Fatalf("%s: %v %s", c.change, err, out)
			}
		case strings.Contains(c.want, "twice"):
			save("3", "fa-1")
		default:
			save("4", "fc-1")
		}
		if problems, _ := book.check(path); !slices.Contains(problems, c.want) {
			t.Errorf("%q: problems %q, want among them %q", c.change, problems, c.want)
		}
	}
}
