package load

import (
	"bytes"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unsafe"
)

// roundTrip returns m as another process reads it back.
func roundTrip(t *testing.T, m *Memo) *Memo {
	t.Helper()
	var b bytes.Buffer
	if err := m.Encode(&b); err != nil {
		t.Fatal(err)
	}
	back, err := ReadMemo(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return back
}

// TestMemoLoadsWhatSiteLoads loads the demo site, with articles dated in
// every way a file can give a date, with a Memo, then again with what that
// Memo wrote, as the next process does, and after changes: each time the
// site and the diagnostics are those of a load without a Memo.
func TestMemoLoadsWhatSiteLoads(t *testing.T) {
	dir := copyDemo(t)
	write := writer(t, dir)
	article := func(date, extra string) string {
		return "---\ntitle: Tin ngày " + date + "\ndate: " + date + "\nsummary: Một tin có ngày ghi theo một cách khác.\n" + extra + "---\n\nĐoạn đầu của tin, đủ dài để làm tóm tắt.\n\n[Khối](/khoi/) và ![ảnh](anh.png).\n"
	}
	write("content/news/2025/ngay-gio.md", article("2025-03-04 08:30", ""))
	write("content/news/2025/ngay-z.md", article("2025-03-04T08:30:00Z", ""))
	write("content/news/2025/ngay-lech.md", article("2025-03-04T08:30:00+05:00", ""))
	write("content/news/2025/ngay-vn.md", article("2025-03-04T08:30:00+07:00", ""))
	write("content/news/2025/canh-bao.md", article("2025-03-04", "chua-biet: 1\n"))
	check := func(step string, m *Memo, wantChanged bool) *Memo {
		t.Helper()
		want, wantDiags := Site(os.DirFS(dir), Options{})
		got, gotDiags := Site(os.DirFS(dir), Options{Memo: m})
		if !reflect.DeepEqual(gotDiags.Items(), wantDiags.Items()) {
			t.Errorf("%s: diagnostics\n%v\nwant\n%v", step, gotDiags.Items(), wantDiags.Items())
		}
		if !reflect.DeepEqual(got, want) {
			for i := range min(len(got.Articles), len(want.Articles)) {
				if !reflect.DeepEqual(got.Articles[i], want.Articles[i]) {
					t.Errorf("%s: article %s\n%+v\nwant\n%+v", step, want.Articles[i].Path, got.Articles[i], want.Articles[i])
				}
			}
			t.Fatalf("%s: the site loaded with the memo differs from a fresh load", step)
		}
		if m.Changed() != wantChanged {
			t.Errorf("%s: Changed() = %t, want %t", step, m.Changed(), wantChanged)
		}
		return roundTrip(t, m)
	}
	m := check("first load", NewMemo(), true)
	if n := len(m.articles.known); n == 0 || strings.Contains(strings.Join(memoPaths(m), " "), "canh-bao") {
		t.Errorf("the memo holds %v: want every article but the one with a warning", memoPaths(m))
	}
	if len(m.years.known) == 0 {
		t.Error("the memo holds no bloc year")
	}
	m = check("nothing changed", m, false)
	write("content/news/2025/ngay-z.md", article("2025-03-05T08:30:00Z", ""))
	m = check("an article changed", m, true)
	year, err := os.ReadFile(dir + "/data/blocs/khoi-8/2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	write("data/blocs/khoi-8/2024.yaml", strings.Replace(string(year), "date: 2024-03-21", "date: 2024-03-22", 1))
	m = check("a bloc year changed", m, true)
	write("data/blocs/khoi-8/2024.yaml", string(year)+"chua-biet: 1\n")
	m = check("a bloc year with a warning", m, true)
	for _, y := range m.years.known {
		if y.Path == "data/blocs/khoi-8/2024.yaml" {
			t.Error("the memo holds a bloc year parsed with a warning")
		}
	}
	write("data/blocs/khoi-8/2024.yaml", string(year))
	m = check("the bloc year mended", m, true)
	os.Remove(dir + "/content/news/2025/ngay-lech.md")
	m = check("an article removed", m, true)
	check("nothing changed again", m, false)
}

// TestMemoBodiesAreItsBytes: the articles ReadMemo gives have the HTML
// and the search terms they were encoded with, as strings of the bytes it
// was given, not copies; a memo whose bodies are longer or shorter than
// its index says, or that is cut short, is refused.
func TestMemoBodiesAreItsBytes(t *testing.T) {
	m := NewMemo()
	if _, diags := Site(os.DirFS(copyDemo(t)), Options{Memo: m}); diags.HasErrors(false) {
		t.Fatal(diags.Items())
	}
	var b bytes.Buffer
	if err := m.Encode(&b); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	back, err := ReadMemo(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.articles.known) != len(m.articles.used) || len(m.articles.used) == 0 {
		t.Fatalf("the memo read back holds %d articles, the memo written %d", len(back.articles.known), len(m.articles.used))
	}
	within := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		start := uintptr(unsafe.Pointer(&data[0]))
		return p >= start && p+uintptr(len(s)) <= start+uintptr(len(data))
	}
	for k, a := range back.articles.known {
		want := m.articles.used[k]
		if want == nil || a.HTML != want.HTML || a.Terms != want.Terms {
			t.Fatalf("%s: the body read back differs", a.Path)
		}
		if a.HTML == "" || a.Terms == "" || !within(string(a.HTML)) || !within(a.Terms) {
			t.Errorf("%s: the HTML or the terms are not strings of the memo's bytes", a.Path)
		}
	}
	at := len(memoHeader) + 1 // in the first body
	if _, err := ReadMemo(slices.Concat(data[:at], data[at+1:])); err == nil {
		t.Error("a memo whose bodies lack a byte was read")
	}
	if _, err := ReadMemo(slices.Concat(data[:at], []byte("x"), data[at:])); err == nil {
		t.Error("a memo whose bodies have a byte more was read")
	}
	if _, err := ReadMemo(data[:len(data)-1]); err == nil {
		t.Error("a memo cut short was read")
	}
}

// TestBlocYearTimes: BlocYearFile.times visits every time a bloc year
// holds, so that a memo gives each back in its location.
func TestBlocYearTimes(t *testing.T) {
	var y BlocYearFile
	want := 0
	zone := time.FixedZone("thử", 3600)
	var fill func(v reflect.Value)
	fill = func(v reflect.Value) {
		switch {
		case v.Type() == reflect.TypeFor[time.Time]():
			v.Set(reflect.ValueOf(time.Date(2024, 1, 1+want, 0, 0, 0, 0, time.UTC)))
			want++
		case v.Kind() == reflect.Pointer:
			v.Set(reflect.New(v.Type().Elem()))
			fill(v.Elem())
		case v.Kind() == reflect.Slice:
			v.Set(reflect.MakeSlice(v.Type(), 2, 2))
			for i := range 2 {
				fill(v.Index(i))
			}
		case v.Kind() == reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					fill(v.Field(i))
				}
			}
		}
	}
	fill(reflect.ValueOf(&y).Elem())
	got := 0
	y.times(func(t *time.Time) { *t = t.In(zone); got++ })
	if got != want {
		t.Errorf("times visits %d times, the type holds %d", got, want)
	}
	// Every time is now in zone: none was left out.
	var check func(v reflect.Value)
	check = func(v reflect.Value) {
		switch {
		case v.Type() == reflect.TypeFor[time.Time]():
			if v.Interface().(time.Time).Location() != zone {
				t.Errorf("a time that times does not visit: %v", v.Interface())
			}
		case v.Kind() == reflect.Pointer:
			check(v.Elem())
		case v.Kind() == reflect.Slice:
			for i := range v.Len() {
				check(v.Index(i))
			}
		case v.Kind() == reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					check(v.Field(i))
				}
			}
		}
	}
	check(reflect.ValueOf(y))
}

