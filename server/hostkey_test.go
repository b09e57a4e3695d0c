package server

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHostKeyCreatedPrivate: a missing key is created 0600 in folders
// made 0700, and loads as the same key the next time.
func TestHostKeyCreatedPrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "standmap")
	path := filepath.Join(dir, HostKeyName)
	if err := CheckFiles(Config{HostKeyPath: path, AuthorizedKeysPath: filepath.Join(dir, "keys")}); err != nil {
		t.Fatalf("CheckFiles of a key to be created: %v", err)
	}
	if _, err := os.Stat(filepath.Dir(dir)); !os.IsNotExist(err) {
		t.Fatalf("CheckFiles created %s (%v)", filepath.Dir(dir), err)
	}
	signer, created, err := loadHostKey(path)
	if err != nil || !created {
		t.Fatalf("loadHostKey: created %v, %v", created, err)
	}
	for p, want := range map[string]os.FileMode{filepath.Dir(dir): 0o700, dir: 0o700, path: 0o600} {
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != want {
			t.Errorf("%s: %v, %v; want mode %04o", p, fi.Mode().Perm(), err, want)
		}
	}
	again, created, err := loadHostKey(path)
	if err != nil || created || string(again.PublicKey().Marshal()) != string(signer.PublicKey().Marshal()) {
		t.Errorf("the second load: created %v, %v, or another key", created, err)
	}
}

// TestHostKeyRefusedPlaces: a key is not created in a folder someone
// else made or can write (another local user may make it first under
// /tmp), nor through a link left in its place, nor read when others can
// read it: each refusal names the file and the mode it really has, and
// leaves no key; CheckFiles says the same before anything is created.
func TestHostKeyRefusedPlaces(t *testing.T) {
	for _, c := range []struct {
		name string
		// prepare makes the place of the key, in base.
		prepare func(t *testing.T, base string) (path string)
		want    []string
		root    bool // needs root: chown
	}{
		{"folder 0777", func(t *testing.T, base string) string {
			dir := filepath.Join(base, "standmap")
			mkdir(t, dir, 0o777)
			return filepath.Join(dir, HostKeyName)
		}, []string{"folder", "mode 0777", "chmod go-w"}, false},
		{"sticky folder 1777, as /tmp", func(t *testing.T, base string) string {
			dir := filepath.Join(base, "tmp")
			mkdir(t, dir, 0o777|os.ModeSticky)
			return filepath.Join(dir, HostKeyName)
		}, []string{"folder", "mode 0777"}, false},
		{"folder 0770", func(t *testing.T, base string) string {
			dir := filepath.Join(base, "standmap")
			mkdir(t, dir, 0o770)
			return filepath.Join(dir, HostKeyName)
		}, []string{"folder", "mode 0770"}, false},
		{"key 0666", func(t *testing.T, base string) string {
			path := filepath.Join(base, HostKeyName)
			if _, _, err := loadHostKey(path); err != nil {
				t.Fatal(err)
			}
			chmod(t, path, 0o666)
			return path
		}, []string{"mode 0666", "chmod 600"}, false},
		{"a link in the key's place", func(t *testing.T, base string) string {
			path := filepath.Join(base, HostKeyName)
			if err := os.Symlink(filepath.Join(base, "elsewhere"), path); err != nil {
				t.Fatal(err)
			}
			return path
		}, []string{"a link to", "elsewhere", "not there"}, false},
		{"folder of another user", func(t *testing.T, base string) string {
			dir := filepath.Join(base, "standmap")
			mkdir(t, dir, 0o700)
			chown(t, dir, 4242)
			return filepath.Join(dir, HostKeyName)
		}, []string{"folder", "owned by user 4242"}, true},
		{"key of another user", func(t *testing.T, base string) string {
			path := filepath.Join(base, HostKeyName)
			if _, _, err := loadHostKey(path); err != nil {
				t.Fatal(err)
			}
			chown(t, path, 4242)
			return path
		}, []string{"owned by user 4242"}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.root && os.Geteuid() != 0 {
				t.Skip("needs root to give a file to another user")
			}
			base := t.TempDir()
			path := c.prepare(t, base)
			before := listing(t, base)
			checked := CheckFiles(Config{HostKeyPath: path, AuthorizedKeysPath: filepath.Join(base, "none")})
			_, _, err := loadHostKey(path)
			for _, e := range []error{checked, err} {
				if e == nil {
					t.Fatalf("accepted (CheckFiles %v, loadHostKey %v)", checked, err)
				}
				if !strings.Contains(e.Error(), path) {
					t.Errorf("%q does not name the key %s", e, path)
				}
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) || !strings.Contains(checked.Error(), w) {
					t.Errorf("loadHostKey %q, CheckFiles %q: want %q in both", err, checked, w)
				}
			}
			if after := listing(t, base); after != before {
				t.Errorf("the refusal changed the files:\nbefore\n%s\nafter\n%s", before, after)
			}
		})
	}
}

// listing is every file under dir with its mode, owner and size.
func listing(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		uid, _ := foreignOwner(fi)
		fmt.Fprintf(&b, "%s %v %d %d\n", strings.TrimPrefix(p, dir), fi.Mode(), uid, fi.Size())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// mkdir makes dir with mode, whatever the umask.
func mkdir(t *testing.T, dir string, mode os.FileMode) {
	t.Helper()
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	chmod(t, dir, mode)
}

func chmod(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

func chown(t *testing.T, path string, uid int) {
	t.Helper()
	if err := os.Lchown(path, uid, uid); err != nil {
		t.Fatal(err)
	}
}
