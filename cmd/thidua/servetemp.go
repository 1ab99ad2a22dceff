package main

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// serveTempPrefix begins the names of the temporary folders that serve
// builds into when it is given no destination.
const serveTempPrefix = "thidua-serve-"

// serveLockName is the file in a serve's temporary folder that says the
// serve is running (see holdServeTemp).
const serveLockName = "serve.lock"

// legacyAge is how long a temporary folder without a lock file, made by a
// serve from before the lock, or a file of the output package left beside
// one, is kept before it counts as left behind.
const legacyAge = 24 * time.Hour

// serveTemp makes the temporary folder in parent that a serve without a
// destination builds into, and holds it while the serve runs; first it
// removes the folders that earlier serves left behind, those whose serve
// is no longer running, so that a killed serve leaves nothing for long.
// It returns the destination, inside it and not there yet, so that the
// output and the generations beside it are all inside, and a function that
// lets go of the folder and removes it.
func serveTemp(parent string) (dest string, remove func(), err error) {
	removeLeftServeTemps(parent, time.Now())
	dir, err := os.MkdirTemp(parent, serveTempPrefix)
	if err != nil {
		return "", nil, err
	}
	lock, err := holdServeTemp(dir)
	if err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	return filepath.Join(dir, "public"), func() {
		lock.Close()
		os.RemoveAll(dir)
	}, nil
}

// removeLeftServeTemps removes the temporary folders of serves in parent
// whose serve is no longer running, and the files that the output package
// of a serve from before the lock left beside them.
func removeLeftServeTemps(parent string, now time.Time) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		p := filepath.Join(parent, name)
		switch {
		case e.IsDir() && strings.HasPrefix(name, serveTempPrefix):
			if serveTempLeft(p, now) {
				os.RemoveAll(p)
			}
		case strings.HasPrefix(name, "."+serveTempPrefix) && strings.Contains(name, ".thidua-"):
			// ".thidua-serve-123.thidua-lock" and the like, from before
			// the destination was a folder inside the temporary one.
			base, _, _ := strings.Cut(name[1:], ".thidua-")
			if _, err := os.Stat(filepath.Join(parent, base)); os.IsNotExist(err) && olderThan(p, legacyAge, now) {
				os.RemoveAll(p)
			}
		}
	}
}

// serveTempLeft reports whether the serve that made the temporary folder
// dir is no longer running: its lock is free, or, for a folder without a
// lock file, the folder has not changed for legacyAge.
func serveTempLeft(dir string, now time.Time) bool {
	f, err := os.OpenFile(filepath.Join(dir, serveLockName), os.O_RDWR, 0)
	if os.IsNotExist(err) {
		return olderThan(dir, legacyAge, now)
	}
	if err != nil {
		return false
	}
	defer f.Close()
	return lockFree(f, now)
}

// olderThan reports whether the file at p was last changed more than age
// before now.
func olderThan(p string, age time.Duration, now time.Time) bool {
	info, err := os.Lstat(p)
	return err == nil && now.Sub(info.ModTime()) > age
}
