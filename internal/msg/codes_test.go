package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// codeArgs are the calls that name a code of the catalogue, by the name
// of the function or method called, with the index of each argument that
// is a code: diag's List.Error and its kin, load's decoder.error and its
// kin, the command line's printing helpers, Phrase and Sprintf here, and
// the few helpers that pass a code on.
var codeArgs = map[string][]int{
	"Error": {3}, "Warn": {3}, "ErrorFix": {3}, "ErrorGuess": {3}, "WarnGuess": {3}, "Consequence": {4},
	"error": {1}, "warn": {1}, "errorFix": {1}, "errorGuess": {1},
	"say": {1}, "complain": {1}, "text": {0},
	"P": {0}, "E": {0}, "Sprintf": {1},
	"errorAt": {3}, "fail": {1}, "usageErr": {0}, "claimSlug": {1},
	"newFlags": {2}, "addSiteFlags": {1}, "count": {1, 2},
}

// minArgs is how many arguments a call of each name needs to be one of
// codeArgs: t.Error(x) and err.Error() are not.
var minArgs = map[string]int{"Error": 4, "Warn": 4, "error": 2, "warn": 2, "text": 1, "Sprintf": 2, "count": 3}

// codesComment lists the codes a call passes in a variable: "// codes: a, b".
var codesComment = regexp.MustCompile(`codes: ([a-z0-9, -]+)`)

// sentence is text of the user's written at a call site: two words.
var sentence = regexp.MustCompile(`[A-Za-zÀ-ỹ]{2,} [A-Za-zÀ-ỹ]{2,}`)

// notForEditors are the folders whose programs are maintainers' tools,
// whose output is not translated.
var notForEditors = []string{"internal/cmd/", "cmd/thidua-bench/", "internal/synth/", "internal/gitinfo/gittest/", "internal/browsertest/", "internal/sitetest/", "internal/publishtest/"}

// TestEveryCodeUsedIsInTheCatalogue reads every Go file of the repository
// but tests and checks that each code a call names is in the catalogue,
// written as a string or a constant. A code in a variable must be listed in
// a "// codes:" comment on the line of the call or the three above it,
// unless the call is in a function of codeArgs passing its own parameter
// on (the calls of that function are checked), or in package diag or msg,
// the machinery of the catalogue. It also checks that no program for
// editors writes a sentence of its own to stdout or stderr.
func TestEveryCodeUsedIsInTheCatalogue(t *testing.T) {
	all, err := Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	consts := map[string]string{}
	var files []string
	err = filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != "../.." {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			if g, ok := decl.(*ast.GenDecl); ok && g.Tok == token.CONST {
				for _, spec := range g.Specs {
					vs := spec.(*ast.ValueSpec)
					for i, name := range vs.Names {
						if i < len(vs.Values) {
							if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
								consts[name.Name], _ = strconv.Unquote(lit.Value)
							}
						}
					}
				}
			}
		}
	}
	used := 0
	for _, path := range files {
		rel := filepath.ToSlash(strings.TrimPrefix(path, "../../"))
		used += checkFile(t, path, rel, all, consts)
	}
	if used < 300 {
		t.Errorf("only %d uses of codes found: the scan misses calls", used)
	}
}

