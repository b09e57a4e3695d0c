package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"standmap/db"
	"standmap/internal/standtest"
	"standmap/model"
)

func TestReportCommand(t *testing.T) {
	s := newStand(t)
	s.OK("import", fairCSV)
	want := standtest.ExpectedTallies(t, fairExpected)
	t.Setenv("SOURCE_DATE_EPOCH", "1745500000")
	md := s.OK("report", "--event", want[0].Event, "--compare", want[1].Event)
	for _, x := range []string{"# Report: " + want[0].Event, "| Visitors (responses) | 360 |", "## Map", "```text",
		"## Top wishes", "| 1 | " + want[0].Wishes[0].Text, "## Age groups", "## Answers per half hour",
		"compared with " + want[1].Event, "Generated 2025-04-24 "} {
		if !strings.Contains(md, x) {
			t.Errorf("report lacks %q", x)
		}
	}
	if lv := s.OK("report", "--event", want[0].Event, "--lang", "lv"); !strings.Contains(lv, "# Pārskats: ") {
		t.Errorf("--lang lv: %.80q", lv)
	}
	if ru := s.OK("report", "--event", want[0].Event, "--lang", "ru"); !strings.Contains(ru, "# Отчёт: ") ||
		!strings.Contains(ru, "## Где молодёжь проводит свободное время") {
		t.Errorf("--lang ru: %.120q", ru)
	}
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "ru_RU.UTF-8")
	if ru := s.OK("report", "--event", want[0].Event); !strings.Contains(ru, "# Отчёт: ") {
		t.Errorf("LANG=ru_RU.UTF-8: %.80q", ru)
	}

	out := filepath.Join(t.TempDir(), "report.html")
	s.OK("report", "--event", want[0].Event, "--format", "html", "--out", out)
	b, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(b), "<!DOCTYPE html>") || !strings.Contains(string(b), "<svg") {
		t.Errorf("--format html --out: %v %.80q", err, b)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("--out left %d files behind", len(entries))
	}

	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"report", "--format", "pdf"}, 2},
		{[]string{"report", "extra"}, 2},
		{[]string{"report", "--min-group", "-2"}, 2},
		{[]string{"report", "--at", "soon"}, 2},
		{[]string{"report", "--event", "Nope"}, 1},
		{[]string{"report", "--event", want[0].Event, "--compare", "Nope"}, 1},
		{[]string{"report", "--event", want[0].Event, "--out", "/nonexistent/dir/r.md"}, 1},
		{[]string{"report", "-h"}, 0},
	} {
		if _, errs, code := s.Run("", tc.args...); code != tc.code {
			t.Errorf("standmap %s: exit %d, want %d\n%s", strings.Join(tc.args, " "), code, tc.code, errs)
		}
	}
}

// TestReportPrivacySetting: the threshold stored with the event applies,
// and --min-group overrides it (5 responses of 16-18: shown at 5, not 6).
func TestReportPrivacySetting(t *testing.T) {
	s := newStand(t)
	var csv strings.Builder
	csv.WriteString(standtest.CSVHeader)
	for i := range 11 {
		group := "16-18"
		if i >= 5 {
			group = "19+"
		}
		fmt.Fprintf(&csv, "r%d,2025-04-24T09:%02d:00Z,Fair,%s,Centrs,,\n", i, i, group)
	}
	s.ImportText(csv.String())
	shown := regexp.MustCompile(`(?m)^\| 16-18 \| 5 \|`)
	if md := s.OK("report"); !shown.MatchString(md) {
		t.Errorf("16-18 with 5 responses not shown at the default threshold:\n%s", md)
	}
	s.OK("events", "set", "Fair", "--min-group", "6")
	// At 6, 16-18 (5) is merged; merged alone it would be 5, so 19+ (6)
	// joins it, and only the total is left.
	if md := s.OK("report"); shown.MatchString(md) || !strings.Contains(md, "Too few responses per age group") {
		t.Errorf("16-18 with 5 responses shown at the event's threshold 6:\n%s", md)
	}
	if md := s.OK("report", "--min-group", "5"); !shown.MatchString(md) {
		t.Errorf("--min-group 5 did not override the event's 6")
	}
}

// TestReportWhileWriting generates reports and exports while another
// connection pool (as another process would) saves responses to the same
// database, one every 2 ms: far busier than a stand. (A writer in a
// tight loop starves the write lock that opening the database takes to
// check its migrations.)
func TestReportWhileWriting(t *testing.T) {
	s := newStand(t)
	s.OK("events", "new", "Live")
	writer, err := db.Open(s.DB)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var saved int
	var werr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ctx.Err() == nil; i++ {
			r := model.Response{ID: fmt.Sprintf("w%d", i), Event: "Live", CreatedAt: time.Now(), AgeGroup: "16-18",
				Marks: []model.Mark{{Neighbourhood: "Centrs", Wish: "Āra trenažieri", Category: "fitness"}}}
			if _, err := writer.SaveResponse(ctx, r); err != nil {
				if ctx.Err() == nil {
					werr = err
				}
				return
			}
			saved = i + 1
			time.Sleep(2 * time.Millisecond)
		}
	}()
	visitors := regexp.MustCompile(`\| Visitors \(responses\) \| (\d+) \|`)
	last := -1
	deadline := time.Now().Add(2 * time.Second)
	for n := 0; n < 5 || time.Now().Before(deadline); n++ {
		out := filepath.Join(t.TempDir(), "r.md")
		s.OK("report", "--event", "Live", "--out", out)
		s.OK("report", "--event", "Live", "--format", "html")
		s.OK("export", "--event", "Live")
		b, _ := os.ReadFile(out)
		m := visitors.FindStringSubmatch(string(b))
		if m == nil {
			t.Fatalf("report without visitors:\n%s", b)
		}
		v, _ := strconv.Atoi(m[1])
		if v < last {
			t.Fatalf("visitors went from %d to %d", last, v)
		}
		last = v
	}
	cancel()
	wg.Wait()
	if werr != nil {
		t.Fatalf("the writer failed while reports were made: %v", werr)
	}
	if saved == 0 || last == 0 {
		t.Fatalf("nothing was written meanwhile (saved %d, last report %d)", saved, last)
	}
	t.Logf("%d responses saved while reporting; the last report counted %d", saved, last)
}
