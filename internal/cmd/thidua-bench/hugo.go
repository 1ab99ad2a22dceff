package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// hugoFiles are the configuration and the theme of the Hugo site: pages
// like thidua's articles and news lists, with a header, breadcrumbs, the
// article's date, author, blocs and units, and one taxonomy, blocs, whose
// term pages list their articles, 20 to a page as the generated site.yaml
// asks of thidua.
var hugoFiles = map[string]string{
	"config.toml": `baseURL = "https://thidua.example.gov.vn/"
languageCode = "vi"
title = "Thi đua – Khen thưởng tỉnh Tổng hợp"
paginate = 20
enableRobotsTXT = true
[taxonomies]
  bloc = "blocs"
`,
	"layouts/_default/baseof.html": `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} – {{ end }}{{ site.Title }}</title>
<meta name="description" content="{{ .Summary | plainify | truncate 160 }}">
<link rel="stylesheet" href="{{ "css/site.css" | relURL }}">
<link rel="alternate" type="application/rss+xml" href="{{ "index.xml" | absURL }}">
</head>
<body>
<header><a class="brand" href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav><a href="{{ "news/" | relURL }}">Tin tức</a> <a href="{{ "blocs/" | relURL }}">Khối thi đua</a></nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>{{ site.Title }}</p></footer>
</body>
</html>
`,
	"layouts/_default/single.html": `{{ define "main" }}
<nav class="crumbs"><a href="{{ "/" | relURL }}">Trang chủ</a> › <a href="{{ "news/" | relURL }}">Tin tức</a></nav>
<article>
<h1>{{ .Title }}</h1>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time>{{ with .Params.author }} · {{ . }}{{ end }}</p>
{{ .Content }}
{{ with .GetTerms "blocs" }}<p>Khối: {{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>{{ end }}
{{ with .Params.units }}<p>Đơn vị: {{ range . }}<a href="{{ printf "don-vi/%s/" . | relURL }}">{{ . }}</a> {{ end }}</p>{{ end }}
{{ with .Params.year }}<p>Năm: <a href="{{ printf "nam/%v/" . | relURL }}">{{ . }}</a></p>{{ end }}
</article>
{{ end }}
`,
	"layouts/_default/list.html": `{{ define "main" }}
<nav class="crumbs"><a href="{{ "/" | relURL }}">Trang chủ</a></nav>
<h1>{{ .Title }}</h1>
{{ if eq .Kind "taxonomy" }}
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ else }}
<ul class="news">{{ range .Paginator.Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time></li>{{ end }}
</ul>
{{ template "_internal/pagination.html" . }}
{{ end }}
{{ end }}
`,
	"layouts/index.html": `{{ define "main" }}
<h1>{{ site.Title }}</h1>
<h2>Tin mới</h2>
<ul class="news">{{ range first 10 (where site.RegularPages "Section" "news") }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "02/01/2006" }}</time><p>{{ .Summary }}</p></li>{{ end }}
</ul>
<h2>Khối thi đua</h2>
<ul>{{ range site.Taxonomies.blocs.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
`,
	"layouts/404.html": `{{ define "main" }}<h1>Không tìm thấy trang</h1><p><a href="{{ "/" | relURL }}">Về trang chủ</a></p>{{ end }}
`,
	"static/css/site.css": `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:0 1rem}
header{display:flex;justify-content:space-between;border-bottom:1px solid #ccc}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.25rem .5rem}
.meta,time{color:#666}.crumbs{font-size:.9rem}
`,
}

// writeHugoSite writes a Hugo site into dir with the articles of the thidua
// site folder site: the same files, linked where the file system allows.
func writeHugoSite(dir, site string) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	for name, content := range hugoFiles {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			return err
		}
	}
	src := filepath.Join(site, "content", "news")
	return filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		dst := filepath.Join(dir, "content", "news", rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if os.Link(p, dst) == nil {
			return nil
		}
		return copyFile(p, dst)
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// checkHugo counts the files of Hugo's output out, and fails unless it
// holds a page for each of the n articles.
func checkHugo(out string, n int) (int, error) {
	files, err := countFiles(out)
	if err != nil {
		return 0, err
	}
	articles, err := countFiles(filepath.Join(out, "news"))
	if err != nil {
		return 0, err
	}
	if articles < n {
		return 0, fmt.Errorf("hugo wrote %d files under news/, fewer than the %d articles", articles, n)
	}
	return files, nil
}

func countFiles(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return err
	})
	return n, err
}

// hugoVersion is the first line of hugo version, or the error.
func hugoVersion(hugo string) string {
	out, err := exec.Command(hugo, "version").Output()
	if err != nil {
		return fmt.Sprintf("%s (version unknown: %v)", hugo, err)
	}
	line, _, _ := strings.Cut(string(out), "\n")
	return line
}
