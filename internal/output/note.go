package output

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// A note is what a build keeps with the output it committed for the next
// build of the same destination to read, such as what each file was made
// from. It is stored in the store beside the output's manifest, with the
// digest of that manifest, so that a note is given only with the very
// output it was committed with.

const noteHeader = "thidua output note 1\n"

// notePath is the note of the output whose manifest is at manifestPath.
func notePath(manifestPath string) string {
	return strings.TrimSuffix(manifestPath, ".manifest") + ".note"
}

// SetNote asks Commit to keep note with the output: while it is the live
// output, the next build of the destination reads note from LiveNote.
func (d *Dir) SetNote(note []byte) {
	d.mu.Lock()
	d.note = bytes.Clone(note)
	d.mu.Unlock()
}

// LiveNote returns the note the live output was committed with, or nil
// when it has none, or its manifest is not known, or it was not committed
// with the output as it is.
func (d *Dir) LiveNote() []byte {
	if d.live == nil || d.live.files == nil || d.live.manifestPath == "" || d.live.sum == "" {
		return nil
	}
	data, err := os.ReadFile(notePath(d.live.manifestPath))
	if err != nil {
		return nil
	}
	rest, ok := bytes.CutPrefix(data, []byte(noteHeader))
	if !ok {
		return nil
	}
	sum, note, ok := bytes.Cut(rest, []byte("\n"))
	if !ok || string(sum) != d.live.sum {
		return nil
	}
	d.mu.Lock()
	d.liveNote = note
	d.mu.Unlock()
	return bytes.Clone(note)
}

// writeNote keeps the note of d, if any, with the manifest of d.files at
// manifestPath, whose lines have the digest sum, before that manifest is
// written; an older note there is removed.
func (d *Dir) writeNote(manifestPath, sum string) error {
	path := notePath(manifestPath)
	if d.note == nil {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	}
	data := make([]byte, 0, len(noteHeader)+len(sum)+1+len(d.note))
	data = append(data, noteHeader...)
	data = append(data, sum...)
	data = append(data, '\n')
	data = append(data, d.note...)
	return replaceFile(path, bytesOf(data))
}

// StoreFile returns the path of the file called name beside the output
// at dest, in the folder of its generations, where a build keeps what the
// next builds of dest may use whatever output they commit, such as a cache
// that checks itself. The folder may not exist yet. name must not be that
// of a generation, a manifest or a note.
func StoreFile(dest, name string) (string, error) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return "", err
	}
	return filepath.Join(storePath(abs), name), nil
}

// WriteStoreFile replaces the store file called name (see StoreFile)
// with what write writes, in one rename, so that a reader finds the old
// bytes or the new ones. The lock on the destination is held: no other
// build writes it.
func (d *Dir) WriteStoreFile(name string, write func(io.Writer) error) error {
	path := filepath.Join(storePath(d.dest.path), name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return replaceFile(path, write)
}

// replaceFile puts what write writes at path through a temporary file
// renamed over it, so that path holds the old bytes or the new ones, whole.
func replaceFile(path string, write func(io.Writer) error) error {
	tmp := path + ".tmp"
	create := func(name string) (io.WriteCloser, error) {
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		if err != nil {
			return nil, err
		}
		return &bufferedFile{bufio.NewWriterSize(f, 64<<10), f}, nil
	}
	err := WriteFile(create, tmp, write)
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// bufferedFile is a file written through a buffer, flushed when it is
// closed: the store files are written in many small pieces.
type bufferedFile struct {
	*bufio.Writer
	f *os.File
}

func (b *bufferedFile) Close() error {
	err := b.Flush()
	if cerr := b.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// bytesOf returns a write function for replaceFile that writes data.
func bytesOf(data []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}