// checkFile checks the file at path (rel from the repository) and returns
// how many uses of codes it holds; consts are the string constants of
// the repository.
func checkFile(t *testing.T, path, rel string, all map[string]Text, consts map[string]string) int {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	listed := map[int][]string{} // line → the codes its comment lists
	for _, g := range f.Comments {
		for _, c := range g.List {
			if m := codesComment.FindStringSubmatch(c.Text); m != nil {
				line := fset.Position(c.Pos()).Line
				for _, code := range strings.Split(m[1], ",") {
					if code = strings.TrimSpace(code); code != "" {
						listed[line] = append(listed[line], code)
						if _, ok := all[code]; !ok {
							t.Errorf("%s:%d: the code %q is not in the catalogue", rel, line, code)
						}
					}
				}
			}
		}
	}
	forEditors := !strings.HasPrefix(rel, "internal/msg/")
	for _, p := range notForEditors {
		forEditors = forEditors && !strings.HasPrefix(rel, p)
	}
	machinery := strings.HasPrefix(rel, "internal/msg/") || strings.HasPrefix(rel, "internal/diag/")
	used := 0
	var params map[string]bool // of the function being read, when its name is in codeArgs
	check := func(e ast.Expr, what string) {
		pos := fset.Position(e.Pos())
		code, isConst := "", false
		switch e := e.(type) {
		case *ast.BasicLit:
			code, _ = strconv.Unquote(e.Value)
			isConst = e.Kind == token.STRING
		case *ast.Ident:
			code, isConst = consts[e.Name]
			if !isConst && params[e.Name] {
				return
			}
		}
		if isConst {
			if _, ok := all[code]; !ok {
				t.Errorf("%s:%d: %s names the code %q, which is not in the catalogue", rel, pos.Line, what, code)
			}
			used++
			return
		}
		if machinery {
			return
		}
		for l := pos.Line - 3; l <= pos.Line; l++ {
			if len(listed[l]) > 0 {
				used += len(listed[l])
				return
			}
		}
		t.Errorf("%s:%d: %s passes a code that is not a constant, without a \"// codes:\" comment listing what it may be", rel, pos.Line, what)
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			params = nil
			if _, ok := codeArgs[n.Name.Name]; ok {
				params = map[string]bool{}
				for _, field := range n.Type.Params.List {
					for _, name := range field.Names {
						params[name.Name] = true
					}
				}
			}
		case *ast.CompositeLit:
			if sel, ok := n.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "Diagnostic" || isIdent(n.Type, "Diagnostic") {
				for _, el := range n.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok && isIdent(kv.Key, "Code") {
						check(kv.Value, "a Diagnostic")
					}
				}
			}
		case *ast.CallExpr:
			name := calledName(n.Fun)
			if forEditors && writesToUser(n) {
				for _, a := range n.Args[1:] {
					if lit, ok := a.(*ast.BasicLit); ok && lit.Kind == token.STRING && sentence.MatchString(lit.Value) {
						t.Errorf("%s:%d: a sentence written at the call site, not in the catalogue: %s", rel, fset.Position(a.Pos()).Line, lit.Value)
					}
				}
			}
			if rel == "internal/msg/msg.go" || !inPackageOfCodes(rel, name, n) {
				break
			}
			if idx, ok := codeArgs[name]; ok && len(n.Args) >= minArgs[name] {
				for _, i := range idx {
					if name == "errorAt" && strings.HasPrefix(rel, "internal/importer/") {
						i = 1 // errorAt(ref, code, args...), where markdown's is errorAt(l, n, at, code, args...)
					}
					if i < len(n.Args) {
						check(n.Args[i], name)
					}
				}
			}
		}
		return true
	})
	return used
}

// inPackageOfCodes reports whether the call of name is one of codeArgs
// where it is: the helpers of one package are not the functions of the
// same name of another (strings.Count, fmt.Sprintf).
func inPackageOfCodes(rel, name string, call *ast.CallExpr) bool {
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
		if x, ok := sel.X.(*ast.Ident); ok {
			switch x.Name {
			case "fmt", "strings", "bytes", "errors", "t", "b", "regexp", "template", "log":
				return false
			case "msg":
				return name == "P" || name == "E" || name == "Sprintf"
			}
		}
	}
	switch name {
	case "P", "E", "Sprintf":
		_, isSel := call.Fun.(*ast.SelectorExpr)
		return isSel || strings.HasPrefix(rel, "internal/msg/")
	case "errorAt":
		return strings.HasPrefix(rel, "internal/markdown/") || strings.HasPrefix(rel, "internal/importer/")
	case "fail", "usageErr":
		return strings.HasPrefix(rel, "internal/importer/") || strings.HasPrefix(rel, "cmd/thidua/")
	case "count", "say", "complain", "text", "newFlags", "addSiteFlags":
		return strings.HasPrefix(rel, "cmd/thidua/")
	case "claimSlug":
		return strings.HasPrefix(rel, "internal/load/")
	}
	return true
}

// writesToUser reports whether call writes to stdout or stderr: fmt.Print*,
// or fmt.Fprint* to os.Stdout, os.Stderr or a field stdout or stderr.
func writesToUser(call *ast.CallExpr) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || !isIdent(sel.X, "fmt") || len(call.Args) == 0 {
		return false
	}
	switch sel.Sel.Name {
	case "Print", "Printf", "Println":
		return true
	case "Fprint", "Fprintf", "Fprintln":
		w, ok := call.Args[0].(*ast.SelectorExpr)
		return ok && (w.Sel.Name == "Stdout" || w.Sel.Name == "Stderr" || w.Sel.Name == "stdout" || w.Sel.Name == "stderr")
	}
	return false
}

func calledName(fun ast.Expr) string {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}
