package publishtest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// apacheModules are the modules the documented configuration needs, and
// an MPM, by their files under Debian's /usr/lib/apache2/modules.
var apacheModules = []string{"mpm_event", "authz_core", "alias", "dir", "mime", "headers", "deflate", "filter", "rewrite"}

// apacheConf is the whole configuration of the test's Apache (%[1]s its
// folder, %[2]d its port, %[3]s the modules' lines, %[4]s the user's
// lines): one server on 127.0.0.1 that includes the documented file, with
// no MIME types of its own, so that the file's decide.
const apacheConf = `ServerRoot "%[1]s"
DefaultRuntimeDir "%[1]s"
PidFile "%[1]s/apache.pid"
Mutex file:%[1]s
Listen 127.0.0.1:%[2]d
ServerName 127.0.0.1
ErrorLog /dev/stderr
LogLevel warn
%[3]s%[4]sTypesConfig /dev/null
DocumentRoot "%[1]s/empty"
<Directory />
    Require all denied
    AllowOverride None
</Directory>
Include "%[1]s/thidua.conf"
`

// TestApache serves the demo, built under http://127.0.0.1:PORT/thidua/,
// with Debian's Apache from docs/publishing/apache.conf, and crawls it.
func TestApache(t *testing.T) {
	apache := lookFor(t, "apache2", "apache2-bin", "/usr/sbin/apache2")
	const modules = "/usr/lib/apache2/modules"
	var load strings.Builder
	for _, m := range apacheModules {
		fmt.Fprintf(&load, "LoadModule %s_module %s/mod_%s.so\n", m, modules, m)
	}
	port := freePort(t)
	base := fmt.Sprintf("http://127.0.0.1:%d%s", port, sitePath)
	public := buildDemo(t, base)
	prefix := t.TempDir()
	user := ""
	if os.Geteuid() == 0 {
		// Apache serves as another user than root: let it read the site.
		user = "User nobody\nGroup nogroup\n"
		for _, dir := range []string{filepath.Dir(filepath.Dir(public)), filepath.Dir(public), filepath.Dir(prefix), prefix} {
			if err := os.Chmod(dir, 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.Mkdir(filepath.Join(prefix, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(prefix, "thidua.conf"), []byte(documented(t, "apache.conf", public)), 0o644); err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join(prefix, "apache2.conf")
	if err := os.WriteFile(conf, fmt.Appendf(nil, apacheConf, prefix, port, load.String(), user), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(apache, "-t", "-f", conf).CombinedOutput(); err != nil {
		t.Fatalf("apache2 -t: %v\n%s", err, out)
	}
	start(t, exec.Command(apache, "-f", conf, "-DFOREGROUND"), fmt.Sprintf("127.0.0.1:%d", port))
	checkServed(t, base, public, false, "gzip", "br")
}
