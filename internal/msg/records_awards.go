package msg

// recordsAwards holds the messages about decisions, the course of an award
// and public consultations (issue 15).
func recordsAwards() map[string]Text {
	return map[string]Text{
		"decision-file-not-pdf": {
			"tệp %q không phải tệp PDF; hãy đưa bản quyết định dạng PDF vào static/ và ghi đường dẫn của nó, ví dụ /van-ban/qd-45-2025.pdf",
			"file %q is not a PDF; put the decision as a PDF under static/ and give its path, like /van-ban/qd-45-2025.pdf"},
		"decision-file-missing": {
			"không có tệp %q trong thư mục static/; hãy chép bản quyết định vào đó hoặc sửa lại đường dẫn",
			"there is no file %q under static/; copy the decision there or correct the path"},
		"what-decisions": {`các quyết định, mỗi quyết định bắt đầu bằng "- id:"`, `decisions, each starting with "- id:"`},
		"what-decision":  {"một quyết định", "a decision"},
		"what-notice":    {"một thông báo lấy ý kiến", "a consultation notice"},
		"what-candidate": {"một tập thể, cá nhân được lấy ý kiến", "a candidate"},
		"duplicate-decision": {
			"mã quyết định %q bị trùng, đã có ở %s; mỗi quyết định một mã riêng",
			"duplicate decision id %q, also at %s; give each decision its own id"},
		"bad-notice-name": {
			"tên tệp %q không dùng được làm mã; đặt tên tệp thông báo bằng chữ thường không dấu a-z, chữ số và dấu gạch ngang, như \"co-thi-dua-chinh-phu-2024.yaml\"",
			"file name %q is not a valid identifier; name the notice with lower-case letters a-z, digits and single hyphens, like \"co-thi-dua-chinh-phu-2024.yaml\""},
		"empty-notice": {
			"tệp trống; ghi ít nhất title, award, from, to, contact, basis và candidates",
			"the file is empty; give at least title, award, from, to, contact, basis and candidates"},
		"ignored-in-consultations": {
			"tệp bị bỏ qua; mỗi thông báo lấy ý kiến là một tệp .yaml đặt thẳng trong data/consultations/, như co-thi-dua-chinh-phu-2024.yaml",
			"the file is ignored; a consultation notice is a .yaml file directly in data/consultations/, like co-thi-dua-chinh-phu-2024.yaml"},
		"unknown-decision": {
			"không có quyết định %q trong data/decisions.yaml; hãy thêm quyết định đó hoặc sửa lại mã",
			"unknown decision %q; add it to data/decisions.yaml or fix the id"},
		"award-decision-text": {
			"quyết định được ghi dạng văn bản tự do; nên ghi quyết định thành một mục trong data/decisions.yaml: %s",
			"the decision is free text; record it in data/decisions.yaml instead: %s"},
		"award-decision-undecided": {
			"đã ghi quyết định nhưng trạng thái là %q; khi đã có quyết định, hãy ghi status: conferred (đã tặng, đã công nhận) hoặc not_conferred (không được tặng, không được công nhận)",
			"a decision is given but status is %q; once decided, write status: conferred or not_conferred"},
		"award-history-after-status": {
			"mốc %q nằm sau trạng thái hiện tại %q của quá trình khen thưởng; hãy sửa status cho đúng bước đã đến, hoặc bỏ mốc này",
			"stage %q comes after the award's status %q; correct status to the stage reached, or remove this stage"},
		"award-history-order": {
			"ngày của mốc %q sớm hơn ngày của mốc %q trước đó; hãy kiểm tra lại các ngày",
			"the date of stage %q is before that of the earlier stage %q; check the dates"},
		"notice-window-reversed": {
			"ngày kết thúc lấy ý kiến %s sớm hơn ngày bắt đầu %s; hãy sửa lại from và to",
			"the comment window ends on %s, before it starts on %s; correct from and to"},
		"notice-window-short": {
			"thời gian lấy ý kiến chỉ có %d ngày làm việc, ít hơn %d ngày làm việc theo quy định (Nghị định 98/2023/NĐ-CP, Điều 46); hãy lùi ngày kết thúc",
			"the comment window holds %d working days, fewer than the %d the rules require (Decree 98/2023/ND-CP, article 46); move the end date later"},
		"notice-holidays-unknown": {
			"bảng ngày nghỉ lễ của thidua chỉ có các năm %d–%d, nên chưa đếm được số ngày làm việc của thời gian lấy ý kiến; hãy tự kiểm tra đủ %d ngày làm việc",
			"thidua's table of public holidays covers %d–%d only, so the working days of the comment window cannot be counted; check yourself that it holds %d"},
		"notice-personal-data": {
			"trường %q là thông tin cá nhân, không được công bố khi lấy ý kiến (Nghị định 47/2020/NĐ-CP); với cá nhân chỉ ghi person (họ tên), position (chức vụ) và unit hoặc unit_name (đơn vị)",
			"field %q is personal data, which a consultation must not publish (Decree 47/2020/ND-CP); of a person give only person (the name), position and unit or unit_name"},
		"candidate-empty": {
			"chưa ghi ai được lấy ý kiến; hãy ghi unit (mã đơn vị), name (tên tập thể ngoài khối) hoặc person (họ tên cá nhân)",
			"the candidate names no one; give unit (a unit id), name (a collective outside the blocs) or person (an individual's name)"},
		"candidate-unit-and-name": {
			"ghi cả unit và name; tập thể là đơn vị của trang thì ghi unit, tập thể khác thì ghi name",
			"both unit and name are given; give unit for a unit of the site, name for another collective"},
		"candidate-person-and-name": {
			"ghi cả person và name; với cá nhân, họ tên ghi ở person",
			"both person and name are given; an individual's name goes in person"},
		"candidate-person-incomplete": {
			"cá nhân %q cần có position (chức vụ) và unit (mã đơn vị) hoặc unit_name (tên đơn vị)",
			"person %q needs position and unit (a unit id) or unit_name (the unit's name)"},
		"candidate-collective-position": {
			"position và unit_name chỉ dùng cho cá nhân (person); hãy bỏ chúng khỏi tập thể này",
			"position and unit_name are for a person only; remove them from this collective"},
	}
}
