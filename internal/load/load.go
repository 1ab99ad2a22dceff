// Package load reads a site folder and builds the validated model.Site,
// reporting every mistake of docs/format.md, "What thidua check enforces",
// with its file, line and column.
//
// Loading is two steps, so that a watcher can redo only what changed: each
// file is parsed by a pure function of its path and bytes (ParseConfig,
// ParseUnits, ParseAwards, ParseBloc, ParseBlocYear, ParseArticle,
// ParsePage), and Assemble resolves the identifiers across files and
// builds the cross-linked site. Site does both for a whole folder.
package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/markdown"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/msg"
	"github.com/thidua/thidua/internal/vn"

	"golang.org/x/sync/errgroup"
)

// Options changes how a site is assembled.
type Options struct {
	BuildDrafts bool   // keep articles with draft: true
	BaseURL     string // when not "", overrides site.yaml baseURL (e.g. thidua serve, -b)
	// MaxFileSize is the largest YAML or Markdown file Site reads, in
	// bytes; a larger one is an error. 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Now is the date of the build: a consultation whose window ended
	// before it is closed. The zero time means today.
	Now time.Time
	// Summaries warns of each article that is not a draft and has neither
	// a summary nor a first paragraph that can be one (check --strict).
	Summaries bool
	// Memo, when not nil, gives the articles and bloc years an earlier
	// load parsed from the same bytes, and is given those this load parses.
	Memo *Memo
}

// today is the date of opts.Now, or of today, in Vietnam's time, at midnight.
func (o Options) today() time.Time {
	now := o.Now
	if now.IsZero() {
		now = time.Now()
	}
	now = now.In(vn.TimeZone())
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, vn.TimeZone())
}

func (o Options) maxFileSize() int64 {
	if o.MaxFileSize > 0 {
		return o.MaxFileSize
	}
	return DefaultMaxFileSize
}

// Site reads the site folder fsys (rooted at the folder; paths in messages
// are relative to it, slash-separated) and returns the model and every
// diagnostic. When the diagnostics hold errors the model may be partial and
// must not be rendered.
//
// Site follows no symbolic link that points outside the folder, to a folder,
// or into static/ (which is copied without following links), and reads no
// file that is not a regular file: each is left out with a warning.
func Site(fsys fs.FS, opts Options) (*model.Site, *diag.List) {
	diags := &diag.List{}
	files := &Files{}
	// The files' stamps are those of the listing, taken after now: a
	// change made after it gives the next load another stamp.
	now := time.Now()
	paths, infos := siteFiles(fsys, diags)
	// site.yaml comes first: its base path and Markdown settings shape the
	// HTML of every body.
	if len(paths) > 0 && classify(paths[0]) == kindConfig {
		r := readAndParse(fsys, paths[0], kindConfig, opts.maxFileSize(), nil)
		diags.Merge(r.diags)
		files.add(r.value)
		paths, infos = paths[1:], infos[1:]
	}
	bodies := NewBodies(markdownOptions(files.Config, opts))
	var jobs []func() parsed
	for i, p := range paths {
		k := classify(p)
		if k.listedOnly() {
			diags.Merge(files.Set(p, nil))
			continue
		}
		if m := opts.Memo; m != nil && (k == kindArticle || k == kindBlocYear) {
			stamp, stamped := stampOf(fsys, infos[i])
			r := recalling{fsys: fsys, path: p, kind: k, stamp: stamp, stamped: stamped, now: now, limit: opts.maxFileSize(), bodies: bodies, memo: m}
			if k == kindArticle {
				jobs = append(jobs, func() parsed { return readAndRecall(r, m.articles, bodies.opts) })
			} else {
				jobs = append(jobs, func() parsed { return readAndRecall(r, m.years, markdown.Options{}) })
			}
			continue
		}
		jobs = append(jobs, func() parsed { return readAndParse(fsys, p, k, opts.maxFileSize(), bodies) })
	}
	for _, r := range runBounded(jobs) {
		diags.Merge(r.diags)
		files.add(r.value)
	}
	site, d := Assemble(files, opts)
	diags.Merge(d)
	return site, diags
}

