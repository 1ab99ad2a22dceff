package output

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// memFile is a file kept in memory that remembers being closed.
type memFile struct {
	bytes.Buffer
	closed   int
	closeErr error
}

func (f *memFile) Close() error { f.closed++; return f.closeErr }

func TestWriteFile(t *testing.T) {
	f := &memFile{}
	create := func(name string) (io.WriteCloser, error) {
		if name != "a/b.json" {
			t.Errorf("created %q", name)
		}
		return f, nil
	}
	err := WriteFile(create, "a/b.json", func(w io.Writer) error {
		_, err := io.WriteString(w, "{}\n")
		return err
	})
	if err != nil || f.String() != "{}\n" || f.closed != 1 {
		t.Errorf("err %v, wrote %q, closed %d times", err, f.String(), f.closed)
	}

	broken := errors.New("broken")
	f = &memFile{}
	if err := WriteFile(create, "a/b.json", func(io.Writer) error { return broken }); err != broken || f.closed != 1 {
		t.Errorf("a failed write: err %v, closed %d times", err, f.closed)
	}
	f = &memFile{closeErr: broken}
	if err := WriteFile(create, "a/b.json", func(io.Writer) error { return nil }); err != broken {
		t.Errorf("a failed close: err %v", err)
	}
	if err := WriteFile(func(string) (io.WriteCloser, error) { return nil, broken }, "x", nil); err != broken {
		t.Errorf("a failed create: err %v", err)
	}
}

// TestWriteFileIntoDir writes through WriteFile into the files of a Dir,
// which hold their bytes until closed: write is given the file itself, with
// no second buffer (64 KiB a file was a tenth of a large build's
// allocations), and the bytes of many small writes arrive whole.
func TestWriteFileIntoDir(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d, err := Begin(dest, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	var created io.WriteCloser
	create := func(name string) (io.WriteCloser, error) {
		f, err := d.Create(name)
		created = f
		return f, err
	}
	want := strings.Repeat("dòng dữ liệu\n", 10000)
	err = WriteFile(create, "du-lieu/a.csv", func(w io.Writer) error {
		if w != io.Writer(created) {
			t.Errorf("write was given %T, not the file created", w)
		}
		for line := range strings.Lines(want) {
			if _, err := io.WriteString(w, line); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	checkOutput(t, dest, withDirs(map[string]string{"du-lieu/a.csv": want}))
}
