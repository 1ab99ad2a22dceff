package output

import "io"

// WriteFile creates the file name with create, as a build's extras get it,
// writes it with write and closes it. It returns the first error; the file
// is closed whatever happens. create gives a file that buffers, as those of
// Dir.Create, which hold their bytes until they are closed, do.
func WriteFile(create func(name string) (io.WriteCloser, error), name string, write func(io.Writer) error) error {
	f, err := create(name)
	if err != nil {
		return err
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
