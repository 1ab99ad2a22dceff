# thidua — make build builds the demo site into public/; make test runs every test.
GO      ?= go
# The version is the constant Version of internal/release; the commit built from, and whether the work
# tree has changes, are given at link time (a build in a git worktree carries no VCS stamp).
COMMIT   := $(shell git rev-parse HEAD 2>/dev/null)
MODIFIED := $(shell test -z "$$(git status --porcelain 2>/dev/null)" || echo true)
LDFLAGS  := -X main.commit=$(COMMIT) -X main.modified=$(MODIFIED)
BIN     := bin/thidua
NPM     ?= npm
# The chart library, bundled by make charts from the npm packages pinned in
# package-lock.json, committed, and embedded into the binary (see
# internal/charts/lib/README.md); building thidua needs no npm.
CHARTLIB := internal/charts/lib
# How long make fuzz fuzzes each fuzz target, and how long make release-check does.
FUZZTIME         ?= 20s
RELEASE_FUZZTIME ?= 60s

.PHONY: all build serve test test-windows bench bench-hugo fuzz release-check check vet bin charts dist dist-check clean

all: build

bin:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/thidua

## build: build the demo site (the repository root) into public/
build: bin
	$(BIN) build -s . -d public

## serve: preview the demo site with live reload at http://127.0.0.1:1313/
serve: bin
	$(BIN) serve -s .

## check: check the demo site strictly, as CI for a site repository would
check: bin
	$(BIN) check --strict

## vet: gofmt and go vet
vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo 'gofmt: the files above need formatting'; exit 1; }
	$(GO) vet ./...

## charts: install the npm packages and bundle the chart library again into internal/charts/lib/,
## to commit after changing package.json, package-lock.json or internal/charts/echarts-entry.js
charts: node_modules/.package-lock.json
	$(NPM) run --silent bundle
	cp node_modules/echarts/LICENSE node_modules/echarts/NOTICE $(CHARTLIB)/
	cp node_modules/echarts/licenses/LICENSE-d3 $(CHARTLIB)/LICENSE-d3
	cp node_modules/zrender/LICENSE $(CHARTLIB)/LICENSE-zrender

node_modules/.package-lock.json: package.json package-lock.json
	$(NPM) ci --no-audit --no-fund

## test: every test, including the fuzz targets' seed corpora; the npm packages are installed
## first, for the test that the committed chart library is their bundle and for axe-core. Lighthouse
## (internal/lighttest) runs last and alone: its scores measure the page, not the other tests
test: vet test-windows node_modules/.package-lock.json
	$(GO) test -count=1 $$($(GO) list ./... | grep -v '/internal/lighttest$$')
	$(GO) test -count=1 ./internal/lighttest

## test-windows: go vet, and the tests of every package compiled, for Windows, where editors work
test-windows:
	GOOS=windows $(GO) vet ./...
	@set -e; for pkg in $$(GOOS=windows $(GO) list -f '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}{{end}}' ./...); do \
	  GOOS=windows $(GO) test -c -o /dev/null $$pkg; \
	done

# The release archives: every file's time is the commit's, so that make dist gives the same bytes
# on any machine for a commit.
DIST_TIME := $(shell git log -1 --format=%ct HEAD 2>/dev/null)

## dist: the release archives in dist/: thidua cross-built for linux/amd64, linux/arm64,
## windows/amd64, darwin/arm64 and darwin/amd64 (.tar.gz, .zip for Windows) with README, CHANGELOG
## and the licences, and SHA256SUMS
dist:
	rm -rf dist
	$(GO) run ./internal/cmd/dist -o dist -mtime $(DIST_TIME) -ldflags '$(LDFLAGS)'

## dist-check: make dist, then again with an empty build cache, and fail unless the bytes are the same
dist-check: dist
	@set -e; cache=$$(mktemp -d); trap 'chmod -R u+w $$cache; rm -rf $$cache dist.check' EXIT; trap 'exit 1' INT TERM; \
	GOCACHE=$$cache $(GO) run ./internal/cmd/dist -o dist.check -mtime $(DIST_TIME) -ldflags '$(LDFLAGS)' >/dev/null; \
	diff dist/SHA256SUMS dist.check/SHA256SUMS && echo "dist-check: two builds gave the same archives"

