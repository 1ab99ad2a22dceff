package load

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// removed, as the content of an overlay, deletes the file.
const removed = "\x00removed"

// year8 is the path of the year file the checks mostly change.
const year8 = "data/blocs/khoi-8/2024.yaml"

// check is one broken variant of the valid site: the files it replaces,
// adds or removes, and every diagnostic the site then gives.
type check struct {
	name  string
	files map[string]string
	want  []string
}

var checks = []check{
	{"yaml does not parse", map[string]string{
		"data/blocs/khoi-8/bloc.yaml": "name: Khối 8\n  order: 8\n",
	}, []string{
		"data/blocs/khoi-8/bloc.yaml:2:3: error: this line is indented deeper than line 1, which already has its value after `: `; remove spaces at its start so that `order: 8` lines up with the field above",
	}},
	{"unknown field with suggestion", map[string]string{
		year8: "members: [hoi-khuyen-hoc, hoi-nguoi-cao-tuoi]\nleader: hoi-nguoi-cao-tuoi\nleadr: hoi-khuyen-hoc\n",
	}, []string{
		`data/blocs/khoi-8/2024.yaml:3:1: error: unknown field "leadr" (did you mean "leader"?)`,
	}},
	{"unknown field without suggestion", map[string]string{
		"data/blocs/khoi-7/bloc.yaml": "name: Khối thi đua 7\norder: 7\ncolour: red\n",
	}, []string{
		"data/blocs/khoi-7/bloc.yaml:3:1: error: unknown field \"colour\"; the fields here are name, short, description, order",
	}},
	{"missing required field", map[string]string{
		year8: "members: [hoi-khuyen-hoc]\n",
	}, []string{
		"data/blocs/khoi-8/2024.yaml:1:1: error: missing required field \"leader\"",
	}},
	{"empty required field", map[string]string{
		year8: "members: [hoi-nguoi-cao-tuoi]\nleader:\n",
	}, []string{
		"data/blocs/khoi-8/2024.yaml:2:8: error: required field \"leader\" is empty; give it a value",
	}},
	{"map where a list is wanted", map[string]string{
		year8: "members:\n  unit: hoi-nguoi-cao-tuoi\nleader: hoi-nguoi-cao-tuoi\n",
	}, []string{
		"data/blocs/khoi-8/2024.yaml:2:3: error: field \"members\" must be a list, not a map",
		"data/blocs/khoi-8/2024.yaml:3:9: error: leader \"hoi-nguoi-cao-tuoi\" is not a member of the bloc in 2024; add it to members or name a member",
	}},
	{"text where a list is wanted", map[string]string{
		year8: "members: [hoi-nguoi-cao-tuoi, hoi-chu-thap-do]\nleader: hoi-nguoi-cao-tuoi\ndeputies: hoi-chu-thap-do\n",
	}, []string{
		`data/blocs/khoi-8/2024.yaml:3:11: error: field "deputies" must be a list, like [hoi-chu-thap-do], not "hoi-chu-thap-do"`,
	}},
	{"rank, score and rating of the wrong kind", map[string]string{
		year8: "members:\n  - {unit: hoi-nguoi-cao-tuoi, rank: abc}\n  - {unit: hoi-khuyen-hoc, score: high}\n  - {unit: hoi-chu-thap-do, rank: 0, rating: xuat_sac}\nleader: hoi-nguoi-cao-tuoi\n",
	}, []string{
		"data/blocs/khoi-8/2024.yaml:2:38: error: field \"rank\" must be a whole number, not \"abc\"",
		"data/blocs/khoi-8/2024.yaml:3:35: error: field \"score\" must be a number, like 98.5, not \"high\"",
		"data/blocs/khoi-8/2024.yaml:4:35: error: field \"rank\" is 0; rank 1 is the best, then 2, 3 and so on",
		"data/blocs/khoi-8/2024.yaml:4:46: warning: field \"rating\" is \"xuat_sac\", read as \"xuat-sac\"; write that value, as the format has it",
	}},
	{"article year 1.5 and draft not a bool", map[string]string{
		"content/news/nhap.md": "---\ntitle: Bản nháp\ndate: 2025-02-01\nyear: 1.5\ndraft: yes please\n---\n",
	}, []string{
		"content/news/nhap.md:4:7: error: field \"year\" must be a whole number, not \"1.5\"",
		"content/news/nhap.md:5:8: error: field \"draft\" must be true or false, not \"yes please\"",
	}},
	{"identifiers that break the pattern", map[string]string{
		"content/news/nhap.md":        "---\ntitle: Bản nháp\ndate: 2025-02-01\nslug: ../../x\nunits: [Hoi_A]\n---\n",
		"data/blocs/Khoi_9/bloc.yaml": "name: Khối 9\n",
		"content/pages/Giới thiệu.md": "---\ntitle: Giới thiệu\n---\n",
	}, []string{
		"content/news/nhap.md:4:7: error: \"../../x\" in field \"slug\" is not a valid identifier; use lower-case letters a-z, digits and single hyphens, like \"khoi-8\"; write \"x\"",
		"content/news/nhap.md:5:9: error: \"Hoi_A\" in field \"units\" is not a valid identifier; use lower-case letters a-z, digits and single hyphens, like \"khoi-8\"; write \"hoi-a\"",
		"content/pages/Giới thiệu.md:1:1: error: file name \"Giới thiệu\" is not a valid slug; rename the file, or give slug: with lower-case letters a-z, digits and single hyphens; write \"gioi-thieu\"",
		"data/blocs/Khoi_9: error: bloc folder name \"Khoi_9\" is not a valid identifier; rename the folder with lower-case letters a-z, digits and single hyphens, like \"khoi-8\"; write \"khoi-9\"",
	}},
	{"unknown unit, bloc and award", map[string]string{
		year8:                  "members: [hoi-nguoi-cao-tuoi, hoi-chu-thap-doo]\nleader: hoi-nguoi-cao-tuoi\nnext_leader: hoi-khuyen-hocc\nawards:\n  - {award: co-thi-dua-tinhh, unit: hoi-nguoi-cao-tuoi}\n",
		"content/news/nhap.md": "---\ntitle: Bản nháp\ndate: 2025-02-01\nblocs: [khoi8]\nunits: [hoi-nguoi-cao]\n---\n",
	}, []string{
		"content/news/nhap.md:4:9: error: unknown bloc \"khoi8\"; use the name of a folder of data/blocs/ (did you mean \"khoi-8\"?)",
		"content/news/nhap.md:5:9: error: unknown unit \"hoi-nguoi-cao\"; add it to data/units.yaml or fix the id",
		"data/blocs/khoi-8/2024.yaml:1:31: error: unknown unit \"hoi-chu-thap-doo\"; add it to data/units.yaml or fix the id (did you mean \"hoi-chu-thap-do\"?)",
		"data/blocs/khoi-8/2024.yaml:3:14: error: unknown unit \"hoi-khuyen-hocc\"; add it to data/units.yaml or fix the id (did you mean \"hoi-khuyen-hoc\"?)",
		"data/blocs/khoi-8/2024.yaml:5:13: error: unknown award \"co-thi-dua-tinhh\"; use an award kind of the catalogue or add it to data/awards.yaml (did you mean \"co-thi-dua-tinh\"?)",
	}},
	{"duplicate unit and award ids", map[string]string{
		"data/units.yaml":  "- {id: hoi-khuyen-hoc, name: Hội Khuyến học tỉnh}\n- {id: hoi-nguoi-cao-tuoi, name: Hội Người cao tuổi tỉnh}\n- {id: hoi-chu-thap-do, name: Hội Chữ thập đỏ tỉnh}\n- {id: hoi-nan-nhan-chat-doc-da-cam, name: Hội Nạn nhân}\n- {id: doan-luat-su, name: Đoàn Luật sư tỉnh}\n- {id: hoi-dong-y, name: Hội Đông y tỉnh}\n- {id: ban-dan-toc, name: Ban Dân tộc tỉnh}\n- {id: lien-minh-htx, name: Liên minh HTX}\n- {id: hoi-khuyen-hoc, name: Hội Khuyến học}\n",
		"data/awards.yaml": "- {id: giay-khen-so, name: Giấy khen của Sở, rank: 11}\n- {id: giay-khen-so, name: Giấy khen, rank: 12}\n",
	}, []string{
		"data/awards.yaml:2:8: error: duplicate award id \"giay-khen-so\", also at data/awards.yaml:1:8; give each award kind its own id",
		"data/units.yaml:9:8: error: duplicate unit id \"hoi-khuyen-hoc\", also at data/units.yaml:1:8; give each unit its own id",
	}},
	{"duplicate member, deputy and key", map[string]string{
		year8: "members:\n  - hoi-nguoi-cao-tuoi\n  - hoi-khuyen-hoc\n  - unit: hoi-nguoi-cao-tuoi\nleader: hoi-nguoi-cao-tuoi\ndeputies: [hoi-khuyen-hoc, hoi-khuyen-hoc, hoi-nguoi-cao-tuoi]\nleader: hoi-khuyen-hoc\n",
	}, []string{
		"data/blocs/khoi-8/2024.yaml:4:11: error: unit \"hoi-nguoi-cao-tuoi\" is listed twice in members, also at data/blocs/khoi-8/2024.yaml:2:5; keep one",
		"data/blocs/khoi-8/2024.yaml:6:28: error: deputy \"hoi-khuyen-hoc\" is listed twice; keep one",
		"data/blocs/khoi-8/2024.yaml:6:44: error: deputy \"hoi-nguoi-cao-tuoi\" is the leader too; a unit is either the leader or a deputy",
		"data/blocs/khoi-8/2024.yaml:7:1: error: field \"leader\" is given twice, also at data/blocs/khoi-8/2024.yaml:5:1; keep one",
	}},
	{"duplicate article slug", map[string]string{
		"content/news/other.md": "---\ntitle: Khác\ndate: 2024-04-01\nslug: ky-ket-2024\n---\nBody.\n",
	}, []string{
		"content/news/other.md:4:7: error: duplicate article slug \"ky-ket-2024\", also at content/news/ky-ket.md:4:7; give each article its own slug",
	}},
	{"leader, deputy, award unit and model unit not members", map[string]string{
		year8: "members: [hoi-nguoi-cao-tuoi, hoi-khuyen-hoc]\nleader: hoi-chu-thap-do\ndeputies: [hoi-chu-thap-do]\nawards:\n  - {award: giay-khen, unit: hoi-nguoi-cao-tuo}\nmodels:\n  - {unit: doan-luat-su, name: Mô hình}\n",
	}, []string{
		"data/blocs/khoi-8/2024.yaml:2:9: error: leader \"hoi-chu-thap-do\" is not a member of the bloc in 2024; add it to members or name a member",
		"data/blocs/khoi-8/2024.yaml:3:12: error: deputy \"hoi-chu-thap-do\" is not a member of the bloc in 2024; add it to members or name a member",
		"data/blocs/khoi-8/2024.yaml:5:30: error: unknown unit \"hoi-nguoi-cao-tuo\"; add it to data/units.yaml or fix the id (did you mean \"hoi-nguoi-cao-tuoi\"?)",
		"data/blocs/khoi-8/2024.yaml:7:12: error: model unit \"doan-luat-su\" is not a member of the bloc in 2024; add it to members or name a member",
	}},
	{"a unit in two blocs in one year", map[string]string{
		"data/blocs/khoi-7/2024.yaml": "members: [lien-minh-htx, ban-dan-toc, doan-luat-su, hoi-dong-y, hoi-khuyen-hoc]\nleader: doan-luat-su\n",
	}, []string{
		"data/blocs/khoi-8/2024.yaml:2:5: error: unit \"hoi-khuyen-hoc\" is already in bloc \"khoi-7\" in 2024, at data/blocs/khoi-7/2024.yaml:1:65; a unit belongs to one bloc a year",
	}},
	{"impossible dates", map[string]string{
		year8:                  "members: [hoi-nguoi-cao-tuoi]\nleader: hoi-nguoi-cao-tuoi\ncovenant: {date: 2023-02-30}\nreview: {date: tomorrow}\n",
		"content/news/nhap.md": "---\ntitle: Bản nháp\ndate: 2025-13-01\n---\n",
	}, []string{
		"content/news/nhap.md:3:7: error: field \"date\" is \"2025-13-01\", a date that does not exist; check the day and the month",
		"data/blocs/khoi-8/2024.yaml:3:18: error: field \"date\" is \"2023-02-30\", a date that does not exist; check the day and the month",
		"data/blocs/khoi-8/2024.yaml:4:16: error: field \"date\" is \"tomorrow\", which is not a date; write it as 2025-01-08, or 2025-01-08T09:00:00+07:00 with a time",
	}},
	{"year files whose name is not a year", map[string]string{
		"data/blocs/khoi-8/20x4.yaml": "members: [hoi-nguoi-cao-tuoi]\nleader: hoi-nguoi-cao-tuoi\n",
		"data/blocs/khoi-8/1800.yaml": "members: [hoi-nguoi-cao-tuoi]\nleader: hoi-nguoi-cao-tuoi\n",
	}, []string{
		"data/blocs/khoi-8/1800.yaml: error: file name \"1800.yaml\" is not a year from 1945 to 2100; name the file after the emulation year it records",
		"data/blocs/khoi-8/20x4.yaml: error: file name \"20x4.yaml\" is not a year; name the file of a bloc's year like 2024.yaml",
	}},
	{"article without title or date", map[string]string{
		"content/news/nhap.md": "---\nauthor: Ngọc Hân\n---\nBody.\n",
	}, []string{
		"content/news/nhap.md:2:1: error: missing required field \"date\"",
		"content/news/nhap.md:2:1: error: missing required field \"title\"",
	}},
	{"article without front matter, or never closed", map[string]string{
		"content/news/nhap.md": "Just a body.\n",
		"content/news/open.md": "---\ntitle: Mở\ndate: 2025-01-01\n",
	}, []string{
		"content/news/nhap.md:1:1: error: the file has no front matter; start it with a line ---, then title: and date:, then a line ---",
		"content/news/open.md:1:1: error: the front matter opened on line 1 is never closed; end it with a line ---",
	}},
	{"article image that is not under static", map[string]string{
		"content/news/nhap.md":  "---\ntitle: Bản nháp\ndate: 2025-02-01\nimage: /images/missing.jpg\n---\n",
		"content/news/other.md": "---\ntitle: Khác\ndate: 2025-02-01\nimage: ../static/images/khoi-8.jpg\n---\n",
	}, []string{
		"content/news/nhap.md:4:8: error: image \"/images/missing.jpg\" is not a file under static/; give its path under static/, like /images/photo.jpg, and put the file there",
		"content/news/other.md:4:8: error: image \"../static/images/khoi-8.jpg\" is not a file under static/; give its path under static/, like /images/photo.jpg, and put the file there",
	}},
	{"award with unit and count, or neither", map[string]string{
		year8: "members: [hoi-nguoi-cao-tuoi]\nleader: hoi-nguoi-cao-tuoi\nawards:\n  - {award: giay-khen, unit: hoi-nguoi-cao-tuoi, count: 2}\n  - award: giay-khen\n    status: given\n  - {award: giay-khen, count: 0}\n",
	}, []string{
		"data/blocs/khoi-8/2024.yaml:4:5: error: an award gives both unit and count; give unit for a named unit, or count for unnamed ones",
		"data/blocs/khoi-8/2024.yaml:5:5: error: an award gives neither unit nor count; give unit for a named unit, or count for unnamed ones",
		"data/blocs/khoi-8/2024.yaml:6:13: error: field \"status\" is \"given\"; use one of proposed, submitted, consultation, conferred, not_conferred",
		"data/blocs/khoi-8/2024.yaml:7:31: error: field \"count\" is 0; give how many units received it, 1 or more",
	}},
	{"site.yaml without title and baseURL", map[string]string{
		"site.yaml": "language: fr\npaginate: 0\n",
	}, []string{
		"site.yaml:1:1: error: missing required field \"baseURL\"",
		"site.yaml:1:1: error: missing required field \"title\"",
		"site.yaml:1:11: error: field \"language\" is \"fr\"; use one of vi, en",
		"site.yaml:2:11: error: field \"paginate\" is 0; give how many articles a news page lists, 1 or more",
	}},
	{"site.yaml with a relative baseURL", map[string]string{
		"site.yaml": "title: T\nbaseURL: /thidua/\nmarkdown: {unsafe: maybe}\n",
	}, []string{
		"site.yaml:2:10: error: field \"baseURL\" is \"/thidua/\"; give an absolute http or https address, like https://thidua.example.gov.vn/",
		"site.yaml:3:20: error: field \"unsafe\" must be true or false, not \"maybe\"",
	}},
	{"no site.yaml", map[string]string{"site.yaml": removed}, []string{
		"site.yaml: error: the site folder has no site.yaml; create one with title and baseURL",
	}},
	{"new award kind without name and rank", map[string]string{
		"data/awards.yaml": "- id: giay-khen-so\n  short: GK Sở\n- id: bang-khen-bo\n  name: Bằng khen của Bộ\n  rank: -1\n",
	}, []string{
		"data/awards.yaml:1:3: error: award kind \"giay-khen-so\" is not in the built-in catalogue, so it needs both name and rank",
		"data/awards.yaml:3:3: error: award kind \"bang-khen-bo\" is not in the built-in catalogue, so it needs both name and rank",
		"data/awards.yaml:5:9: error: field \"rank\" is -1; give 1 for the highest award, 2 for the next, and so on",
	}},
	{"next_leader differs from the next leader", map[string]string{
		"data/blocs/khoi-8/2023.yaml": "members: [hoi-khuyen-hoc, hoi-nguoi-cao-tuoi, hoi-chu-thap-do, hoi-nan-nhan-chat-doc-da-cam]\nleader: hoi-khuyen-hoc\nnext_leader: hoi-chu-thap-do\n",
	}, []string{
		"data/blocs/khoi-8/2024.yaml:11:9: warning: leader \"hoi-nguoi-cao-tuoi\" differs from next_leader \"hoi-chu-thap-do\" chosen at data/blocs/khoi-8/2023.yaml:3:14; check who leads the bloc in 2024",
	}},
	{"ranks with a gap and a repeat", map[string]string{
		year8: "members:\n  - {unit: hoi-nguoi-cao-tuoi, rank: 1}\n  - {unit: hoi-khuyen-hoc, rank: 3}\n  - {unit: hoi-chu-thap-do, rank: 3}\nleader: hoi-nguoi-cao-tuoi\n",
	}, []string{
		"data/blocs/khoi-8/2024.yaml:1:1: warning: the ranks of the 3 ranked members skip 2; number them 1 to 3 without gaps",
		"data/blocs/khoi-8/2024.yaml:4:35: warning: rank 3 is given twice, also at data/blocs/khoi-8/2024.yaml:3:34; give the ranked members 1..n without repeats",
	}},
	{"unit in no bloc", map[string]string{
		"data/blocs/khoi-8/2023.yaml": "members: [hoi-khuyen-hoc, hoi-nguoi-cao-tuoi, hoi-chu-thap-do]\nleader: hoi-khuyen-hoc\nnext_leader: hoi-nguoi-cao-tuoi\n",
	}, []string{
		"data/units.yaml:11:7: warning: unit \"hoi-nan-nhan-chat-doc-da-cam\" is in no bloc in any year; add it to the members of a bloc's year or remove it",
	}},
	{"a member after the unit was dissolved", map[string]string{
		"data/blocs/khoi-7/2025.yaml": "members: [lien-minh-htx, doan-luat-su, ban-dan-toc]\nleader: doan-luat-su\n",
	}, []string{
		"data/blocs/khoi-7/2025.yaml:1:40: error: unit \"ban-dan-toc\" is named in members in 2025, but it existed only until 2024 (at data/units.yaml:19:14); name its successor, or correct the year in data/units.yaml",
	}},
	{"a member and an award recipient after a merger, and before a unit was established", map[string]string{
		"data/units.yaml":             mergedUnits,
		"data/blocs/khoi-7/2025.yaml": "members: [lien-minh-htx, doan-luat-su, hoi-dong-y]\nleader: doan-luat-su\nawards:\n  - {award: bang-khen-tinh, unit: ban-dan-toc}\n",
		"data/blocs/khoi-7/2023.yaml": "members: [lien-minh-htx, doan-luat-su, ban-dan-toc]\nleader: doan-luat-su\n",
	}, []string{
		"data/blocs/khoi-7/2023.yaml:1:11: error: unit \"lien-minh-htx\" is named in members in 2023, but it was established in 2024 (at data/units.yaml:10:69); name a unit that existed that year, or correct established",
		"data/blocs/khoi-7/2025.yaml:4:35: error: unit \"ban-dan-toc\" is named in awards in 2025, but it existed only until 2024 (at data/units.yaml:8:58); name its successor, or correct the year in data/units.yaml",
	}},
	{"merge cycle", map[string]string{
		"data/units.yaml": mergedUnits + "- {id: hoi-a, name: Hội A, merged_into: {unit: hoi-b, year: 2025}}\n- {id: hoi-b, name: Hội B, split_into: {units: [hoi-c, hoi-a], year: 2025}}\n- {id: hoi-c, name: Hội C}\n- {id: hoi-d, name: Hội D, merged_into: {unit: hoi-d, year: 2025}}\n",
	}, []string{
		"data/units.yaml:11:8: warning: unit \"hoi-a\" is in no bloc in any year; add it to the members of a bloc's year or remove it",
		"data/units.yaml:11:41: error: unit \"hoi-a\" is merged, step by step, back into itself (hoi-a → hoi-b → hoi-a); a unit cannot succeed itself, so correct merged_into or split_into",
		"data/units.yaml:12:8: warning: unit \"hoi-b\" is in no bloc in any year; add it to the members of a bloc's year or remove it",
		"data/units.yaml:13:8: warning: unit \"hoi-c\" is in no bloc in any year; add it to the members of a bloc's year or remove it",
		"data/units.yaml:14:8: warning: unit \"hoi-d\" is in no bloc in any year; add it to the members of a bloc's year or remove it",
		"data/units.yaml:14:41: error: unit \"hoi-d\" is merged, step by step, back into itself (hoi-d → hoi-d); a unit cannot succeed itself, so correct merged_into or split_into",
	}},
	{"successors that did not exist in the year of the merger", map[string]string{
		"data/units.yaml":             mergedUnits + "- {id: hoi-a, name: Hội A, merged_into: {unit: hoi-b, year: 2022}}\n- {id: hoi-b, name: Hội B, established: 2023}\n- {id: hoi-c, name: Hội C, merged_into: {unit: hoi-a, year: 2023}}\n",
		"data/blocs/khoi-7/2022.yaml": "members: [doan-luat-su, hoi-a, hoi-c]\nleader: doan-luat-su\n",
		"data/blocs/khoi-7/2023.yaml": "members: [doan-luat-su, hoi-b]\nleader: doan-luat-su\n",
	}, []string{
		"data/blocs/khoi-7/2022.yaml:1:25: error: unit \"hoi-a\" is named in members in 2022, but it existed only until 2021 (at data/units.yaml:11:41); name its successor, or correct the year in data/units.yaml",
		"data/units.yaml:11:48: error: successor \"hoi-b\" was established in 2023, so it did not exist yet when \"hoi-a\" went into it in 2022 (established at data/units.yaml:12:41); correct the year or the successor",
		"data/units.yaml:13:48: error: successor \"hoi-a\" existed only until 2021, so it no longer existed when \"hoi-c\" went into it in 2023 (at data/units.yaml:11:41); name a unit that existed that year",
	}},
	{"merged_into and split_into written wrong", map[string]string{
		"data/units.yaml": mergedUnits + "- {id: hoi-a, name: Hội A, dissolved: 2024, merged_into: {unit: doan-luat-su, year: 2025}}\n- {id: hoi-b, name: Hội B, merged_into: {unit: doan-luat-su, year: 2025}, split_into: {units: [hoi-a, hoi-dong-y], year: 2025}}\n- {id: hoi-c, name: Hội C, split_into: {units: [hoi-dong-y, hoi-dong-y], year: 2025}}\n- {id: hoi-d, name: Hội D, established: 2025, merged_into: {unit: hoi-dong-y, year: 2024}}\n- {id: hoi-e, name: Hội E, established: 2025, dissolved: 2024}\n- {id: lien-minh-moi, name: Liên minh mới, predecessors: [ban-dan-toc]}\n",
	}, []string{
		"data/units.yaml:11:8: warning: unit \"hoi-a\" is in no bloc in any year; add it to the members of a bloc's year or remove it",
		"data/units.yaml:11:39: error: the unit gives both dissolved and merged_into (or split_into); give dissolved for a unit dissolved with no successor, merged_into or split_into for one merged or split",
		"data/units.yaml:12:8: warning: unit \"hoi-b\" is in no bloc in any year; add it to the members of a bloc's year or remove it",
		"data/units.yaml:12:75: error: the unit gives both merged_into and split_into; give merged_into when it went into one unit, split_into when it was split into several",
		"data/units.yaml:13:8: warning: unit \"hoi-c\" is in no bloc in any year; add it to the members of a bloc's year or remove it",
		"data/units.yaml:13:40: error: split_into names one unit only (\"hoi-dong-y\"); a split makes two units or more; for one, write merged_into: {unit: …, year: …}",
		"data/units.yaml:13:61: error: unit \"hoi-dong-y\" is listed twice in split_into; keep one",
		"data/units.yaml:14:8: warning: unit \"hoi-d\" is in no bloc in any year; add it to the members of a bloc's year or remove it",
		"data/units.yaml:14:60: error: the year of the merger or split, 2024, is not after the year it was established, 2025; correct year or established",
		"data/units.yaml:15:8: warning: unit \"hoi-e\" is in no bloc in any year; add it to the members of a bloc's year or remove it",
		"data/units.yaml:15:58: error: the unit is dissolved in 2024, before it was established in 2025; correct dissolved or established",
		"data/units.yaml:16:8: warning: unit \"lien-minh-moi\" is in no bloc in any year; add it to the members of a bloc's year or remove it",
		"data/units.yaml:16:59: error: unit \"lien-minh-moi\" lists \"ban-dan-toc\" among its predecessors, but that unit went into lien-minh-htx (at data/units.yaml:8:58); make predecessors and merged_into agree",
	}},
	{"recipients outside the bloc", map[string]string{
		"data/units.yaml":             mergedUnits + "- {id: cong-ty-x, name: Công ty X, kind: doanh nghiệp}\n- {id: truong-y, name: Trường Y, kind: trường học}\n",
		"data/blocs/khoi-7/2024.yaml": "members: [lien-minh-htx, doan-luat-su, hoi-dong-y]\nleader: doan-luat-su\nawards:\n  - {award: bang-khen-tinh, unit: cong-ty-x}\n  - {award: giay-khen, recipient: Nhân dân và cán bộ huyện Phú Quý}\n  - {award: giay-khen, recipient: Trường Z, unit: doan-luat-su}\n  - {award: giay-khen, unit: truong-yy}\n",
	}, []string{
		"data/blocs/khoi-7/2024.yaml:6:5: error: the award gives recipient with unit or count; give one: unit for a unit with an id, recipient for the name of a collective not in data/units.yaml, count for unnamed ones",
		"data/blocs/khoi-7/2024.yaml:7:30: error: unknown unit \"truong-yy\"; add it to data/units.yaml or fix the id (did you mean \"truong-y\"?)",
		"data/units.yaml:8:8: warning: unit \"ban-dan-toc\" is in no bloc in any year; add it to the members of a bloc's year or remove it",
		"data/units.yaml:12:8: warning: unit \"truong-y\" is in no bloc in any year; add it to the members of a bloc's year or remove it",
	}},
	{"rotating flag", map[string]string{
		"data/blocs/khoi-8/2023.yaml": "members: [hoi-khuyen-hoc, hoi-nguoi-cao-tuoi, hoi-nan-nhan-chat-doc-da-cam]\nleader: hoi-khuyen-hoc\nnext_leader: hoi-nguoi-cao-tuoi\nflag: {holder: hoi-khuyen-hoc}\n",
		"data/blocs/khoi-7/2024.yaml": "members: [lien-minh-htx, doan-luat-su, hoi-dong-y, ban-dan-toc]\nleader: doan-luat-su\nflag: {holder: hoi-chu-thap-do, from: doan-luat-su}\n",
		"data/blocs/khoi-7/2023.yaml": "members: [lien-minh-htx, doan-luat-su, hoi-dong-y, ban-dan-toc]\nleader: doan-luat-su\nflag: {holder: hoi-dong-y, from: hoi-dong-y, date: 2023-01-10}\n",
	}, []string{
		"data/blocs/khoi-7/2023.yaml:3:34: error: the flag is handed over by its own holder (\"hoi-dong-y\"); in from, name the unit that held it the year before",
		"data/blocs/khoi-7/2024.yaml:3:16: error: the holder of the rotating flag, \"hoi-chu-thap-do\", is not a member of the bloc in 2024; name a member, or add it to members",
	}},
	{"rotating flag handed over by another unit than the last holder", map[string]string{
		"data/blocs/khoi-8/2023.yaml": "members: [hoi-khuyen-hoc, hoi-nguoi-cao-tuoi, hoi-nan-nhan-chat-doc-da-cam]\nleader: hoi-khuyen-hoc\nnext_leader: hoi-nguoi-cao-tuoi\nflag: {holder: hoi-khuyen-hoc}\n",
		"data/blocs/khoi-8/2024.yaml": "members: [hoi-khuyen-hoc, hoi-nguoi-cao-tuoi, hoi-chu-thap-do]\nleader: hoi-nguoi-cao-tuoi\nflag: {holder: hoi-nguoi-cao-tuoi, from: hoi-chu-thap-do}\n",
	}, []string{
		"data/blocs/khoi-8/2024.yaml:3:42: warning: the flag is handed over by \"hoi-chu-thap-do\", but \"hoi-khuyen-hoc\" held it the year before (2023, at data/blocs/khoi-8/2023.yaml:4:16); check who handed it over",
	}},
	{"ignored files and a bloc folder without bloc.yaml", map[string]string{
		"data/blocs/khoi-8/notes.txt": "ghi chú",
		"data/unit.yaml":              "[]",
		"data/blocs/khoi-9/2024.yaml": "members: [hoi-dong-y]\nleader: hoi-dong-y\n",
		"content/news/anh.jpg":        "JPEG",
	}, []string{
		"content/news/anh.jpg: warning: the file is ignored; articles are .md files; put images and other files under static/",
		"data/blocs/khoi-8/notes.txt: warning: the file is ignored; a bloc folder holds bloc.yaml and one <year>.yaml per year, like 2024.yaml",
		"data/blocs/khoi-9: error: the bloc folder has no bloc.yaml; add one with the bloc's name",
		"data/unit.yaml: warning: the file is ignored; data/ holds units.yaml, awards.yaml, decisions.yaml and the folders blocs/ and consultations/ (did you mean \"units.yaml\"?)",
	}},
	{"predecessors", map[string]string{
		"data/units.yaml": "- {id: hoi-khuyen-hoc, name: Hội Khuyến học tỉnh, predecessors: [hoi-khuyen-hoc, hoi-nguoi-cao-tuoi, hoi-nguoi-cao-tuoi, hoi-x]}\n- {id: hoi-nguoi-cao-tuoi, name: Hội Người cao tuổi tỉnh}\n- {id: hoi-chu-thap-do, name: Hội Chữ thập đỏ tỉnh}\n- {id: hoi-nan-nhan-chat-doc-da-cam, name: Hội Nạn nhân}\n- {id: doan-luat-su, name: Đoàn Luật sư tỉnh}\n- {id: hoi-dong-y, name: Hội Đông y tỉnh}\n- {id: ban-dan-toc, name: Ban Dân tộc tỉnh}\n- {id: lien-minh-htx, name: Liên minh HTX}\n",
	}, []string{
		"data/units.yaml:1:66: error: unit \"hoi-khuyen-hoc\" names itself as a predecessor; list the units merged into it",
		"data/units.yaml:1:102: error: predecessor \"hoi-nguoi-cao-tuoi\" is listed twice; keep one",
		"data/units.yaml:1:122: error: unknown unit \"hoi-x\"; add it to data/units.yaml or fix the id",
	}},
	{"units.yaml that is a map", map[string]string{
		"data/units.yaml": "hoi-khuyen-hoc: Hội Khuyến học\n",
	}, []string{
		"data/units.yaml:1:1: error: data/units.yaml must be a list of units, each starting with \"- id:\", not a map",
	}},
}

