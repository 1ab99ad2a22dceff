// Package release holds what a release of thidua is: its version, and the
// reproducible archives make dist puts it in.
package release

// Version is this release of thidua, the semantic version its module is
// tagged with, so that a module download knows it too. CHANGELOG.md says
// what each release holds; bump both together.
const Version = "v0.2.0"