# The generated sites of make bench and make bench-hugo (numbers of articles), and how many
# times each kind of build is run; the medians are reported. Hugo at 100,000 articles needs over
# 10 GiB. Each site is a git repository with a history of BENCH_COMMITS commits (0: none).
BENCH_SIZES      ?= 1000,10000,100000
BENCH_HUGO_SIZES ?= 1000,10000
BENCH_RUNS       ?= 3
BENCH_COMMITS    ?= 10000
HUGO             ?= hugo
# Where the generated sites are built, one after the other: on the disk, as users build
# (BENCH_TMPDIR, /var/tmp by default), and on tmpfs beside it when the machine has one (BENCH_TMPFS;
# BENCH_TMPFS= builds on the disk alone). Each gets a temporary folder, removed at the end; what a
# run is done with (the outputs of first builds, the sites) stays in it until then, as removing
# thousands of files slows the next build down on some disks: give it room for four outputs a size.
comma            := ,
BENCH_TMPDIR     ?= $(if $(wildcard /var/tmp/.),/var/tmp,$(or $(TMPDIR),/tmp))
BENCH_TMPFS      ?= $(if $(wildcard /dev/shm/.),/dev/shm)
BENCH_DIRS       ?= $(BENCH_TMPDIR)$(if $(BENCH_TMPFS),$(comma)$(BENCH_TMPFS))
BENCH_FLAGS       = -thidua $(BIN) -runs $(BENCH_RUNS) -commits $(BENCH_COMMITS) -dirs $(BENCH_DIRS)

## bench: thidua build on generated sites of BENCH_SIZES articles in git repositories of BENCH_COMMITS
## commits, on the disk and on tmpfs (BENCH_DIRS), the largest 40 blocs × 25 years × 20 members:
## medians of BENCH_RUNS first builds, second builds after no change and after one article changed
## (wall, CPU, system time, peak memory), page counts checked, the file system's floors, the
## rebuild after one article changes in git and outside (docs/performance.md); then every Go
## benchmark, among them thidua serve's edit-to-reload latency and the rebuild in a long history
bench: bin
	$(GO) run ./internal/cmd/thidua-bench $(BENCH_FLAGS) -sizes $(BENCH_SIZES)
	$(GO) test -run '^$$' -bench . ./...

## bench-hugo: the same, with Hugo (Debian's package, installed when missing) building the same
## articles with a comparable theme and one taxonomy, each of its builds right after thidua's,
## side by side with the ratios
bench-hugo: bin
	command -v $(HUGO) >/dev/null || apt-get install -y --no-install-recommends hugo || \
		{ apt-get update && apt-get install -y --no-install-recommends hugo; }
	$(GO) run ./internal/cmd/thidua-bench $(BENCH_FLAGS) -hugo $(HUGO) -sizes $(BENCH_HUGO_SIZES)

## fuzz: fuzz every fuzz target (func Fuzz… in a _test.go file) for FUZZTIME each; an input
## that fails is kept under the package's testdata/fuzz, where make test runs it from then on
fuzz:
	@set -e; for dir in $$(grep -rl --include='*_test.go' '^func Fuzz' . | xargs -n1 dirname | sort -u); do \
	  for fn in $$(grep -h '^func Fuzz' $$dir/*_test.go | sed 's/^func \(Fuzz[A-Za-z0-9_]*\).*/\1/'); do \
	    echo "== $$fn in $$dir"; \
	    $(GO) test $$dir -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME); \
	  done; \
	done

## release-check: what passes before a release: make test, then make fuzz for RELEASE_FUZZTIME
## per fuzz target
release-check:
	$(MAKE) test
	$(MAKE) fuzz FUZZTIME=$(RELEASE_FUZZTIME)

clean:
	rm -rf bin public .public.thidua node_modules dist
