package msg

// common holds the words every area of the tool shares.
func common() map[string]Text {
	return map[string]Text{
		"severity-error":   {"lỗi", "error"},
		"severity-warning": {"cảnh báo", "warning"},
	}
}
