package scaffold

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/thidua/thidua/internal/msg"
	"github.com/thidua/thidua/internal/vn"
)

// SiteOptions say whose a new site folder is.
type SiteOptions struct {
	Province string    // the province's name, like "Bình Thuận" (or "tỉnh Bình Thuận", "thành phố Huế")
	Today    time.Time // the day it starts: the year of its bloc and the date of its article
	Docs     string    // the address of thidua's docs/ folder, for the editors' README
}

// File is one file of a new site folder.
type File struct {
	Path string // slash-separated, relative to the site folder
	Data []byte
}

// Site composes the files of a new site folder that thidua check --strict
// passes: site.yaml, data/units.yaml with two units, one bloc with one
// year, one article, a .gitignore of the build's output and a README.md
// for the editors. The site's title is made from the province's name.
func Site(o SiteOptions) ([]File, error) {
	kind, province := splitProvince(vn.NFC(o.Province))
	if province == "" || strings.ContainsAny(o.Province, "\r\n") {
		return nil, msg.E("new-province-lines")
	}
	if o.Today.IsZero() {
		return nil, msg.E("new-site-no-date")
	}
	today := o.Today.In(vn.TimeZone())
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, vn.TimeZone())
	year := today.Year()
	if err := checkYear(year); err != nil {
		return nil, err
	}
	title := "Thi đua – Khen thưởng " + kind + " " + province
	articleTitle := "Ra mắt trang " + title
	article := ArticleOptions{Title: articleTitle, Date: today, Blocs: []string{newBloc}, Year: year, Published: true,
		Body: "Trang công bố thành viên, khối trưởng, kết quả và khen thưởng của các khối thi đua " + kind + " " + province +
			" qua từng năm, cùng tin tức phong trào thi đua.\n"}
	files := []File{
		{"site.yaml", []byte(siteYAML(title, province, kind))},
		{"data/units.yaml", []byte(newUnits)},
		{path.Join("data/blocs", newBloc, "bloc.yaml"), []byte(newBlocYAML)},
		{path.Join("data/blocs", newBloc, strconv.Itoa(year)+".yaml"), []byte(yearYAML(year))},
		{path.Join("content/news", strconv.Itoa(year), vn.Slug(articleTitle)+".md"), articleText(articleTitle, today, article)},
		{".gitignore", []byte(newGitignore)},
		{"README.md", []byte(readme(title, year, o.Docs))},
	}
	return files, nil
}

// splitProvince parts a province's name into its kind, "tỉnh" or "thành
// phố", and its name, "tỉnh" when the name does not say.
func splitProvince(name string) (kind, rest string) {
	name = strings.Join(strings.Fields(name), " ")
	lower := strings.ToLower(name)
	for _, k := range []string{"tỉnh", "thành phố"} {
		if lower == k {
			return k, ""
		}
		if strings.HasPrefix(lower, k+" ") {
			return k, name[len(k)+1:]
		}
	}
	return "tỉnh", name
}

