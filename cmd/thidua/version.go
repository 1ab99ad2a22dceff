package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is set at link time by the Makefile (-X main.version=…).
var version = ""

func runVersion(args []string, e *env) int {
	fs := newFlags("version", "thidua version", "Print the version of thidua.", e)
	if code := parse(fs, args, e); code >= 0 {
		return code
	}
	v := version
	if v == "" {
		v = "(devel)"
		if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
			v = info.Main.Version
		}
	}
	fmt.Fprintf(e.stdout, "thidua %s %s %s/%s\n", v, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return exitOK
}
