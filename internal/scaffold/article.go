package scaffold

import (
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/thidua/thidua/internal/load"
	"github.com/thidua/thidua/internal/msg"
	"github.com/thidua/thidua/internal/vn"
)

// ArticleOptions say what a new article is about.
type ArticleOptions struct {
	Title string
	Slug  string    // "" makes it from Title
	Date  time.Time // the day (and time) of publication; a time of midnight writes the day only
	Blocs []string  // blocs it reports on
	Year  int       // the emulation year it reports on; 0 when not given
	Body  string    // the text after the front matter; "" for none
	// Published writes the article ready to publish, without draft: true.
	Published bool
}

// Article composes a news article of the site folder fsys: its path,
// content/news/<year of Date>/<slug>.md, and its text, a draft with its
// front matter filled in. It fails when the slug is taken by a file or an
// article, or a bloc or the year is wrong.
func Article(fsys fs.FS, o ArticleOptions) (rel string, src []byte, err error) {
	if !exists(fsys, "site.yaml") {
		return "", nil, errNotASite()
	}
	title := strings.TrimSpace(vn.NFC(o.Title))
	if title == "" || strings.ContainsAny(title, "\r\n") {
		return "", nil, msg.E("new-title-lines")
	}
	slug := o.Slug
	if slug == "" {
		slug = vn.Slug(title)
		if slug == "" {
			return "", nil, msg.E("new-title-no-slug", title)
		}
	} else if !idPattern.MatchString(slug) {
		return "", nil, msg.E("new-bad-slug", slug)
	}
	for _, b := range o.Blocs {
		if err := checkBloc(fsys, b); err != nil {
			return "", nil, err
		}
	}
	if o.Year != 0 {
		if err := checkYear(o.Year); err != nil {
			return "", nil, err
		}
	}
	if o.Date.IsZero() {
		return "", nil, msg.E("new-article-no-date")
	}
	date := o.Date.In(vn.TimeZone())
	rel = path.Join("content/news", strconv.Itoa(date.Year()), slug+".md")
	if exists(fsys, rel) {
		return "", nil, msg.E("new-article-exists", rel).Wrapping(ErrExists)
	}
	if other := articleWithSlug(fsys, slug); other != "" {
		return "", nil, msg.E("new-slug-taken", other, slug)
	}
	return rel, articleText(title, date, o), nil
}

// articleWithSlug returns the path of an article of content/news whose slug
// is slug, "" when there is none.
func articleWithSlug(fsys fs.FS, slug string) string {
	found := ""
	fs.WalkDir(fsys, "content/news", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".md" || found != "" {
			return nil
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil
		}
		if a, _ := load.ParseArticle(p, src, nil); a.Slug.ID == slug {
			found = p
		}
		return nil
	})
	return found
}

// articleText writes the front matter of a new article; its slug is the
// file's name. Fields the editor may add are there as comments.
func articleText(title string, date time.Time, o ArticleOptions) []byte {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", scalar(title))
	if date.Hour() == 0 && date.Minute() == 0 && date.Second() == 0 {
		fmt.Fprintf(&b, "date: %s\n", date.Format("2006-01-02"))
	} else {
		fmt.Fprintf(&b, "date: %s\n", date.Format(time.RFC3339))
	}
	if len(o.Blocs) > 0 {
		fmt.Fprintf(&b, "blocs: [%s]\n", strings.Join(o.Blocs, ", "))
	} else {
		b.WriteString("# blocs: [khoi-8]                # các khối bài viết nói tới / the blocs it reports on\n")
	}
	if o.Year != 0 {
		fmt.Fprintf(&b, "year: %d\n", o.Year)
	} else {
		fmt.Fprintf(&b, "# year: %d                     # năm thi đua bài viết nói tới / the emulation year\n", date.Year())
	}
	b.WriteString("# units: [hoi-nguoi-cao-tuoi]    # các đơn vị được nhắc tới / the units it mentions\n")
	b.WriteString("# summary: Một câu tóm tắt.      # mặc định là đoạn đầu của bài / defaults to the first paragraph\n")
	b.WriteString("# author: Tên tác giả\n")
	b.WriteString("# image: /images/ten-anh.jpg     # một tệp trong static/ / a file under static/\n")
	if !o.Published {
		b.WriteString("draft: true                      # xóa dòng này khi bài sẵn sàng đăng / remove when ready to publish\n")
	}
	b.WriteString("---\n\n")
	b.WriteString(o.Body)
	return []byte(b.String())
}
