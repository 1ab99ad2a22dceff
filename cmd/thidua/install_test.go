package main

import (
	"archive/tar"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
	"golang.org/x/mod/module"
	modzip "golang.org/x/mod/zip"

	"github.com/thidua/thidua/docs/ci"
)

// modulePath is thidua's module path, the one go install downloads.
const modulePath = "github.com/thidua/thidua"

// installer is what a go install of thidua from a module proxy needs: the
// go command and the environment of a machine that has never seen thidua,
// with a GOPROXY folder that serves the committed files of HEAD as
// version.
type installer struct {
	goCmd    string
	goSum    string   // the module's go.sum
	modCache string   // its GOMODCACHE
	env      []string // GOPROXY, GOSUMDB, an empty GOPATH and the GOMODCACHE
}

// newInstaller lays out the GOPROXY folder as proxy.golang.org serves a
// module (list, .info, .mod and the zip made by golang.org/x/mod/zip from
// the tree of HEAD: only committed files count, as in a release), behind which come
// the machine's module cache and its own GOPROXY for the dependencies.
// It skips t under -short, or when this is no git work tree outside CI.
func newInstaller(t *testing.T) *installer {
	t.Helper()
	if testing.Short() {
		t.Skip("go install from a module proxy is skipped under -short")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command: %v", err)
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	defer func() { t.Logf("the module proxy laid out: %v", time.Since(start).Round(time.Millisecond)) }()
	git := func(args ...string) []byte {
		t.Helper()
		out, err := exec.Command("git", append([]string{"-C", root}, args...)...).Output()
		if err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("git %v: %v", args, err)
			}
			t.Skipf("the module is made from the committed files, and git %v fails here: %v", args, err)
		}
		return out
	}
	commitTime := strings.TrimSpace(string(git("log", "-1", "--format=%cI", "HEAD")))
	goMod := git("show", "HEAD:go.mod")

	proxy := t.TempDir()
	escaped, err := module.EscapePath(modulePath)
	if err != nil {
		t.Fatal(err)
	}
	at := filepath.Join(proxy, filepath.FromSlash(escaped), "@v")
	if err := os.MkdirAll(at, 0o755); err != nil {
		t.Fatal(err)
	}
	// zip.CreateFromVCS does not know a git worktree (.git is a file
	// there), so the committed tree is written out and zipped from there.
	tree := t.TempDir()
	if err := untar(bytes.NewReader(git("archive", "--format=tar", "HEAD")), tree); err != nil {
		t.Fatalf("git archive HEAD: %v", err)
	}
	zip, err := os.Create(filepath.Join(at, version+".zip"))
	if err != nil {
		t.Fatal(err)
	}
	err = modzip.CreateFromDir(zip, module.Version{Path: modulePath, Version: version}, tree)
	if cerr := zip.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatalf("making the module zip from HEAD: %v", err)
	}
	info, _ := json.Marshal(map[string]string{"Version": version, "Time": commitTime})
	for name, data := range map[string][]byte{"list": []byte(version + "\n"), version + ".info": info, version + ".mod": goMod} {
		if err := os.WriteFile(filepath.Join(at, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	goEnv := func(name string) string {
		out, err := exec.Command(goCmd, "env", name).Output()
		if err != nil {
			t.Fatalf("go env %s: %v", name, err)
		}
		return strings.TrimSpace(string(out))
	}
	proxies := []string{fileURL(proxy), fileURL(filepath.Join(goEnv("GOMODCACHE"), "cache", "download"))}
	if p := goEnv("GOPROXY"); p != "" && p != "off" {
		proxies = append(proxies, p)
	}
	home := t.TempDir()
	return &installer{goCmd: goCmd, goSum: filepath.Join(root, "go.sum"), modCache: filepath.Join(home, "modcache"), env: []string{
		"GOPROXY=" + strings.Join(proxies, ","),
		// thidua is in no checksum database, and the test must work
		// offline: the dependencies are checked against go.sum by
		// checkSums instead.
		"GOSUMDB=off",
		"GOPATH=" + filepath.Join(home, "go"),
		// A module cache of its own, so that thidua never lands in the
		// machine's; -modcacherw lets the test remove it. The build cache
		// is the machine's: -trimpath makes its entries independent of
		// where the module cache is.
		"GOMODCACHE=" + filepath.Join(home, "modcache"),
		"GOFLAGS=-modcacherw -trimpath",
		"GOTOOLCHAIN=local",
	}}
}

// untar writes the regular files of the tar stream r under dir; links and
// the like, which a module zip leaves out, are skipped.
func untar(r io.Reader, dir string) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if h.Typeflag != tar.TypeReg || !filepath.IsLocal(h.Name) {
			continue
		}
		name := filepath.Join(dir, filepath.FromSlash(h.Name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, h.FileInfo().Mode().Perm())
		if err != nil {
			return err
		}
		_, err = io.Copy(f, tr)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
}

// fileURL is the file:// URL of the folder dir, as GOPROXY takes it.
func fileURL(dir string) string {
	dir = filepath.ToSlash(dir)
	if !strings.HasPrefix(dir, "/") {
		dir = "/" + dir // C:/… on Windows
	}
	return "file://" + dir
}

// environ is the process environment with the installer's variables, GOBIN
// set to bin, and bin first in PATH.
func (in *installer) environ(bin string) []string {
	set := append(slices.Clone(in.env), "GOBIN="+bin, "PATH="+bin+string(os.PathListSeparator)+filepath.Dir(in.goCmd)+string(os.PathListSeparator)+os.Getenv("PATH"))
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if !slices.ContainsFunc(set, func(s string) bool { return strings.HasPrefix(s, name+"=") }) {
			env = append(env, kv)
		}
	}
	return append(env, set...)
}

// install runs go install …/cmd/thidua@version into the empty folder bin
// and returns the path of the program.
func (in *installer) install(t *testing.T, bin string) string {
	t.Helper()
	cmd := exec.Command(in.goCmd, "install", modulePath+"/cmd/thidua@"+version)
	cmd.Dir = t.TempDir() // outside any module
	cmd.Env = in.environ(bin)
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go install %s/cmd/thidua@%s: %v\n%s", modulePath, version, err, out)
	}
	t.Logf("go install from the module proxy: %v", time.Since(start).Round(time.Millisecond))
	in.checkSums(t)
	entries, err := os.ReadDir(bin)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Fatalf("go install wrote %d files into GOBIN, want thidua alone", len(entries))
	}
	return filepath.Join(bin, entries[0].Name())
}