// readAndParse reads the file at p, of kind k and at most limit bytes, and
// parses it, rendering Markdown with bodies.
func readAndParse(fsys fs.FS, p string, k kind, limit int64, bodies *Bodies) parsed {
	src, d := readSiteFile(fsys, p, limit)
	if d != nil {
		return parsed{diags: d}
	}
	return parseFile(k, p, src, bodies)
}

// recalling is what readAndRecall needs of a file and its load: stamp,
// when stamped, is the stamp of the file taken after now and before it is
// read (see Memo.stamp).
type recalling struct {
	fsys    fs.FS
	path    string
	kind    kind
	stamp   FileStamp
	stamped bool
	now     time.Time
	limit   int64
	bodies  *Bodies
	memo    *Memo
}

// readAndRecall is readAndParse for the file of r, which it takes from the
// table t of r's memo when t holds it as parsed with the Markdown options
// o, and gives t when parsed without a diagnostic.
func readAndRecall[T any](r recalling, t *memoTable[T], o markdown.Options) parsed {
	if r.stamped && r.stamp.Size <= r.limit {
		if v, ok := recallStamped(r.memo, t, r.path, r.stamp, o); ok {
			return parsed{value: v}
		}
	}
	src, d := readSiteFile(r.fsys, r.path, r.limit)
	if d != nil {
		return parsed{diags: d}
	}
	key, v, ok := recall(t, r.kind, r.path, src, o)
	p := parsed{value: v}
	if !ok {
		if p = parseFile(r.kind, r.path, src, r.bodies); p.diags != nil && p.diags.Len() > 0 {
			return p // not kept, so not stamped either
		}
		remember(r.memo, t, key, p.value.(*T))
	}
	if r.stamped {
		r.memo.stamp(r.path, r.stamp, key, o, r.now)
	}
	return p
}

// markdownOptions are those of the Converter of the bodies of a site with
// the site.yaml c (nil when there is none) loaded with opts.
func markdownOptions(c *ConfigFile, opts Options) markdown.Options {
	var o markdown.Options
	if c != nil {
		o.Unsafe = c.MarkdownUnsafe
		if c.BaseURL != nil {
			o.BasePath = c.BaseURL.Path
		}
	}
	if opts.BaseURL != "" {
		if u, problem := parseBaseURL(opts.BaseURL); problem == urlOK {
			o.BasePath = u.Path
		}
	}
	return o
}

// parsed is the result of parsing one file: one of the *…File types.
type parsed struct {
	value any
	diags *diag.List
}

// parseFile parses the file at p, of kind k, with the parser of its kind,
// rendering Markdown with bodies.
func parseFile(k kind, p string, src []byte, bodies *Bodies) parsed {
	var r parsed
	switch k {
	case kindConfig:
		r.value, r.diags = ParseConfig(p, src)
	case kindUnits:
		r.value, r.diags = ParseUnits(p, src)
	case kindAwards:
		r.value, r.diags = ParseAwards(p, src)
	case kindDecisions:
		r.value, r.diags = ParseDecisions(p, src)
	case kindNotice:
		r.value, r.diags = ParseNotice(p, src)
	case kindBloc:
		r.value, r.diags = ParseBloc(p, src)
	case kindBlocYear:
		r.value, r.diags = ParseBlocYear(p, src)
	case kindArticle:
		r.value, r.diags = ParseArticle(p, src, bodies)
	case kindPage:
		r.value, r.diags = ParsePage(p, src, bodies)
	}
	return r
}

// runBounded runs the jobs on at most GOMAXPROCS goroutines and returns
// their results in the order of the jobs. A goroutine runs a batch of
// jobs, so that its stack, grown by the first parse, serves the others.
func runBounded(jobs []func() parsed) []parsed {
	results := make([]parsed, len(jobs))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for start := 0; start < len(jobs); start += jobsPerTask {
		end := min(start+jobsPerTask, len(jobs))
		g.Go(func() error {
			for i := start; i < end; i++ {
				results[i] = jobs[i]()
			}
			return nil
		})
	}
	g.Wait()
	return results
}

