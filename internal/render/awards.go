package render

import (
	"fmt"
	"strings"

	"github.com/thidua/thidua/internal/model"
)

// AwardsTable is the data of the partial "awards-table": one table of
// awards, with the columns a page shows. Every page that lists awards draws
// it with the same partial.
type AwardsTable struct {
	Caption string
	Awards  []*model.Award
	// The columns beside the status: the year, the award kind, the
	// recipient, its bloc, the decision; Course shows the dated stages of
	// each award instead of its stage alone.
	Year, Kind, Unit, Bloc, Decision, Course bool
}

// awardsTable is the template function "awardsTable COLUMNS CAPTION AWARDS":
// COLUMNS names the columns, separated by spaces, among year, kind, unit,
// bloc, decision and course.
func awardsTable(columns, caption string, awards []*model.Award) (*AwardsTable, error) {
	t := &AwardsTable{Caption: caption, Awards: awards}
	for _, c := range strings.Fields(columns) {
		switch c {
		case "year":
			t.Year = true
		case "kind":
			t.Kind = true
		case "unit":
			t.Unit = true
		case "bloc":
			t.Bloc = true
		case "decision":
			t.Decision = true
		case "course":
			t.Course = true
		default:
			return nil, fmt.Errorf("awardsTable: unknown column %q; use year, kind, unit, bloc, decision or course", c)
		}
	}
	return t, nil
}
