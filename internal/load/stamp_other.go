//go:build !(linux || openbsd || dragonfly || darwin || freebsd || netbsd)

package load

// statStamp gives no stamp: Windows keeps no time of a file that a program
// cannot set back.
func statStamp(any) (FileStamp, bool) { return FileStamp{}, false }