// jobsPerTask is how many jobs of runBounded a goroutine runs.
const jobsPerTask = 16

// siteFiles returns the paths of the files of fsys that loading looks at:
// site.yaml and the files under data/, content/ and static/, and the status
// of each, read without following a link. A folder that cannot be read is
// reported, and so is anything Site leaves out (see Site).
func siteFiles(fsys fs.FS, diags *diag.List) (paths []string, infos []fs.FileInfo) {
	add := func(p string, info fs.FileInfo) {
		paths = append(paths, p)
		infos = append(infos, info)
	}
	if info, err := fs.Lstat(fsys, "site.yaml"); err == nil && usable(fsys, "site.yaml", info, diags) {
		add("site.yaml", info)
	}
	for _, root := range []string{"data", "content", "static"} {
		walkFiles(fsys, root, diags, add)
	}
	return paths, infos
}

// WalkFiles calls visit with the path of each file under the folder root
// of the site folder fsys that may be read, in lexical order, as Site
// lists its files: it follows no symbolic link that points outside the
// folder, to a folder, or into static/, reads no file that is not a
// regular file, and (but in static/) skips names starting with ".", except
// the hidden Markdown files of hiddenPage, which are listed to be warned
// of; each link or special file left out, and each folder that cannot be
// read, is reported in diags. A missing root is no mistake. The renderer lists the
// site's layouts/ with it.
func WalkFiles(fsys fs.FS, root string, diags *diag.List, visit func(p string)) {
	walkFiles(fsys, root, diags, func(p string, _ fs.FileInfo) { visit(p) })
}

// walkFiles is WalkFiles, visiting each file with its status, read without
// following a link.
func walkFiles(fsys fs.FS, root string, diags *diag.List, visit func(p string, info fs.FileInfo)) {
	if info, err := fs.Lstat(fsys, root); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		if _, problem := followLink(fsys, root); problem.Code != "" {
			diags.Warn(root, 0, 0, "symlink-root", problem)
			return
		}
	}
	err := fs.WalkDir(fsys, root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) || p != root {
				diags.Error(p, 0, 0, "read-folder", err.Error())
			}
			return nil
		}
		if p != root && strings.HasPrefix(e.Name(), ".") && root != "static" && !hiddenPage(p) {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			return nil
		}
		if info, err := e.Info(); err == nil && usable(fsys, p, info, diags) {
			visit(p, info)
		}
		return nil
	})
	if err != nil {
		diags.Error(root, 0, 0, "read-folder", err.Error())
	}
}

// usable reports whether the file at p, of which info was read without
// following a link, may be read or copied; when not, it says why in a
// warning. It also reports a name under static/ that no link can reach.
func usable(fsys fs.FS, p string, info fs.FileInfo, diags *diag.List) bool {
	mode := info.Mode()
	static := strings.HasPrefix(p, "static/")
	switch {
	case mode&fs.ModeSymlink != 0:
		target, problem := followLink(fsys, p)
		switch {
		case problem.Code != "":
			diags.Warn(p, 0, 0, "symlink", problem)
			return false
		case target.IsDir():
			diags.Warn(p, 0, 0, "symlink-folder")
			return false
		case static:
			diags.Warn(p, 0, 0, "symlink-static")
			return false
		case !target.Mode().IsRegular():
			diags.Warn(p, 0, 0, "symlink-not-a-file")
			return false
		}
	case !mode.IsRegular():
		diags.Warn(p, 0, 0, "not-a-file", modeName(mode))
		return false
	}
	if static {
		return staticNameOK(p, diags)
	}
	return true
}