// checkSums checks every module go install downloaded against go.sum, as
// the checksum database would: the hash of each zip is the one go.sum
// holds for that module and version.
func (in *installer) checkSums(t *testing.T) {
	t.Helper()
	sums, err := os.ReadFile(in.goSum)
	if err != nil {
		t.Fatal(err)
	}
	download := filepath.Join(in.modCache, "cache", "download")
	checked := 0
	err = filepath.WalkDir(download, func(p string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".ziphash") {
			return err
		}
		rel, _ := filepath.Rel(download, p)
		escaped, file, _ := strings.Cut(filepath.ToSlash(rel), "/@v/")
		mod, err := module.UnescapePath(escaped)
		if err != nil {
			return err
		}
		if mod == modulePath {
			return nil
		}
		hash, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		line := mod + " " + strings.TrimSuffix(file, ".ziphash") + " " + strings.TrimSpace(string(hash)) + "\n"
		if !bytes.Contains(sums, []byte(line)) {
			t.Errorf("downloaded %s, which go.sum does not hold", strings.TrimSpace(line))
		}
		checked++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Error("go install downloaded no dependency to check")
	}
}

// thidua installed from the module as a download gives it: its version is
// the release's, it builds the demo with its chart library, and each CI
// sample works as written with it.
func TestInstallFromModuleProxy(t *testing.T) {
	in := newInstaller(t)
	thidua := in.install(t, t.TempDir())
	t.Run("demo", func(t *testing.T) { testInstalledBuildsDemo(t, thidua) })
	for _, sample := range ci.Samples() {
		t.Run("ci-"+sample.Name, func(t *testing.T) { testCISample(t, in, thidua, sample) })
	}
}

// testInstalledBuildsDemo checks the version of the installed thidua and
// that it builds the demo with its chart library.
func testInstalledBuildsDemo(t *testing.T, thidua string) {
	out, err := exec.Command(thidua, "version").Output()
	if err != nil || !strings.HasPrefix(string(out), "thidua "+version+" go") {
		t.Errorf("thidua version: %q, %v; want the release %s, as go install knows it", out, err, version)
	}
	demo := copyDemo(t)
	public := filepath.Join(t.TempDir(), "public")
	cmd := exec.Command(thidua, "build", "-s", demo, "-d", public, "--quiet")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("thidua build of the demo: %v\n%s", err, out)
	}
	page, err := os.ReadFile(filepath.Join(public, "khoi", "khoi-8", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte(`data-library="/assets/vendor/echarts/echarts.min.js"`)) {
		t.Error("the bloc page, which has charts, does not name the chart library for its chart script")
	}
	lib, err := os.ReadFile(filepath.Join(public, "assets", "vendor", "echarts", "echarts.min.js"))
	want, _ := os.ReadFile("../../internal/charts/lib/echarts.min.js")
	if err != nil || len(want) == 0 || !bytes.Equal(lib, want) {
		t.Errorf("the demo's chart library is not the committed bundle (%d bytes, want %d): %v", len(lib), len(want), err)
	}
}

