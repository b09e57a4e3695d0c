package model

import "testing"

func TestSpelling(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"  ĀRA  trenažieri!!":   "ĀRA trenažieri",
		"Veloceliņi.":           "Veloceliņi",
		"a , b ?!":              "a , b",
		"what?! . ; :":          "what",
		"\tline\nbreak  ":       "line break",
		"...":                   "",
		"":                      "",
		"keep, inner, commas":   "keep, inner, commas",
		"trailing space . . ! ": "trailing space",
	}
	for in, want := range cases {
		if got := Spelling(in); got != want {
			t.Errorf("Spelling(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWishKeyFoldsTheContractExamples(t *testing.T) {
	t.Parallel()
	want := "ara trenazieri"
	for _, s := range []string{"Āra trenažieri", "ara trenazieri", "  ĀRA  trenažieri!!"} {
		if got := WishKey(s); got != want {
			t.Errorf("WishKey(%q) = %q, want %q", s, got, want)
		}
	}
	if got := WishKey("Больше велодорожек!"); got != "больше велодорожек" {
		t.Errorf("Russian key = %q", got)
	}
	if got := Fold("Ķīmiķu ciemats"); got != "kimiku ciemats" {
		t.Errorf("Fold = %q", got)
	}
}

// TestFoldCyrillic: Russian is folded as the contract says for every
// script: ё is е and й is и (their marks are combining after NFKD), so
// "Гаёк" and "гаек" are one spelling; other letters stay themselves.
func TestFoldCyrillic(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Гаёк": "гаек", "ГАЁК": "гаек", "гаек": "гаек", "Ёлка": "елка",
		"Новый Форштадт": "новыи форштадт", "ЙОД": "иод",
		"Уличные тренажёры": "уличные тренажеры", "Щъыэюя": "щъыэюя",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSanitize(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"plain ā":                   "plain ā",
		"red \x1b[31mtext\x1b[0m":   "red text",
		"tab\there":                 "tab here",
		"bell\a!":                   "bell!",
		"rtl \u202eevil\u202c":      "rtl evil",
		"bad \xff byte":             "bad  byte",
		"osc \x1b]0;title\x07 done": "osc  done",
		"c1 \u009b31m":              "c1 31m",
		"emoji 👩‍💻 ok":              "emoji 👩‍💻 ok",
	}
	for in, want := range cases {
		if got := Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
		if HasUnsafe(Sanitize(in)) {
			t.Errorf("Sanitize(%q) still unsafe", in)
		}
	}
	if HasUnsafe("Jaunā Forštadte, «ok»") {
		t.Error("ordinary text flagged unsafe")
	}
}
