//go:build !(linux || darwin || dragonfly || freebsd || netbsd || openbsd)

package output

// tree is the folder an output is written in. Without folder descriptors
// it is a pathTree.
type tree = pathTree

// openTree checks that path is a folder.
func openTree(path string) (*tree, error) { return openPathTree(path) }

// stampOf is the zero folderStamp: the status of a folder here tells no
// time of its last change, and tree.others reads every folder.
func stampOf(path string) folderStamp { return folderStamp{} }
