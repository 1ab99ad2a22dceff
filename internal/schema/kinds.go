package schema

import (
	"github.com/thidua/thidua/internal/load"
	"github.com/thidua/thidua/internal/model"
)

func siteSchema() node {
	return object("Cài đặt chung của trang.", "The site's settings.", []string{"title", "baseURL"}, map[string]node{
		"title": text("Tên trang, hiện trên đầu mọi trang và trong tab trình duyệt.", "The site's title, atop every page and in the browser tab."),
		"baseURL": {
			"type":    "string",
			"pattern": urlPattern,
			"description": desc("Địa chỉ gốc nơi trang được đăng, có thể có đường dẫn con: https://portal.example.gov.vn/thidua/",
				"The address the site is published at; it may carry a path: https://portal.example.gov.vn/thidua/"),
		},
		"language":    oneOf([]string{"vi", "en"}, "Ngôn ngữ của chữ giao diện: vi (mặc định) hoặc en.", "The language of the interface strings: vi (default) or en.").with("default", "vi").with(enumKey, "schema-bad-language"),
		"description": text("Mô tả ngắn cho công cụ tìm kiếm và phần mở đầu trang chủ.", "A short description for search engines and the home page's lead."),
		"province":    text("Tên tỉnh.", "The province's name."),
		"paginate":    integer(1, "Số tin mỗi trang danh sách tin tức (mặc định 20).", "Articles per news list page (default 20).").with("default", 20),
		"data_license": oneOf(licenseIDs(), "Giấy phép của dữ liệu mở trên trang /du-lieu/ (mặc định CC-BY-4.0).",
			"The licence of the open data at /du-lieu/ (default CC-BY-4.0).").with("default", model.DefaultDataLicense).with(enumKey, "schema-bad-license"),
		"precompress": boolean("true ghi thêm bản nén .gz và .br bên mỗi tệp chữ (HTML, CSS, JavaScript, JSON, XML, CSV, SVG) từ 1 KB, cho máy chủ web gửi thẳng bản nén (gzip_static, brotli_static); mặc định false.",
			"true also writes a compressed .gz and .br twin beside each text file (HTML, CSS, JavaScript, JSON, XML, CSV, SVG) of 1 KB or more, for web servers that send them as they are (gzip_static, brotli_static); default false.").with("default", false),
		"article_pictures": boolean("true: vẽ ảnh chia sẻ (cho Facebook, Zalo) cho mỗi tin không có ảnh PNG, JPEG hoặc WebP riêng; false (mặc định): tin ấy dùng ảnh của khối, năm hay đơn vị nó nói tới.",
			"true: draw a share picture (for Facebook, Zalo) for each article without a PNG, JPEG or WebP image of its own; false (default): such an article shares the picture of the bloc, year or unit it is about.").with("default", false),
		"markdown": object("Cách đọc Markdown.", "How Markdown is read.", nil, map[string]node{
			"unsafe": boolean("true cho phép mã HTML thô trong Markdown đi thẳng ra trang; để false trừ khi thật cần.",
				"true lets raw HTML in Markdown through to the page; keep false unless it is needed.").with("default", false),
		}),
	})
}

// licenseIDs are the identifiers data_license may be.
func licenseIDs() []string {
	var ids []string
	for _, l := range model.DataLicenses() {
		ids = append(ids, l.ID)
	}
	return ids
}

