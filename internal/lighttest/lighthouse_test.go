package lighttest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/internal/browsertest"
)

// minPerformance is the least Lighthouse mobile performance score, out of
// 100, of each page of lighthousePages.
const minPerformance = 95

// lighthousePages are the pages issue 18 names: home, bloc, bloc year, unit
// and article.
var lighthousePages = []string{"", "khoi/hoi-dac-thu/", "khoi/hoi-dac-thu/2023/", "don-vi/ban-dan-toc/", "tin-tuc/hoi-dac-thu-tong-ket-2023/"}

// metricAudits are the audits the performance score is made of, the only
// ones run, which halves the time of a run.
var metricAudits = []string{"first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"}

// chromeFlags are those of browsertest.New's Chromium.
var chromeFlags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
	"--disable-background-networking", "--disable-component-update", "--disable-sync",
	"--disable-dev-shm-usage", "--disable-extensions",
}

// missing skips the test saying what to install, or fails it under
// CI=true.
func missing(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// lighthouse returns the command line that runs Lighthouse from the
// repository's node_modules with node.
func lighthouse(t *testing.T) []string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		missing(t, "no node found (apt-get install nodejs); this test runs Lighthouse with it")
	}
	cli := filepath.Join(root, "node_modules", "lighthouse", "cli", "index.js")
	if _, err := os.Stat(cli); err != nil {
		missing(t, "no Lighthouse in node_modules (npm ci, from package.json); this test runs it")
	}
	return []string{node, cli}
}

// report is the part of a Lighthouse report the test reads.
type report struct {
	Categories struct {
		Performance struct {
			Score *float64 `json:"score"`
		} `json:"performance"`
	} `json:"categories"`
	Audits map[string]struct {
		DisplayValue string `json:"displayValue"`
	} `json:"audits"`
	RuntimeError *struct {
		Code, Message string
	} `json:"runtimeError"`
}

// TestLighthouseMobilePerformance runs Lighthouse's performance audit, as a
// phone on a slow network (its defaults for mobile, simulated), on each of
// lighthousePages of the demo served with its precompressed twins, in the
// machine's Chromium with the flags of the other browser tests.
//
// A run takes 10 to 40 s a page, by the machine's load: -short skips it.
// Its total blocking time is the main thread's time slowed down four times,
// so that a machine busy with other work scores lower.
func TestLighthouseMobilePerformance(t *testing.T) {
	if testing.Short() {
		t.Skip("Lighthouse takes a minute or more; run without -short")
	}
	cmdline := lighthouse(t)
	chrome := browsertest.Find()
	if chrome == "" {
		missing(t, "no Chromium found (apt-get install chromium); Lighthouse runs in it")
	}
	_, base, _ := servedDemo(t)
	start := time.Now()
	for _, p := range lighthousePages {
		// Lighthouse's scores vary from run to run, and more on a busy
		// machine; as its documentation advises, a page that scores under
		// the bar is run again, up to three runs, and judged by the median
		// of its scores.
		// A run that fails to reach Chromium ("Unable to connect to
		// Chrome", a launch that timed out) is run again too.
		var scores []int
		var metrics []string
		var errs []error
		for run := 0; run < 3; run++ {
			r, err := runLighthouse(t, cmdline, chrome, base+p)
			if err != nil {
				t.Logf("/%s: run %d: %v", p, run+1, err)
				errs = append(errs, err)
				continue
			}
			score := int(*r.Categories.Performance.Score*100 + 0.5)
			metrics = metrics[:0]
			for _, a := range metricAudits {
				metrics = append(metrics, a+" "+r.Audits[a].DisplayValue)
			}
			t.Logf("/%s: performance %d (%s)", p, score, strings.Join(metrics, ", "))
			scores = append(scores, score)
			if len(scores) == 1 && score >= minPerformance {
				break
			}
		}
		if len(scores) == 0 {
			t.Errorf("/%s: Lighthouse did not run: %v", p, errors.Join(errs...))
			continue
		}
		slices.Sort(scores)
		if median := scores[len(scores)/2]; median < minPerformance {
			t.Errorf("/%s: Lighthouse mobile performance %d (median of %v), want at least %d (%s)", p, median, scores, minPerformance, strings.Join(metrics, ", "))
		}
	}
	t.Logf("%d pages in %v", len(lighthousePages), time.Since(start).Round(time.Second))
}

// runLighthouse audits url and returns the report.
func runLighthouse(t *testing.T, cmdline []string, chrome, url string) (*report, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := append(cmdline[1:], url,
		"--only-categories=performance", "--only-audits="+strings.Join(metricAudits, ","), "--output=json", "--output-path=stdout", "--quiet",
		"--chrome-flags="+strings.Join(chromeFlags, " "))
	cmd := exec.CommandContext(ctx, cmdline[0], args...)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chrome, "TMPDIR="+t.TempDir())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("lighthouse: %v\n%s", err, stderr.Bytes())
	}
	var r report
	if err := json.Unmarshal(out, &r); err != nil {
		return nil, fmt.Errorf("lighthouse's report: %v", err)
	}
	if r.RuntimeError != nil && r.RuntimeError.Code != "" && r.RuntimeError.Code != "NO_ERROR" {
		return nil, fmt.Errorf("lighthouse: %s: %s", r.RuntimeError.Code, r.RuntimeError.Message)
	}
	if r.Categories.Performance.Score == nil {
		return nil, fmt.Errorf("lighthouse gave no performance score")
	}
	return &r, nil
}