// followLink returns what the symbolic link at p points at, or why it is
// not followed: it points outside the folder of fsys (or by an absolute
// path, which cannot stay inside it), at nothing, or cannot be read.
func followLink(fsys fs.FS, p string) (fs.FileInfo, msg.Phrase) {
	if target, err := fs.ReadLink(fsys, p); err == nil {
		if path.IsAbs(target) || !fs.ValidPath(path.Join(path.Dir(p), target)) {
			return nil, msg.P("link-outside-to", target)
		}
	}
	info, err := fs.Stat(fsys, p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, msg.P("link-to-nothing")
	case err != nil:
		return nil, msg.P("link-outside")
	}
	return info, msg.Phrase{}
}

// staticNameOK reports whether a link can name the static file p; when
// not, it reports why: a backslash or control character, which a web
// address cannot hold, is an error; a name in decomposed Unicode, which the
// NFC links of the site never match, is a warning.
func staticNameOK(p string, diags *diag.List) bool {
	if i := strings.IndexFunc(p, func(r rune) bool { return r == '\\' || r < 0x20 || r == 0x7F }); i >= 0 {
		diags.Error(p, 0, 0, "bad-file-name", p[i:i+1])
		return false
	}
	if !utf8.ValidString(p) {
		diags.Error(p, 0, 0, "file-name-not-utf8")
		return false
	}
	if nfc := vn.NFC(p); nfc != p {
		diags.Warn(p, 0, 0, "file-name-decomposed", path.Base(nfc))
	}
	return true
}

// modeName names the kind of a file that is neither a folder nor a regular file.
func modeName(m fs.FileMode) msg.Phrase {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return msg.P("mode-pipe")
	case m&fs.ModeSocket != 0:
		return msg.P("mode-socket")
	case m&fs.ModeDevice != 0:
		return msg.P("mode-device")
	}
	return msg.P("mode-special")
}

// tooLargeError is the error of readFile for a file over the limit.
type tooLargeError struct{ size, limit int64 }

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("%d bytes, more than %d", e.size, e.limit)
}

// readSiteFile reads the file at p of fsys to parse it. When the file
// cannot be read or has more than limit bytes, it returns the message that
// says so instead.
func readSiteFile(fsys fs.FS, p string, limit int64) ([]byte, *diag.List) {
	src, err := readFile(fsys, p, limit)
	if err == nil {
		return src, nil
	}
	d := &diag.List{}
	var big *tooLargeError
	if errors.As(err, &big) {
		d.Error(p, 0, 0, "read-too-large", big.size, sizeName(big.limit))
	} else {
		d.Error(p, 0, 0, CodeRead, err.Error())
	}
	return nil, d
}

