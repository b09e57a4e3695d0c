package cli

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestJoinCommands(t *testing.T) {
	t.Parallel()
	if got := joinCommands(&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 2222}); len(got) != 1 || got[0] != "ssh -p 2222 127.0.0.1" {
		t.Errorf("127.0.0.1:2222: %q", got)
	}
	all := joinCommands(&net.TCPAddr{IP: net.IPv4zero, Port: 22})
	for _, c := range all {
		if !strings.HasPrefix(c, "ssh ") || strings.Contains(c, "-p") || strings.Contains(c, "0.0.0.0") {
			t.Errorf("all interfaces, port 22: %q", all)
		}
	}
}

// TestServeRefusedCreatesNothing: each refused start of serve — a bad
// flag, a bad event name, a keys file or host key others can change, a
// host key folder others can write, a port in use — exits non-zero and
// leaves the folder as it was: no database, host key or folder made.
func TestServeRefusedCreatesNothing(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	for _, c := range []struct {
		name    string
		prepare func(dir string) // beyond the database's path dir/data/standmap.db, not there yet
		args    []string
		code    int
		want    string
	}{
		{"unknown flag", nil, []string{"--frobnicate"}, 2, "unknown flag"},
		{"max viewers 0", nil, []string{"--max-viewers", "0"}, 2, "--max-viewers"},
		{"bad language", nil, []string{"--lang", "de"}, 2, "de"},
		{"no such map", nil, []string{"--map", "atlantis"}, 1, "atlantis"},
		{"event name with an escape", nil, []string{"--event", "E\x1b[2J"}, 2, "control character"},
		{"port in use", nil, []string{"--listen", busy.Addr().String()}, 1, "listen on " + busy.Addr().String()},
		{"keys file 0666", func(dir string) {
			writeMode(t, filepath.Join(dir, "keys"), "", 0o666)
		}, []string{"--authorized-keys", "{dir}/keys"}, 1, "{dir}/keys: mode 0666"},
		{"host key 0644", func(dir string) {
			writeMode(t, filepath.Join(dir, "hostkey"), "not a key", 0o644)
		}, []string{"--host-key", "{dir}/hostkey"}, 1, "{dir}/hostkey: mode 0644"},
		{"host key not a key", func(dir string) {
			writeMode(t, filepath.Join(dir, "hostkey"), "not a key", 0o600)
		}, []string{"--host-key", "{dir}/hostkey"}, 1, "{dir}/hostkey"},
		{"host key folder 0777", func(dir string) {
			os.Mkdir(filepath.Join(dir, "shared"), 0o700)
			os.Chmod(filepath.Join(dir, "shared"), 0o777)
		}, []string{"--host-key", "{dir}/shared/key"}, 1, "its folder {dir}/shared has mode 0777"},
		{"database folder 0777 (the host key beside it)", func(dir string) {
			os.Mkdir(filepath.Join(dir, "data"), 0o700)
			os.Chmod(filepath.Join(dir, "data"), 0o777)
		}, nil, 1, "its folder {dir}/data has mode 0777"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if c.prepare != nil {
				c.prepare(dir)
			}
			before := listFiles(t, dir)
			args := []string{"serve", "--db", filepath.Join(dir, "data", "standmap.db"), "--listen", "127.0.0.1:0"}
			for _, a := range c.args {
				args = append(args, strings.ReplaceAll(a, "{dir}", dir))
			}
			var out, errOut strings.Builder
			code := Run(context.Background(), args, strings.NewReader(""), &out, &errOut)
			want := strings.ReplaceAll(c.want, "{dir}", dir)
			if code != c.code || !strings.Contains(errOut.String(), want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut.String(), c.code, want)
			}
			if after := listFiles(t, dir); after != before {
				t.Errorf("the refused start changed the folder:\nbefore:\n%s\nafter:\n%s", before, after)
			}
		})
	}
}

// writeMode writes content to path with mode, whatever the umask.
func writeMode(t *testing.T, path, content string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

// listFiles is every file and folder under dir, with its mode and size.
func listFiles(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s %v %d\n", strings.TrimPrefix(p, dir), fi.Mode(), fi.Size())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
