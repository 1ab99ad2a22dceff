package msg

// common holds the words every area of the tool shares.
func common() map[string]Text {
	return map[string]Text{
		"severity-error":   {"lỗi", "error"},
		"severity-warning": {"cảnh báo", "warning"},
		"did-you-mean":     {` (có phải là %q?)`, ` (did you mean %q?)`},
		"write-instead":    {`; hãy viết %q`, `; write %q`},
		"folded-uses":      {`; sửa chỗ này thì %d chỗ khác dùng mã này cũng hết lỗi`, `; fixing it fixes the %d other places that use this id`},
		"folded-others":    {` (và %d chỗ khác dùng mã này)`, ` (and %d other places use this id)`},
	}
}
