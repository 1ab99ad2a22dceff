package watch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

func TestIgnored(t *testing.T) {
	for _, name := range []string{"4913", "5036", ".2024.yaml.swp", ".x.swo", ".x.swx", "x.yaml~", "2024.yaml___jb_tmp___",
		"2024.yaml___jb_old___", "#2024.yaml#", ".#2024.yaml", ".DS_Store", ".a.md.kate-swp"} {
		if !Ignored(name) {
			t.Errorf("Ignored(%q) = false, want true", name)
		}
	}
	for _, name := range []string{"2024.yaml", "2024", "4914", "04913", "bloc.yaml", "a.md", ".well-known", "#x", "site.yaml"} {
		if Ignored(name) {
			t.Errorf("Ignored(%q) = true, want false", name)
		}
	}
}

func TestIsWatched(t *testing.T) {
	for rel, want := range map[string]bool{
		"site.yaml": true, "data/units.yaml": true, "content/news/a.md": true, "layouts/base.html": true,
		"static/x.png": true, "i18n/vi.yaml": true, "public/index.html": false, ".git/HEAD": false,
		".public.thidua-0a1b2c3d": false, "site.yaml.bak": false, "README.md": false,
	} {
		if got := IsWatched(rel); got != want {
			t.Errorf("IsWatched(%q) = %v, want %v", rel, got, want)
		}
	}
}

// site makes a small site folder and returns its path.
func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, dir, "site.yaml", "title: T\n")
	write(t, dir, "data/units.yaml", "[]\n")
	write(t, dir, "data/blocs/khoi-1/2024.yaml", "members: []\n")
	write(t, dir, "content/news/2024/a.md", "---\n---\n")
	write(t, dir, "public/index.html", "old")
	return dir
}

