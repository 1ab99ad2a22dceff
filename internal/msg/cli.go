package msg

// cli holds the texts of the command line: the list of commands, their
// help and flags, what they print as they work, and their usage errors.
func cli() map[string]Text {
	return map[string]Text{
		// The list of commands.
		"cli-usage": {
			"thidua lập trang thông tin điện tử của các khối thi đua của tỉnh.\n\nCách dùng:\n  thidua <lệnh> [tùy chọn]\n\nCác lệnh:\n%s\nGõ 'thidua <lệnh> --help' để xem các tùy chọn của một lệnh, 'thidua --version' để xem phiên bản.",
			"thidua builds the website of a province's emulation blocs (khối thi đua).\n\nUsage:\n  thidua <command> [flags]\n\nCommands:\n%s\nRun 'thidua <command> --help' for the flags of a command, 'thidua --version' for the version."},
		"cmd-build":   {"lập trang vào thư mục đích", "build the site into the destination folder"},
		"cmd-check":   {"kiểm tra thư mục trang và báo mọi chỗ sai; không ghi gì", "check the site folder and report every mistake; writes nothing"},
		"cmd-import":  {"nhập bảng điểm hoặc danh sách khen thưởng (.xlsx, .csv) vào tệp năm của một khối", "read a score sheet or award list (.xlsx, .csv) into a bloc's year file"},
		"cmd-new":     {"tạo bài viết, hoặc năm tiếp theo của một khối, từ những gì trang đã có", "start an article, or a bloc's next year, from what the site holds"},
		"cmd-schema":  {"in lược đồ JSON của các tệp, hoặc ghi chúng (--write) cho VS Code", "print the JSON Schema of the site's files, or --write them for VS Code"},
		"cmd-serve":   {"lập, mở xem thử và lập lại trang mỗi khi có thay đổi, tự tải lại", "build, serve and rebuild the site on every change, with live reload"},
		"cmd-version": {"in phiên bản", "print the version"},
		"cli-command-usage": {
			"%s\n\nCách dùng:\n  %s\n\nTùy chọn:\n%s",
			"%s\n\nUsage:\n  %s\n\nFlags:\n%s"},
		"cli-usage-line": {"Cách dùng:\n  %s", "Usage:\n  %s"},
		"cli-line":       {"%s", "%s"},

		// Errors of the command line.
		"cli-bad-lang":            {"--lang %q không phải là ngôn ngữ của chương trình; hãy ghi vi hoặc en", "--lang %q is not a language of thidua; give vi or en"},
		"cli-unknown-command":     {"không có lệnh %q; gõ 'thidua --help' để xem danh sách lệnh", "unknown command %q; run 'thidua --help' for the list"},
		"cli-unexpected-argument": {"thừa %q; lệnh này không nhận thêm gì", "unexpected argument %q"},
		"cli-bad-format":          {"không có --format %q (hãy ghi text, json hoặc github)", "unknown --format %q (want text, json or github)"},
		"cli-bad-port":            {"--port %d không phải là cổng (từ 0 đến 65535)", "--port %d is not a port (0 to 65535)"},
		"cli-error":               {"%s", "%s"},
		"flag-unknown":            {"không có tùy chọn %s; gõ --help để xem các tùy chọn", "unknown flag: %s"},
		"flag-unknown-short":      {"không có tùy chọn -%s; gõ --help để xem các tùy chọn", "unknown shorthand flag: -%s"},
		"flag-needs-value":        {"tùy chọn --%s cần một giá trị", "flag needs an argument: --%s"},
		"flag-bad-value":          {"%q không phải là giá trị của %s (%s)", "invalid argument %q for %s flag: %s"},
		"flag-bad-size":           {"%q không phải là kích thước; hãy ghi như 10MiB hoặc 512KiB", "%q is not a size; write it like 10MiB or 512KiB"},
		"flag-bad-syntax":         {"tùy chọn viết sai: %s", "bad flag syntax: %s"},
		"flag-error":              {"%s", "%s"},

		// Flags.
		"flag-default":           {"(mặc định ", "(default "},
		"flag-lang":              {"ngôn ngữ của các thông báo: vi hoặc en (mặc định theo language của site.yaml, không có thì vi)", "the language of the messages, vi or en (default: site.yaml's language, else vi)"},
		"flag-source":            {"thư mục trang", "the site folder"},
		"flag-source-schema":     {"thư mục trang (cùng --write)", "the site folder (with --write)"},
		"flag-max-file-size":     {"tệp YAML hoặc Markdown lớn nhất được đọc, như 10MiB (mặc định 10MiB)", "the largest YAML or Markdown file read, like 10MiB (default 10MiB)"},
		"flag-drafts-build":      {"đưa cả các bài ghi draft: true (bản nháp)", "include articles marked draft: true"},
		"flag-drafts-check":      {"kiểm tra các bài ghi draft: true như thể đã đăng", "check articles marked draft: true as if they were published"},
		"flag-destination-build": {"thư mục đích (mặc định: public/ trong thư mục trang)", "the output folder (default: public/ inside the site folder)"},
		"flag-destination-serve": {"lập trang vào thư mục này (mặc định: một thư mục tạm, xóa khi kết thúc)", "build into this folder (default: a temporary folder, removed at the end)"},
		"flag-base-url":          {"địa chỉ của trang, thay cho baseURL của site.yaml", "the site's address, overriding site.yaml's baseURL"},
		"flag-base-url-serve":    {"địa chỉ của trang, thay cho baseURL của site.yaml: bản xem thử được mở dưới đường dẫn của địa chỉ này", "the site's address, overriding site.yaml's baseURL: the preview is served under its path"},
		"flag-strict-build":      {"coi cảnh báo là lỗi", "treat warnings as errors"},
		"flag-strict-check":      {"coi cảnh báo là lỗi (kết thúc với mã 1 khi có bất kỳ thông báo nào)", "treat warnings as errors (exit 1 on any message)"},
		"flag-quiet":             {"không in gì khi thành công", "print nothing on success"},
		"flag-watch":             {"chạy tiếp và lập lại trang mỗi khi các tệp thay đổi, cho đến khi bấm Ctrl-C", "keep running and rebuild on every change to the site's files, until Ctrl-C"},
		"flag-poll-build":        {"cùng --watch: cứ sau khoảng này (như 1s) thì dò lại thư mục, thay vì chờ hệ điều hành báo", "with --watch: scan the folder for changes this often (like 1s) instead of asking the system for events"},
		"flag-poll":              {"cứ sau khoảng này (như 1s) thì dò lại thư mục, thay vì chờ hệ điều hành báo", "scan the folder for changes this often (like 1s) instead of asking the system for events"},
		"flag-cpuprofile":        {"ghi số đo thời gian xử lý của lần lập trang vào tệp này (go tool pprof)", "write a CPU profile of the build to this file (go tool pprof)"},
		"flag-memprofile":        {"ghi số đo bộ nhớ khi lập trang xong vào tệp này", "write a heap profile at the end of the build to this file"},
		"flag-format":            {"cách in các thông báo: text, json hoặc github", "how to print messages: text, json or github"},
		"flag-port":              {"cổng để mở trang; 0 là chọn một cổng còn trống", "the port to serve on; 0 picks a free one"},
		"flag-bind":              {"địa chỉ để mở trang; 0.0.0.0 cho các máy khác trong mạng cùng xem", "the address to serve on; 0.0.0.0 lets other devices of the network in"},
		"flag-import-bloc":       {"mã của khối, là tên thư mục của khối trong data/blocs/", "the bloc's id, the name of its folder under data/blocs/"},
		"flag-import-year":       {"năm thi đua của bảng", "the emulation year of the sheet"},
		"flag-import-what":       {"bảng ghi gì: members (điểm, hạng, xếp loại) hoặc awards (khen thưởng)", "what the sheet lists: members (scores, ranks, ratings) or awards"},
		"flag-import-award":      {"awards: mã hình thức khen thưởng của mọi dòng không ghi hình thức", "awards: the award kind of every row that names none, by its id"},
		"flag-import-sheet":      {"trang tính cần đọc (mặc định trang đầu tiên có dòng tiêu đề)", "the sheet of a workbook to read (default the first with a header)"},
		"flag-import-map":        {`các cột theo chữ cái, như "unit=B,score=E,rank=F"; các trường: unit, unit_id, score, rank, rating, role; award, award_id, count, status, decision`, `the columns by letter, like "unit=B,score=E,rank=F"; fields: unit, unit_id, score, rank, rating, role; award, award_id, count, status, decision`},
		"flag-import-dry-run":    {"in những thay đổi của tệp năm, không ghi gì", "print the change to the year file as a diff and write nothing"},
		"flag-new-bloc":          {"article: khối mà bài viết nói tới (ghi nhiều lần, hoặc cách nhau bằng dấu phẩy)", "article: a bloc it reports on (repeat, or separate with commas)"},
		"flag-new-year":          {"article: năm thi đua mà bài viết nói tới", "article: the emulation year it reports on"},
		"flag-new-date":          {"article: ngày đăng, 2025-01-08 hoặc 2025-01-08T08:40 (mặc định hôm nay)", "article: the publication date, 2025-01-08 or 2025-01-08T08:40 (default today)"},
		"flag-new-slug":          {"article: địa chỉ /tin-tuc/<slug>/ (mặc định lấy từ tiêu đề)", "article: the address /tin-tuc/<slug>/ (default made from the title)"},
		"flag-new-province":      {`site: tên tỉnh, như "Bình Thuận"; tên trang được đặt theo đó`, `site: the province's name, as "Bình Thuận"; the site's title is made from it`},
		"flag-new-ci":            {"site: mẫu kiểm tra tự động cần thêm, github (.github/workflows/thidua.yml) hoặc gitlab (.gitlab-ci.yml)", "site: the CI sample to add, github (.github/workflows/thidua.yml) or gitlab (.gitlab-ci.yml)"},
		"flag-write":             {"ghi các lược đồ và .vscode/settings.json vào thư mục trang", "write the schemas and .vscode/settings.json into the site folder"},

		// What each command is for.
		"about-build": {
			"Lập trang từ thư mục trang vào thư mục đích. Khi lập không thành, bản cũ trong thư mục đích được giữ nguyên.",
			"Build the site folder into the destination folder. A failed build leaves the previous output untouched."},
		"about-check": {
			"Kiểm tra thư mục trang và in mọi chỗ sai dạng đường/dẫn:dòng:cột: lỗi|cảnh báo [mã]: nội dung. Không ghi gì.\n--format json in chúng ra stdout thành một mảng JSON gồm {path, line, column, severity, code, message, suggestion};\n--format github in chúng thành chú thích của GitHub Actions, đường dẫn tính từ thư mục đang làm việc.",
			"Check the site folder and print every mistake as path:line:col: error|warning [code]: message. Writes nothing.\n--format json prints them on stdout as a JSON array of {path, line, column, severity, code, message, suggestion};\n--format github prints them as GitHub Actions annotations, with paths from the working folder."},
		"about-serve": {
			"Lập trang, mở để xem thử, và lập lại mỗi khi các tệp thay đổi: các trang đang mở tự tải lại, và hiện lỗi của lần lập\nkhông thành lên trên bản tốt gần nhất. Trang được mở dưới đường dẫn của baseURL (hoặc của -b).",
			"Build the site, serve it for preview, and rebuild it on every change to its files: open pages reload by themselves\nand show the errors of a broken build over the last good one. The site is served under the path of its baseURL\n(or of -b's)."},
		"about-import": {
			"Đọc bảng điểm hoặc danh sách khen thưởng (.xlsx, hoặc .csv theo bảng mã UTF-8 hay Windows-1258) vào tệp năm của khối\ndata/blocs/<khối>/<năm>.yaml, tạo mới hoặc sửa tại chỗ: ghi chú, thứ tự và các dòng không đổi được giữ nguyên.\nCác cột được nhận theo tiêu đề (Tên đơn vị, Tổng điểm, Xếp hạng, Xếp loại, Vai trò; Hình thức khen thưởng, Tình trạng,\nSố quyết định), hoặc chỉ rõ bằng --map. Không ghi gì nếu còn dòng chưa hiểu. Xem docs/editing.md.",
			"Read a score sheet or an award list (.xlsx, or .csv in UTF-8 or Windows-1258) into the bloc's year file\ndata/blocs/<bloc>/<year>.yaml, creating it or changing it in place: comments, order and the lines it does\nnot change stay as they are. The columns are found by their headings (Tên đơn vị, Tổng điểm, Xếp hạng,\nXếp loại, Vai trò; Hình thức khen thưởng, Tình trạng, Số quyết định), or named with --map. Nothing is\nwritten unless every row is understood. See docs/editing.md."},
		"about-new": {
			"Tạo một tệp từ những gì trang đã có, và in đường dẫn của tệp. Không bao giờ ghi đè tệp đã có.\n\n  article  content/news/<năm>/<slug>.md, bản nháp đề ngày hôm nay (giờ Việt Nam), slug lấy từ tiêu đề\n  year     data/blocs/<khối>/<năm>.yaml từ năm gần nhất của khối: cùng thành viên, khối trưởng = next_leader\n  site     thư mục trang mới DIR (chưa có, hoặc trống) mà thidua check --strict chấp nhận: site.yaml, một đơn vị,\n           một khối với năm nay, một bài viết, .gitignore, lược đồ cho VS Code, mẫu kiểm tra tự động và README cho người biên tập",
			"Start a file from what the site already holds, and print its path. Never replaces a file.\n\n  article  content/news/<year>/<slug>.md, a draft dated today (Vietnam's time), slug from the title\n  year     data/blocs/<bloc>/<year>.yaml from the bloc's last year: same members, leader = its next_leader\n  site     a new site folder DIR (not there yet, or empty) that thidua check --strict passes: site.yaml, a unit,\n           a bloc with this year, an article, .gitignore, VS Code's schemas, a CI sample and a README for editors"},
		"about-schema": {
			"In lược đồ JSON (draft 2020-12) của các tệp của trang: tất cả trong một tài liệu, hoặc lược đồ có tên đã ghi.\nVới --write, ghi chúng vào thư mục trang trong .vscode/schemas/, cùng tệp .vscode/settings.json gắn chúng với các tệp,\nđể phần mở rộng YAML của VS Code gợi ý và gạch chân chỗ sai ngay khi gõ.",
			"Print the JSON Schema (draft 2020-12) of the site's files: all of them in one document, or the one named.\nWith --write, put them in the site folder under .vscode/schemas/ with a .vscode/settings.json that maps\nthem to the files, so that the YAML extension of VS Code completes and underlines as you type."},
		"about-version": {"In phiên bản của thidua, và lần ghi (commit) đã dùng để dựng nó khi biết.", "Print the version of thidua, and the commit it was built from when known."},

		// What the commands print as they work.
		"cli-rendering":      {"đang lập %d/%d trang", "rendering %d/%d pages"},
		"cli-built":          {"đã lập %d trang và %d tệp vào %s trong %d ms", "built %d pages and %d files into %s in %d ms"},
		"cli-build-failed":   {"%s; không ghi gì", "%s; nothing was written"},
		"cli-import-failed":  {"%s; không ghi gì", "%s; nothing written"},
		"cli-rebuild-failed": {"%s; bản tốt gần nhất được giữ nguyên", "%s; the last good build stays in place"},
		"cli-counted-line":   {"%s", "%s"},
		"cli-counted":        {"%s và %s", "%s and %s"},
		"one-error":          {"1 lỗi", "1 error"},
		"n-errors":           {"%d lỗi", "%d errors"},
		"one-warning":        {"1 cảnh báo", "1 warning"},
		"n-warnings":         {"%d cảnh báo", "%d warnings"},
		"cli-robots-note": {
			"baseURL có đường dẫn %s: các máy tìm kiếm chỉ đọc %s; hãy thêm dòng này vào tệp đó:\nSitemap: %s",
			"baseURL has the path %s: crawlers read only %s; add this line to it:\nSitemap: %s"},
		"cli-foreign": {
			"cảnh báo: %s có %d tệp không do lần lập nào ghi, và lần lập này không giữ lại: %s. Các tệp như vậy (CNAME, .well-known/…) hãy đặt trong thư mục static/ của trang, là thư mục được chép ra mỗi lần lập.",
			"warning: %s held %d files that no build wrote, and this build did not keep: %s. Put such files (CNAME, .well-known/…) in the site's static/ folder, which every build copies to the output."},
		"cli-foreign-more": {
			"cảnh báo: %s có %d tệp không do lần lập nào ghi, và lần lập này không giữ lại: %s và %d tệp khác. Các tệp như vậy (CNAME, .well-known/…) hãy đặt trong thư mục static/ của trang, là thư mục được chép ra mỗi lần lập.",
			"warning: %s held %d files that no build wrote, and this build did not keep: %s and %d more. Put such files (CNAME, .well-known/…) in the site's static/ folder, which every build copies to the output."},
		"cli-cannot-serve":    {"không mở được trang ở %s", "cannot serve on %s"},
		"cli-serving":         {"đang mở trang ở %s (bấm Ctrl-C để dừng)", "serving %s (press Ctrl-C to stop)"},
		"cli-watching":        {"đang theo dõi thay đổi trong %s (bấm Ctrl-C để dừng)", "watching %s for changes (press Ctrl-C to stop)"},
		"cli-polling":         {"cứ %v dò lại thư mục một lần", "scanning the folder for changes every %v"},
		"cli-poll-instead":    {"chuyển sang cứ %v dò lại thư mục một lần; chọn khoảng dò bằng --poll", "scanning the folder every %v instead; choose how often with --poll"},
		"cli-stopped":         {"đã dừng", "stopped"},
		"cli-rebuilt":         {"đã lập trong %d ms (%s)%s", "built in %d ms (%s)%s"},
		"cli-rebuilt-whole":   {"%d trang và %d tệp", "%d pages and %d files"},
		"cli-rebuilt-part":    {"lập lại %d trong %d trang, thay %d tệp", "%d of %d pages rendered, %d files replaced"},
		"cli-rebuilt-removed": {"lập lại %d trong %d trang, thay %d tệp, xóa %d tệp", "%d of %d pages rendered, %d files replaced, %d removed"},
		"cli-after-change":    {" sau khi sửa %s", " after a change to %s"},
		"cli-after-changes":   {" sau khi sửa %s và %d tệp khác", " after changes to %s and %d more"},

		// Watching and building.
		"build-cannot-open":  {"không mở được thư mục trang: %s", "cannot open the site folder: %s"},
		"watch-not-a-folder": {"theo dõi: %s không phải là thư mục", "watch: %s is not a folder"},
		"watch-no-events":    {"theo dõi: hệ điều hành không báo thay đổi (%s); chuyển sang cứ %v dò lại thư mục một lần", "watch: the system gives no events (%s); scanning the folder every %v instead"},
		"watch-limit-watches": {
			"theo dõi: đã tới giới hạn số thư mục inotify được theo dõi của hệ điều hành%s; hãy nâng lên bằng 'sudo sysctl %s=524288' và giữ lại bằng dòng %s=524288 trong /etc/sysctl.d/60-inotify.conf",
			"watch: the system's limit of inotify watches is reached%s; raise it with 'sudo sysctl %s=524288' and keep it with a line %s=524288 in /etc/sysctl.d/60-inotify.conf"},
		"watch-limit-instances": {
			"theo dõi: đã tới giới hạn số bộ theo dõi inotify của hệ điều hành%s; hãy nâng lên bằng 'sudo sysctl %s=524288' và giữ lại bằng dòng %s=524288 trong /etc/sysctl.d/60-inotify.conf",
			"watch: the system's limit of inotify instances is reached%s; raise it with 'sudo sysctl %s=524288' and keep it with a line %s=524288 in /etc/sysctl.d/60-inotify.conf"},

		// thidua import.
		"import-one-file":         {"hãy ghi một tệp cần nhập, .xlsx hoặc .csv", "give one file to import, .xlsx or .csv"},
		"import-give-bloc":        {"hãy ghi khối bằng --bloc, như --bloc khoi-8", "give the bloc with --bloc, like --bloc khoi-8"},
		"import-give-year":        {"hãy ghi năm bằng --year, như --year 2024", "give the year with --year, like --year 2024"},
		"import-bad-what":         {"--what ghi %q; hãy ghi members hoặc awards", "--what is %q; give members or awards"},
		"import-award-for-awards": {"--award chỉ dùng cùng --what awards", "--award is for --what awards"},
		"import-cannot-read":      {"không đọc được %s; kiểm tra lại tên tệp (%s)", "cannot read %s; check the name of the file (%s)"},
		"import-cannot-write":     {"không ghi được %s (%s)", "cannot write %s (%s)"},

		// thidua new.
		"new-what":               {"hãy ghi cần tạo gì: article, year hoặc site", "say what to start: article, year or site"},
		"new-site-flags":         {"--province và --ci chỉ dùng cho new site", "--province and --ci are for new site"},
		"new-article-title":      {"new article cần đúng một tiêu đề, đặt trong ngoặc kép", "new article takes one title, in quotes"},
		"new-bad-year-flag":      {"--year phải là một năm, như 2024", "--year must be a year, like 2024"},
		"new-bad-date":           {"--date %q không phải là ngày; hãy ghi như 2025-01-08, hoặc 2025-01-08T08:40 nếu có giờ", "--date %q is not a date; write it as 2025-01-08, or 2025-01-08T08:40 with a time"},
		"new-year-args":          {"new year cần một khối và một năm, như: thidua new year khoi-8 2026", "new year takes a bloc and a year, like: thidua new year khoi-8 2026"},
		"new-article-flags":      {"--bloc, --year, --date và --slug chỉ dùng cho new article", "--bloc, --year, --date and --slug are for new article"},
		"new-bad-year":           {"%q không phải là năm, như 2026", "%q is not a year, like 2026"},
		"new-site-args":          {`new site cần thư mục sẽ tạo, như: thidua new site trang-thi-dua --province "Bình Thuận"`, `new site takes the folder to start, like: thidua new site trang-thi-dua --province "Bình Thuận"`},
		"new-site-not-flags":     {"-s, --bloc, --year, --date và --slug không dùng cho new site; hãy ghi tên thư mục, và --province", "-s, --bloc, --year, --date and --slug are not for new site; name its folder, and give --province"},
		"new-give-province":      {`hãy ghi tên tỉnh, như --province "Bình Thuận"`, `give the province's name, like --province "Bình Thuận"`},
		"new-bad-ci":             {"--ci %q không phải là mẫu kiểm tra tự động; hãy ghi github hoặc gitlab", "--ci %q is not a CI sample; give github or gitlab"},
		"new-title-lines":        {`tiêu đề phải là một dòng chữ, như "Khối thi đua 8 tổng kết năm 2024"`, `the title must be one line of text, like "Khối thi đua 8 tổng kết năm 2024"`},
		"new-title-no-slug":      {"tiêu đề %q không có chữ hay số nào để làm địa chỉ; hãy ghi địa chỉ bằng --slug", "the title %q has no letter or digit to make an address of; give one with --slug"},
		"new-bad-slug":           {"slug %q không phải là mã hợp lệ; mã chỉ gồm chữ thường không dấu a-z, chữ số và dấu gạch nối", "slug %q is not a valid identifier; use lower-case letters a-z, digits and single hyphens"},
		"new-article-no-date":    {"bài viết chưa có ngày", "the article has no date"},
		"new-article-exists":     {"%s: tệp đã có; hãy sửa tệp đó, hoặc chọn tiêu đề hay --slug khác", "%s: the file already exists; edit it, or choose another title or --slug"},
		"new-slug-taken":         {"bài %s đã dùng địa chỉ %q; hãy chọn tiêu đề hay --slug khác", "the article %s already has the slug %q; choose another title or --slug"},
		"new-not-a-site":         {"thư mục không có site.yaml; hãy chạy thidua new trong thư mục trang, hoặc chỉ rõ thư mục bằng -s", "the folder has no site.yaml; run thidua new in a site folder, or name one with -s"},
		"new-file-exists":        {"%s: tệp đã có; hãy sửa tệp đó, hoặc xóa nó trước", "%s: the file already exists; edit it, or remove it first"},
		"new-bad-bloc":           {"khối %q không phải là mã hợp lệ; hãy ghi tên một thư mục trong data/blocs/, như khoi-8", "bloc %q is not a valid identifier; give the name of a folder of data/blocs/, like khoi-8"},
		"new-no-blocs":           {"không có khối %q: trang chưa có tệp data/blocs/<khối>/bloc.yaml nào", "bloc %q is unknown: the site has no data/blocs/<bloc>/bloc.yaml"},
		"new-unknown-bloc-guess": {"không có khối %q (có phải là %q?); các khối là %s", "bloc %q is unknown (did you mean %q?); the blocs are %s"},
		"new-unknown-bloc":       {"không có khối %q; các khối là %s", "bloc %q is unknown; the blocs are %s"},
		"new-year-out-of-range":  {"năm %d không nằm trong khoảng từ %d đến %d", "year %d is not from %d to %d"},
		"new-province-lines":     {`tên tỉnh phải là một dòng chữ, như --province "Bình Thuận"`, `the province's name must be one line of text, like --province "Bình Thuận"`},
		"new-site-no-date":       {"trang mới chưa có ngày", "the new site has no date"},
		"new-site-not-a-folder":  {"%s không phải là thư mục; hãy ghi tên một thư mục mới cho trang", "%s is not a folder; name a new folder for the site"},
		"new-site-not-empty":     {"%s không trống (có %s); hãy ghi tên một thư mục mới cho trang, hoặc một thư mục trống", "%s is not empty (it holds %s); name a new folder for the site, or an empty one"},
		"new-no-year-before":     {"khối %s chưa có năm nào trước %d để dựa vào; hãy tự viết %s (xem docs/format.md)", "bloc %s has no year before %d to start from; write %s by hand (see docs/format.md)"},
		"new-year-from-errors":   {"%s có lỗi, lỗi đầu tiên: %s; hãy sửa (thidua check) trước khi lập năm %d từ tệp đó", "%s has errors, the first: %s; fix them (thidua check) before starting %d from it"},
		"new-unknown-kind":       {"không tạo được %q; hãy tạo article (bài viết), year (năm) hoặc site (trang)", "unknown kind %q; start an article, a year or a site"},

		// thidua schema.
		"schema-write-no-name":     {"--write ghi mọi lược đồ; đừng ghi tên lược đồ cùng với nó", "--write writes every schema; give no name with it"},
		"schema-unknown":           {"không có lược đồ %q; các lược đồ là %s", "no schema %q; the schemas are %s"},
		"schema-not-a-folder":      {"%s không phải là thư mục", "%s is not a folder"},
		"schema-settings-not-json": {"%s không phải JSON thuần (có ghi chú hay dấu phẩy thừa?), nên được để nguyên", "%s is not plain JSON (comments or trailing commas?), so it is left as it is"},
		"schema-settings-by-hand":  {"%s; hãy tự thêm đoạn này vào tệp đó:\n%s", "%s; add this to it by hand:\n%s"},
	}
}