// readFile reads the file at p of fsys, returning a *tooLargeError without
// reading it whole when it has more than limit bytes.
func readFile(fsys fs.FS, p string, limit int64) ([]byte, error) {
	if r, ok := fsys.(*RootFS); ok {
		if src, ok, err := r.readFile(p, limit); ok {
			return src, err
		}
	}
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	if info, err := f.Stat(); err == nil {
		if info.Size() > limit {
			return nil, &tooLargeError{info.Size(), limit}
		}
		buf.Grow(int(info.Size()) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, err
	}
	src := buf.Bytes()
	if int64(len(src)) > limit {
		return nil, &tooLargeError{int64(len(src)), limit}
	}
	return src, nil
}

// sizeName names a size limit: "10 MiB", or "1000 bytes" when it is not a
// whole number of MiB.
func sizeName(n int64) any {
	if n%(1<<20) == 0 {
		return strconv.FormatInt(n>>20, 10) + " MiB"
	}
	return msg.P("size-bytes", n)
}

// kind is what a file of the site folder holds, decided by its path.
type kind int

const (
	kindOutside kind = iota // not read by loading: layouts/, README.md
	kindIgnored             // in data/ or content/, but of no kind loading knows
	kindHidden              // a Markdown file under content/ whose name starts with "."
	kindStatic
	kindConfig
	kindUnits
	kindAwards
	kindDecisions
	kindNotice
	kindBloc
	kindBlocYear
	kindArticle
	kindPage
)

// listedOnly reports whether the files of kind k are listed and not read:
// static files, which are copied, and files in data/ or content/ that
// loading leaves out with a warning.
func (k kind) listedOnly() bool { return k == kindIgnored || k == kindHidden || k == kindStatic }

// classify returns what the file at the slash path p holds.
func classify(p string) kind {
	parts := strings.Split(p, "/")
	switch {
	case p == "site.yaml":
		return kindConfig
	case hiddenPage(p):
		return kindHidden
	case p == "data/units.yaml":
		return kindUnits
	case p == "data/awards.yaml":
		return kindAwards
	case p == "data/decisions.yaml":
		return kindDecisions
	case len(parts) == 3 && parts[0] == "data" && parts[1] == "consultations" && (path.Ext(p) == ".yaml" || path.Ext(p) == ".yml"):
		return kindNotice
	case len(parts) == 4 && parts[1] == "blocs" && parts[0] == "data" && (parts[3] == "bloc.yaml" || parts[3] == "bloc.yml"):
		return kindBloc
	case len(parts) == 4 && parts[1] == "blocs" && parts[0] == "data" && (path.Ext(p) == ".yaml" || path.Ext(p) == ".yml"):
		return kindBlocYear
	case len(parts) >= 3 && parts[0] == "content" && parts[1] == "news" && path.Ext(p) == ".md":
		return kindArticle
	case len(parts) == 3 && parts[0] == "content" && parts[1] == "pages" && path.Ext(p) == ".md":
		return kindPage
	case parts[0] == "static" && len(parts) > 1:
		return kindStatic
	case (parts[0] == "data" || parts[0] == "content") && len(parts) > 1:
		return kindIgnored
	}
	return kindOutside
}

// hiddenPage reports whether p is a Markdown file under content/ whose
// name starts with ".", in folders whose names do not: a file an editor
// hid, perhaps by mistake, and which is not published. The lock files of
// Emacs (".#") and the metadata files of macOS ("._") are not such files.
func hiddenPage(p string) bool {
	dir, name := path.Split(p)
	if !strings.HasPrefix(dir, "content/") || !strings.HasPrefix(name, ".") || path.Ext(name) != ".md" ||
		strings.HasPrefix(name, ".#") || strings.HasPrefix(name, "._") {
		return false
	}
	return !strings.Contains(dir, "/.")
}

// hiddenHint says how to publish the hidden Markdown file at p.
func hiddenHint(p string) msg.Phrase {
	name := strings.TrimLeft(path.Base(p), ".")
	if name == "md" || path.Ext(name) != ".md" {
		return msg.P("hidden-hint-dot")
	}
	return msg.P("hidden-hint-rename", quote(name))
}

// ignored reports the ignored file at p, saying what its folder holds.
func ignored(d *diag.List, p string) {
	parts := strings.Split(p, "/")
	switch {
	case len(parts) == 2 && parts[0] == "data":
		d.WarnGuess(p, 0, 0, "ignored-in-data", diag.Suggest(parts[1], []string{"units.yaml", "awards.yaml", "decisions.yaml"}))
	case len(parts) >= 3 && parts[0] == "data" && parts[1] == "consultations":
		d.Warn(p, 0, 0, "ignored-in-consultations")
	case len(parts) == 4 && parts[0] == "data" && parts[1] == "blocs":
		d.Warn(p, 0, 0, "ignored-in-bloc")
	case len(parts) >= 2 && parts[0] == "data" && parts[1] == "blocs":
		d.Warn(p, 0, 0, "ignored-in-blocs")
	case len(parts) >= 3 && parts[0] == "content" && parts[1] == "news":
		d.Warn(p, 0, 0, "ignored-in-news")
	case len(parts) >= 2 && parts[0] == "content" && parts[1] == "pages":
		d.Warn(p, 0, 0, "ignored-in-pages")
	default:
		d.Warn(p, 0, 0, "ignored-file")
	}
}
