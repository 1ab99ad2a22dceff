package load

import (
	"slices"
	"strings"
	"testing"
)

// TestSummaries: with Options.Summaries (check --strict), an article that
// is not a draft and has neither a summary nor a first paragraph of
// minSummaryWords words is warned of; without, it is not.
func TestSummaries(t *testing.T) {
	files := map[string]string{
		// A picture and its caption come first: the paragraph with text is
		// the caption, too short.
		"content/news/anh.md":   "---\ntitle: Ảnh hội nghị\ndate: 2024-04-02\n---\n![](/images/khoi-8-2024.svg)\n\nẢnh: Văn phòng.\n\nHội nghị tổng kết công tác thi đua năm 2024.\n",
		"content/news/tom.md":   "---\ntitle: Có tóm tắt\ndate: 2024-04-03\nsummary: Hội nghị tổng kết.\n---\nẢnh: Văn phòng.\n",
		"content/news/dai.md":   "---\ntitle: Đủ dài\ndate: 2024-04-03\n---\nHội nghị tổng kết công tác thi đua.\n",
		"content/news/nhap.md":  "---\ntitle: Nháp\ndate: 2024-04-04\ndraft: true\n---\nChưa viết.\n",
		"content/news/trong.md": "---\ntitle: Trống\ndate: 2024-04-05\n---\n",
	}
	const text = ": warning: the article has no summary, and its first paragraph is shorter than 5 words, too short to be one; " +
		"add to the front matter a line summary: with a sentence or two saying what the article is about " +
		"(the summary shows on the article's card on the home and news pages, and when the article is shared)"
	want := []string{"content/news/anh.md:1:1" + text, "content/news/trong.md:1:1" + text}
	_, diags := Site(apply(t, files), Options{Summaries: true})
	var got []string
	for _, d := range diags.Items() {
		if d.Code == "article-no-summary" {
			got = append(got, d.String())
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("with Summaries:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	_, diags = Site(apply(t, files), Options{})
	for _, d := range diags.Items() {
		if d.Code == "article-no-summary" {
			t.Errorf("without Summaries: %s", d)
		}
	}
}
