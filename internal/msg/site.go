package msg

// site holds the messages about what a build makes of the site: the
// links between its pages, the addresses of its pages and the theme's
// templates.
func site() map[string]Text {
	return map[string]Text{
		"broken-link": {
			"liên kết %s không dẫn tới trang hay tệp nào của trang; kiểm tra lại địa chỉ, hoặc đặt tệp vào static/",
			"the link %s points at no page or file of the site; check the address, or put the file under static/"},
		"broken-image": {
			"ảnh %s không dẫn tới tệp nào của trang; kiểm tra lại địa chỉ, hoặc đặt tệp vào static/",
			"the image %s points at no page or file of the site; check the address, or put the file under static/"},
		"ref-resolved": {"%q (tức là %s, tính từ trang này)", "%q (%s, from this page)"},
		"reserved-slug": {
			"địa chỉ trang /%s đã là một mục của trang thông tin; hãy đổi tên tệp",
			"the page address /%s is already a section of the site; rename the file"},
		"static-collision": {
			"tệp này sẽ đè lên trang /%s do chương trình tạo ra; hãy đổi tên hoặc xóa tệp",
			"this file would overwrite the generated page /%s; rename or remove it"},
		"layout-read": {
			"không đọc được tệp giao diện (%s); kiểm tra quyền truy cập tệp",
			"the layout cannot be read (%s); check its permissions"},
		"layouts-read": {
			"không đọc được các tệp giao diện: %s",
			"cannot read the layouts: %s"},
		"template": {"%s", "%s"},
		"template-parse": {
			"tệp giao diện viết sai: %s",
			"the template does not parse: %s"},
		"i18n": {
			"không đọc được các câu chữ của giao diện: %s",
			"the interface strings do not parse: %s"},
	}
}
