package load

import (
	"testing"
)

func TestValidSiteHasNoDiagnostics(t *testing.T) {
	_, diags := Site(validSite(t), Options{})
	for _, l := range lines(diags) {
		t.Error(l)
	}
}