func unitsSchema() node {
	unit := object("Một đơn vị (sở, ban, ngành, đoàn thể, hội, địa phương) từng thuộc một khối thi đua.",
		"An organisation that belonged to a bloc in some year.", []string{"id", "name"}, map[string]node{
			"id":      ident("Mã duy nhất của đơn vị, là địa chỉ /don-vi/{id}/; không bao giờ đổi.", "The unit's unique identifier, its address /don-vi/{id}/; never change it."),
			"name":    text("Tên hiện tại (hoặc tên cuối cùng, nếu đã giải thể).", "The current name (or the last one, once dissolved)."),
			"short":   text("Tên gọn dùng trong biểu đồ và bảng hẹp, như Hội NCT.", "A short name for charts and narrow tables."),
			"kind":    text("Loại đơn vị, ghi tự do: sở, hội, đoàn thể, địa phương…", "A free label for the kind of unit."),
			"website": text("Trang web của đơn vị.", "The unit's website."),
			"formerly": list(object("Một tên cũ.", "An earlier name.", []string{"name", "until"}, map[string]node{
				"name":  text("Tên cũ.", "The earlier name."),
				"short": text("Tên gọn thời dùng tên cũ, cho biểu đồ và bảng hẹp.", "The short name of the time, for charts and narrow tables."),
				"until": year("Năm cuối cùng dùng tên này.", "The last year of this name."),
			}), "Các tên cũ, mới nhất trước.", "Earlier names, newest first."),
			"established": year("Năm đơn vị được thành lập (năm đầu tiên tồn tại).", "The year the unit was established, its first."),
			"predecessors": list(ref(refUnit, "Mã một đơn vị đã hợp nhất vào đơn vị này.", "A unit merged into this one."),
				"Các đơn vị đã hợp nhất vào đơn vị này (thidua cũng tự suy ra từ merged_into, split_into).", "Units merged into this one (also read from merged_into and split_into)."),
			"merged_into": object("Đơn vị hợp nhất vào một đơn vị khác.", "The unit was merged into another.", []string{"unit", "year"}, map[string]node{
				"unit": ref(refUnit, "Mã đơn vị kế thừa.", "The successor."),
				"year": year("Năm hợp nhất: từ năm này đơn vị kế thừa thay thế trong khối.", "The year of the merger: the successor stands in its place from this year."),
			}),
			"split_into": object("Đơn vị chia tách thành nhiều đơn vị.", "The unit was split into several.", []string{"units", "year"}, map[string]node{
				"units": list(ref(refUnit, "Mã một đơn vị kế thừa.", "A successor."), "Các đơn vị kế thừa, từ hai trở lên.", "The successors, two or more.").with("minItems", 2).with("uniqueItems", true),
				"year":  year("Năm chia tách: từ năm này các đơn vị kế thừa thay thế.", "The year of the split: the successors stand in its place from this year."),
			}),
			"dissolved": year("Năm cuối cùng đơn vị tồn tại, khi giải thể không có đơn vị kế thừa.", "The last year of a unit dissolved with no successor."),
		})
	unit["not"] = node{"anyOf": []node{
		{"required": []string{"merged_into", "split_into"}},
		{"required": []string{"merged_into", "dissolved"}},
		{"required": []string{"split_into", "dissolved"}},
	}}
	return nullable(list(unit, "Mọi đơn vị từng thuộc một khối thi đua, mỗi đơn vị bắt đầu bằng \"- id:\".",
		"Every unit that ever belonged to a bloc, each starting with \"- id:\"."))
}

func awardsSchema() node {
	var builtin []any
	for _, k := range load.BuiltinAwards() {
		builtin = append(builtin, k.ID)
	}
	kind := object("Một hình thức khen thưởng: thêm hình thức mới, hoặc sửa tên, tên gọn, thứ bậc của hình thức có sẵn.",
		"An award kind: a new one, or a change to the name, short name or rank of a built-in one.", []string{"id"}, map[string]node{
			"id":    ident("Mã hình thức, là địa chỉ /khen-thuong/{id}/.", "The award kind's identifier, its address /khen-thuong/{id}/."),
			"name":  text("Tên đầy đủ; bắt buộc với hình thức mới.", "The full name; required for a new kind."),
			"short": text("Tên gọn cho biểu đồ.", "A short name for charts."),
			"rank":  integer(1, "Thứ bậc, 1 là cao nhất; bắt buộc với hình thức mới.", "Precedence, 1 is the highest; required for a new kind."),
			"class": oneOf([]string{string(model.ClassTitle), string(model.ClassForm)},
				"danh-hieu: danh hiệu thi đua (được công nhận); hinh-thuc: hình thức khen thưởng (được tặng; mặc định cho hình thức mới).",
				"danh-hieu: an emulation title (recognised); hinh-thuc: a form of commendation (given; the default for a new kind).").with(enumKey, "schema-bad-class"),
		})
	// A kind that is not built in needs a name and a rank.
	kind["if"] = node{"required": []string{"id"}, "properties": node{"id": node{"not": node{"enum": builtin}}}}
	kind["then"] = node{"required": []string{"name", "rank"}}
	return nullable(list(kind, "Hình thức khen thưởng bổ sung cho danh mục có sẵn.", "Award kinds beyond, or overriding, the built-in catalogue."))
}

