package model

// DefaultDataLicense is the licence of a site's open data when site.yaml
// names none.
const DefaultDataLicense = "CC-BY-4.0"

// License is a licence the open data may be given under.
type License struct {
	ID    string // SPDX identifier: "CC-BY-4.0"
	Title string
	URL   string
}

// DataLicenses are the licences site.yaml's data_license may name: the
// open licences of the Open Definition for data.
func DataLicenses() []License {
	return []License{
		{"CC-BY-4.0", "Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/"},
		{"CC-BY-SA-4.0", "Creative Commons Attribution-ShareAlike 4.0 International", "https://creativecommons.org/licenses/by-sa/4.0/"},
		{"CC0-1.0", "Creative Commons Zero v1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"},
		{"ODC-By-1.0", "Open Data Commons Attribution License v1.0", "https://opendatacommons.org/licenses/by/1-0/"},
		{"ODbL-1.0", "Open Data Commons Open Database License v1.0", "https://opendatacommons.org/licenses/odbl/1-0/"},
		{"PDDL-1.0", "Open Data Commons Public Domain Dedication and License v1.0", "https://opendatacommons.org/licenses/pddl/1-0/"},
	}
}

// DataLicense is the licence of the site's open data.
func (c Config) DataLicense() License {
	for _, l := range DataLicenses() {
		if l.ID == c.DataLicenseID {
			return l
		}
	}
	return DataLicenses()[0]
}
