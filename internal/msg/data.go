package msg

// data holds the messages about the site folder and its files: what
// loading reads and checks (site.yaml, data/, content/, static/).
func data() map[string]Text {
	return map[string]Text{
		// Reading the files.
		"yaml-broken": {
			"không đọc được nội dung tệp (%s); kiểm tra thụt đầu dòng và dấu ngoặc kép",
			"the YAML does not parse (%s); check the indentation and quotes"},
		"yaml-too-many-values": {
			"tệp có hơn %d dòng và mục danh sách, quá mức đọc được từ một tệp; hãy chia thành nhiều tệp, hoặc kiểm tra xem có đúng tệp không",
			"the file has more than %d lines and list items, more than loading reads from one file; split it, or check that it is the right file"},
		"yaml-too-deep": {
			"các giá trị ở đây lồng nhau quá %d cấp, trong khi quy định chỉ cần vài cấp; kiểm tra dấu ngoặc và thụt đầu dòng",
			"the values here are nested more than %d levels deep, when the format needs a few; check the brackets and the indentation"},
		"yaml-brackets-too-deep": {
			"các dấu ngoặc ở đây lồng nhau quá %d cấp, trong khi quy định chỉ cần vài cấp; kiểm tra mỗi dấu [ và { đều đã được đóng",
			"the brackets here are nested more than %d levels deep, when the format needs a few; check that each [ and { is closed"},
		"yaml": {
			"không đọc được tệp (%s); kiểm tra thụt đầu dòng và dấu ngoặc kép ở dòng này và dòng trước",
			"the YAML does not parse (%s); check the indentation and quotes on this line and the one before"},
		"yaml-aliases": {
			"tệp dùng tham chiếu (dấu & và *) đến mức sinh ra hơn %d giá trị; hãy viết thẳng các giá trị ra",
			"the file expands to more than %d values through aliases; write the values out instead"},
		"not-utf8": {
			"byte %s không phải là chữ theo bảng mã UTF-8; hãy lưu lại tệp theo bảng mã UTF-8",
			"the byte %s is not UTF-8 text; save the file as UTF-8"},
		"nul-byte": {
			"tệp chứa byte 0 (NUL), là thứ văn bản không có; hãy xóa nó, hoặc lưu lại tệp dạng văn bản UTF-8",
			"the file holds a NUL (zero) byte, which text does not; remove it, or save the file again as UTF-8 text"},
		"control-char": {
			"ký tự %s là ký tự điều khiển, không được phép có trong tệp; hãy xóa ký tự này",
			"the character %s is a control character that YAML does not allow; remove it"},
		"read": {
			"không đọc được tệp (%s); kiểm tra quyền truy cập tệp",
			"the file cannot be read (%s); check its permissions"},
		"read-folder": {
			"không đọc được thư mục (%s); kiểm tra quyền truy cập thư mục",
			"the folder cannot be read (%s); check its permissions"},
		"read-too-large": {
			"tệp có %d byte, vượt giới hạn %s cho một tệp; hãy chia nhỏ tệp, hoặc kiểm tra xem có đúng tệp không",
			"the file has %d bytes, over the limit of %s for one file; split it, or check that it is the right file"},
		"size-bytes": {"%d byte", "%d bytes"},

		// What a value is, and what it should be.
		"value-map":   {"một nhóm mục", "a map"},
		"value-list":  {"một danh sách", "a list"},
		"value-empty": {"để trống", "empty"},
		"want-text":   {"chữ", "text"},
		"want-id":     {"một mã", "an identifier"},
		"want-date":   {"một ngày", "a date"},
		"want-one-of": {"một trong các giá trị %s", "one of %s"},

		// What holds the fields.
		"what-front-matter": {"phần đầu bài (giữa hai dòng ---)", "the front matter"},
		"what-file":         {"tệp %s", "%s"},
		"what-field":        {"mục %q", "field %q"},
		"what-units":        {`các đơn vị, mỗi đơn vị bắt đầu bằng "- id:"`, `units, each starting with "- id:"`},
		"what-unit":         {"một đơn vị", "a unit"},
		"what-earlier-name": {"một tên cũ", "an earlier name"},
		"what-award-kinds": {
			`các danh hiệu thi đua và hình thức khen thưởng, mỗi mục bắt đầu bằng "- id:"`,
			`award kinds, each starting with "- id:"`},
		"what-award-kind": {"một danh hiệu thi đua hoặc hình thức khen thưởng", "an award kind"},
		"what-bloc-year":  {"tệp năm của khối", "a bloc's year"},
		"what-award":      {"một mục khen thưởng", "an award"},
		"what-model":      {"một mô hình, điển hình", "a model"},
		"what-figure":     {"một số liệu", "a figure"},
		"what-member":     {"một thành viên", "a member"},
		"who-leader":      {"khối trưởng", "leader"},
		"who-deputy":      {"khối phó", "deputy"},
		"who-award-unit":  {"đơn vị được khen thưởng", "award unit"},
		"who-model-unit":  {"đơn vị của mô hình", "model unit"},
		"this-year":       {"năm này", "this year"},
		"year-n":          {"năm %d", "%d"},

		// Fields and values.
		"not-a-map": {
			"%s phải là một nhóm mục (mỗi dòng một mục, dạng tên: giá trị), không phải %s",
			"%s must be a map of fields, not %s"},
		"not-a-list-of": {
			"tệp %s phải là danh sách %s, không phải %s",
			"%s must be a list of %s, not %s"},
		"bad-field-name": {
			"tên mục phải là chữ, không phải %s",
			"a field name must be plain text, not %s"},
		"duplicate-key": {
			"mục %q được ghi hai lần, lần kia ở %s; chỉ giữ một",
			"field %q is given twice, also at %s; keep one"},
		"unknown-field": {
			"không có mục %q ở chỗ này",
			"unknown field %q"},
		"unknown-field-list": {
			"không có mục %q ở chỗ này; các mục dùng được là: %s",
			"unknown field %q; the fields here are %s"},
		"missing-field": {
			"thiếu mục bắt buộc %q",
			"missing required field %q"},
		"empty-field": {
			"mục bắt buộc %q đang để trống; hãy điền giá trị",
			"required field %q is empty; give it a value"},
		"not-a-list-like": {
			"mục %q phải là một danh sách, như [%s], không phải %s",
			"field %q must be a list, like [%s], not %s"},
		"not-a-list": {
			"mục %q phải là một danh sách, không phải %s",
			"field %q must be a list, not %s"},
		"not-a-value": {
			"mục %q phải là %s, không phải %s",
			"field %q must be %s, not %s"},
		"bad-id": {
			`%q ở mục %q không phải là mã hợp lệ; mã chỉ gồm chữ thường không dấu a-z, chữ số và dấu gạch nối, như "khoi-8"`,
			`%q in field %q is not a valid identifier; use lower-case letters a-z, digits and single hyphens, like "khoi-8"`},
		"not-a-whole-number": {
			"mục %q phải là số nguyên, không phải %s",
			"field %q must be a whole number, not %s"},
		"year-out-of-range": {
			"mục %q ghi %d; hãy ghi năm từ %d đến %d",
			"field %q is %d; give a year from %d to %d"},
		"not-a-number": {
			"mục %q phải là một số, như 98.5, không phải %s",
			"field %q must be a number, like 98.5, not %s"},
		"decimal-comma": {
			"mục %q ghi %s: trong tệp, số thập phân viết bằng dấu chấm, không viết bằng dấu phẩy",
			"field %q is %s: in the files a decimal number is written with a point, not a comma"},
		"not-true-false": {
			"mục %q phải là true (có) hoặc false (không), không phải %s",
			"field %q must be true or false, not %s"},
		"bad-value": {
			"mục %q ghi %q; hãy dùng một trong các giá trị: %s",
			"field %q is %q; use one of %s"},
		"value-synonym": {
			"mục %q ghi %q, được hiểu là %q; nên ghi đúng giá trị này như quy định",
			"field %q is %q, read as %q; write that value, as the format has it"},
		"date-not-exist": {
			"mục %q ghi %q, là ngày không có trên lịch; kiểm tra lại ngày và tháng",
			"field %q is %q, a date that does not exist; check the day and the month"},
		"bad-date": {
			"mục %q ghi %q, không phải là ngày; hãy ghi theo thứ tự năm-tháng-ngày, như 2025-01-08, hoặc 2025-01-08T09:00:00+07:00 nếu có giờ",
			"field %q is %q, which is not a date; write it as 2025-01-08, or 2025-01-08T09:00:00+07:00 with a time"},

		// site.yaml.
		"missing-file-site": {
			"thư mục trang không có tệp site.yaml; hãy tạo tệp này, ghi title và baseURL",
			"the site folder has no site.yaml; create one with title and baseURL"},
		"empty-site-yaml": {
			"tệp site.yaml đang trống; ít nhất phải có title và baseURL",
			"site.yaml is empty; give at least title and baseURL"},
		"base-url-not-absolute": {
			`mục "baseURL" ghi %s; hãy ghi địa chỉ đầy đủ, bắt đầu bằng https:// hoặc http://, như https://thidua.example.gov.vn/`,
			`field "baseURL" is %s; give an absolute http or https address, like https://thidua.example.gov.vn/`},
		"base-url-extra-parts": {
			`mục "baseURL" ghi %s; hãy ghi địa chỉ không có phần sau dấu ?, dấu # hay tên người dùng`,
			`field "baseURL" is %s; give the address without a query, fragment or user name`},
		"flag-base-url-not-absolute": {
			"địa chỉ trang ghi ở dòng lệnh (-b) là %s; hãy ghi địa chỉ đầy đủ, bắt đầu bằng https:// hoặc http://, như https://thidua.example.gov.vn/",
			"the base URL given on the command line is %s; give an absolute http or https address, like https://thidua.example.gov.vn/"},
		"flag-base-url-extra-parts": {
			"địa chỉ trang ghi ở dòng lệnh (-b) là %s; hãy ghi địa chỉ không có phần sau dấu ?, dấu # hay tên người dùng",
			"the base URL given on the command line is %s; give the address without a query, fragment or user name"},
		"bad-paginate": {
			`mục "paginate" ghi %d; hãy ghi số bài trên một trang tin, từ 1 trở lên`,
			`field "paginate" is %d; give how many articles a news page lists, 1 or more`},

		// data/units.yaml.
		"missing-file-units": {
			"chưa có tệp data/units.yaml; hãy liệt kê tại đó mọi đơn vị của các khối",
			"the site has no data/units.yaml; list every unit of the blocs there"},
		"duplicate-unit-id": {
			"mã đơn vị %q bị trùng, đã có ở %s; mỗi đơn vị cần một mã riêng",
			"duplicate unit id %q, also at %s; give each unit its own id"},
		"bad-web-address": {
			"mục %q ghi %s; mục %s phải là địa chỉ trang web bắt đầu bằng https:// hoặc http://, như %s",
			"field %q is %s; %s must be an address that starts with https:// or http://, like %s"},
		"own-predecessor": {
			"đơn vị %q tự ghi mình là đơn vị tiền thân; hãy ghi các đơn vị đã hợp nhất vào đơn vị này",
			"unit %q names itself as a predecessor; list the units merged into it"},
		"duplicate-predecessor": {
			"đơn vị tiền thân %q được ghi hai lần; chỉ giữ một",
			"predecessor %q is listed twice; keep one"},
		"unknown-unit": {
			"không có đơn vị mã %q; hãy thêm đơn vị vào data/units.yaml hoặc sửa lại mã",
			"unknown unit %q; add it to data/units.yaml or fix the id"},
		"no-bloc": {
			"đơn vị %q không thuộc khối nào trong năm nào; hãy thêm vào members của một khối, hoặc xóa đơn vị",
			"unit %q is in no bloc in any year; add it to the members of a bloc's year or remove it"},
		"dissolved": {
			"đơn vị %q là thành viên năm %d, sau năm %d là năm cuối đơn vị còn hoạt động (dissolved ở %s); hãy xóa đơn vị khỏi members, hoặc sửa lại dissolved",
			"unit %q is a member in %d, after %d, the last year it existed (dissolved at %s); remove it from members, or correct dissolved"},

		// data/awards.yaml.
		"bad-award-rank": {
			`mục "rank" ghi %d; ghi 1 cho hình thức cao nhất, 2 cho hình thức kế tiếp, và cứ thế`,
			`field "rank" is %d; give 1 for the highest award, 2 for the next, and so on`},
		"duplicate-award-id": {
			"mã %q bị trùng, đã có ở %s; mỗi danh hiệu thi đua, hình thức khen thưởng cần một mã riêng",
			"duplicate award id %q, also at %s; give each award kind its own id"},
		"award-needs-name-rank": {
			"%q không có trong danh mục khen thưởng có sẵn, nên phải ghi cả name (tên) và rank (thứ bậc)",
			"award kind %q is not in the built-in catalogue, so it needs both name and rank"},
		"unknown-award": {
			"không có danh hiệu thi đua hay hình thức khen thưởng mã %q; hãy dùng một mã trong danh mục, hoặc thêm vào data/awards.yaml",
			"unknown award %q; use an award kind of the catalogue or add it to data/awards.yaml"},

		// Blocs and their years.
		"bad-bloc-folder": {
			`tên thư mục khối %q không phải là mã hợp lệ; hãy đổi tên thư mục bằng chữ thường không dấu a-z, chữ số và dấu gạch nối, như "khoi-8"`,
			`bloc folder name %q is not a valid identifier; rename the folder with lower-case letters a-z, digits and single hyphens, like "khoi-8"`},
		"missing-file-bloc": {
			"thư mục khối chưa có tệp bloc.yaml; hãy tạo tệp này, ghi tên khối",
			"the bloc folder has no bloc.yaml; add one with the bloc's name"},
		"empty-bloc-yaml": {
			"tệp bloc.yaml đang trống; ít nhất phải có tên khối (name)",
			"bloc.yaml is empty; give at least the bloc's name"},
		"unknown-bloc": {
			"không có khối mã %q; hãy dùng tên một thư mục trong data/blocs/",
			"unknown bloc %q; use the name of a folder of data/blocs/"},
		"bad-year-file": {
			"tên tệp %q không phải là năm; hãy đặt tên tệp năm của khối theo năm, như 2024.yaml",
			"file name %q is not a year; name the file of a bloc's year like 2024.yaml"},
		"year-file-out-of-range": {
			"tên tệp %q không phải năm từ %d đến %d; hãy đặt tên tệp theo năm thi đua mà tệp ghi lại",
			"file name %q is not a year from %d to %d; name the file after the emulation year it records"},
		"empty-year-file": {
			"tệp đang trống; ít nhất phải có members (thành viên) và leader (khối trưởng)",
			"the file is empty; give at least members and leader"},
		"empty-members": {
			`mục "members" đang trống; hãy ghi các đơn vị thành viên của khối trong năm`,
			`field "members" is empty; list the units of the bloc this year`},
		"not-member": {
			"%s %q không phải là thành viên của khối trong %s; hãy thêm đơn vị vào members, hoặc ghi một đơn vị thành viên",
			"%s %q is not a member of the bloc in %s; add it to members or name a member"},
		"bad-role": {
			"khối phó %q cũng là khối trưởng; mỗi đơn vị chỉ là khối trưởng hoặc khối phó",
			"deputy %q is the leader too; a unit is either the leader or a deputy"},
		"duplicate-deputy": {
			"khối phó %q được ghi hai lần; chỉ giữ một",
			"deputy %q is listed twice; keep one"},
		"two-blocs": {
			"đơn vị %q đã thuộc khối %q năm %d, ở %s; mỗi năm một đơn vị chỉ thuộc một khối",
			"unit %q is already in bloc %q in %d, at %s; a unit belongs to one bloc a year"},
		"next-leader": {
			"khối trưởng %q khác với khối trưởng năm sau %q đã chọn ở %s; hãy kiểm tra lại khối trưởng năm %d",
			"leader %q differs from next_leader %q chosen at %s; check who leads the bloc in %d"},
		"award-unit-and-count": {
			"mục khen thưởng ghi cả unit và count; ghi unit khi khen một đơn vị có tên, hoặc count khi chỉ ghi số đơn vị được khen",
			"an award gives both unit and count; give unit for a named unit, or count for unnamed ones"},
		"award-no-unit": {
			"mục khen thưởng không ghi unit cũng không ghi count; ghi unit khi khen một đơn vị có tên, hoặc count khi chỉ ghi số đơn vị được khen",
			"an award gives neither unit nor count; give unit for a named unit, or count for unnamed ones"},
		"bad-count": {
			`mục "count" ghi %d; hãy ghi số đơn vị được khen, từ 1 trở lên`,
			`field "count" is %d; give how many units received it, 1 or more`},
		"bad-rank": {
			`mục "rank" ghi %d; hạng 1 là cao nhất, rồi đến 2, 3, và cứ thế`,
			`field "rank" is %d; rank 1 is the best, then 2, 3 and so on`},
		"duplicate-rank": {
			"hạng %d được ghi hai lần, lần kia ở %s; các thành viên được xếp hạng từ 1 trở đi, không trùng nhau",
			"rank %d is given twice, also at %s; give the ranked members 1..n without repeats"},
		"duplicate-member": {
			"đơn vị %q được ghi hai lần trong members, lần kia ở %s; chỉ giữ một",
			"unit %q is listed twice in members, also at %s; keep one"},
		"rank-gap": {
			"hạng của %d thành viên được xếp hạng còn thiếu %s; hãy đánh số từ 1 đến %d, không bỏ sót",
			"the ranks of the %d ranked members skip %s; number them 1 to %d without gaps"},

		// Articles and pages.
		"no-front-matter": {
			"tệp chưa có phần đầu bài; hãy bắt đầu tệp bằng một dòng ---, rồi các dòng title: và date:, rồi một dòng ---",
			"the file has no front matter; start it with a line ---, then title: and date:, then a line ---"},
		"front-matter-open": {
			"phần đầu bài mở ở dòng 1 chưa được đóng; hãy kết thúc bằng một dòng ---",
			"the front matter opened on line 1 is never closed; end it with a line ---"},
		"empty-front-matter": {
			"phần đầu bài đang trống; ít nhất phải có %s",
			"the front matter is empty; give at least %s"},
		"bad-slug": {
			"tên tệp %q không dùng làm địa chỉ được; hãy đổi tên tệp, hoặc ghi slug: bằng chữ thường không dấu a-z, chữ số và dấu gạch nối",
			"file name %q is not a valid slug; rename the file, or give slug: with lower-case letters a-z, digits and single hyphens"},
		"duplicate-article-slug": {
			"địa chỉ bài viết %q bị trùng, đã có ở %s; mỗi bài cần một địa chỉ (slug) riêng",
			"duplicate article slug %q, also at %s; give each article its own slug"},
		"duplicate-page-slug": {
			"địa chỉ trang %q bị trùng, đã có ở %s; mỗi trang cần một địa chỉ (slug) riêng",
			"duplicate page slug %q, also at %s; give each page its own slug"},
		"missing-image": {
			"ảnh %q không có trong thư mục static/; hãy ghi đường dẫn của ảnh trong static/, như /images/photo.jpg, và đặt tệp ảnh vào đó",
			"image %q is not a file under static/; give its path under static/, like /images/photo.jpg, and put the file there"},
		"markdown": {
			"không trình bày được nội dung bài (%s); hãy viết đơn giản hơn",
			"the body does not render (%s); simplify its Markdown"},
		"description-markdown": {
			"không trình bày được phần giới thiệu (%s); hãy viết đơn giản hơn",
			"the description does not render (%s); simplify its Markdown"},
		"at-line-column": {"dòng %d, cột %d: ", "line %d, column %d: "},
		"md-too-many-links": {
			"dòng này có hơn %d liên kết, quá mức đọc được trên một dòng; hãy tách thành nhiều dòng",
			"this line has more than %d links, more than thidua reads from one line; break it into several lines"},
		"md-nested-list": {
			"danh sách này lồng nhau %d cấp (tính chung danh sách, trích dẫn và chú thích); chỉ đọc được tối đa %d cấp: hãy thụt vào ít hơn",
			"this list is nested %d levels deep (lists, block quotes and footnotes count together); thidua reads at most %d: indent less"},
		"md-nested-quote": {
			"đoạn trích dẫn này lồng nhau %d cấp (tính chung danh sách, trích dẫn và chú thích); chỉ đọc được tối đa %d cấp: hãy dùng ít dấu > hơn",
			"this block quote is nested %d levels deep (lists, block quotes and footnotes count together); thidua reads at most %d: use fewer >"},
		"md-nested-footnote": {
			"chú thích này lồng nhau %d cấp (tính chung danh sách, trích dẫn và chú thích); chỉ đọc được tối đa %d cấp: hãy viết các chú thích lần lượt, cái này sau cái kia",
			"this footnote is nested %d levels deep (lists, block quotes and footnotes count together); thidua reads at most %d: write the footnotes one after the other"},
		"md-too-many-refs": {
			"đoạn này có hơn %d dòng bắt đầu bằng [, quá mức đọc được trong một đoạn; hãy để một dòng trống giữa các định nghĩa liên kết",
			"this paragraph has more than %d lines that start with [, more than thidua reads from one paragraph; put a blank line between the link definitions"},
		"md-row-emphasis": {
			`dòng này của bảng có hơn %d cụm dấu *, _ và ~, quá mức đọc được trên một dòng; dấu nào không dùng để in đậm, in nghiêng thì viết \*, \_ và \~`,
			`this table row has more than %d runs of *, _ and ~, more than thidua reads from one row; write those that are not emphasis as \*, \_ and \~`},
		"md-paragraph-emphasis": {
			`đoạn này có hơn %d cụm dấu *, _ và ~, quá mức đọc được trong một đoạn; hãy ngắt thành nhiều đoạn bằng dòng trống, hoặc viết \*, \_ và \~ cho các dấu không dùng để in đậm, in nghiêng`,
			`this paragraph has more than %d runs of *, _ and ~, more than thidua reads from one paragraph; put blank lines between its parts, or write those that are not emphasis as \*, \_ and \~`},
		"md-table-emphasis": {
			"bảng này có hơn %d cụm dấu *, _ và ~, quá mức đọc được trong một bảng; hãy tách thành nhiều bảng",
			"this table has more than %d runs of *, _ and ~, more than thidua reads from one table; split it into several tables"},
		"md-too-many-marks": {
			"đến chỗ này bài đã có hơn %d dấu định dạng (xuống dòng, liên kết, in đậm, ô bảng…: cứ %d byte được một dấu), quá mức đọc được với bài dài như vậy; hãy tách thành nhiều bài, hoặc kiểm tra xem có đúng tệp không",
			"the body has more than %d Markdown marks by here (line ends, links, emphasis, table cells and the like: one for every %d bytes), more than thidua reads from a body of this size; split it into several articles, or check that it is the right file"},

		// The files of the folder.
		"symlink-root": {
			"lối tắt (symbolic link) này %s; chương trình không đi theo nó, và không đọc gì bên trong",
			"this symbolic link %s; it is not followed, and nothing under it is read"},
		"symlink": {
			"lối tắt (symbolic link) này %s; chương trình không đi theo nó, và bỏ qua thứ nó trỏ tới",
			"this symbolic link %s; it is not followed, and what it points at is left out"},
		"link-outside-to": {"trỏ ra ngoài thư mục trang (tới %s)", "points outside the site folder (to %s)"},
		"link-to-nothing": {"không trỏ tới đâu cả", "points at nothing"},
		"link-outside":    {"trỏ ra ngoài thư mục trang", "points outside the site folder"},
		"symlink-folder": {
			"lối tắt này trỏ tới một thư mục, mà chương trình không đi theo lối tắt tới thư mục; hãy chuyển chính thư mục đó vào đây",
			"this symbolic link points at a folder, and loading follows no link to a folder; move the folder here instead"},
		"symlink-static": {
			"lối tắt này không được chép vào trang; hãy đặt chính tệp đó vào static/",
			"this symbolic link is not copied into the site; put the file itself under static/"},
		"symlink-not-a-file": {
			"lối tắt này trỏ tới thứ không phải là tệp; bỏ qua",
			"the symbolic link points at something that is not a file; it is left out"},
		"not-a-file": {
			"đây không phải là tệp mà là %s; bỏ qua",
			"this is not a file but a %s; it is left out"},
		"mode-pipe":    {"một đường ống có tên (named pipe)", "named pipe"},
		"mode-socket":  {"một ổ cắm mạng (socket)", "socket"},
		"mode-device":  {"một thiết bị", "device"},
		"mode-special": {"một tệp đặc biệt", "special file"},
		"bad-file-name": {
			"tên tệp có ký tự %q, là ký tự không dùng được trong địa chỉ trang web; hãy đổi tên tệp",
			"the file name holds %q, which a web address cannot hold; rename the file"},
		"file-name-not-utf8": {
			"tên tệp không phải là chữ theo bảng mã UTF-8; hãy đổi tên tệp",
			"the file name is not UTF-8 text; rename the file"},
		"file-name-decomposed": {
			"tên tệp viết theo kiểu Unicode tổ hợp (như máy Mac vẫn ghi), nên các liên kết của trang không khớp được; hãy gõ lại đúng tên đó: %q",
			"the file name is in decomposed Unicode (as macOS writes it), which the links of the site never match; rename it to the same name typed again, %q"},
		"hidden-file": {
			`tên tệp bắt đầu bằng dấu chấm ".", nên tệp bị ẩn và không được đăng; %s`,
			`the file name starts with ".", which hides the file: it is not published; %s`},
		"hidden-hint-dot": {
			"hãy đổi tên, bỏ dấu chấm ở đầu, như tin-moi.md",
			"rename it without the dot in front, like tin-moi.md"},
		"hidden-hint-rename": {
			"hãy đổi tên thành %s để đăng, hoặc xóa tệp",
			"rename it to %s to publish it, or delete it"},
		"ignored-in-data": {
			"tệp bị bỏ qua; thư mục data/ chỉ chứa units.yaml, awards.yaml, decisions.yaml và các thư mục blocs/, consultations/",
			"the file is ignored; data/ holds units.yaml, awards.yaml, decisions.yaml and the folders blocs/ and consultations/"},
		"ignored-in-bloc": {
			"tệp bị bỏ qua; thư mục của một khối chứa bloc.yaml và mỗi năm một tệp <năm>.yaml, như 2024.yaml",
			"the file is ignored; a bloc folder holds bloc.yaml and one <year>.yaml per year, like 2024.yaml"},
		"ignored-in-blocs": {
			"tệp bị bỏ qua; mỗi khối là một thư mục data/blocs/<mã khối>/ chứa bloc.yaml và các tệp <năm>.yaml",
			"the file is ignored; each bloc is a folder data/blocs/<bloc>/ holding bloc.yaml and <year>.yaml files"},
		"ignored-in-news": {
			"tệp bị bỏ qua; bài viết là các tệp .md; ảnh và các tệp khác đặt trong static/",
			"the file is ignored; articles are .md files; put images and other files under static/"},
		"ignored-in-pages": {
			"tệp bị bỏ qua; các trang là tệp .md đặt ngay trong content/pages/",
			"the file is ignored; pages are .md files directly in content/pages/"},
		"ignored-file": {
			"tệp bị bỏ qua; content/ chứa các thư mục news/ và pages/ gồm các tệp .md, data/ chứa các tệp số liệu YAML",
			"the file is ignored; content/ holds the folders news/ and pages/ of .md files, data/ the YAML records"},
	}
}