// step is one shell step of a CI sample.
type step struct{ job, run string }

// shellSteps returns the shell steps of a CI sample in the order they run:
// GitHub's jobs.*.steps[].run; GitLab's before_script (a job's own, or
// default's) and script of each job.
func shellSteps(name string, src []byte) ([]step, error) {
	var doc struct {
		Jobs    yaml.Node `yaml:"jobs"`
		Default struct {
			BeforeScript []string `yaml:"before_script"`
		} `yaml:"default"`
	}
	var top yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, err
	}
	if err := yaml.Unmarshal(src, &top); err != nil {
		return nil, err
	}
	var steps []step
	switch name {
	case "github":
		for i := 0; i+1 < len(doc.Jobs.Content); i += 2 {
			var job struct {
				Steps []struct {
					Uses string `yaml:"uses"`
					Run  string `yaml:"run"`
				} `yaml:"steps"`
			}
			if err := doc.Jobs.Content[i+1].Decode(&job); err != nil {
				return nil, err
			}
			for _, s := range job.Steps {
				if s.Run != "" {
					steps = append(steps, step{doc.Jobs.Content[i].Value, s.Run})
				}
			}
		}
	case "gitlab":
		m := top.Content[0]
		for i := 0; i+1 < len(m.Content); i += 2 {
			var job struct {
				Script       []string  `yaml:"script"`
				BeforeScript *[]string `yaml:"before_script"`
			}
			if m.Content[i+1].Kind != yaml.MappingNode || m.Content[i+1].Decode(&job) != nil || job.Script == nil {
				continue // image, variables, stages, default: not jobs
			}
			before := doc.Default.BeforeScript
			if job.BeforeScript != nil {
				before = *job.BeforeScript
			}
			for _, line := range append(slices.Clone(before), job.Script...) {
				steps = append(steps, step{m.Content[i].Value, line})
			}
		}
	default:
		return nil, fmt.Errorf("no reader of the steps of %s", name)
	}
	return steps, nil
}

// testCISample checks that a CI sample works as written: in a site made by
// new site, its shell steps run in order with bash and succeed, thidua
// itself installed by the sample's own go install line from the module
// proxy. Steps that use an action (uses:) are not shell and are not run
// here: actions/checkout (the site is here already), actions/setup-go (the
// go of this test), upload-pages-artifact and deploy-pages (publishing).
func testCISample(t *testing.T, in *installer, thidua string, sample ci.Sample) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skipf("no bash: %v", err)
	}
	site := filepath.Join(t.TempDir(), "site")
	cmd := exec.Command(thidua, "new", "site", site, "--province", "Bình Thuận", "--ci", sample.Name)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("thidua new site: %v\n%s", err, out)
	}
	src, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(sample.Path)))
	if err != nil {
		t.Fatal(err)
	}
	steps, err := shellSteps(sample.Name, src)
	if err != nil {
		t.Fatalf("%s: %v", sample.Path, err)
	}
	if len(steps) < 3 {
		t.Fatalf("%s has %d shell steps, want go install, check and build: %v", sample.Path, len(steps), steps)
	}
	bin := t.TempDir() // GOBIN: the sample installs thidua itself
	for _, s := range steps {
		start := time.Now()
		cmd := exec.Command(bash, "-eo", "pipefail", "-c", s.run)
		cmd.Dir = site
		cmd.Env = in.environ(bin)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("job %s, step %q: %v\n%s", s.job, s.run, err, out)
		}
		t.Logf("job %s, %s: %v", s.job, s.run, time.Since(start).Round(time.Millisecond))
	}
	if _, err := os.Stat(filepath.Join(bin, filepath.Base(thidua))); err != nil {
		t.Errorf("the sample's go install did not install thidua: %v", err)
	}
	if _, err := os.Stat(filepath.Join(site, "public", "index.html")); err != nil {
		t.Errorf("the sample's build wrote no public/index.html: %v", err)
	}
}
