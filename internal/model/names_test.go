package model

import (
	"slices"
	"testing"
)

func TestNameIn(t *testing.T) {
	u := &Unit{Name: "Sở Dân tộc và Tôn giáo", Short: "Sở DT&TG", Established: 1995, Formerly: []FormerName{
		{Name: "Ban Dân tộc tỉnh", Short: "Ban Dân tộc", Until: 2024},
		{Name: "Ban Dân tộc và Miền núi", Until: 2008},
	}}
	for _, c := range []struct {
		year        int
		name, short string
		renamed     bool
	}{
		{2000, "Ban Dân tộc và Miền núi", "Ban Dân tộc và Miền núi", true},
		{2008, "Ban Dân tộc và Miền núi", "Ban Dân tộc và Miền núi", true},
		{2009, "Ban Dân tộc tỉnh", "Ban Dân tộc", true},
		{2024, "Ban Dân tộc tỉnh", "Ban Dân tộc", true},
		{2025, "Sở Dân tộc và Tôn giáo", "Sở DT&TG", false},
	} {
		if got := u.NameIn(c.year); got != c.name {
			t.Errorf("NameIn(%d) = %q, want %q", c.year, got, c.name)
		}
		if got := u.ShortIn(c.year); got != c.short {
			t.Errorf("ShortIn(%d) = %q, want %q", c.year, got, c.short)
		}
		if got := u.Renamed(c.year); got != c.renamed {
			t.Errorf("Renamed(%d) = %v", c.year, got)
		}
	}
	want := []NameSpan{{"Ban Dân tộc và Miền núi", 1995, 2008}, {"Ban Dân tộc tỉnh", 2009, 2024}, {"Sở Dân tộc và Tôn giáo", 2025, 0}}
	if got := u.Names(); !slices.Equal(got, want) {
		t.Errorf("Names() = %v, want %v", got, want)
	}
}

func TestLastYearAndExistsIn(t *testing.T) {
	s := &Unit{ID: "so-tai-chinh", Established: 2000}
	merged := &Unit{ID: "so-ke-hoach-dau-tu", Ending: &Ending{Year: 2025, Into: []*Unit{s}}}
	dissolved := &Unit{ID: "hoi-a", Dissolved: 2022}
	for _, c := range []struct {
		u      *Unit
		last   int
		year   int
		exists bool
	}{
		{merged, 2024, 2024, true},
		{merged, 2024, 2025, false},
		{dissolved, 2022, 2023, false},
		{s, 0, 1999, false},
		{s, 0, 2030, true},
	} {
		if got := c.u.LastYear(); got != c.last {
			t.Errorf("%s: LastYear() = %d, want %d", c.u.ID, got, c.last)
		}
		if got := c.u.ExistsIn(c.year); got != c.exists {
			t.Errorf("%s: ExistsIn(%d) = %v", c.u.ID, c.year, got)
		}
	}
}

func TestNameInYearZeroIsTheCurrentName(t *testing.T) {
	u := &Unit{Name: "Sở Dân tộc và Tôn giáo", Formerly: []FormerName{{Name: "Ban Dân tộc tỉnh", Until: 2024}}}
	if got := u.NameIn(0); got != u.Name {
		t.Errorf("NameIn(0) = %q", got)
	}
}

func TestMergedFromAndSplitFrom(t *testing.T) {
	u := &Unit{ID: "so-moi"}
	merged := &Unit{ID: "so-a", Ending: &Ending{Year: 2025, Into: []*Unit{u}}}
	split := &Unit{ID: "so-b", Ending: &Ending{Year: 2025, Into: []*Unit{u, {ID: "so-c"}}, Split: true}}
	old := &Unit{ID: "so-d", Dissolved: 2020}
	u.Predecessors = []*Unit{merged, split, old}
	if got := u.MergedFrom(); !slices.Equal(got, []*Unit{merged, old}) {
		t.Errorf("MergedFrom() = %v", got)
	}
	if got := u.SplitFrom(); !slices.Equal(got, []*Unit{split}) {
		t.Errorf("SplitFrom() = %v", got)
	}
}
