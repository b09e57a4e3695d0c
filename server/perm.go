package server

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// checkPrivate refuses, as OpenSSH's StrictModes does, a file that
// someone other than its owner could change, or read when secret: the
// file's mode must grant group and others no write (secret: nothing at
// all), its folder's no write, and the file must belong to this user
// (or root). The error names the file, its mode and the fix.
func checkPrivate(what, path string, fi fs.FileInfo, secret bool) error {
	mode, bad := fi.Mode().Perm(), fs.FileMode(0o022)
	fix := "chmod go-w"
	if secret {
		bad, fix = 0o077, "chmod 600"
	}
	if mode&bad != 0 {
		return fmt.Errorf("%s %s: mode %04o lets others %s it; refused (%s %s)", what, path, mode, verb(secret), fix, path)
	}
	if uid, ok := foreignOwner(fi); ok {
		return fmt.Errorf("%s %s: owned by user %d, not by the user running standmap; refused", what, path, uid)
	}
	return checkFolder(what, path, filepath.Dir(path))
}

// checkFolder refuses dir, the folder of path, when others can write it
// (they could replace path) or it is not this user's (or root's).
func checkFolder(what, path, dir string) error {
	di, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if !di.IsDir() {
		return fmt.Errorf("%s %s: %s is not a folder; refused", what, path, dir)
	}
	if m := di.Mode().Perm(); m&0o022 != 0 {
		return fmt.Errorf("%s %s: its folder %s has mode %04o, so others can replace it; refused (chmod go-w %s)", what, path, dir, m, dir)
	}
	if uid, ok := foreignOwner(di); ok {
		return fmt.Errorf("%s %s: its folder %s is owned by user %d, not by the user running standmap; refused", what, path, dir, uid)
	}
	return nil
}

func verb(secret bool) string {
	if secret {
		return "read or write"
	}
	return "write"
}
