package msg

// importer holds the messages of thidua import: reading a score sheet or
// an award list into a bloc's year file.
func importer() map[string]Text {
	return map[string]Text{
		"import-read": {
			"không đọc được tệp (%s); kiểm tra tên tệp và lưu lại dưới dạng .xlsx hoặc .csv",
			"cannot read the file (%s); check its name, and save it as .xlsx or .csv"},
		"import-kind": {
			"tệp %q không phải .xlsx hoặc .csv; trong Excel chọn File › Save As › Excel Workbook (.xlsx)",
			"the file %q is neither .xlsx nor .csv; in Excel choose File › Save As › Excel Workbook (.xlsx)"},
		"import-no-sheet": {
			"không có trang tính tên %q; các trang tính là: %s",
			"there is no sheet named %q; the sheets are: %s"},
		"import-no-header": {
			"không tìm thấy dòng tiêu đề có cột %s; đặt tên cột như \"Tên đơn vị\", \"Tổng điểm\", \"Xếp hạng\", hoặc chỉ rõ cột bằng --map \"unit=B,score=E\"",
			"no header row with a column %s was found; head the columns like \"Tên đơn vị\", \"Tổng điểm\", \"Xếp hạng\", or name them with --map \"unit=B,score=E\""},
		"import-bad-map": {
			"--map %q không đúng; viết như \"unit=B,score=E,rank=F\" với các trường %s",
			"--map %q is wrong; write it like \"unit=B,score=E,rank=F\" with the fields %s"},
		"import-unknown-unit": {
			"không có đơn vị %q trong data/units.yaml%s; ghi đúng tên hoặc mã đơn vị, hoặc thêm đơn vị vào data/units.yaml",
			"no unit %q in data/units.yaml%s; write the unit's name or id as data/units.yaml has it, or add the unit there"},
		"import-ambiguous-unit": {
			"%q có thể là nhiều đơn vị: %s; ghi tên đầy đủ hoặc mã đơn vị",
			"%q may be several units: %s; write the full name or the unit's id"},
		"import-unknown-id": {
			"không có đơn vị mã %q%s; ghi mã như trong data/units.yaml",
			"there is no unit with the id %q%s; write an id as data/units.yaml has it"},
		"import-no-unit": {
			"dòng %d có số liệu nhưng không có đơn vị; ghi tên đơn vị vào ô này hoặc xóa dòng",
			"row %d has figures but no unit; write the unit's name in this cell, or delete the row"},
		"import-duplicate": {
			"đơn vị %q có hai dòng, dòng kia ở %s; giữ một dòng",
			"unit %q has two rows, the other at %s; keep one"},
		"import-bad-number": {
			"%q không phải là số; ghi số điểm như 98,5",
			"%q is not a number; write a score like 98.5"},
		"import-bad-rank": {
			"%q không phải thứ hạng; ghi 1 cho đơn vị đứng đầu, rồi 2, 3…",
			"%q is not a rank; write 1 for the first unit, then 2, 3…"},
		"import-bad-count": {
			"%q không phải số lượng; ghi số đơn vị được khen, từ 1 trở lên",
			"%q is not a count; write how many units received it, 1 or more"},
		"import-bad-rating": {
			"%q không phải xếp loại; ghi một trong: %s",
			"%q is not a rating; write one of: %s"},
		"import-bad-role": {
			"%q không phải vai trò; ghi Khối trưởng, Khối phó hoặc Thành viên",
			"%q is not a role; write Khối trưởng, Khối phó or Thành viên"},
		"import-bad-status": {
			"%q không phải tình trạng; ghi Đã tặng hoặc Đề nghị",
			"%q is not a status; write Đã tặng (conferred) or Đề nghị (proposed)"},
		"import-unknown-award": {
			"không có hình thức khen thưởng %q%s; ghi tên hoặc mã như trong danh mục khen thưởng (data/awards.yaml)",
			"no award kind %q%s; write its name or id as the catalogue of awards has it (data/awards.yaml)"},
		"import-no-award": {
			"dòng %d không có hình thức khen thưởng; thêm cột \"Hình thức khen thưởng\" hoặc dùng --award MÃ",
			"row %d has no award kind; add a column \"Hình thức khen thưởng\" or give --award ID"},
		"import-unit-and-count": {
			"số lượng %d cho một đơn vị có tên; một dòng khen một đơn vị thì để trống số lượng hoặc ghi 1",
			"count %d for a named unit; a row for one named unit has count 1 or none"},
		"import-not-member": {
			"%s không là thành viên của khối năm %d; nhập danh sách thành viên trước (thidua import --what members)",
			"%s is not a member of the bloc in %d; import the members first (thidua import --what members)"},
		"import-two-leaders": {
			"%s cũng được ghi là Khối trưởng, như %s ở %s; một khối có một Khối trưởng",
			"%s is marked Khối trưởng too, as %s is at %s; a bloc has one leader"},
		"import-no-leader": {
			"tệp năm mới cần Khối trưởng: thêm cột \"Vai trò\" ghi \"Khối trưởng\" cho một đơn vị, hoặc ghi next_leader trong tệp năm trước",
			"a new year file needs a leader: add a column \"Vai trò\" with \"Khối trưởng\" for one unit, or give next_leader in the year before"},
		"import-leader-absent": {
			"Khối trưởng %s (next_leader của năm %d) không có trong bảng; thêm đơn vị này hoặc cột \"Vai trò\"",
			"the leader %s (next_leader of %d) is not in the sheet; add it, or a column \"Vai trò\""},
		"import-no-rows": {
			"bảng không có dòng nào dưới dòng tiêu đề %d",
			"the table has no rows below its header row %d"},
		"import-no-year-file": {
			"chưa có tệp %s; nhập danh sách thành viên trước (--what members) hoặc chạy thidua new year",
			"there is no %s yet; import the members first (--what members) or run thidua new year"},
		"import-year-errors": {
			"tệp năm có lỗi; sửa trước khi nhập (thidua check)",
			"the year file has errors; fix them before importing (thidua check)"},
		"import-unknown-bloc": {
			"không có khối %q%s; các khối là: %s",
			"there is no bloc %q%s; the blocs are: %s"},
		"import-kept": {
			"%s có trong tệp năm nhưng không có trong bảng; giữ nguyên",
			"%s is in the year file but not in the sheet; kept as it is"},
		"import-result": {
			"sau khi nhập, tệp năm sẽ có lỗi: %s",
			"after the import the year file would have an error: %s"},
		"import-did-you-mean": {
			" (có phải %s?)",
			" (did you mean %s?)"},
		"import-summary": {
			"%s: %d dòng đọc từ %s, %d đơn vị thay đổi",
			"%s: %d rows read from %s, %d entries changed"},
		"import-unchanged": {
			"%s: không có gì thay đổi",
			"%s: nothing changed"},
		"import-new-file": {
			"# %s, năm %d: nhập từ %s bằng thidua import",
			"# %s, %d: imported from %s by thidua import"},
	}
}
