package msg

// recordsUnits holds the diagnostics of units over the years: names in
// force, mergers and splits, recipients outside the blocs and the rotating
// flag (docs/format.md, "data/units.yaml" and "flag").
func recordsUnits() map[string]Text {
	return map[string]Text{
		"unit-ended-twice": {
			"đơn vị ghi cả dissolved và merged_into (hoặc split_into); đơn vị giải thể thì chỉ ghi dissolved, đơn vị hợp nhất hay chia tách thì chỉ ghi merged_into hoặc split_into",
			"the unit gives both dissolved and merged_into (or split_into); give dissolved for a unit dissolved with no successor, merged_into or split_into for one merged or split",
		},
		"unit-ended-early": {
			"năm hợp nhất hoặc chia tách %d không sau năm thành lập %d; sửa year hoặc established",
			"the year of the merger or split, %d, is not after the year it was established, %d; correct year or established",
		},
		"unit-dissolved-early": {
			"năm giải thể %d trước năm thành lập %d; sửa dissolved hoặc established",
			"the unit is dissolved in %d, before it was established in %d; correct dissolved or established",
		},
		"unit-merged-and-split": {
			"đơn vị ghi cả merged_into và split_into; hợp nhất vào một đơn vị thì ghi merged_into, chia tách thành nhiều đơn vị thì ghi split_into",
			"the unit gives both merged_into and split_into; give merged_into when it went into one unit, split_into when it was split into several",
		},
		"unit-split-twice": {
			"đơn vị %q được ghi hai lần trong split_into; giữ một lần",
			"unit %q is listed twice in split_into; keep one",
		},
		"unit-split-one": {
			"split_into chỉ có một đơn vị (%q); chia tách phải thành hai đơn vị trở lên, nếu chỉ vào một đơn vị thì ghi merged_into: {unit: …, year: …}",
			"split_into names one unit only (%q); a split makes two units or more; for one, write merged_into: {unit: …, year: …}",
		},
		"unit-predecessor-conflict": {
			"đơn vị %q ghi %q là đơn vị tiền thân, nhưng đơn vị đó đã hợp nhất hoặc chia tách vào %s (tại %s); sửa predecessors hoặc merged_into cho khớp nhau",
			"unit %q lists %q among its predecessors, but that unit went into %s (at %s); make predecessors and merged_into agree",
		},
		"unit-merge-cycle": {
			"đơn vị %q hợp nhất vòng trở lại chính nó (%s); một đơn vị không thể là đơn vị kế thừa của chính mình, sửa merged_into hoặc split_into",
			"unit %q is merged, step by step, back into itself (%s); a unit cannot succeed itself, so correct merged_into or split_into",
		},
		"unit-successor-not-yet": {
			"đơn vị kế thừa %q thành lập năm %d, khi %q hợp nhất hoặc chia tách năm %d nó chưa có (năm thành lập ghi tại %s); sửa năm hoặc đơn vị kế thừa",
			"successor %q was established in %d, so it did not exist yet when %q went into it in %d (established at %s); correct the year or the successor",
		},
		"unit-successor-gone": {
			"đơn vị kế thừa %q chỉ tồn tại đến năm %d, khi %q hợp nhất hoặc chia tách năm %d nó đã không còn (tại %s); ghi đơn vị đang tồn tại năm đó",
			"successor %q existed only until %d, so it no longer existed when %q went into it in %d (at %s); name a unit that existed that year",
		},
		"unit-ceased": {
			"đơn vị %q được ghi ở %s năm %d, nhưng đơn vị chỉ tồn tại đến năm %d (tại %s); ghi đơn vị kế thừa, hoặc sửa năm ở data/units.yaml",
			"unit %q is named in %s in %d, but it existed only until %d (at %s); name its successor, or correct the year in data/units.yaml",
		},
		"unit-not-yet": {
			"đơn vị %q được ghi ở %s năm %d, nhưng đơn vị thành lập năm %d (tại %s); ghi đơn vị có từ năm đó, hoặc sửa established",
			"unit %q is named in %s in %d, but it was established in %d (at %s); name a unit that existed that year, or correct established",
		},
		"award-recipient-and": {
			"khen thưởng ghi recipient cùng với unit hoặc count; chỉ ghi một trường: unit cho đơn vị có mã, recipient cho tên tập thể không có trong data/units.yaml, count cho số tập thể không công bố tên",
			"the award gives recipient with unit or count; give one: unit for a unit with an id, recipient for the name of a collective not in data/units.yaml, count for unnamed ones",
		},
		"flag-holder-not-member": {
			"đơn vị giữ cờ luân lưu %q không là thành viên của khối năm %d; ghi một thành viên, hoặc thêm đơn vị vào members",
			"the holder of the rotating flag, %q, is not a member of the bloc in %d; name a member, or add it to members",
		},
		"flag-from-holder": {
			"đơn vị trao cờ luân lưu cũng là đơn vị nhận cờ (%q); ở from ghi đơn vị giữ cờ năm trước",
			"the flag is handed over by its own holder (%q); in from, name the unit that held it the year before",
		},
		"flag-from-differs": {
			"đơn vị trao cờ luân lưu là %q, nhưng năm trước đơn vị giữ cờ là %q (năm %d, tại %s); kiểm tra lại đơn vị trao cờ",
			"the flag is handed over by %q, but %q held it the year before (%d, at %s); check who handed it over",
		},
	}
}
