package output

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// siteFolders are the folders of a site folder that a build reads (and
// git's): no destination may lie in one.
func siteFolders() []string {
	return []string{"content", "data", "layouts", "static", "i18n", ".git"}
}

// resolveDest makes dest absolute, creates its parent folders, resolves the
// symbolic links of its parent and checks that a build may replace it.
func resolveDest(dest, source string) (string, error) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return "", fmt.Errorf("output: destination %s: %w", dest, err)
	}
	// Refuse before creating anything, then again once links are resolved.
	if err := refuse(abs, source); err != nil {
		return "", err
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", fmt.Errorf("output: destination %s: %w", dest, err)
	}
	parent, err = filepath.EvalSymlinks(parent)
	if err != nil {
		return "", fmt.Errorf("output: destination %s: %w", dest, err)
	}
	abs = filepath.Join(parent, filepath.Base(abs))
	if err := refuse(abs, source); err != nil {
		return "", err
	}
	if err := checkExisting(abs); err != nil {
		return "", err
	}
	return abs, nil
}

// refuse returns an error if dest is a folder that no build may replace:
// the root, the user's home or an ancestor of it, the source folder or an
// ancestor of it, or a folder the build reads or one inside it.
func refuse(dest, source string) error {
	if filepath.Dir(dest) == dest {
		return fmt.Errorf("output: refusing to replace %s: it is the root folder", dest)
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		for _, h := range variants(home) {
			if within(dest, h) {
				return fmt.Errorf("output: refusing to replace %s: it is or contains your home folder %s", dest, home)
			}
		}
	}
	src, err := filepath.Abs(source)
	if err != nil {
		return fmt.Errorf("output: source %s: %w", source, err)
	}
	for _, s := range variants(src) {
		if within(dest, s) {
			return fmt.Errorf("output: refusing to replace %s: it is or contains the source folder %s", dest, src)
		}
		for _, name := range siteFolders() {
			if within(filepath.Join(s, name), dest) {
				return fmt.Errorf("output: refusing to write into %s: it is inside the folder %s of the site, which the build reads; choose a folder outside it, such as %s",
					dest, name, filepath.Join(src, "public"))
			}
		}
		if filepath.Dir(dest) == s && isStoreName(filepath.Base(dest)) {
			return fmt.Errorf("output: refusing to write into %s: thidua keeps earlier outputs there", dest)
		}
	}
	return nil
}

// isStoreName reports whether name is that of the folder of generations
// beside some destination.
func isStoreName(name string) bool {
	return strings.HasPrefix(name, ".") && strings.HasSuffix(name, ".thidua")
}

// variants returns the absolute path p and, if it differs and exists, p with
// its symbolic links resolved.
func variants(p string) []string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return []string{p}
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil || real == abs {
		return []string{abs}
	}
	return []string{abs, real}
}

// within reports whether p is dir or lies inside it. Both are absolute.
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && (rel == "." || filepath.IsLocal(rel))
}

// checkExisting returns an error if dest exists and is not something a build
// may replace: a folder that is empty or holds Marker, or the link to a
// generation of its own.
func checkExisting(dest string) error {
	info, err := os.Lstat(dest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("output: destination: %w", err)
	case info.Mode()&fs.ModeSymlink != 0:
		if _, ok := liveGeneration(dest); ok {
			return nil
		}
		return fmt.Errorf("output: refusing to replace %s: it is a symbolic link that thidua did not make; give the folder it points to", dest)
	case !info.IsDir():
		return fmt.Errorf("output: refusing to replace %s: it exists and is not a folder", dest)
	}
	if _, err := os.Lstat(filepath.Join(dest, Marker)); err == nil {
		return nil
	}
	f, err := os.Open(dest)
	if err != nil {
		return fmt.Errorf("output: destination: %w", err)
	}
	defer f.Close()
	names, err := f.Readdirnames(1)
	if len(names) == 0 && errors.Is(err, io.EOF) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output: destination: %w", err)
	}
	return fmt.Errorf("output: refusing to replace %s: it is not empty and has no %s file, so it is not the output of a build of thidua 0.2 or later; move its files away or choose another folder", dest, Marker)
}

// storePath is the folder beside dest that holds its generations.
func storePath(dest string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".thidua")
}

// The names of the two generations in the store.
const (
	generationA = "a"
	generationB = "b"
)

// linkTarget is what the link dest holds when it points at generation name:
// a path relative to the link's folder, so that the folder can move.
func linkTarget(dest, name string) string {
	return filepath.Join("."+filepath.Base(dest)+".thidua", name)
}

// liveGeneration returns the generation the link dest points at, if it is
// a link of thidua's own.
func liveGeneration(dest string) (string, bool) {
	target, err := os.Readlink(dest)
	if err != nil {
		return "", false
	}
	for _, name := range []string{generationA, generationB} {
		if target == linkTarget(dest, name) {
			return name, true
		}
	}
	return "", false
}

// lockPath is where the lock of dest is kept: in the user's cache folder
// (the system's temporary folder when there is none), named by a digest of
// dest, so that nothing of thidua's stands in or beside a web root.
func lockPath(dest string) string {
	dir, err := os.UserCacheDir()
	if err != nil || dir == "" {
		dir = os.TempDir()
	}
	sum := sha256.Sum256([]byte(dest))
	return filepath.Join(dir, "thidua", "locks", hex.EncodeToString(sum[:12])+".lock")
}

// tempPrefix is how the names of the temporary folders beside dest begin.
func tempPrefix(base string) string { return "." + base + ".thidua-" }

// isTempName reports whether name is that of a temporary folder beside a
// destination named base: the prefix and eight lowercase hex digits.
func isTempName(name, base string) bool {
	suffix, ok := strings.CutPrefix(name, tempPrefix(base))
	if !ok || len(suffix) != 8 {
		return false
	}
	for _, c := range []byte(suffix) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// prevPath is where two renames put the previous output of dest.
func prevPath(dest string) string {
	return filepath.Join(filepath.Dir(dest), tempPrefix(filepath.Base(dest))+"prev")
}

// makeTemp creates a new, empty temporary folder beside dest.
func makeTemp(parent, base string) (string, error) {
	for range 100 {
		p, err := newTempPath(parent, base)
		if err != nil {
			return "", err
		}
		err = os.Mkdir(p, 0o755)
		if err == nil {
			return p, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("output: %w", err)
		}
	}
	return "", fmt.Errorf("output: no free temporary name beside %s", filepath.Join(parent, base))
}

// restorePrevious puts back the previous output of dest if a build was killed
// between the two renames that swap it out, leaving dest missing.
func restorePrevious(dest string) error {
	prev := prevPath(dest)
	if _, err := os.Lstat(dest); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	info, err := os.Lstat(prev)
	if err != nil || !info.IsDir() && info.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	if err := os.Rename(prev, dest); err != nil {
		return fmt.Errorf("output: restoring the previous output: %w", err)
	}
	return nil
}

// removeLeftovers removes the temporary folders, a previous output and a
// link being put in place that earlier builds into parent/base left behind
// when they were killed.
func removeLeftovers(parent, base string) error {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	prev := tempPrefix(base) + "prev"
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == tempPrefix(base)+"link" && e.Type()&fs.ModeSymlink != 0:
			os.Remove(filepath.Join(parent, name))
			continue
		case !e.IsDir() || !isTempName(name, base) && name != prev:
			continue
		}
		if err := removeAll(filepath.Join(parent, name)); err != nil {
			return fmt.Errorf("output: removing what an earlier build left: %w", err)
		}
	}
	return nil
}
