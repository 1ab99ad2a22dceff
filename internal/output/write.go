package output

import (
	"bufio"
	"io"
)

// WriteFile creates the file name with create, as a build's extras get it,
// writes it with write through a buffer, and closes it. It returns the first
// error; the file is closed whatever happens. A file of Dir.Create, which
// holds its bytes in memory until it is closed, is written to directly.
func WriteFile(create func(name string) (io.WriteCloser, error), name string, write func(io.Writer) error) error {
	f, err := create(name)
	if err != nil {
		return err
	}
	if _, inMemory := f.(*file); inMemory {
		err = write(f)
	} else {
		w := bufio.NewWriterSize(f, 64<<10)
		if err = write(w); err == nil {
			err = w.Flush()
		}
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
