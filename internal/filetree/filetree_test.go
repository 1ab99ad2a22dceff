package filetree

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755)
	os.WriteFile(filepath.Join(dir, "top.txt"), []byte("1"), 0o644)
	os.WriteFile(filepath.Join(dir, "a", "b", "deep.txt"), []byte("22"), 0o644)
	os.Symlink("top.txt", filepath.Join(dir, "link"))
	got, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || string(got["top.txt"]) != "1" || string(got["a/b/deep.txt"]) != "22" {
		t.Errorf("Read = %q", got)
	}
	if _, err := Read(filepath.Join(dir, "missing")); err == nil {
		t.Error("Read of a missing folder gave no error")
	}
}