// mergedUnits is the units of the valid site with ban-dan-toc merged into
// lien-minh-htx, established the year of the merger, instead of dissolved.
const mergedUnits = `- id: hoi-nguoi-cao-tuoi
  name: Hội Người cao tuổi tỉnh
- id: hoi-khuyen-hoc
  name: Hội Khuyến học tỉnh
- {id: hoi-chu-thap-do, name: Hội Chữ thập đỏ tỉnh}
- {id: hoi-nan-nhan-chat-doc-da-cam, name: Hội Nạn nhân chất độc da cam/dioxin tỉnh}
- {id: doan-luat-su, name: Đoàn Luật sư tỉnh}
- {id: ban-dan-toc, name: Ban Dân tộc tỉnh, merged_into: {unit: lien-minh-htx, year: 2025}}
- {id: hoi-dong-y, name: Hội Đông y tỉnh}
- {id: lien-minh-htx, name: Liên minh Hợp tác xã tỉnh, established: 2024}
`

// apply returns the valid site with the files of c replaced, added or removed.
func apply(t *testing.T, files map[string]string) fstest.MapFS {
	fsys := validSite(t)
	for p, content := range files {
		if content == removed {
			delete(fsys, p)
			continue
		}
		fsys[p] = &fstest.MapFile{Data: []byte(content)}
	}
	return fsys
}

func TestChecks(t *testing.T) { runChecks(t, checks, Options{}) }

// runChecks loads each variant of the valid site with opts and compares
// its diagnostics with those the check wants; with PRINT set, it prints
// them instead.
func runChecks(t *testing.T, cs []check, opts Options) {
	for _, c := range cs {
		t.Run(c.name, func(t *testing.T) {
			_, diags := Site(apply(t, c.files), opts)
			got := lines(diags)
			if os.Getenv("PRINT") != "" {
				fmt.Printf("CASE %s\n", c.name)
				for _, g := range got {
					fmt.Printf("%q,\n", g)
				}
				return
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(c.want, "\n\t"))
			}
		})
	}
}
