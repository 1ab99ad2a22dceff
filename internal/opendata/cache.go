package opendata

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"sync"
)

// Workbooks keeps the workbooks one build wrote for the next, by a hash of
// their title and tables, so that a rebuild makes again only those whose
// tables changed: making one takes milliseconds, and a site has one for
// each of its pages of blocs, years, units and award kinds. Its Made
// counts the workbooks made. It is safe for concurrent use.
type Workbooks struct {
	mu         sync.Mutex
	last, next map[string]workbook
	made       int
}

type workbook struct {
	sum  [sha256.Size]byte
	data []byte
}

// NewWorkbooks returns an empty cache.
func NewWorkbooks() *Workbooks { return &Workbooks{next: map[string]workbook{}} }

// Made reports how many workbooks the cache has had to make.
func (c *Workbooks) Made() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.made
}

// get returns the workbook of path with title and tables: the one of the
// last build when they are the same, else a new one.
func (c *Workbooks) get(path, title string, tables []Table, k *kit) ([]byte, error) {
	sum := tablesSum(title, tables)
	c.mu.Lock()
	if w, ok := c.last[path]; ok && w.sum == sum {
		c.next[path] = w
		c.mu.Unlock()
		return w.data, nil
	}
	c.mu.Unlock()
	data, err := xlsxBytes(title, tables, k)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.next[path] = workbook{sum: sum, data: data}
	c.made++
	c.mu.Unlock()
	return data, nil
}

// done ends a build: the workbooks it did not write are forgotten.
func (c *Workbooks) done() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.last, c.next = c.next, map[string]workbook{}
}

// tablesSum is a hash of everything a workbook is made of.
func tablesSum(title string, tables []Table) [sha256.Size]byte {
	h := sha256.New()
	str(h, title)
	for _, t := range tables {
		str(h, t.Name)
		for _, c := range t.Columns {
			str(h, c.Title)
			fmt.Fprintf(h, "%g|", c.Width)
		}
		for _, row := range t.Rows {
			binary.Write(h, binary.LittleEndian, int64(len(row)))
			for _, v := range row {
				str(h, fmt.Sprintf("%T", v))
				str(h, cellText(v))
			}
		}
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// str writes s with its length, so that ("ab", "c") and ("a", "bc") differ.
func str(h hash.Hash, s string) {
	binary.Write(h, binary.LittleEndian, int64(len(s)))
	h.Write([]byte(s))
}
