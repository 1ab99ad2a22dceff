package output

import (
	"bufio"
	"io"
)

// WriteFile creates the file name with create, as a build's extras get it,
// writes it with write through a buffer, and closes it. It returns the first
// error; the file is closed whatever happens.
func WriteFile(create func(name string) (io.WriteCloser, error), name string, write func(io.Writer) error) error {
	f, err := create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 64<<10)
	err = write(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
