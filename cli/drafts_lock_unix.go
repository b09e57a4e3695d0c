//go:build unix

package cli

import (
	"io"
	"os"
	"syscall"
)

// claimDraftSlot takes the lowest slot (1…max) of the lock file at path
// that no other process holds — a write lock on its byte — and keeps it
// until release or the process's end; all taken, it shares max. A file
// that cannot be opened gives slot 1.
func claimDraftSlot(path string, max int) (slot int, release func()) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return 1, func() {}
	}
	for slot := 1; slot <= max; slot++ {
		lk := syscall.Flock_t{Type: syscall.F_WRLCK, Whence: io.SeekStart, Start: int64(slot), Len: 1}
		if syscall.FcntlFlock(f.Fd(), syscall.F_SETLK, &lk) == nil {
			return slot, func() { f.Close() }
		}
	}
	f.Close()
	return max, func() {}
}
