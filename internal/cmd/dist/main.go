// Command dist makes the release archives of thidua (make dist): for each
// target, the program cross-built reproducibly, with README.md,
// CHANGELOG.md, LICENSE and the licences of what the program includes, as
// a .tar.gz (a .zip for Windows), and SHA256SUMS of them. Two runs on the
// same commit give the same bytes, wherever the source folder is.
//
// Usage, from the repository root:
//
//	go run ./internal/cmd/dist -o dist -mtime UNIXTIME [-ldflags FLAGS] [-targets linux/amd64,…]
package main

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/thidua/thidua/internal/release"
)

// defaultTargets are the platforms of a release.
const defaultTargets = "linux/amd64,linux/arm64,windows/amd64,darwin/arm64,darwin/amd64"

// options say what to make, and where.
type options struct {
	root    string    // the repository root
	out     string    // the folder the archives go into
	mtime   time.Time // the time of every entry of the archives
	ldflags string    // more linker flags, as -X main.commit=…
	targets []string  // GOOS/GOARCH
}

func main() {
	o := options{root: "."}
	flag.StringVar(&o.out, "o", "dist", "the folder to write the archives and SHA256SUMS into")
	mtime := flag.Int64("mtime", 0, "the time of every file in the archives, in seconds since 1970 (the commit's: git log -1 --format=%ct)")
	flag.StringVar(&o.ldflags, "ldflags", "", "more flags for the linker, as -X main.commit=…")
	targets := flag.String("targets", defaultTargets, "the GOOS/GOARCH pairs to build, separated by commas")
	flag.Parse()
	if *mtime <= 0 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./internal/cmd/dist -o DIR -mtime UNIXTIME [-ldflags FLAGS] [-targets LIST]")
		os.Exit(2)
	}
	o.mtime = time.Unix(*mtime, 0)
	o.targets = strings.Split(*targets, ",")
	names, err := dist(o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dist:", err)
		os.Exit(1)
	}
	for _, n := range names {
		fmt.Println(filepath.Join(o.out, n))
	}
}

// dist writes an archive for each target and SHA256SUMS into o.out, and
// returns their names.
func dist(o options) ([]string, error) {
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return nil, err
	}
	var names []string
	sums := map[string][sha256.Size]byte{}
	for _, t := range o.targets {
		goos, goarch, ok := strings.Cut(t, "/")
		if !ok {
			return nil, fmt.Errorf("target %q is not GOOS/GOARCH", t)
		}
		name, data, err := archive(o, goos, goarch)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", t, err)
		}
		if err := os.WriteFile(filepath.Join(o.out, name), data, 0o644); err != nil {
			return nil, err
		}
		names = append(names, name)
		sums[name] = sha256.Sum256(data)
	}
	slices.Sort(names)
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "%x  %s\n", sums[n], n) // as sha256sum writes it, so that sha256sum -c reads it
	}
	if err := os.WriteFile(filepath.Join(o.out, "SHA256SUMS"), []byte(b.String()), 0o644); err != nil {
		return nil, err
	}
	return append(names, "SHA256SUMS"), nil
}

// archive builds thidua for goos/goarch and returns the name and bytes of
// its archive, whose files are all in one folder of the same name.
func archive(o options, goos, goarch string) (name string, data []byte, err error) {
	base := fmt.Sprintf("thidua_%s_%s_%s", strings.TrimPrefix(release.Version, "v"), goos, goarch)
	exe := "thidua"
	if goos == "windows" {
		exe += ".exe"
	}
	bin, err := build(o, goos, goarch)
	if err != nil {
		return "", nil, err
	}
	files := []release.File{{Name: exe, Mode: 0o755, Data: bin}}
	for _, doc := range []string{"README.md", "CHANGELOG.md", "LICENSE"} {
		b, err := os.ReadFile(filepath.Join(o.root, doc))
		if err != nil {
			return "", nil, err
		}
		files = append(files, release.File{Name: doc, Mode: 0o644, Data: b})
	}
	lic, err := licences(o, goos, goarch)
	if err != nil {
		return "", nil, err
	}
	files = append(files, lic...)
	for i := range files {
		files[i].Name = base + "/" + files[i].Name
	}
	var buf bytes.Buffer
	if goos == "windows" {
		name, err = base+".zip", release.WriteZip(&buf, files, o.mtime)
	} else {
		name, err = base+".tar.gz", release.WriteTarGz(&buf, files, o.mtime)
	}
	return name, buf.Bytes(), err
}

// goCmd runs the go command in the repository root for goos/goarch, as a
// release builds: no cgo, the default instruction sets.
func goCmd(o options, goos, goarch string, args ...string) *exec.Cmd {
	cmd := exec.Command("go", args...)
	cmd.Dir = o.root
	cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH="+goarch, "CGO_ENABLED=0", "GOAMD64=v1", "GOARM64=v8.0", "GOTOOLCHAIN=local")
	cmd.Stderr = os.Stderr
	return cmd
}

// build cross-builds ./cmd/thidua and returns the program: -trimpath and
// no VCS stamp, so that the source's folder and state leave no trace, and
// no build id.
func build(o options, goos, goarch string) ([]byte, error) {
	tmp, err := os.MkdirTemp("", "thidua-dist-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "thidua")
	ldflags := strings.TrimSpace("-buildid= -s -w " + o.ldflags)
	if err := goCmd(o, goos, goarch, "build", "-trimpath", "-buildvcs=false", "-ldflags="+ldflags, "-o", out, "./cmd/thidua").Run(); err != nil {
		return nil, fmt.Errorf("go build: %w", err)
	}
	return os.ReadFile(out)
}

// licences returns the licence files of what the program for goos/goarch
// includes, under licenses/: Go's (its runtime and standard library), each
// module's it is built from, and those of the chart library and the fonts
// of the share pictures, which it embeds.
func licences(o options, goos, goarch string) ([]release.File, error) {
	out, err := goCmd(o, goos, goarch, "list", "-deps", "-f", "{{with .Module}}{{if not .Main}}{{.Path}}\t{{.Dir}}{{end}}{{end}}", "./cmd/thidua").Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %w", err)
	}
	goroot, err := goCmd(o, goos, goarch, "env", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Errorf("go env: %w", err)
	}
	dirs := map[string]string{"go": strings.TrimSpace(string(goroot)), "echarts": filepath.Join(o.root, "internal", "charts", "lib"),
		"noto-sans": filepath.Join(o.root, "internal", "ogimage", "fonts")}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if p, dir, ok := strings.Cut(line, "\t"); ok {
			dirs[p] = dir
		}
	}
	var files []release.File
	for p, dir := range dirs {
		found, err := licenceFiles(dir)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s (%s) has no licence file", p, dir)
		}
		for _, f := range found {
			f.Name = path.Join("licenses", p, f.Name)
			files = append(files, f)
		}
	}
	return files, nil
}

// licenceFiles returns the licence and notice files at the top of dir.
func licenceFiles(dir string) ([]release.File, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []release.File
	for _, e := range entries {
		upper := strings.ToUpper(e.Name())
		if !e.Type().IsRegular() || !slices.ContainsFunc([]string{"LICENSE", "LICENCE", "COPYING", "NOTICE", "PATENTS"}, func(p string) bool { return strings.HasPrefix(upper, p) }) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		files = append(files, release.File{Name: e.Name(), Mode: 0o644, Data: b})
	}
	return files, nil
}
