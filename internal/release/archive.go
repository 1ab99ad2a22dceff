package release

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
)

// File is one file of an archive.
type File struct {
	Name string      // slash-separated path in the archive
	Mode fs.FileMode // permission bits: 0o755 for a program, 0o644 for the rest
	Data []byte
}

// The archives hold nothing of the machine that made them: every entry has
// the same time (given; the commit's, so that a release is the same
// whoever makes it), owner root (0) with no names, and the entries are
// sorted by name.

// WriteTarGz writes files as a gzip-compressed tar archive, for Linux and
// macOS.
func WriteTarGz(w io.Writer, files []File, mtime time.Time) error {
	sorted, err := sortFiles(files)
	if err != nil {
		return err
	}
	gz, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	// gzip's own header: no name, no time (and OS "unknown", as Go writes it).
	tw := tar.NewWriter(gz)
	for _, f := range sorted {
		h := &tar.Header{
			Typeflag: tar.TypeReg,
			Name:     f.Name,
			Mode:     int64(f.Mode.Perm()),
			Size:     int64(len(f.Data)),
			ModTime:  mtime.UTC().Truncate(time.Second),
		}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if _, err := tw.Write(f.Data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

// WriteZip writes files as a zip archive, for Windows.
func WriteZip(w io.Writer, files []File, mtime time.Time) error {
	sorted, err := sortFiles(files)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, f := range sorted {
		h := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: mtime.UTC().Truncate(time.Second)}
		h.SetMode(f.Mode.Perm())
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// sortFiles returns files sorted by name, and an error for a name that is
// not a clean relative path or is there twice.
func sortFiles(files []File) ([]File, error) {
	sorted := slices.Clone(files)
	slices.SortFunc(sorted, func(a, b File) int { return strings.Compare(a.Name, b.Name) })
	for i, f := range sorted {
		if !fs.ValidPath(f.Name) || path.Clean(f.Name) != f.Name || f.Name == "." {
			return nil, fmt.Errorf("release: %q is not a clean relative path", f.Name)
		}
		if i > 0 && sorted[i-1].Name == f.Name {
			return nil, fmt.Errorf("release: %s is in the archive twice", f.Name)
		}
	}
	return sorted, nil
}
