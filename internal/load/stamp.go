package load

import (
	"io/fs"
	"time"
)

// A FileStamp tells whether a file was written since, without reading it,
// as git's index does: the file's size, the times its bytes and its
// inode last changed (the second, ctime, no program can set back) and
// which file it is. Two stamps alike say that the file was not written
// between them, if the first was taken after the file had settled: a file
// written twice within one tick of the clock that dates files has the
// same times after both (see settled).
type FileStamp struct {
	Size         int64
	Mtime, Ctime int64 // nanoseconds since 1970
	Ino, Dev     uint64
}

// settled reports whether the stamp st, taken at now, is older than the
// changes it could miss: its file last changed more than settle before.
func (st FileStamp) settled(now time.Time, settle time.Duration) bool {
	limit := now.Add(-settle).UnixNano()
	return st.Mtime < limit && st.Ctime < limit
}

// stampOf returns the stamp of the file of fsys whose status, read without
// following a link, is info, when fsys gives stamps (a RootFS on Linux,
// macOS and the BSDs) and info is that of a regular file. The stamp comes
// from the status the folder's listing read: no call of its own.
func stampOf(fsys fs.FS, info fs.FileInfo) (FileStamp, bool) {
	if _, ok := fsys.(*RootFS); !ok || info == nil || !info.Mode().IsRegular() {
		return FileStamp{}, false
	}
	return statStamp(info.Sys())
}