func memoPaths(m *Memo) []string {
	var out []string
	for _, a := range m.articles.known {
		out = append(out, a.Path)
	}
	return out
}

// TestMemoKeysTheMarkdownOptions: an article recalled with other Markdown
// options (a site moved under another base path) is parsed again.
func TestMemoKeysTheMarkdownOptions(t *testing.T) {
	dir := copyDemo(t)
	m := NewMemo()
	Site(os.DirFS(dir), Options{Memo: m})
	m = roundTrip(t, m)
	want, _ := Site(os.DirFS(dir), Options{BaseURL: "https://example.org/thi-dua/"})
	got, _ := Site(os.DirFS(dir), Options{BaseURL: "https://example.org/thi-dua/", Memo: m})
	if !reflect.DeepEqual(got, want) {
		t.Error("under another base path, the memo gave the articles of the old one")
	}
	if m.parsed == 0 {
		t.Error("under another base path, no article was parsed again")
	}
}

// FuzzReadMemo: whatever the file holds, ReadMemo returns a Memo or an
// error, and never panics.
func FuzzReadMemo(f *testing.F) {
	year, err := os.ReadFile("../../data/blocs/khoi-8/2024.yaml") // the demo's: dates, awards with their steps
	if err != nil {
		f.Fatal(err)
	}
	m := NewMemo()
	Site(fstest.MapFS{
		"content/news/2025/a.md":      {Data: []byte("---\ntitle: A\ndate: 2025-03-04\nblocs: [khoi-8]\n---\n\nMột đoạn có [liên kết](/khoi/).\n")},
		"content/news/2025/b.md":      {Data: []byte("---\ntitle: B\ndate: 2025-03-04T08:00:00+05:00\n---\n\n![ảnh](b.png)\n")},
		"data/blocs/khoi-8/2024.yaml": {Data: year},
	}, Options{Memo: m})
	if len(m.years.used) == 0 {
		f.Fatal("the seed memo holds no bloc year")
	}
	var b bytes.Buffer
	m.Encode(&b)
	f.Add(b.Bytes())
	f.Add(b.Bytes()[:len(b.Bytes())/2])
	f.Add([]byte(memoHeader))
	f.Fuzz(func(t *testing.T, data []byte) {
		ReadMemo(data)
	})
}
