package cli

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"standmap/ascii_maps"
	"standmap/db"
	"standmap/internal/standtest"
	"standmap/server"
)

// servedRemote is the remote place of a stand's database serving event.
func servedRemote(t *testing.T, s *standtest.Stand, event string) *remote {
	t.Helper()
	store, err := db.Open(s.DB)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	city, err := ascii_maps.Load("daugavpils")
	if err != nil {
		t.Fatal(err)
	}
	return &remote{store: store, city: city, lang: "en", event: func() string { return event }}
}

// served is a way to run an SSH client's command line on the remote
// place of a stand's database serving event.
func served(t *testing.T, s *standtest.Stand, event string) func(role server.Role, args ...string) (string, string, int) {
	t.Helper()
	r := servedRemote(t, s, event)
	return func(role server.Role, args ...string) (string, string, int) {
		var out, errb bytes.Buffer
		code := r.run(context.Background(), role, args, strings.NewReader(""), &out, &errb)
		return out.String(), errb.String(), code
	}
}

// TestRemoteRunsTheLocalCommands: over SSH, tally and export are the
// local commands on the event served, byte for byte; export is for
// facilitators; the help shows the same flags but the server's.
func TestRemoteRunsTheLocalCommands(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	s.OK("import", fairCSV)
	event := standtest.ExpectedTallies(t, fairExpected)[0].Event
	ssh := served(t, s, event)

	for _, args := range [][]string{{"tally", "--json"}, {"tally"}, {"tally", "--at", "2025-04-24T07:30:00Z"}} {
		local := s.OK(append(args, "--event", event)...)
		for _, role := range []server.Role{server.Viewer, server.Facilitator} {
			if out, errs, code := ssh(role, args...); code != 0 || out != local {
				t.Errorf("%s: ssh %v: exit %d %s, differs from the local command", role, args, code, errs)
			}
		}
	}
	for _, format := range []string{"csv", "json"} {
		local := s.OK("export", "--event", event, "--format", format)
		if out, errs, code := ssh(server.Facilitator, "export", "--format", format); code != 0 || out != local {
			t.Errorf("facilitator ssh export --format %s: exit %d %s, differs from the local export", format, code, errs)
		}
	}
	out, errs, code := ssh(server.Viewer, "export")
	if code != 1 || out != "" || errs != "standmap export: export is for facilitators (your key is not in the authorized keys)\n" {
		t.Errorf("viewer export: exit %d, stdout %q, stderr %q", code, out, errs)
	}

	help, _, code := ssh(server.Viewer, "tally", "--help")
	var flags []string
	for _, f := range []string{"--json", "--at", "--help", "--db", "--event", "--map"} {
		if strings.Contains(help, f) {
			flags = append(flags, f)
		}
	}
	if code != 0 || !slices.Equal(flags, []string{"--json", "--at", "--help"}) {
		t.Errorf("ssh tally --help: exit %d, flags %v\n%s", code, flags, help)
	}
}

// TestRemoteUsage: what an SSH client gets wrong is a usage error in one
// line; help lists the commands.
func TestRemoteUsage(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	s.OK("events", "new", "Fair")
	ssh := served(t, s, "Fair")
	for _, c := range []struct {
		line string
		code int
	}{
		{"frobnicate", 2}, {"tally --bogus", 2}, {"tally extra", 2}, {"export --format xml", 2},
		{"present now", 2}, {"tally --db /etc/passwd", 2}, {"tally --event Other", 2}, {"export --out /tmp/x", 2},
		{"--version", 0}, {"tally --at soon", 2}, {"help", 0}, {"--help", 0}, {"tally -h", 0},
		{"help tally", 0}, {"help frobnicate", 2}, {"help report", 2}, // report is not served
	} {
		out, errs, code := ssh(server.Facilitator, strings.Fields(c.line)...)
		if code != c.code || (code != 0 && strings.Count(errs, "\n") != 1) {
			t.Errorf("ssh %s: exit %d, want %d; stderr %q", c.line, code, c.code, errs)
		}
		if c.line == "help" {
			for _, name := range []string{"tally", "export", "present"} {
				if !strings.Contains(out, name) {
					t.Errorf("ssh help lacks %s:\n%s", name, out)
				}
			}
		}
	}
}
