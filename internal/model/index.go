package model

// Unit returns the unit with the id, or nil.
func (s *Site) Unit(id string) *Unit { return s.unitByID[id] }

// Bloc returns the bloc with the id, or nil.
func (s *Site) Bloc(id string) *Bloc { return s.blocByID[id] }

// Award returns the award kind with the id, or nil.
func (s *Site) Award(id string) *AwardKind { return s.awardByID[id] }

// Decision returns the decision with the id, or nil.
func (s *Site) Decision(id string) *Decision { return s.decisionBy[id] }

// Year returns the emulation year, or nil when no bloc has a file for it.
func (s *Site) Year(year int) *Year { return s.yearByNum[year] }

// Article returns the article with the slug, or nil.
func (s *Site) Article(slug string) *Article { return s.articleBy[slug] }

// CurrentYear is the latest year any bloc has a file for, or 0.
func (s *Site) CurrentYear() int {
	if len(s.Years) == 0 {
		return 0
	}
	return s.Years[len(s.Years)-1].Year
}

// Year returns the bloc's file for the year, or nil.
func (b *Bloc) Year(year int) *BlocYear {
	for _, y := range b.Years {
		if y.Year == year {
			return y
		}
	}
	return nil
}

// Index builds the lookups by id, slug and year from the slices of s. Call
// it once, after the slices are complete and before s is read.
func (s *Site) Index() {
	s.unitByID = make(map[string]*Unit, len(s.Units))
	for _, u := range s.Units {
		s.unitByID[u.ID] = u
	}
	s.blocByID = make(map[string]*Bloc, len(s.Blocs))
	for _, b := range s.Blocs {
		s.blocByID[b.ID] = b
	}
	s.awardByID = make(map[string]*AwardKind, len(s.Awards))
	for _, k := range s.Awards {
		s.awardByID[k.ID] = k
	}
	s.yearByNum = make(map[int]*Year, len(s.Years))
	for _, y := range s.Years {
		s.yearByNum[y.Year] = y
	}
	s.decisionBy = make(map[string]*Decision, len(s.Decisions))
	for _, d := range s.Decisions {
		s.decisionBy[d.ID] = d
	}
	s.articleBy = make(map[string]*Article, len(s.Articles))
	for _, a := range s.Articles {
		s.articleBy[a.Slug] = a
	}
}
