package msg

// yaml holds the messages about the syntax and the text encoding of a
// YAML file that does not parse, and of `thidua schema`.
func yaml() map[string]Text {
	return map[string]Text{
		"yaml-tab": {
			"dòng này thụt lề bằng dấu Tab, mà YAML chỉ nhận dấu cách; xoá dấu Tab và gõ dấu cách thay vào, mỗi cấp hai dấu cách",
			"this line is indented with a tab, and YAML takes spaces only; delete the tab and type spaces instead, two for each level",
		},
		"yaml-unclosed-quote": {
			"dấu ngoặc %s mở ở đây không được đóng trên dòng này; đóng nó ở cuối giá trị: `%s`",
			"the quote %s opened here is not closed on this line; close it at the end of the value: `%s`",
		},
		"yaml-unclosed-bracket": {
			"dấu %s mở ở đây không bao giờ được đóng; thêm %s ở cuối danh sách",
			"the %s opened here is never closed; add %s at the end of the list",
		},
		"yaml-missing-colon": {
			"sau tên trường thiếu dấu hai chấm và dấu cách (`: `); viết `%s`",
			"the field name is not followed by `: `; write `%s`",
		},
		"yaml-colon-in-value": {
			"giá trị có `: ` ở giữa, điều YAML chỉ cho phép trong dấu ngoặc kép; đặt giá trị trong dấu ngoặc kép: `%s`",
			"the value holds `: `, which YAML allows only in quotes; put the value in double quotes: `%s`",
		},
		"yaml-bad-start": {
			"giá trị không được bắt đầu bằng %s; đặt giá trị trong dấu ngoặc kép: `%s`",
			"a value cannot start with %s; put the value in double quotes: `%s`",
		},
		"yaml-indent-deeper": {
			"dòng này thụt lề sâu hơn dòng %d, mà dòng đó đã có giá trị sau `: `; xoá bớt dấu cách ở đầu dòng để `%s` thẳng hàng với tên trường ở trên",
			"this line is indented deeper than line %d, which already has its value after `: `; remove spaces at its start so that `%s` lines up with the field above",
		},
		"yaml-indent-between": {
			"dòng này thụt lề %d dấu cách, không thẳng hàng với dòng nào ở trên; thụt %d dấu cách nếu nó đi cùng dòng %d, hoặc %d dấu cách nếu nó đi cùng dòng %d",
			"this line is indented by %d spaces, in line with no line above; indent it by %d spaces to go with line %d, or by %d to go with line %d",
		},
		"yaml-item-in-map": {
			"dòng bắt đầu bằng `- ` (một mục của danh sách) lại nằm giữa các trường bắt đầu từ dòng %d; đặt danh sách dưới một tên trường kết thúc bằng `:` (như `members:`) và thụt vào hai dấu cách, hoặc viết dòng này thành `tên-trường: giá trị`",
			"this line starts with `- ` (a list item) among the fields that start on line %d; put the list under a field name that ends in `:` (like `members:`), indented by two spaces, or write this line as `field: value`",
		},
		"yaml-not-item": {
			"dòng này nằm giữa các mục của danh sách bắt đầu từ dòng %d nhưng không bắt đầu bằng `- `; thêm `- ` ở đầu dòng để làm một mục mới, hoặc thụt vào thêm hai dấu cách để nó thuộc mục ở trên",
			"this line is among the items of the list that starts on line %d but does not start with `- `; add `- ` at its start to make a new item, or indent it by two more spaces to add it to the item above",
		},
		"yaml-syntax": {
			"không đọc được YAML từ dòng này; kiểm tra thụt lề (chỉ dùng dấu cách), dấu `: ` sau mỗi tên trường và các dấu ngoặc kép ở dòng này và dòng trên",
			"the YAML cannot be read from this line; check the indentation (spaces only), the `: ` after each field name and the quotes on this line and the one before",
		},
	}
}
