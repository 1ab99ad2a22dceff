package synth

import (
	"bytes"
	"context"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/internal/build"
)

// TestParallelBuildIsSerialBuild builds a generated site of a few hundred
// articles with one worker and with many, and wants the same files, byte
// for byte: the worker pool changes how fast, never what.
func TestParallelBuildIsSerialBuild(t *testing.T) {
	src := filepath.Join(t.TempDir(), "site")
	opts := Options{Articles: 300, Blocs: 6, Years: 4, Members: 8, Seed: 3}
	if err := Write(src, opts); err != nil {
		t.Fatal(err)
	}
	outputs := map[int]map[string][]byte{}
	for _, workers := range []int{1, 8} {
		dst := filepath.Join(t.TempDir(), "public")
		res, err := build.Run(context.Background(), build.Options{Source: src, Destination: dst, Theme: thidua.Theme(), Workers: workers})
		if err != nil {
			t.Fatalf("%d workers: %v %v", workers, err, res.Diagnostics)
		}
		if len(res.Diagnostics) > 0 {
			t.Errorf("%d workers: diagnostics on a generated site: %v", workers, res.Diagnostics)
		}
		outputs[workers] = tree(t, dst)
	}
	serial, parallel := outputs[1], outputs[8]
	articles := 0
	for name := range serial {
		if strings.HasPrefix(name, "tin-tuc/tin-") {
			articles++
		}
	}
	if articles != opts.Articles {
		t.Errorf("%d article pages, want %d", articles, opts.Articles)
	}
	for _, name := range slices.Sorted(maps.Keys(serial)) {
		p, ok := parallel[name]
		switch {
		case !ok:
			t.Errorf("%s: written by the serial build only", name)
		case !bytes.Equal(serial[name], p):
			t.Errorf("%s: differs between the serial and the parallel build", name)
		}
	}
	for name := range parallel {
		if _, ok := serial[name]; !ok {
			t.Errorf("%s: written by the parallel build only", name)
		}
	}
}
