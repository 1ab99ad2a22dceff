package output

import "os"

// removeAll removes path and everything under it. It is not an error that
// path does not exist.
func removeAll(path string) error { return os.RemoveAll(path) }
