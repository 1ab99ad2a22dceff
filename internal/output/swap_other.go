//go:build !linux

package output

// exchange puts the folder tmp in the place of dest in two renames and
// returns where the previous output now is.
func exchange(tmp, dest string) (old string, err error) {
	return renameTwice(tmp, dest)
}