func blocSchema() node {
	return object("Một khối thi đua; tên thư mục là mã của khối.", "An emulation bloc; the folder's name is its identifier.", []string{"name"}, map[string]node{
		"name":        text("Tên đầy đủ của khối.", "The bloc's full name."),
		"short":       text("Tên gọn.", "A short name."),
		"description": text("Giới thiệu khối, viết Markdown.", "About the bloc, in Markdown."),
		"order": {"type": "integer", "description": desc("Thứ tự trong danh sách khối (nhỏ trước; cùng số thì theo tên).",
			"The place in lists of blocs (smaller first, then by name).")},
	})
}

func yearSchema() node {
	unit := func(vi, en string) node { return ref(refUnit, vi, en) }
	result := object("Một thành viên với kết quả của năm.", "A member with its results.", []string{"unit"}, map[string]node{
		"unit":   unit("Mã đơn vị.", "The unit."),
		"rank":   integer(1, "Xếp hạng trong khối, 1 là cao nhất.", "Rank in the bloc, 1 is the best."),
		"score":  number("Điểm thi đua, như 98.5.", "The score, like 98.5."),
		"rating": rating(),
	})
	member := node{
		"oneOf": []node{unit("Mã đơn vị, khi chưa có kết quả.", "A unit, when there are no results yet."), result},
		"description": desc("Một mã đơn vị, hoặc một bản ghi {unit, rank, score, rating}.",
			"A unit id, or a record {unit, rank, score, rating}."),
	}
	event := func(vi, en string) node {
		return object(vi, en, []string{"date"}, map[string]node{
			"date":  date("Ngày họp: 2025-01-08.", "The day of the meeting: 2025-01-08."),
			"goals": list(text("Một nội dung.", "A goal."), "Các nội dung thi đua chính.", "The main goals."),
		})
	}
	award := object("Một đề nghị hoặc một khen thưởng cho thành tích năm này; ghi đúng một trong unit, recipient và count.",
		"A proposal or an award for this year's results; give exactly one of unit, recipient and count.", []string{"award"}, map[string]node{
			"award":     ref(refAward, "Mã hình thức khen thưởng.", "The award kind."),
			"unit":      unit("Đơn vị được đề nghị/khen: thành viên của khối, hoặc đơn vị ngoài khối có trong data/units.yaml.", "The unit: a member, or a unit of data/units.yaml outside the bloc."),
			"recipient": text("Tên tập thể được đề nghị/khen không có trong data/units.yaml.", "The name of a recipient not in data/units.yaml."),
			"count":     integer(1, "Số tập thể, khi không công bố tên.", "How many units, when they were not named."),
			"status": oneOf(stages(),
				"Bước đã đến của quá trình khen thưởng: proposed (khối đề nghị), submitted (đã trình cấp trên), consultation (đang lấy ý kiến nhân dân), conferred (đã có quyết định tặng, công nhận; mặc định), not_conferred (không được tặng, công nhận).",
				"The stage reached: proposed, submitted, consultation, conferred (the default) or not_conferred.").with("default", string(model.Conferred)).with(enumKey, "schema-bad-status"),
			"history": object("Ngày của từng bước đã qua, khi biết: proposed: 2025-01-08.", "The date of each stage passed, where known.", nil, historyFields()),
			"decision": text("Mã quyết định trong data/decisions.yaml, như qd-45-ubnd-2025 (cách cũ: số, ngày quyết định ghi tự do, có cảnh báo).",
				"The id of a decision of data/decisions.yaml (the old free text still works, with a warning)."),
		})
	award["oneOf"] = []node{{"required": []string{"unit"}}, {"required": []string{"recipient"}}, {"required": []string{"count"}}}
	return object("Khối thi đua trong một năm thi đua; tên tệp là năm, như 2024.yaml.",
		"A bloc in one emulation year; the file is named after the year, like 2024.yaml.", []string{"members", "leader"}, map[string]node{
			"members": list(member, "Các đơn vị thành viên năm đó.", "The units in the bloc this year.").with("minItems", 1),
			"leader":  unit("Khối trưởng; phải là thành viên.", "The leader (khối trưởng), a member."),
			"deputies": list(unit("Một Khối phó.", "A deputy."),
				"Khối phó; là thành viên, không trùng nhau, không trùng Khối trưởng.", "The deputies (khối phó), members other than the leader.").with("uniqueItems", true),
			"next_leader": unit("Khối trưởng năm sau, bầu tại hội nghị tổng kết.", "Next year's leader, chosen at the review."),
			"covenant":    event("Hội nghị ký kết giao ước thi đua.", "The signing of the emulation covenant."),
			"review":      event("Hội nghị tổng kết.", "The year's review meeting."),
			"awards":      list(award, "Đề nghị và quyết định khen thưởng cho thành tích năm này.", "Proposals and awards for this year's results."),
			"flag": object("Cờ luân lưu của khối năm này.", "The bloc's rotating flag this year.", []string{"holder"}, map[string]node{
				"holder": unit("Đơn vị giữ cờ năm này; là thành viên.", "The unit that holds it this year, a member."),
				"from":   unit("Đơn vị trao cờ (giữ cờ năm trước).", "The unit that handed it over, its holder the year before."),
				"date":   date("Ngày trao cờ: 2022-01-12.", "The day it was handed over: 2022-01-12."),
			}),
			"models": list(object("Một mô hình, cách làm hay.", "A good practice.", []string{"unit", "name"}, map[string]node{
				"unit":    unit("Đơn vị xây dựng mô hình; là thành viên năm đó.", "The unit, a member that year."),
				"name":    text("Tên mô hình.", "The practice's name."),
				"summary": text("Một câu về kết quả.", "One sentence on what it achieved."),
			}), "Mô hình, cách làm hay.", "Good practices."),
			"figures": list(object("Một số liệu.", "A figure.", []string{"label", "value"}, map[string]node{
				"label": text("Số liệu gì.", "What is counted."),
				"value": number("Giá trị, viết đầy đủ không dấu phân cách: 25300000000.", "The value, written out: 25300000000."),
				"unit":  text("Đơn vị đo: đồng, người, hộ…", "The unit of measure."),
			}), "Số liệu nổi bật của năm.", "Headline numbers of the year."),
		})
}

