package build

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/thidua/thidua/internal/ogimage"
)

// picturesSite is testdata/site drawing a picture for each article, with
// an article whose image is a JPEG.
func picturesSite(t *testing.T) string {
	t.Helper()
	src := copySite(t)
	config, err := os.ReadFile(filepath.Join(src, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, src, "site.yaml", string(config)+"article_pictures: true\n")
	var jpg bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, 40, 21))
	img.Set(3, 3, color.RGBA{200, 0, 0, 255})
	if err := jpeg.Encode(&jpg, img, nil); err != nil {
		t.Fatal(err)
	}
	writeFile(t, src, "static/images/anh.jpg", jpg.String())
	writeFile(t, src, "content/news/2024/anh-rieng.md",
		"---\ntitle: Tin có ảnh riêng\ndate: 2024-05-01\nimage: /images/anh.jpg\nsummary: Một tin có ảnh của riêng nó.\n---\nNội dung.\n")
	return src
}

// TestSharePictures: every page kind worth sharing has its PNG of 1200×630,
// and every page's og:image is an absolute URL under the base path of a
// file of the output, never an SVG; an article's own JPEG is its picture.
func TestSharePictures(t *testing.T) {
	const base = "https://portal.example.gov.vn/thidua/"
	src := picturesSite(t)
	dst := filepath.Join(t.TempDir(), "public")
	if res, err := buildSite(t, src, dst); err != nil {
		t.Fatalf("build: %v\n%v", err, res.Diagnostics)
	}
	files := readTree(t, dst)
	for _, f := range []string{
		"og.png", "khoi/khoi-a/og.png", "khoi/khoi-a/2024/og.png", "don-vi/hoi-nguoi-cao-tuoi/og.png",
		"khen-thuong/co-thi-dua-tinh/og.png", "nam/2024/og.png", "tin-tuc/so-ket-2024/og.png",
		"tin-tuc/khoi-a-tong-ket-2024/og.png", // its image is an SVG
	} {
		b, ok := files[f]
		if !ok {
			t.Errorf("no %s", f)
			continue
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Errorf("%s: %v", f, err)
		} else if img.Bounds() != image.Rect(0, 0, ogimage.Width, ogimage.Height) {
			t.Errorf("%s is %v", f, img.Bounds())
		}
	}
	for _, f := range []string{"tin-tuc/anh-rieng/og.png", "tin-tuc/og.png", "404og.png", "khoi/og.png"} {
		if _, ok := files[f]; ok {
			t.Errorf("%s is drawn", f)
		}
	}

	for name, m := range pageMetas(t, files) {
		img := m["og:image"]
		rel, ok := strings.CutPrefix(img, base)
		if !ok || files[rel] == nil {
			t.Errorf("%s: og:image %q is not a file of the output under %s", name, img, base)
		}
		if strings.HasSuffix(img, ".svg") || m["twitter:image"] != img || m["twitter:card"] != "summary_large_image" || m["og:image:alt"] == "" {
			t.Errorf("%s: %v", name, m)
		}
		if strings.HasSuffix(img, ".png") && (m["og:image:width"] != "1200" || m["og:image:height"] != "630" || m["og:image:type"] != "image/png") {
			t.Errorf("%s: the size and type of %s: %v", name, img, m)
		}
	}
	own := meta(t, "article", files["tin-tuc/anh-rieng/index.html"])
	if own["og:image"] != base+"images/anh.jpg" || own["og:image:type"] != "image/jpeg" || own["og:image:alt"] != "Tin có ảnh riêng" {
		t.Errorf("an article with its own JPEG: %v", own)
	}
	for name, want := range map[string]string{
		"index.html":                     base + "og.png",
		"khoi/khoi-a/2024/index.html":    base + "khoi/khoi-a/2024/og.png",
		"tin-tuc/so-ket-2024/index.html": base + "tin-tuc/so-ket-2024/og.png",
		"khoi/index.html":                base + "og.png", // a list: the home page's
	} {
		if got := meta(t, name, files[name])["og:image"]; got != want {
			t.Errorf("%s: og:image = %q, want %q", name, got, want)
		}
	}

	// The same site gives the same bytes, whatever the number of workers.
	again := filepath.Join(t.TempDir(), "public")
	if res, err := buildSite(t, src, again, func(o *Options) { o.Workers = 1 }); err != nil {
		t.Fatalf("build: %v\n%v", err, res.Diagnostics)
	}
	other := readTree(t, again)
	for name, b := range files {
		if path.Base(name) == ogimage.FileName && !bytes.Equal(b, other[name]) {
			t.Errorf("%s differs from one build to the next", name)
		}
	}
}

// TestStaticFileInAPicturesPlace: a file of static/ where a share picture
// goes is an error at that file, and nothing is written.
func TestStaticFileInAPicturesPlace(t *testing.T) {
	src := copySite(t)
	writeFile(t, src, "static/khoi/khoi-a/og.png", "not a picture")
	writeFile(t, src, "static/tin-tuc/so-ket-2024/og.png", "no picture is drawn here: article_pictures is false")
	dst := filepath.Join(t.TempDir(), "public")
	res, err := buildSite(t, src, dst)
	if !errors.Is(err, ErrSite) {
		t.Fatalf("build: %v", err)
	}
	if len(res.Diagnostics) != 1 || res.Diagnostics[0].Code != "picture-collision" || res.Diagnostics[0].Path != "static/khoi/khoi-a/og.png" {
		t.Errorf("diagnostics: %v", res.Diagnostics)
	}
	if _, err := os.Stat(dst); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the build wrote %s", dst)
	}
}

// TestSecondBuildKeepsPictures: a second build into the same destination
// draws only the pictures whose card changed, and keeps the others.
func TestSecondBuildKeepsPictures(t *testing.T) {
	src := copySite(t)
	dst := filepath.Join(t.TempDir(), "public")
	res, err := buildSite(t, src, dst)
	if err != nil {
		t.Fatalf("build: %v\n%v", err, res.Diagnostics)
	}
	first := readTree(t, dst)
	pictures := 0
	for f := range first {
		if path.Base(f) == ogimage.FileName {
			pictures++
		}
	}
	if res.Drawn != pictures || pictures < 20 {
		t.Errorf("the first build drew %d pictures of %d", res.Drawn, pictures)
	}
	if res, err = buildSite(t, src, dst); err != nil || res.Drawn != 0 {
		t.Errorf("a build after no change drew %d pictures (%v)", res.Drawn, err)
	}
	// Khối A's name is on its pictures, its bloc years' and its units'.
	edit(t, src, "data/blocs/khoi-a/bloc.yaml", "name: Khối thi đua các hội", "name: Khối thi đua các hội đặc thù")
	if res, err = buildSite(t, src, dst); err != nil {
		t.Fatalf("build: %v\n%v", err, res.Diagnostics)
	}
	second := readTree(t, dst)
	if res.Drawn == 0 || res.Drawn > pictures/2 {
		t.Errorf("a build after a bloc's name changed drew %d pictures of %d", res.Drawn, pictures)
	}
	if bytes.Equal(second["khoi/khoi-a/og.png"], first["khoi/khoi-a/og.png"]) {
		t.Error("the picture of the renamed bloc is the same")
	}
	if !bytes.Equal(second["don-vi/so-tai-chinh/og.png"], first["don-vi/so-tai-chinh/og.png"]) {
		t.Error("the picture of a unit of another bloc changed")
	}
	for f, b := range second {
		if path.Base(f) == ogimage.FileName {
			if _, err := png.Decode(bytes.NewReader(b)); err != nil {
				t.Errorf("%s: %v", f, err)
			}
		}
	}
}