func write(t *testing.T, dir, rel, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func start(t *testing.T, opts Options) *Watcher {
	t.Helper()
	w, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// next waits for a batch.
func next(t *testing.T, w *Watcher) Batch {
	t.Helper()
	select {
	case b := <-w.Batches():
		return b
	case <-time.After(5 * time.Second):
		t.Fatal("no batch within 5s")
		return Batch{}
	}
}

// none checks that no batch comes within d.
func none(t *testing.T, w *Watcher, d time.Duration) {
	t.Helper()
	select {
	case b := <-w.Batches():
		t.Fatalf("unexpected batch %+v", b)
	case <-time.After(d):
	}
}

// until receives batches until one holds want, failing after 5s.
func until(t *testing.T, w *Watcher, want string) []string {
	t.Helper()
	var seen []string
	deadline := time.After(5 * time.Second)
	for {
		select {
		case b := <-w.Batches():
			seen = append(seen, b.Paths...)
			if slices.Contains(b.Paths, want) {
				return seen
			}
		case <-deadline:
			t.Fatalf("no batch with %s within 5s; saw %v", want, seen)
		}
	}
}

func TestAtomicSaveIsOneChangeOfTheFile(t *testing.T) {
	dir := site(t)
	// A debounce long enough that a busy machine does not split the saves.
	w := start(t, Options{Root: dir, Debounce: 300 * time.Millisecond})
	// vim: write test file, swap file, backup by rename, write the new file.
	blocs := filepath.Join(dir, "data", "blocs", "khoi-1")
	write(t, dir, "data/blocs/khoi-1/4913", "")
	os.Remove(filepath.Join(blocs, "4913"))
	write(t, dir, "data/blocs/khoi-1/.2024.yaml.swp", "swap")
	os.Rename(filepath.Join(blocs, "2024.yaml"), filepath.Join(blocs, "2024.yaml~"))
	write(t, dir, "data/blocs/khoi-1/2024.yaml", "members: [a]\n")
	os.Remove(filepath.Join(blocs, "2024.yaml~"))
	// JetBrains: write a temporary file and rename it over the original.
	write(t, dir, "content/news/2024/a.md___jb_tmp___", "---\ntitle: x\n---\n")
	os.Rename(filepath.Join(dir, "content/news/2024/a.md___jb_tmp___"), filepath.Join(dir, "content/news/2024/a.md"))

	b := next(t, w)
	want := []string{"content/news/2024/a.md", "data/blocs/khoi-1/2024.yaml"}
	if !slices.Equal(b.Paths, want) || b.Rescan {
		t.Fatalf("batch = %+v, want paths %v", b, want)
	}
	none(t, w, 150*time.Millisecond)
}

func TestBurstIsOneBatch(t *testing.T) {
	dir := site(t)
	// Generous bounds, so that a busy machine's pauses between the writes
	// neither end the burst nor run out its time.
	w := start(t, Options{Root: dir, Debounce: 300 * time.Millisecond, MaxDelay: time.Minute})
	for i := range 300 {
		write(t, dir, fmt.Sprintf("content/news/2024/n%03d.md", i), "x")
	}
	b := next(t, w)
	if len(b.Paths) != 300 {
		t.Fatalf("first batch has %d paths, want all 300", len(b.Paths))
	}
	none(t, w, 150*time.Millisecond)
}

func TestStreamThatNeverPausesIsSentAfterMaxDelay(t *testing.T) {
	dir := site(t)
	w := start(t, Options{Root: dir, Debounce: 200 * time.Millisecond, MaxDelay: 300 * time.Millisecond})
	// A write every 20 ms for at least 2 s: never quiet for the debounce.
	const files = 100
	done := make(chan struct{})
	t.Cleanup(func() { <-done })
	go func() {
		defer close(done)
		for i := range files {
			time.Sleep(20 * time.Millisecond)
			name := filepath.Join(dir, "content", "news", "2024", fmt.Sprintf("s%03d.md", i))
			if err := os.WriteFile(name, []byte("x"), 0o644); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	b := next(t, w)
	if len(b.Paths) == 0 || len(b.Paths) >= files {
		t.Fatalf("first batch has %d of the %d paths; want it sent while the writes went on", len(b.Paths), files)
	}
	until(t, w, fmt.Sprintf("content/news/2024/s%03d.md", files-1))
}

func TestIgnoresChmodAndUnwatchedEntries(t *testing.T) {
	dir := site(t)
	w := start(t, Options{Root: dir})
	os.Chmod(filepath.Join(dir, "data/units.yaml"), 0o600)
	write(t, dir, "public/index.html", "new")
	os.Mkdir(filepath.Join(dir, ".public.thidua-0123abcd"), 0o755)
	write(t, dir, "README.md", "x")
	none(t, w, 200*time.Millisecond)
}

func TestNewAndMovedFoldersAreWatched(t *testing.T) {
	dir := site(t)
	w := start(t, Options{Root: dir})
	// A new bloc folder with its files written at once.
	write(t, dir, "data/blocs/khoi-2/sub/bloc.yaml", "name: K2\n")
	until(t, w, "data/blocs/khoi-2")
	none(t, w, 100*time.Millisecond)
	write(t, dir, "data/blocs/khoi-2/sub/2024.yaml", "members: []\n")
	until(t, w, "data/blocs/khoi-2/sub/2024.yaml")

	// Renamed: events inside come under the new name.
	if err := os.Rename(filepath.Join(dir, "data/blocs/khoi-2"), filepath.Join(dir, "data/blocs/khoi-3")); err != nil {
		t.Fatal(err)
	}
	seen := until(t, w, "data/blocs/khoi-3")
	if !slices.Contains(seen, "data/blocs/khoi-2") {
		t.Errorf("the old folder name is not in %v", seen)
	}
	none(t, w, 100*time.Millisecond)
	write(t, dir, "data/blocs/khoi-3/sub/2025.yaml", "members: []\n")
	seen = until(t, w, "data/blocs/khoi-3/sub/2025.yaml")
	for _, p := range seen {
		if strings.HasPrefix(p, "data/blocs/khoi-2") {
			t.Errorf("event under the old name: %s", p)
		}
	}

	// A watched folder created after the start.
	write(t, dir, "layouts/partials/nav.html", "x")
	until(t, w, "layouts")
	write(t, dir, "layouts/partials/nav.html", "y")
	until(t, w, "layouts/partials/nav.html")
}

func TestDeleteIsSeen(t *testing.T) {
	dir := site(t)
	w := start(t, Options{Root: dir})
	os.Remove(filepath.Join(dir, "content/news/2024/a.md"))
	until(t, w, "content/news/2024/a.md")
	os.RemoveAll(filepath.Join(dir, "data/blocs"))
	until(t, w, "data/blocs")
}

func TestPolling(t *testing.T) {
	dir := site(t)
	w := start(t, Options{Root: dir, Poll: 20 * time.Millisecond})
	if w.Polling() != 20*time.Millisecond {
		t.Fatalf("Polling() = %v", w.Polling())
	}
	write(t, dir, "data/blocs/khoi-1/2025.yaml", "members: []\n")
	until(t, w, "data/blocs/khoi-1/2025.yaml")
	write(t, dir, "data/blocs/khoi-1/.2025.yaml.swp", "x")
	write(t, dir, "public/x.html", "x")
	none(t, w, 100*time.Millisecond)
	os.Remove(filepath.Join(dir, "data/blocs/khoi-1/2024.yaml"))
	until(t, w, "data/blocs/khoi-1/2024.yaml")
	write(t, dir, "site.yaml", "title: Changed and longer\n")
	until(t, w, "site.yaml")
}

func TestLimitFallsBackToPolling(t *testing.T) {
	dir := site(t)
	added := 0
	w, err := newWatcher(Options{Root: dir}, func(fw *fsnotify.Watcher, d string) error {
		if added == 3 {
			return fmt.Errorf("add %s: %w", d, syscall.ENOSPC)
		}
		added++
		return fw.Add(d)
	})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	var limit *LimitError
	select {
	case n := <-w.Notices():
		if !errors.As(n, &limit) {
			t.Fatalf("notice %v is not a *LimitError", n)
		}
		msg := n.Error()
		for _, want := range []string{"limit of inotify watches", "sudo sysctl fs.inotify.max_user_watches=", "/etc/sysctl.d/"} {
			if !strings.Contains(msg, want) {
				t.Errorf("notice %q does not say %q", msg, want)
			}
		}
	default:
		t.Fatal("no notice of the limit")
	}
	if w.Polling() != DefaultPoll {
		t.Fatalf("Polling() = %v, want %v", w.Polling(), DefaultPoll)
	}
	write(t, dir, "data/units.yaml", "- id: a\n")
	until(t, w, "data/units.yaml")
}

func TestLimitErrors(t *testing.T) {
	if _, ok := limitOr(fmt.Errorf("x: %w", syscall.EMFILE)).(*LimitError); !ok {
		t.Error("EMFILE is not a limit error")
	}
	if err := limitOr(syscall.EACCES); err != syscall.EACCES {
		t.Errorf("EACCES became %v", err)
	}
	e := &LimitError{Setting: "fs.inotify.max_user_instances", Value: "128"}
	if !strings.Contains(e.Error(), "inotify instances is reached (fs.inotify.max_user_instances = 128)") {
		t.Errorf("message %q", e.Error())
	}
}
