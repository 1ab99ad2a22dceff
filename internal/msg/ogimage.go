package msg

// ogimage holds the messages about the pictures of pages for shares.
func ogimage() map[string]Text {
	return map[string]Text{
		"picture-collision": {
			"tệp này trùng chỗ với ảnh chia sẻ mà thidua vẽ cho trang /%s; đổi tên tệp, hoặc xóa nó",
			"this file takes the place of the share picture thidua draws for the page /%s; rename or remove it",
		},
	}
}
