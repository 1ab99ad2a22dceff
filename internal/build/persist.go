package build

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/cespare/xxhash/v2"
	"golang.org/x/sync/errgroup"

	"github.com/thidua/thidua/internal/ogimage"
	"github.com/thidua/thidua/internal/output"
	"github.com/thidua/thidua/internal/pages"
	"github.com/thidua/thidua/internal/release"
)

// A build keeps the keys of its pages and extras (see keys) with the output
// it commits, as the output's note (output.Dir.SetNote), so that the next
// build of the same destination, in another process, renders only the
// pages whose keys changed and keeps the others' files: a second build
// after no change renders nothing. The keys count only where the program,
// the layouts, the interface strings and the options are the same (the
// stamp); static files are always copied again.

const keysNoteHeader = "thidua build keys 1\n"

// builtKeys are the keys a build gave its pages, by file, and its extras, in
// the order of the options' extras.
type builtKeys struct {
	pages  map[string]uint64
	extras []uint64
}

// keysOf returns the keys k gives the pages and extras of p.
func (p *Prepared) keysOf(k *keys) builtKeys {
	b := builtKeys{pages: make(map[string]uint64, len(p.Plan))}
	for _, page := range p.Plan {
		if key, ok := k.page(page); ok {
			b.pages[page.File()] = key
		}
	}
	for _, x := range p.opts.allExtras() {
		b.extras = append(b.extras, k.extra(x))
	}
	return b
}