func rating() node {
	values := make([]string, 0, 4)
	for _, r := range []model.Rating{model.RatingExcellent, model.RatingGood, model.RatingCompleted, model.RatingNotCompleted} {
		values = append(values, string(r))
	}
	return oneOf(values, "Xếp loại: xuat-sac (hoàn thành xuất sắc), tot, hoan-thanh, khong-hoan-thanh nhiệm vụ.",
		"The rating: excellent, good, completed, not completed.").with(enumKey, "schema-bad-rating")
}

func articleSchema() node {
	return object("Phần đầu (front matter) của một tin bài, giữa hai dòng ---.", "The front matter of a news article, between two lines ---.",
		[]string{"title", "date"}, map[string]node{
			"title":   text("Tiêu đề.", "The title."),
			"date":    date("Ngày (giờ) đăng: 2025-01-08 hoặc 2025-01-08T08:40:00+07:00; giờ Việt Nam khi không ghi múi giờ.", "The publication date; Vietnam's time when no zone is given."),
			"slug":    ident("Địa chỉ /tin-tuc/{slug}/; mặc định là tên tệp.", "The address /tin-tuc/{slug}/; defaults to the file name."),
			"summary": text("Tóm tắt; mặc định là đoạn đầu của thân bài.", "A summary; defaults to the first paragraph."),
			"blocs":   list(ref(refBloc, "Mã một khối.", "A bloc."), "Các khối bài viết nói tới.", "The blocs it reports on."),
			"year":    year("Năm thi đua bài viết nói tới.", "The emulation year it reports on."),
			"units":   list(ref(refUnit, "Mã một đơn vị.", "A unit."), "Các đơn vị được nhắc.", "The units it mentions."),
			"author":  text("Tác giả.", "The author."),
			"image":   text("Ảnh đại diện, một tệp trong static/: /images/ten-anh.jpg.", "A picture, a file under static/: /images/name.jpg."),
			"draft":   boolean("true: bản nháp, không đăng trừ khi chạy với -D.", "true: a draft, left out unless built with -D.").with("default", false),
		})
}

func pageSchema() node {
	return object("Phần đầu (front matter) của một trang tĩnh.", "The front matter of a standalone page.", []string{"title"}, map[string]node{
		"title":   text("Tiêu đề.", "The title."),
		"slug":    ident("Địa chỉ /{slug}/; mặc định là tên tệp.", "The address /{slug}/; defaults to the file name."),
		"summary": text("Mô tả ngắn; mặc định là đoạn đầu.", "A short description; defaults to the first paragraph."),
	})
}

