//go:build linux || openbsd || dragonfly

package load

import "syscall"

// statStamp is the stamp in sys, the Sys of an fs.FileInfo of package os.
func statStamp(sys any) (FileStamp, bool) {
	st, ok := sys.(*syscall.Stat_t)
	if !ok {
		return FileStamp{}, false
	}
	return FileStamp{Size: st.Size, Mtime: st.Mtim.Nano(), Ctime: st.Ctim.Nano(), Ino: uint64(st.Ino), Dev: uint64(st.Dev)}, true
}
