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
		"encoding-utf16le": utf16("UTF-16 LE"),
		"encoding-utf16be": utf16("UTF-16 BE"),
		"encoding-windows1258": {
			"tệp này có vẻ được lưu bằng bảng mã Windows-1258 (tiếng Việt của Windows, còn gọi là «ANSI»), không phải UTF-8, bảng mã duy nhất thidua đọc. Mở lại cho đúng chữ rồi lưu dạng UTF-8: trong VS Code, bấm vào tên bảng mã ở thanh dưới cùng, chọn «Reopen with Encoding» › «Vietnamese (Windows 1258)», kiểm tra chữ hiện đúng, rồi bấm lần nữa, chọn «Save with Encoding» › «UTF-8»; " + saveVI,
			"this file looks saved in the Windows-1258 encoding (Vietnamese Windows, also called \"ANSI\"), not in UTF-8, the one encoding thidua reads. Open it again with its letters right and save it as UTF-8: in VS Code, click the encoding's name in the bar at the bottom, choose \"Reopen with Encoding\" › \"Vietnamese (Windows 1258)\", check the letters, then click it again and choose \"Save with Encoding\" › \"UTF-8\"; " + saveEN,
		},
		"encoding-tcvn3": legacy("TCVN3 (ABC), phông chữ .VnTime", "TCVN3 (ABC), the .VnTime fonts", "TCVN3 (ABC)"),
		"encoding-vni":   legacy("VNI, phông chữ VNI-Times", "VNI, the VNI-Times fonts", "VNI Windows"),
		"yml-twice": {
			"thư mục khối đã có tệp %s, và tệp %s ghi cùng một nội dung; chỉ tệp thứ nhất được đọc. Chuyển những gì %s ghi sang %s rồi xoá %s",
			"the bloc folder already has %s, and %s is a second file for the same; only the first is read. Move what %s holds into %s and delete %s",
		},
		"ignored-loses-pages": {
			"thidua không đọc tệp này (tên hay chỗ của nó không phải của một tệp dữ liệu), nên %d trang có ở lần dựng trước sẽ mất, như %s; đặt lại tên tệp như tệp dữ liệu cũ (ví dụ 2024.yaml trong thư mục của khối), hoặc nếu muốn bỏ các trang đó thì xoá tệp này",
			"thidua does not read this file (its name or place is not that of a data file), so %d pages of the last build would be gone, such as %s; give it back the name of the data file it was (such as 2024.yaml in its bloc's folder), or, to remove those pages, delete this file",
		},
		"yaml-syntax": {
			"không đọc được YAML từ dòng này; kiểm tra thụt lề (chỉ dùng dấu cách), dấu `: ` sau mỗi tên trường và các dấu ngoặc kép ở dòng này và dòng trên",
			"the YAML cannot be read from this line; check the indentation (spaces only), the `: ` after each field name and the quotes on this line and the one before",
		},
	}
}

// saveVI and saveEN say how to save a file as UTF-8 in the programs an
// office has; the messages about encodings end with them.
const (
	saveVI = "trong Notepad, chọn File › Save As…, ở ô «Encoding» chọn «UTF-8» rồi bấm Save; trong Word, chọn File › Save As…, kiểu «Plain Text (*.txt)», ở hộp «File Conversion» chọn «Other encoding» › «Unicode (UTF-8)», rồi đổi đuôi tên tệp về .yaml (hoặc .md); trong Excel (bảng điểm để nhập bằng thidua import), chọn File › Save As…, kiểu «CSV UTF-8 (Comma delimited)»"
	saveEN = "in Notepad, choose File › Save As…, set \"Encoding\" to \"UTF-8\" and click Save; in Word, choose File › Save As…, type \"Plain Text (*.txt)\", and in the \"File Conversion\" box \"Other encoding\" › \"Unicode (UTF-8)\", then rename the file back to .yaml (or .md); in Excel (a score sheet for thidua import), choose File › Save As…, type \"CSV UTF-8 (Comma delimited)\""
)

// utf16 is the message about a file saved in the UTF-16 encoding name,
// as VS Code names it.
func utf16(name string) Text {
	return Text{
		"tệp này được lưu bằng bảng mã " + name + " (Windows gọi là «Unicode»), không phải UTF-8, bảng mã duy nhất thidua đọc; chữ vẫn đúng, chỉ cần lưu lại dạng UTF-8: trong VS Code, bấm vào tên bảng mã ở thanh dưới cùng (nếu chữ hiện sai, trước đó chọn «Reopen with Encoding» › «" + name + "»), chọn «Save with Encoding» › «UTF-8»; " + saveVI,
		"this file is saved in the " + name + " encoding (which Windows calls \"Unicode\"), not in UTF-8, the one encoding thidua reads; its letters are right, it only needs saving as UTF-8: in VS Code, click the encoding's name in the bar at the bottom (if the letters look wrong, first choose \"Reopen with Encoding\" › \"" + name + "\"), and choose \"Save with Encoding\" › \"UTF-8\"; " + saveEN,
	}
}

// legacy is the message about a file typed in an old Vietnamese encoding
// of fonts, which VS Code and Notepad cannot read: Unikey's converter,
// whose source is unikey, turns its text into Unicode first.
func legacy(vi, en, unikey string) Text {
	return Text{
		"tệp này có vẻ được gõ bằng bảng mã cũ " + vi + ", không phải Unicode UTF-8, bảng mã duy nhất thidua đọc; VS Code và Notepad không đọc được bảng mã này. Chuyển chữ sang Unicode bằng công cụ chuyển mã của Unikey: chép toàn bộ chữ của tệp, bấm Ctrl+Shift+F6, chọn Nguồn «" + unikey + "», Đích «Unicode», bấm «Chuyển mã», dán vào tệp thay cho chữ cũ, rồi lưu dạng UTF-8: trong VS Code, bấm vào tên bảng mã ở thanh dưới cùng, chọn «Save with Encoding» › «UTF-8»; " + saveVI,
		"this file looks typed in the old Vietnamese encoding " + en + ", not in Unicode UTF-8, the one encoding thidua reads; VS Code and Notepad cannot read it. Turn its text into Unicode with Unikey's converter: copy all the text of the file, press Ctrl+Shift+F6, choose the source \"" + unikey + "\" and the destination \"Unicode\", click the button to convert, paste over the old text, then save the file as UTF-8: in VS Code, click the encoding's name in the bar at the bottom and choose \"Save with Encoding\" › \"UTF-8\"; " + saveEN,
	}
}
