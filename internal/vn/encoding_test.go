package vn

import "testing"

// TestGuessEncodingOfUTF8 checks that UTF-8 text, whole or with a stray
// byte, is taken for no other encoding: its own letters are not those of
// TCVN3 or Windows-1258.
func TestGuessEncodingOfUTF8(t *testing.T) {
	for _, s := range []string{
		"name: Hội Người cao tuổi tỉnh\n",
		"name: Hội Người cao tuổi tỉnh \xF4\n",
		"name: A\x00B\n",
		"",
	} {
		if e := GuessEncoding([]byte(s)); e != "" {
			t.Errorf("GuessEncoding(%q) = %q", s, e)
		}
	}
}

// TestGuessEncodingOfWords checks one word of each 8-bit encoding: "Việt
// Nam, Hội Người" as each writes it.
func TestGuessEncodingOfWords(t *testing.T) {
	for s, want := range map[string]Encoding{
		"Vi\xEA\xF2t Nam, H\xF4\xF2i Ng\xFD\xF5\xCCi": Windows1258,
		"Vie\xE4t Nam, Ho\xE4i Ng\xF6\xF4\xF8i":       VNI,
		"Vi\xD6t Nam, H\xE9i Ng\xAD\xEAi":             TCVN3,
		"\xFF\xFEa\x00":                               UTF16LE,
		"\x00a\x00:\x00 \x00b\x00\n":                  UTF16BE,
	} {
		if e := GuessEncoding([]byte(s)); e != want {
			t.Errorf("GuessEncoding(%q) = %q, want %q", s, e, want)
		}
	}
}
