package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/thidua/thidua/internal/load"
	"github.com/thidua/thidua/internal/msg"
	"github.com/thidua/thidua/internal/scaffold"
	"github.com/thidua/thidua/internal/schema"
)

// schemaDir is where schema --write puts the schemas, in the site folder.
const schemaDir = ".vscode/schemas"

func runSchema(args []string, e *env) int {
	fs := newFlags("schema", "thidua schema [NAME] [--write [-s DIR]]", "about-schema", e)
	source := fs.StringP("source", "s", ".", e.text("flag-source-schema"))
	write := fs.Bool("write", false, e.text("flag-write"))
	if code := parse(fs, args, e); code >= 0 {
		return code
	}
	switch {
	case *write && fs.NArg() > 0:
		e.complain("schema", "schema-write-no-name")
		return exitUsage
	case *write:
		return writeSchemas(*source, e)
	case fs.NArg() > 1:
		e.complain("schema", "cli-unexpected-argument", fs.Arg(1))
		return exitUsage
	case fs.NArg() == 1:
		s, ok := schema.Lookup(fs.Arg(0))
		if !ok {
			e.complain("schema", "schema-unknown", fs.Arg(0), strings.Join(schema.Names(), ", "))
			return exitUsage
		}
		e.stdout.Write(s.JSON)
	default:
		e.stdout.Write(schema.Bundle())
	}
	return exitOK
}

// writeSchemas writes every schema under schemaDir of the site folder dir
// and maps them to the site's YAML files in .vscode/settings.json, keeping
// the other settings there. It prints the paths it wrote.
func writeSchemas(dir string, e *env) int {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		e.complain("schema", "schema-not-a-folder", dir)
		return exitSite
	}
	if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(schemaDir)), 0o755); err != nil {
		e.complain("schema", "cli-error", err)
		return exitSite
	}
	site, lang, err := siteForSchemas(dir)
	if err != nil {
		e.complain("schema", "cli-error", err)
		return exitSite
	}
	files, mapping := schemaFiles(site)
	for _, f := range files {
		name := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.WriteFile(name, f.Data, 0o644); err != nil {
			e.complain("schema", "cli-error", err)
			return exitSite
		}
		fmt.Fprintln(e.stdout, name)
	}
	settings := filepath.Join(dir, filepath.FromSlash(settingsFile))
	src, err := mergeSettings(settings, mapping)
	if err != nil {
		snippet, _ := json.MarshalIndent(map[string]any{"yaml.schemas": mapping}, "", "  ")
		e.complain("schema", "schema-settings-by-hand", err, snippet)
		return exitSite
	}
	if err := os.WriteFile(settings, src, 0o644); err != nil {
		e.complain("schema", "cli-error", err)
		return exitSite
	}
	fmt.Fprintln(e.stdout, settings)
	fmt.Fprintln(e.stdout, msg.Sprintf(lang, "schema-written", len(site.Units), len(site.Blocs), len(site.Awards)))
	return exitOK
}

// siteForSchemas loads the site folder dir for the identifiers its schemas
// offer, and returns the language of its messages, as schemaSite does.
func siteForSchemas(dir string) (*schema.Site, msg.Lang, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, "", err
	}
	fsys := load.NewRootFS(root)
	defer fsys.Close()
	site, lang := schemaSite(fsys)
	return site, lang, nil
}

// schemaSite loads the site folder fsys for the identifiers its schemas
// offer, and returns the language of its messages. A site with mistakes
// gives what it has: the schemas help to mend it.
func schemaSite(fsys fs.FS) (*schema.Site, msg.Lang) {
	s, _ := load.Site(fsys, load.Options{})
	lang, ok := msg.ParseLang(s.Config.Language)
	if !ok {
		lang = msg.Vietnamese
	}
	return schema.SiteOf(s, lang), lang
}

// settingsFile is VS Code's settings file, in the site folder.
const settingsFile = ".vscode/settings.json"

// schemaFiles returns the schemas of site that schema --write puts under
// schemaDir, and the "yaml.schemas" setting that maps them to the site's
// files.
func schemaFiles(site *schema.Site) (files []scaffold.File, mapping map[string]any) {
	mapping = map[string]any{}
	for _, s := range schema.For(site) {
		rel := path.Join(schemaDir, s.File)
		files = append(files, scaffold.File{Path: rel, Data: s.JSON})
		if s.Match != nil {
			mapping["./"+rel] = s.Match
		}
	}
	return files, mapping
}

// mergeSettings returns the VS Code settings file at name with the schemas
// of mapping added to its "yaml.schemas". A file that is not there is
// started; one that is not plain JSON (VS Code allows comments) is left
// alone, with an error.
func mergeSettings(name string, mapping map[string]any) ([]byte, error) {
	settings := map[string]any{}
	src, err := os.ReadFile(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, err
	default:
		if err := json.Unmarshal(src, &settings); err != nil || settings == nil {
			return nil, msg.E("schema-settings-not-json", name)
		}
	}
	schemas, _ := settings["yaml.schemas"].(map[string]any)
	if schemas == nil {
		schemas = map[string]any{}
	}
	for k, v := range mapping {
		schemas[k] = v
	}
	settings["yaml.schemas"] = schemas
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(settings); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
