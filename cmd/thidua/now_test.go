package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNowClosesConsultations builds the fixture on the last day of a
// consultation's window and on the day after: --now decides whether it is
// open, and a wrong date is a usage error.
func TestNowClosesConsultations(t *testing.T) {
	page := filepath.Join("lay-y-kien", "co-thi-dua-tinh-2024", "index.html")
	for _, c := range []struct{ now, want string }{{"2025-03-03", "Đang nhận ý kiến"}, {"2025-03-04", "Đã hết hạn nhận ý kiến"}} {
		dst := filepath.Join(t.TempDir(), "public")
		if code, _, errOut := runCmd("build", "-s", fixture, "-d", dst, "--quiet", "--now", c.now); code != 0 {
			t.Fatalf("--now %s: exit %d: %s", c.now, code, errOut)
		}
		b, err := os.ReadFile(filepath.Join(dst, page))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), `<p class="lead"><span class="status status-`) || !strings.Contains(string(b), c.want) {
			t.Errorf("--now %s: the notice does not say %q", c.now, c.want)
		}
	}
	if code, _, errOut := runCmd("check", "-s", fixture, "--now", "03/03/2025"); code != exitUsage || !strings.Contains(errOut, "2025-03-04") {
		t.Errorf("a date written dd/mm/yyyy: exit %d, %s", code, errOut)
	}
}
