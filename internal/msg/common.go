package msg

// common holds the words every area of the tool shares.
func common() map[string]Text {
	return map[string]Text{
		"severity-error":   {"lỗi", "error"},
		"severity-warning": {"cảnh báo", "warning"},
		"did-you-mean":     {` (có phải là %q?)`, ` (did you mean %q?)`},
		"write-instead":    {`; hãy viết %q`, `; write %q`},
	}
}
