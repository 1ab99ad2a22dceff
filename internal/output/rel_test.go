package output

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

var badRels = []string{
	"../../x",
	"/etc/passwd",
	"a/../../b",
	"a\\b",
	"",
	"a//b",
	"./a",
	"x\x00y",
	"..",
	".",
	"a/",
	"a/.",
	"a/..",
	"/",
}

func TestCheckRelRejects(t *testing.T) {
	for _, rel := range badRels {
		if err := CheckRel(rel); err == nil {
			t.Errorf("CheckRel(%q) = nil, want an error", rel)
		}
	}
}

func TestCheckRelAccepts(t *testing.T) {
	for _, rel := range []string{
		"index.html",
		"khoi/khoi-8/index.html",
		"assets/css/site.css",
		".well-known/security.txt",
		"a..b/c...d",
		"đơn-vị/index.html",
	} {
		if err := CheckRel(rel); err != nil {
			t.Errorf("CheckRel(%q) = %v, want nil", rel, err)
		}
	}
}

func TestCreateRejectsAndWritesNothing(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "site", "public")
	source := filepath.Join(parent, "src")
	d := mustBegin(t, dest, source)
	before := listTree(t, parent)
	for _, rel := range badRels {
		if w, err := d.Create(rel); err == nil {
			w.Close()
			t.Errorf("Create(%q) succeeded, want an error", rel)
		}
		if err := d.WriteFile(rel, []byte("x")); err == nil {
			t.Errorf("WriteFile(%q) succeeded, want an error", rel)
		}
	}
	if after := listTree(t, parent); !slices.Equal(before, after) {
		t.Errorf("rejected paths wrote something:\nbefore %q\nafter  %q", before, after)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := listTree(t, dest); len(got) != 0 {
		t.Errorf("output holds %q, want nothing", got)
	}
}

// listTree returns the slash-separated paths of everything under dir, sorted.
func listTree(t *testing.T, dir string) []string {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(dir, func(p string, _ os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir {
			rel, _ := filepath.Rel(dir, p)
			paths = append(paths, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return paths
}
