package output

import (
	"bytes"
	"errors"
	"io"
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