// stamp names what, besides the model, decides the files a build writes:
// this program (Options.program, see programStamp), the layouts and
// strings, and the options. It is "" when the program cannot be named:
// then no keys are kept or used.
func (p *Prepared) stamp() string {
	if p.opts.program == "" {
		return ""
	}
	h := sha256.New()
	fmt.Fprintln(h, p.opts.program)
	sources := p.Renderer.Sources()
	h.Write(sources[:])
	fmt.Fprintf(h, "drafts %t\n", p.opts.BuildDrafts)
	for _, x := range p.opts.allExtras() {
		fmt.Fprintf(h, "extra %T %+v\n", x, x)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// programStamp names this program by its version and the digest of its
// executable, which any other build of it changes, and which building
// the same sources again (make bin, go install) keeps; "" when it cannot
// be read.
func programStamp() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	return stampOf(exe)
}

// stampOf is programStamp for the executable at path: the Go build ID
// the linker wrote into it, a digest of its contents (goBuildID), or, when
// it has none, the XXH64 of all its bytes.
func stampOf(path string) string {
	if id := goBuildID(path); id != "" {
		return fmt.Sprintf("thidua %s %s", release.Version, id)
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := xxhash.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return fmt.Sprintf("thidua %s %016x", release.Version, h.Sum64())
}

// goBuildID returns the build ID of the Go executable at path, "" when it
// has none: in an ELF file it is the note .note.go.buildid; in others
// (PE, Mach-O) the linker writes it as a string near the start of the
// text, which cmd/go finds in the first 32 KiB.
func goBuildID(path string) string {
	if f, err := elf.Open(path); err == nil {
		defer f.Close()
		note := f.Section(".note.go.buildid")
		if note == nil {
			return ""
		}
		data, err := note.Data()
		// namesz, descsz, type, then "Go\x00\x00" and the ID.
		if err != nil || len(data) < 16 || string(data[12:16]) != "Go\x00\x00" {
			return ""
		}
		size := f.ByteOrder.Uint32(data[4:8])
		if uint64(len(data)-16) < uint64(size) {
			return ""
		}
		return string(data[16 : 16+size])
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 32<<10)
	n, _ := io.ReadFull(f, head)
	const marker = "\xff Go build ID: \""
	_, rest, ok := bytes.Cut(head[:n], []byte(marker))
	if !ok {
		return ""
	}
	id, _, ok := bytes.Cut(rest, []byte(`"`))
	if !ok || len(id) == 0 {
		return ""
	}
	return string(id)
}

// encode writes b with stamp as a note: a header, the stamp, the extras'
// keys, then a line per page, sorted by file.
func (b builtKeys) encode(stamp string) []byte {
	out := make([]byte, 0, 64+len(b.pages)*48)
	out = append(out, keysNoteHeader...)
	out = append(out, "stamp "+stamp+"\nextras"...)
	for _, k := range b.extras {
		out = append(out, ' ')
		out = strconv.AppendUint(out, k, 16)
	}
	out = append(out, '\n')
	for _, f := range slices.Sorted(maps.Keys(b.pages)) {
		out = strconv.AppendUint(out, b.pages[f], 16)
		out = append(out, ' ')
		out = append(out, f...)
		out = append(out, '\n')
	}
	return out
}

// decodeKeys reads what encode wrote with stamp, and false for anything
// else: keys of another program, layouts or options, or a note cut short.
func decodeKeys(note []byte, stamp string) (builtKeys, bool) {
	rest, ok := bytes.CutPrefix(note, []byte(keysNoteHeader+"stamp "+stamp+"\nextras"))
	if stamp == "" || !ok || !bytes.HasSuffix(note, []byte("\n")) {
		return builtKeys{}, false
	}
	b := builtKeys{pages: map[string]uint64{}}
	sc := bufio.NewScanner(bytes.NewReader(rest))
	sc.Buffer(nil, 1<<20)
	if !sc.Scan() {
		return builtKeys{}, false
	}
	for _, f := range strings.Fields(sc.Text()) {
		k, err := strconv.ParseUint(f, 16, 64)
		if err != nil {
			return builtKeys{}, false
		}
		b.extras = append(b.extras, k)
	}
	for sc.Scan() {
		key, file, ok := strings.Cut(sc.Text(), " ")
		k, err := strconv.ParseUint(key, 16, 64)
		if !ok || err != nil || output.CheckRel(file) != nil {
			return builtKeys{}, false
		}
		b.pages[file] = k
	}
	return b, sc.Err() == nil
}

// writeKeeping writes the site into dir as Write does, but keeps the files
// of the live output whose pages and extras have the keys it was built
// with, and keeps this build's keys with dir for the next. It returns how
// many files other than pages it wrote and how many pages it rendered.
func (p *Prepared) writeKeeping(ctx context.Context, dir *output.Dir) (files, rendered int, err error) {
	stamp := p.stamp()
	last, reuse := decodeKeys(dir.LiveNote(), stamp)
	var next builtKeys
	if !reuse {
		// Nothing to keep: the keys, for the next build, are hashed while
		// everything is written.
		var keying errgroup.Group
		keying.Go(func() error {
			next = p.keysOf(newKeys(p.Site, nil))
			return nil
		})
		files, err = p.Write(ctx, dir)
		keying.Wait()
		if err != nil {
			return 0, 0, err
		}
		if stamp != "" {
			dir.SetNote(next.encode(stamp))
		}
		return files, len(p.Plan), nil
	}
	next = p.keysOf(newKeys(p.Site, nil))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(p.workers())
	var keep []string
	extras := p.opts.allExtras()
	for i, x := range extras {
		paths := x.Paths(p.Site)
		files += len(paths)
		if i < len(last.extras) && last.extras[i] == next.extras[i] && allKept(dir, paths) {
			keep = append(keep, paths...)
			continue
		}
		g.Go(func() error { return x.Write(p.Site, p.Plan, dir.Create) })
	}
	var todo []*pages.Page
	for _, page := range p.Plan {
		f := page.File()
		if key, ok := next.pages[f]; ok && last.pages[f] == key && dir.Kept(f) {
			keep = append(keep, f)
			// Its share picture is kept, or drawn, by its card.
			if ogimage.Drawn(p.Site, page) {
				g.Go(func() error { return p.writePicture(dir, page) })
			}
		} else {
			todo = append(todo, page)
		}
	}
	files += len(p.pictureFiles())
	p.writePages(gctx, g, dir, todo, p.progress(len(todo)))
	var keepErr error
	for _, f := range keep {
		if keepErr = dir.Keep(f); keepErr != nil {
			break
		}
	}
	if err := cmp.Or(g.Wait(), keepErr, ctx.Err()); err != nil {
		return 0, 0, err
	}
	n, err := p.copyStatic(dir)
	if err != nil {
		return 0, 0, err
	}
	dir.SetNote(next.encode(stamp))
	return files + n, len(todo), nil
}

// allKept reports whether the live output holds every file of paths.
func allKept(dir *output.Dir, paths []string) bool {
	for _, f := range paths {
		if !dir.Kept(f) {
			return false
		}
	}
	return true
}
