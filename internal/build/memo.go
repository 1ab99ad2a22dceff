package build

import (
	"bytes"
	"io"
	"os"

	"github.com/thidua/thidua/internal/gitinfo"
	"github.com/thidua/thidua/internal/load"
	"github.com/thidua/thidua/internal/output"
)

// A one-off build keeps the articles and bloc years it parsed (a
// load.Memo) beside its output, so that the next build of the same
// destination, in another process, parses only the files whose bytes
// changed, and reads only those whose stamps changed (load.FileStamp):
// parsing every article's Markdown and every bloc year's YAML again is most
// of a second build's work. The memo counts only for the same program (see
// programStamp), and each file only for the same path, bytes and Markdown
// options.
//
// It also keeps the git dates of the site's files with the commit they are
// of (gitinfo.Tracker.Save), so that the next build asks git which commit
// HEAD names and reads only the commits made since, if any: reading a long
// history takes as long as loading the site.

// The store files (output.StoreFile) of the memo and of the dates.
const (
	memoName  = "articles.memo"
	datesName = "git.dates"
)

// readMemo returns the memo kept beside the output at dest by the
// program named program (programStamp), or an empty one when there is
// none, or it is another program's, or cannot be read.
func readMemo(dest, program string) *load.Memo {
	path, err := output.StoreFile(dest, memoName)
	if program == "" || err != nil {
		return load.NewMemo()
	}
	f, err := os.Open(path)
	if err != nil {
		return load.NewMemo()
	}
	defer f.Close()
	// The memo's articles keep strings of its bytes (load.ReadMemo): at
	// 100,000 articles it is half a gigabyte, which is read once, into one
	// buffer, and only when it is this program's.
	head := []byte(program + "\n")
	got := make([]byte, len(head))
	if _, err := io.ReadFull(f, got); err != nil || !bytes.Equal(got, head) {
		return load.NewMemo()
	}
	info, err := f.Stat()
	if err != nil || info.Size() < int64(len(head)) {
		return load.NewMemo()
	}
	data := make([]byte, info.Size()-int64(len(head)))
	if _, err := io.ReadFull(f, data); err != nil {
		return load.NewMemo()
	}
	m, err := load.ReadMemo(data)
	if err != nil {
		return load.NewMemo()
	}
	return m
}

// writeMemo keeps m beside the output of dir, for the program named
// program, when it changed. A memo that cannot be written costs the next
// build its time, not its output, so the error is not reported.
func writeMemo(dir *output.Dir, m *load.Memo, program string) {
	if program == "" || !m.Changed() {
		return
	}
	dir.WriteStoreFile(memoName, func(w io.Writer) error {
		if _, err := io.WriteString(w, program+"\n"); err != nil {
			return err
		}
		return m.Encode(w)
	})
}

// readTracker returns a gitinfo.Tracker of the site folder source that
// starts from the dates kept beside the output at dest, if any.
func readTracker(dest, source string) *gitinfo.Tracker {
	var saved []byte
	if path, err := output.StoreFile(dest, datesName); err == nil {
		saved, _ = os.ReadFile(path)
	}
	return gitinfo.ResumeTracker(saved, source, datedPaths()...)
}

// writeTracker keeps what t knows beside the output of dir; as for the
// memo, an error is not reported.
func writeTracker(dir *output.Dir, t *gitinfo.Tracker) {
	if saved := t.Save(); saved != nil {
		dir.WriteStoreFile(datesName, func(w io.Writer) error {
			_, err := w.Write(saved)
			return err
		})
	}
}