// stages are the statuses of an award's course.
func stages() []string {
	out := make([]string, len(model.Stages))
	for i, st := range model.Stages {
		out[i] = string(st)
	}
	return out
}

func historyFields() map[string]node {
	out := map[string]node{}
	for _, st := range stages() {
		out[st] = date("Ngày của bước "+st+".", "The date of stage "+st+".")
	}
	return out
}

func decisionsSchema() node {
	levels := make([]string, len(model.Levels))
	for i, l := range model.Levels {
		levels[i] = string(l)
	}
	d := object("Một quyết định khen thưởng.", "A decision on awards.", []string{"id", "number", "date", "issuer"}, map[string]node{
		"id":     ident("Mã quyết định, là địa chỉ /quyet-dinh/{id}/; các khen thưởng ghi decision: {id}.", "The decision's identifier, its address /quyet-dinh/{id}/; awards name it by decision: {id}."),
		"number": text("Số, ký hiệu: 45/QĐ-UBND.", "The number: 45/QĐ-UBND."),
		"date":   date("Ngày ký: 2025-01-20.", "The date it was signed."),
		"issuer": object("Cơ quan ban hành.", "The issuing body.", []string{"body", "level"}, map[string]node{
			"body":  text("Tên cơ quan: Ủy ban nhân dân tỉnh Bình Thuận.", "The body's name."),
			"level": oneOf(levels, "Cấp: trung-uong, tinh, huyen, xa.", "The level: central, province, district, commune.").with(enumKey, "schema-bad-level"),
		}),
		"signer": text("Người ký: Phó Chủ tịch Ủy ban nhân dân tỉnh Nguyễn Văn A.", "Who signed it."),
		"title":  text("Trích yếu: Về việc tặng Cờ thi đua…", "What it is about."),
		"file":   text("Bản PDF, một tệp trong static/: /van-ban/qd-45-ubnd-2025.pdf.", "The PDF, a file under static/."),
	})
	return nullable(list(d, "Các quyết định khen thưởng, mỗi quyết định bắt đầu bằng \"- id:\".", "The decisions, each starting with \"- id:\"."))
}

func consultationSchema() node {
	candidate := object("Một tập thể (unit, hoặc name khi ngoài các khối) hoặc một cá nhân (person, position, unit hoặc unit_name); không ghi ngày sinh hay thông tin cá nhân khác.",
		"A collective (unit, or name) or an individual (person, position, unit or unit_name); no birth date or other personal data.", nil, map[string]node{
			"unit":      ident("Mã đơn vị của trang.", "A unit of the site."),
			"name":      text("Tên tập thể không thuộc khối nào.", "A collective outside the blocs."),
			"person":    text("Họ tên cá nhân.", "An individual's name."),
			"position":  text("Chức vụ của cá nhân.", "The individual's position."),
			"unit_name": text("Tên đơn vị của cá nhân, khi không phải đơn vị của trang.", "The individual's unit, when not a unit of the site."),
		})
	return object("Thông báo lấy ý kiến nhân dân về danh sách đề nghị khen thưởng; tên tệp là mã, là địa chỉ /lay-y-kien/{mã}/.",
		"A public consultation on the candidates for an honour; the file name is its id, its address /lay-y-kien/{id}/.",
		[]string{"title", "award", "from", "to", "contact", "basis", "candidates"}, map[string]node{
			"title":      text("Tiêu đề thông báo.", "The notice's title."),
			"award":      ident("Mã hình thức khen thưởng.", "The award kind."),
			"year":       year("Năm thi đua của thành tích.", "The emulation year of the results."),
			"published":  date("Ngày đăng thông báo.", "The notice's date."),
			"from":       date("Ngày bắt đầu nhận ý kiến.", "The first day of the comment window."),
			"to":         date("Ngày cuối nhận ý kiến; ít nhất 10 ngày làm việc sau from.", "The last day of the window; at least 10 working days."),
			"contact":    text("Nơi gửi ý kiến: cơ quan, địa chỉ, thư điện tử, điện thoại.", "Where to send comments."),
			"basis":      text("Căn cứ pháp lý: Điều 46 Nghị định 98/2023/NĐ-CP.", "The legal basis."),
			"candidates": list(candidate, "Danh sách lấy ý kiến.", "The candidates.").with("minItems", 1),
		})
}
