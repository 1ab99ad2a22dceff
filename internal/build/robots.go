package build

import (
	"io"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
)

// robots writes robots.txt, which lets every crawler in.
type robots struct{}

func (robots) Paths(*model.Site) []string { return []string{"robots.txt"} }

func (robots) Write(site *model.Site, _ []*pages.Page, create func(string) (io.WriteCloser, error)) error {
	w, err := create("robots.txt")
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, "User-agent: *\nAllow: /\n"); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}
