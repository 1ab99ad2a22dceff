//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package diskfull

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestRun(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f")
	var err error
	Run(t, 1<<12, func() { err = os.WriteFile(p, make([]byte, 1<<13), 0o644) })
	if !errors.Is(err, syscall.EFBIG) {
		t.Errorf("writing past the limit = %v, want EFBIG", err)
	}
	if err := os.WriteFile(p, make([]byte, 1<<13), 0o644); err != nil {
		t.Errorf("after Run the limit is still low: %v", err)
	}
}
