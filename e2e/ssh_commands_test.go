package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestE2ESSHCommandsAreLocal: `ssh HOST tally --json` and the local
// `standmap tally --json` run one implementation: the same bytes, with
// real OpenSSH against the built binary; `ssh HOST tally --help` lists
// the local tally's own flags, without those that choose a database,
// event or map (the server's), and a flag that reaches the server's files
// is not there.
func TestE2ESSHCommandsAreLocal(t *testing.T) {
	s := startServe(t)
	csv := filepath.Join(s.dir, "wishes.csv")
	os.WriteFile(csv, []byte("response_id,created_at,event,age_group,neighbourhood,wish,category\n"+
		"c1,2025-04-24T09:00:00Z,,16-18,Grīva,Āra trenažieri,fitness\n"+
		"c2,2025-04-24T09:01:00Z,,,Centrs,\"ara trenazieri, lūdzu\",\n"+
		"c3,2025-04-24T09:02:00Z,,,,Больше скамеек,hangout\n"), 0o644)
	if out, err := exec.Command(s.bin, "import", csv, "--db", s.db, "--event", "E2E").CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	for _, args := range [][]string{{"tally", "--json"}, {"tally"}, {"tally", "--json", "--at", "2025-04-24T09:01:30Z"}} {
		local, err := exec.Command(s.bin, append(args, "--db", s.db, "--event", "E2E")...).Output()
		if err != nil {
			t.Fatalf("local %v: %v", args, err)
		}
		remote, errOut, code := s.ssh([]string{"viewer"}, args...)
		if code != 0 || remote != string(local) {
			t.Errorf("ssh %v differs from the local command (exit %d, %s):\n%s\nlocal:\n%s", args, code, errOut, remote, local)
		}
	}

	flags := regexp.MustCompile(`--[a-z-]+`)
	localHelp, err := exec.Command(s.bin, "tally", "--help").Output()
	if err != nil {
		t.Fatal(err)
	}
	remoteHelp, _, code := s.ssh([]string{"viewer"}, "tally", "--help")
	want := slices.DeleteFunc(unique(flags.FindAllString(string(localHelp), -1)), func(f string) bool {
		return f == "--db" || f == "--event" || f == "--map" || f == "--flags" // "[--flags]" in fang's usage line
	})
	if got := unique(flags.FindAllString(remoteHelp, -1)); code != 0 || !slices.Equal(got, want) {
		t.Errorf("ssh tally --help: exit %d, flags %v, want %v\n%s", code, got, want, remoteHelp)
	}
	if _, errOut, code := s.ssh([]string{"fac"}, "export", "--out", "/tmp/x.csv"); code != 2 || strings.Count(errOut, "\n") != 1 {
		t.Errorf("ssh export --out: exit %d, stderr %q; want a usage error in one line", code, errOut)
	}
}

// unique returns the strings sorted, each once.
func unique(s []string) []string {
	slices.Sort(s)
	return slices.Compact(s)
}
