//go:build unix

package cli

import (
	"errors"
	"io"
	"os"
	"syscall"
)

// claimDraftSlot takes the lowest slot (1…max) of the lock file at path
// that no other process holds — a write lock on its byte — and keeps it
// until release or the process's end; all taken, it shares max. A lock
// file that cannot be opened or locked (a directory, no permission, a
// file system without locks) is an error: without it two applications
// would share one draft, and their saves one visitor.
func claimDraftSlot(path string, max int) (slot int, release func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return 0, nil, err
	}
	for slot := 1; slot <= max; slot++ {
		lk := syscall.Flock_t{Type: syscall.F_WRLCK, Whence: io.SeekStart, Start: int64(slot), Len: 1}
		err := syscall.FcntlFlock(f.Fd(), syscall.F_SETLK, &lk)
		switch {
		case err == nil:
			return slot, func() { f.Close() }, nil
		case !errors.Is(err, syscall.EAGAIN) && !errors.Is(err, syscall.EACCES): // not held by another: unusable
			f.Close()
			return 0, nil, &os.PathError{Op: "lock", Path: path, Err: err}
		}
	}
	return max, func() { f.Close() }, nil
}
