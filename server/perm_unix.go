//go:build unix

package server

import (
	"io/fs"
	"os"
	"syscall"
)

// foreignOwner reports the owner of fi when it is neither this user nor
// root.
func foreignOwner(fi fs.FileInfo) (uid int, foreign bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	uid = int(st.Uid)
	return uid, uid != 0 && uid != os.Getuid()
}
