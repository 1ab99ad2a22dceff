package msg

// light holds the messages of the checks behind light pages: an article's
// summary, which its card and its description are made of.
func light() map[string]Text {
	return map[string]Text{
		"article-no-summary": {
			"bài viết không có tóm tắt, và đoạn đầu của bài ngắn hơn %d từ nên không dùng làm tóm tắt được; " +
				"thêm vào phần đầu bài một dòng summary: với một hai câu nói bài viết về việc gì " +
				"(tóm tắt hiện trên thẻ bài ở trang chủ, trang tin tức và khi chia sẻ bài)",
			"the article has no summary, and its first paragraph is shorter than %d words, too short to be one; " +
				"add to the front matter a line summary: with a sentence or two saying what the article is about " +
				"(the summary shows on the article's card on the home and news pages, and when the article is shared)",
		},
	}
}
