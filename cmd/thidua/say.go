package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/thidua/thidua/internal/load"
	"github.com/thidua/thidua/internal/msg"
)

// say writes the message of code in e's language, and a line end, to w.
func (e *env) say(w io.Writer, code string, args ...any) {
	fmt.Fprintln(w, msg.Sprintf(e.lang, code, args...))
}

// complain writes "thidua <cmd>: " and the message of code to stderr;
// cmd "" writes "thidua: ".
func (e *env) complain(cmd, code string, args ...any) {
	prefix := "thidua: "
	if cmd != "" {
		prefix = "thidua " + cmd + ": "
	}
	fmt.Fprintln(e.stderr, prefix+msg.Sprintf(e.lang, code, args...))
}

// text returns the message of code in e's language.
func (e *env) text(code string, args ...any) string { return msg.Sprintf(e.lang, code, args...) }

// takeLang removes --lang X and --lang=X from args (before a "--") and
// returns the rest, and the value given, "" when none.
func takeLang(args []string) (rest []string, value string, given bool) {
	rest = make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return append(rest, args[i:]...), value, given
		case a == "--lang" && i+1 < len(args):
			value, given = args[i+1], true
			i++
		case a == "--lang":
			value, given = "", true
		case strings.HasPrefix(a, "--lang="):
			value, given = strings.TrimPrefix(a, "--lang="), true
		default:
			rest = append(rest, a)
		}
	}
	return rest, value, given
}

// useSite sets e's language to that of the site folder dir (site.yaml's
// language, Vietnamese when it gives none) unless --lang chose one.
func (e *env) useSite(dir string) {
	if e.langSet {
		return
	}
	src, err := os.ReadFile(filepath.Join(dir, "site.yaml"))
	if err != nil {
		return
	}
	c, _ := load.ParseConfig("site.yaml", src)
	if l, ok := msg.ParseLang(c.Language); ok {
		e.lang = l
	}
}
