package server

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"
)

// CheckFiles checks, creating and changing nothing, what New would
// refuse in cfg's host key and authorized keys files (their paths
// defaulted as New defaults them): a key or keys file that others can
// change, or in a folder others can; a host key that is no key. A start
// refused here has left no file behind it.
func CheckFiles(cfg Config) error {
	hostKey, authorized := filePaths(cfg)
	if _, err := (&authorizedKeys{path: authorized}).readFile(); err != nil {
		return err
	}
	data, err := readHostKey(hostKey)
	if err != nil {
		return err
	}
	if data == nil { // to be created: its folder, when there is one, must be private
		dir := filepath.Dir(hostKey)
		if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return checkFolder("host key", hostKey, dir)
	}
	if _, err := gossh.ParsePrivateKey(data); err != nil {
		return fmt.Errorf("host key %s: %w", hostKey, err)
	}
	return nil
}

// filePaths are cfg's host key and authorized keys paths, beside the
// database when not given.
func filePaths(cfg Config) (hostKey, authorized string) {
	dir := "."
	if cfg.DBPath != "" {
		dir = filepath.Dir(cfg.DBPath)
	}
	return cmpOr(cfg.HostKeyPath, filepath.Join(dir, HostKeyName)),
		cmpOr(cfg.AuthorizedKeysPath, filepath.Join(dir, AuthorizedKeysName))
}

// loadHostKey reads the private host key at path, or creates an ed25519
// key there when there is none (createHostKey). A key that others can
// read or write, or in a folder others can write, or not this user's, is
// refused (checkPrivate), as OpenSSH refuses it.
func loadHostKey(path string) (signer gossh.Signer, created bool, err error) {
	data, err := readHostKey(path)
	if err != nil {
		return nil, false, err
	}
	if data == nil {
		if data, err = createHostKey(path); err != nil {
			return nil, false, fmt.Errorf("create host key %s: %w", path, err)
		}
		created = true
	}
	signer, err = gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, false, fmt.Errorf("host key %s: %w", path, err)
	}
	return signer, created, nil
}

// readHostKey returns the key file's content once its mode, owner and
// folder are checked; nil when there is no file.
func readHostKey(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		if target, lerr := os.Readlink(path); lerr == nil { // a link to nothing: it would be followed
			return nil, fmt.Errorf("host key %s: a link to %s, which is not there; refused (remove the link, or give --host-key the key itself)", path, target)
		}
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	if err := checkPrivate("host key", path, fi, true); err != nil {
		return nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read host key: %w", err)
	}
	return data, nil
}

// createHostKey writes a new key in OpenSSH's format, as the check of
// an existing one wants it: its folder is made 0700 when missing, and
// refused when it exists and others can write it or it is not this
// user's (another user may have made it first, in /tmp); the file is
// made 0600, never replacing one that appeared meanwhile, nor following
// a link put in its place (O_EXCL).
func createHostKey(path string) ([]byte, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "standmap host key")
	if err != nil {
		return nil, err
	}
	data := pem.EncodeToMemory(block)
	if err := privateFolder("host key", path); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return nil, err
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return nil, err
	}
	return data, nil
}

// privateFolder makes path's folder (and the folders above it that are
// missing) 0700, or checks the one that is there.
func privateFolder(what, path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(filepath.Dir(dir), 0o700); err != nil {
		return err
	}
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return checkFolder(what, path, dir)
}
