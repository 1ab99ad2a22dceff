package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/thidua/thidua/internal/release"
)

// version is this release of thidua.
const version = release.Version

// commit and modified name the commit a release archive was built from
// ("true": with changes not committed). make dist sets them at link time
// (-X main.commit=…), as its builds carry no VCS stamp of their own.
var commit, modified string

func runVersion(args []string, e *env) int {
	fs := newFlags("version", "thidua version", "about-version", e)
	if code := parse(fs, args, e); code >= 0 {
		return code
	}
	info, _ := debug.ReadBuildInfo()
	fmt.Fprintf(e.stdout, "%s %s %s/%s\n", versionLine(info, commit, modified), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return exitOK
}

// versionLine says which thidua this is: "thidua v0.2.0", then the commit,
// from the link-time commit and modified or else the build's VCS stamp,
// and the module's version when the go command gave it another.
func versionLine(info *debug.BuildInfo, commit, modified string) string {
	line := "thidua " + version
	if info != nil {
		if m := info.Main.Version; m != "" && m != "(devel)" && m != version {
			line += " (module " + m + ")"
		}
		if commit == "" {
			for _, s := range info.Settings {
				switch s.Key {
				case "vcs.revision":
					commit = s.Value
				case "vcs.modified":
					modified = s.Value
				}
			}
		}
	}
	if commit == "" {
		return line
	}
	if len(commit) > 12 {
		commit = commit[:12]
	}
	line += " (commit " + commit
	if modified == "true" {
		line += ", modified"
	}
	return line + ")"
}