// CheckEmpty returns an error unless dir is an empty folder or is not there
// yet: a new site is never written over files.
func CheckEmpty(dir string) error {
	f, err := os.Open(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.IsDir() {
		return msg.E("new-site-not-a-folder", dir)
	}
	names, err := f.Readdirnames(1)
	if errors.Is(err, io.EOF) {
		return nil
	}
	if err != nil {
		return err
	}
	return msg.E("new-site-not-empty", dir, names[0])
}

// newBloc is the bloc of a new site.
const newBloc = "khoi-1"

func siteYAML(title, province, kind string) string {
	return "# Cài đặt chung của trang (docs/format.md, mục 3).\n" +
		"title: " + scalar(title) + "\n" +
		"# Địa chỉ nơi trang được đăng trên cổng thông tin: sửa cho đúng trước khi đăng.\n" +
		"baseURL: https://thidua.example.gov.vn/\n" +
		"language: vi\n" +
		"description: " + scalar("Thành viên, khối trưởng, kết quả và khen thưởng của các khối thi đua "+kind+" "+province+" qua từng năm.") + "\n" +
		"province: " + scalar(province) + "\n" +
		"paginate: 10\n"
}

const newUnits = `# Mọi đơn vị từng thuộc một khối thi đua (docs/format.md, mục 4).
# Mã (id) là một phần của địa chỉ trang: đặt một lần, không đổi sau khi đăng.
- id: so-noi-vu
  name: Sở Nội vụ
  kind: sở
- id: so-tu-phap
  name: Sở Tư pháp
  kind: sở
`

const newBlocYAML = `# Một khối thi đua (docs/format.md, mục 6). Tên thư mục (khoi-1) là mã của khối.
name: Khối thi đua số 1
short: Khối 1
order: 1
`

// yearYAML is the bloc's year of a new site, with the fields an editor
// adds next as comments.
func yearYAML(year int) string {
	y := strconv.Itoa(year)
	return `# Khối trong một năm thi đua (docs/format.md, mục 7). Năm sau: thidua new year khoi-1 ` + strconv.Itoa(year+1) + `.
members:
  - unit: so-noi-vu
  - unit: so-tu-phap
leader: so-noi-vu
# deputies: [so-tu-phap]          # khối phó
# next_leader: so-tu-phap         # khối trưởng năm sau
# covenant: {date: ` + y + `-03-20}    # hội nghị ký kết giao ước
# review: {date: ` + y + `-12-18}      # hội nghị tổng kết
`
}

// newGitignore keeps out of git what a build writes: the output (a folder,
// or a symbolic link to one of the generations of .public.thidua/) and the
// temporary folders beside it.
const newGitignore = `/public
/.public.thidua/
.public.thidua-*
`

func readme(title string, year int, docs string) string {
	y := strconv.Itoa(year)
	return "# " + title + `

Thư mục này là toàn bộ nội dung của trang web. Mọi thứ là tệp văn bản: sửa tệp, kiểm tra, xem thử
trên máy, rồi đăng. Chương trình ` + "`thidua`" + ` biến các tệp này thành trang web.

## Sửa nội dung

- ` + "`site.yaml`" + `: tên trang và địa chỉ nơi trang được đăng (` + "`baseURL`" + `: sửa cho đúng).
- ` + "`data/units.yaml`" + `: các đơn vị (sở, ban, ngành, hội…).
- ` + "`data/blocs/khoi-1/bloc.yaml`" + `: một khối thi đua; ` + "`data/blocs/khoi-1/" + y + ".yaml`" + `: khối đó trong năm ` + y + `.
- ` + "`content/news/`" + `: tin bài. Viết tin mới: ` + "`thidua new article \"Tiêu đề\"`" + `.
- Năm mới cho một khối: ` + "`thidua new year khoi-1 " + strconv.Itoa(year+1) + "`" + `.
- ` + "`static/`" + `: ảnh và tệp đính kèm.

Mở thư mục này bằng VS Code, cài phần mở rộng "YAML" của Red Hat: chương trình gợi ý tên trường và
gạch dưới chỗ sai ngay khi gõ.

## Kiểm tra

` + "```" + `
thidua check
` + "```" + `

Mỗi lỗi ghi tên tệp, dòng, cột và cách sửa. Trước khi đăng, chạy ` + "`thidua check --strict`" + `:
khi đó cảnh báo cũng tính là lỗi.

## Xem thử trên máy

` + "```" + `
thidua serve
` + "```" + `

rồi mở địa chỉ mà lệnh in ra trong trình duyệt. Trang tự tải lại mỗi khi lưu một tệp. Bấm Ctrl+C để dừng.

## Đăng

` + "```" + `
thidua build
` + "```" + `

dựng trang vào thư mục ` + "`public/`" + `; chép những gì nằm trong đó lên máy chủ của cổng thông tin. Nếu thư mục
này là một kho git trên GitHub hoặc GitLab, tệp CI đi kèm tự kiểm tra và dựng trang mỗi lần đẩy lên.

Hướng dẫn đầy đủ:

- biên tập: ` + docs + `editing.md
- cách viết từng tệp: ` + docs + `format.md
- đăng lên cổng thông tin: ` + docs + `publishing.md
`
}
