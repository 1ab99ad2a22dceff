package build

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"maps"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
)

// TestKeysCoverWhatPagesRead changes, one at a time, each field of the
// demo's model that the templates and Go writers could read, and fails when
// a page or an extra renders differently while its key stayed the same: a
// field read that no key covers, which an incremental rebuild would miss.
//
// Every exported field of a struct reachable from the site, of a kind
// that can be changed in place (strings, numbers, booleans, times), is
// changed in the first value met. Pages whose key changed need no
// rendering, so most changes cost only the hashing of the keys.
func TestKeysCoverWhatPagesRead(t *testing.T) {
	if testing.Short() {
		t.Skip("renders the demo once for each field of its model")
	}
	opts := Options{Source: copyDemo(t), Theme: thidua.Theme()}
	p, diags, err := Prepare(opts)
	if err != nil {
		t.Fatalf("%v: %v", err, diags)
	}
	defer p.Close()
	site := p.Site
	extras := opts.allExtras()
	render := func() (map[string][]byte, map[int][]byte, *keys, map[string]uint64) {
		r, rd := opts.newRenderer(site, p.root.FS())
		if rd.HasErrors(false) {
			t.Fatal(rd.Items())
		}
		k := newKeys(site, nil)
		plan := pages.Plan(site, r.T)
		out, pageKeys := map[string][]byte{}, map[string]uint64{}
		for _, pg := range plan {
			var buf bytes.Buffer
			if err := r.Page(&buf, pg); err != nil {
				t.Fatal(err)
			}
			id := pageIdentity(pg)
			out[id] = buf.Bytes()
			if key, ok := k.page(pg); ok {
				pageKeys[id] = key
			}
		}
		written := map[int][]byte{}
		for i, x := range extras {
			written[i] = writeExtra(t, x, site, plan)
		}
		return out, written, k, pageKeys
	}
	basePages, baseExtras, _, baseKeys := render()
	baseExtraKeys := extraKeys(newKeys(site, nil), extras)

	fields := changeableFields(site)
	if len(fields) < 50 {
		t.Fatalf("found %d changeable fields in the demo's model; the walk is broken", len(fields))
	}
	checked := 0
	for _, f := range fields {
		undo := f.change()
		k := newKeys(site, nil)
		r, _ := opts.newRenderer(site, p.root.FS())
		plan := pages.Plan(site, r.T)
		for _, pg := range plan {
			id := pageIdentity(pg)
			before, known := baseKeys[id]
			key, ok := k.page(pg)
			if !known || !ok || key != before {
				continue // rendered anew on a rebuild
			}
			var buf bytes.Buffer
			if err := r.Page(&buf, pg); err != nil {
				t.Fatal(err)
			}
			checked++
			if !bytes.Equal(buf.Bytes(), basePages[id]) {
				t.Errorf("changing %s changes the page %s, but not its key: add the field to its key in keys.go", f.name, pg.Path)
			}
		}
		for i, x := range extras {
			if k.extra(x) != baseExtraKeys[i] {
				continue
			}
			checked++
			if got := writeExtra(t, x, site, plan); !bytes.Equal(got, baseExtras[i]) {
				t.Errorf("changing %s changes the files of the extra %T, but not its key: add the field to its key in keys.go", f.name, x)
			}
		}
		undo()
	}
	t.Logf("%d fields changed, %d unchanged keys checked by rendering", len(fields), checked)
	// The walk changed the model back: it renders as it did at first.
	again, _, _, _ := render()
	for id, b := range basePages {
		if !bytes.Equal(again[id], b) {
			t.Fatalf("the model was not restored: %s renders differently", id)
		}
	}
}

// pageIdentity names a page by its kind and the things of the model it
// shows, which stay the same objects when their fields are changed.
func pageIdentity(p *pages.Page) string {
	pager := 0
	if p.Pager != nil {
		pager = p.Pager.Number
	}
	return fmt.Sprintf("%s %p %p %p %p %p %p %p %d", p.Kind, p.Bloc, p.BlocYear, p.Unit, p.Year, p.Award, p.Article, p.Standalone, pager)
}

