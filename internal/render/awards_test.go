package render

import (
	"strings"
	"testing"
)

func TestAwardsTableColumns(t *testing.T) {
	tb, err := awardsTable("year  kind unit bloc decision course", "c", nil)
	if err != nil || !tb.Year || !tb.Kind || !tb.Unit || !tb.Bloc || !tb.Decision || !tb.Course || tb.Caption != "c" {
		t.Errorf("all columns: %+v, %v", tb, err)
	}
	if tb, err := awardsTable("kind", "c", nil); err != nil || tb.Year || !tb.Kind || tb.Course {
		t.Errorf("kind only: %+v, %v", tb, err)
	}
	if _, err := awardsTable("year status", "c", nil); err == nil || !strings.Contains(err.Error(), `"status"`) {
		t.Errorf("an unknown column: %v", err)
	}
}
