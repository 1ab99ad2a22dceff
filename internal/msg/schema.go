package msg

// schema holds the messages the JSON Schemas of `thidua schema` carry,
// which an editor shows under a mistake, and what `thidua schema --write`
// prints.
func schema() map[string]Text {
	return map[string]Text{
		"schema-bad-id": {
			"mã chỉ gồm chữ thường không dấu a-z, chữ số và dấu gạch nối giữa các từ, như khoi-8 hay hoi-nguoi-cao-tuoi",
			"an identifier is lower-case letters a-z without accents, digits and single hyphens between words, like khoi-8 or hoi-nguoi-cao-tuoi",
		},
		"schema-bad-date": {
			"ngày viết theo thứ tự năm-tháng-ngày, như 2025-03-25 (có thể thêm giờ: 2025-03-25 08:00)",
			"a date is written year-month-day, like 2025-03-25 (a time may follow: 2025-03-25 08:00)",
		},
		"schema-bad-url": {
			"địa chỉ đầy đủ bắt đầu bằng https:// (hoặc http://), không có dấu ? hay #, như https://portal.example.gov.vn/thidua/",
			"a whole address starting with https:// (or http://), with no ? or #, like https://portal.example.gov.vn/thidua/",
		},
		"schema-bad-rating": {
			"xếp loại là một trong: xuat-sac (hoàn thành xuất sắc), tot (hoàn thành tốt), hoan-thanh (hoàn thành), khong-hoan-thanh (không hoàn thành nhiệm vụ)",
			"the rating is one of: xuat-sac (excellent), tot (good), hoan-thanh (completed), khong-hoan-thanh (not completed)",
		},
		"schema-bad-status": {
			"bước là một trong: proposed (khối đề nghị), submitted (đã trình cấp trên), consultation (đang lấy ý kiến nhân dân), conferred (đã có quyết định tặng, công nhận), not_conferred (không được tặng, công nhận)",
			"the stage is one of: proposed, submitted, consultation, conferred, not_conferred",
		},
		"schema-bad-class": {
			"loại là danh-hieu (danh hiệu thi đua, được công nhận) hoặc hinh-thuc (hình thức khen thưởng, được tặng)",
			"the class is danh-hieu (an emulation title) or hinh-thuc (a form of commendation)",
		},
		"schema-bad-level": {
			"cấp là một trong: trung-uong (Trung ương), tinh (tỉnh), huyen (huyện), xa (xã)",
			"the level is one of: trung-uong (central), tinh (province), huyen (district), xa (commune)",
		},
		"schema-bad-language": {
			"ngôn ngữ là vi (tiếng Việt) hoặc en (tiếng Anh)",
			"the language is vi (Vietnamese) or en (English)",
		},
		"schema-bad-license": {
			"giấy phép là một trong các mã VS Code gợi ý (bấm Ctrl+Space), như CC-BY-4.0",
			"the licence is one of the identifiers VS Code offers (press Ctrl+Space), like CC-BY-4.0",
		},
		"schema-unknown-unit": {
			"không có đơn vị mã này trong data/units.yaml; chọn một mã VS Code gợi ý (bấm Ctrl+Space), hoặc thêm đơn vị vào data/units.yaml rồi chạy lại thidua schema --write",
			"data/units.yaml has no unit of this identifier; choose one VS Code offers (press Ctrl+Space), or add the unit to data/units.yaml and run thidua schema --write again",
		},
		"schema-unknown-bloc": {
			"không có khối mã này (thư mục data/blocs/{mã}/); chọn một mã VS Code gợi ý (bấm Ctrl+Space), hoặc thêm khối rồi chạy lại thidua schema --write",
			"there is no bloc of this identifier (folder data/blocs/{id}/); choose one VS Code offers (press Ctrl+Space), or add the bloc and run thidua schema --write again",
		},
		"schema-unknown-award": {
			"không có hình thức khen thưởng mã này; chọn một mã VS Code gợi ý (bấm Ctrl+Space), hoặc thêm hình thức vào data/awards.yaml rồi chạy lại thidua schema --write",
			"there is no award kind of this identifier; choose one VS Code offers (press Ctrl+Space), or add the kind to data/awards.yaml and run thidua schema --write again",
		},
		"schema-written": {
			"Đã ghi lược đồ với %d đơn vị, %d khối và %d hình thức khen thưởng của trang. Sau khi thêm hay đổi mã đơn vị, khối hoặc hình thức khen thưởng, chạy lại thidua schema --write để VS Code gợi ý và kiểm tra các mã mới.",
			"Wrote the schemas with the site's %d units, %d blocs and %d award kinds. After adding or changing a unit, bloc or award kind, run thidua schema --write again so that VS Code offers and checks the new identifiers.",
		},
	}
}