// writeExtra returns every file x writes, in one stream, in the order of
// their paths.
func writeExtra(t *testing.T, x Extra, site *model.Site, plan []*pages.Page) []byte {
	t.Helper()
	files := map[string]*bytes.Buffer{}
	var mu sync.Mutex // the extras write their files from several goroutines
	err := x.Write(site, plan, func(path string) (io.WriteCloser, error) {
		b := new(bytes.Buffer)
		mu.Lock()
		files[path] = b
		mu.Unlock()
		return nopCloser{b}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var all bytes.Buffer
	for _, path := range slices.Sorted(maps.Keys(files)) {
		fmt.Fprintf(&all, "== %s\n", path)
		all.Write(files[path].Bytes())
	}
	return all.Bytes()
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

func extraKeys(k *keys, extras []Extra) map[int]uint64 {
	out := map[int]uint64{}
	for i, x := range extras {
		out[i] = k.extra(x)
	}
	return out
}

// changeableField is one value of the model that can be changed in place.
type changeableField struct {
	name   string // Type.Field
	change func() (undo func())
}

// changeableFields walks the model from site and returns, for each
// exported field of a kind changeField can change, the first value
// met.
func changeableFields(site *model.Site) []changeableField {
	var out []changeableField
	seen := map[uintptr]bool{}
	count := map[string]int{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			walk(v.Elem())
		case reflect.Slice, reflect.Array:
			if v.Type().Elem().Kind() == reflect.Uint8 {
				return // []byte and template.HTML bodies are changed as fields
			}
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Struct:
			if v.Type() == reflect.TypeFor[time.Time]() {
				return
			}
			for i := range v.NumField() {
				sf := v.Type().Field(i)
				fv := v.Field(i)
				if !sf.IsExported() {
					continue
				}
				name := v.Type().Name() + "." + sf.Name
				if change := changeField(fv); change != nil {
					if count[name] < 1 {
						count[name]++
						out = append(out, changeableField{name: name, change: change})
					}
					continue
				}
				walk(fv)
			}
		}
	}
	walk(reflect.ValueOf(site))
	return out
}

// changeField returns a function that changes the addressable value v and
// returns the function that changes it back, or nil when v is not of a
// kind it changes.
func changeField(v reflect.Value) func() func() {
	if !v.CanSet() {
		return nil
	}
	old := reflect.New(v.Type()).Elem()
	old.Set(v)
	set := func(nv reflect.Value) func() func() {
		return func() func() {
			v.Set(nv)
			return func() { v.Set(old) }
		}
	}
	switch {
	case v.Type() == reflect.TypeFor[time.Time]():
		return set(reflect.ValueOf(old.Interface().(time.Time).Add(49 * time.Hour)))
	case v.Type() == reflect.TypeFor[template.HTML]():
		return set(reflect.ValueOf(old.Interface().(template.HTML) + "<p>đổi</p>"))
	case v.Type() == reflect.TypeFor[[]byte]():
		b := append(slices.Clone(old.Bytes()), "\n\nĐoạn mới.\n"...)
		return set(reflect.ValueOf(b))
	}
	nv := reflect.New(v.Type()).Elem()
	switch v.Kind() {
	case reflect.String:
		if old.String() == "" {
			return nil // an empty value often means none: changing it makes a new thing
		}
		nv.SetString(old.String() + "ư")
	case reflect.Int, reflect.Int64, reflect.Int32:
		nv.SetInt(old.Int() + 1)
	case reflect.Float64:
		nv.SetFloat(old.Float() + 0.5)
	case reflect.Bool:
		nv.SetBool(!old.Bool())
	case reflect.Pointer:
		if old.IsNil() || old.Elem().Kind() != reflect.Float64 {
			return nil
		}
		f := old.Elem().Float() + 0.5
		nv = reflect.ValueOf(&f)
	default:
		return nil
	}
	return set(nv)
}
