package release

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"slices"
	"testing"
	"time"
)

var (
	mtime = time.Date(2026, 12, 1, 22, 34, 41, 0, time.UTC)
	files = []File{
		{Name: "thidua_0.2.0_linux_amd64/thidua", Mode: 0o755, Data: []byte("program")},
		{Name: "thidua_0.2.0_linux_amd64/README.md", Mode: 0o644, Data: []byte("# thidua\n")},
		{Name: "thidua_0.2.0_linux_amd64/licenses/echarts/LICENSE", Mode: 0o644, Data: []byte("Apache")},
	}
	sortedNames = []string{"thidua_0.2.0_linux_amd64/README.md", "thidua_0.2.0_linux_amd64/licenses/echarts/LICENSE", "thidua_0.2.0_linux_amd64/thidua"}
)

// Both archives are the same bytes whatever the order of the files given,
// and hold them sorted, with the given time, owner root and their modes.
func TestArchivesAreFixed(t *testing.T) {
	reversed := slices.Clone(files)
	slices.Reverse(reversed)
	for _, kind := range []struct {
		name  string
		write func(io.Writer, []File, time.Time) error
		read  func(*testing.T, []byte) []entry
	}{{"tar.gz", WriteTarGz, readTarGz}, {"zip", WriteZip, readZip}} {
		var a, b bytes.Buffer
		if err := kind.write(&a, files, mtime); err != nil {
			t.Fatal(err)
		}
		// Another time zone, and a time under the second, change nothing.
		if err := kind.write(&b, reversed, mtime.Add(300*time.Millisecond).In(time.FixedZone("ICT", 7*3600))); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: the bytes depend on the order of the files or the time's zone", kind.name)
		}
		entries := kind.read(t, a.Bytes())
		var names []string
		for _, e := range entries {
			names = append(names, e.name)
			if !e.mtime.Equal(mtime) || e.owned {
				t.Errorf("%s: %s has time %v, an owner: %v", kind.name, e.name, e.mtime, e.owned)
			}
			want := fileNamed(e.name)
			if e.mode != want.Mode || !bytes.Equal(e.data, want.Data) {
				t.Errorf("%s: %s has mode %v and %q, want %v and %q", kind.name, e.name, e.mode, e.data, want.Mode, want.Data)
			}
		}
		if !slices.Equal(names, sortedNames) {
			t.Errorf("%s: entries %v, want %v", kind.name, names, sortedNames)
		}
	}
}

func TestArchiveRefusesBadNames(t *testing.T) {
	for _, bad := range [][]File{
		{{Name: "a/../b"}},
		{{Name: "/etc/passwd"}},
		{{Name: "a/b"}, {Name: "a/b"}},
	} {
		if err := WriteTarGz(io.Discard, bad, mtime); err == nil {
			t.Errorf("tar.gz of %v: no error", bad)
		}
		if err := WriteZip(io.Discard, bad, mtime); err == nil {
			t.Errorf("zip of %v: no error", bad)
		}
	}
}

func fileNamed(name string) File {
	for _, f := range files {
		if f.Name == name {
			return f
		}
	}
	return File{}
}

// entry is what an archive says of one file.
type entry struct {
	name  string
	mode  fs.FileMode
	mtime time.Time
	owned bool // has an owner other than root, or names one
	data  []byte
}

func readTarGz(t *testing.T, b []byte) []entry {
	gz, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if gz.Name != "" || !gz.ModTime.IsZero() {
		t.Errorf("the gzip header holds a name %q or a time %v", gz.Name, gz.ModTime)
	}
	tr := tar.NewReader(gz)
	var out []entry
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(tr)
		owned := h.Uid != 0 || h.Gid != 0 || h.Uname != "" || h.Gname != ""
		out = append(out, entry{h.Name, h.FileInfo().Mode(), h.ModTime, owned, data})
	}
}

func readZip(t *testing.T, b []byte) []entry {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out []entry
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		out = append(out, entry{f.Name, f.Mode(), f.Modified, false, data})
	}
	return out
}
