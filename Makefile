# thidua — make build builds the demo site into public/; make test runs every test.
GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS := -X main.version=$(VERSION)
BIN     := bin/thidua

.PHONY: all build test check vet bin clean

all: build

bin:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/thidua

## build: build the demo site (the repository root) into public/
build: bin
	$(BIN) build -s . -d public

## check: check the demo site strictly, as CI for a site repository would
check: bin
	$(BIN) check --strict

## vet: gofmt and go vet
vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo 'gofmt: the files above need formatting'; exit 1; }
	$(GO) vet ./...

## test: every test, including the fuzz targets' seed corpora
test: vet
	$(GO) test -count=1 ./...

clean:
	rm -rf bin public
