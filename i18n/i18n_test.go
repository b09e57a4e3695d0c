package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

func TestT(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang string
		key  Key
		args []any
		want string
	}{
		{"lv", TooSmall, []any{60, 16}, "palieliniet logu līdz vismaz 60×16"},
		{"ru", TooSmall, []any{60, 16}, "увеличьте окно хотя бы до 60×16"},
		{"en", TooSmall, []any{60, 16}, "make the window at least 60×16"},
		{"", Quit, nil, "quit"},
		{"de", Quit, nil, "quit"}, // a language the catalogue lacks: English
		{"lv,ru", PresentWhere, nil, "Kur pavada brīvo laiku / Где проводят свободное время"},
		{"ru,en", PresentMore, []any{3}, "…ещё 3 / …3 more"},
		{"lv,ru", ReplayHelpForward, nil, "+10 min / +10 мин"},
		{"en,lv", ReplayHelpForward, nil, "+10 min"}, // the same in both: once
		{"en", "no.such", nil, "!no.such"},
		{"lv,ru", "no.such", nil, "!no.such"},
	} {
		if got := T(c.lang, c.key, c.args...); got != c.want {
			t.Errorf("T(%q, %s) = %q, want %q", c.lang, c.key, got, c.want)
		}
	}
}

func TestN(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang string
		n    int
		want string
	}{
		{"en", 1, "1 visitor"}, {"en", 0, "0 visitors"}, {"en", 21, "21 visitors"},
		{"lv", 1, "1 apmeklētājs"}, {"lv", 21, "21 apmeklētājs"}, {"lv", 11, "11 apmeklētāji"},
		{"lv", 10, "10 apmeklētāji"}, {"lv", 0, "0 apmeklētāji"}, {"lv", 2, "2 apmeklētāji"}, {"lv", 412, "412 apmeklētāji"},
		{"ru", 1, "1 посетитель"}, {"ru", 21, "21 посетитель"}, {"ru", 11, "11 посетителей"},
		{"ru", 2, "2 посетителя"}, {"ru", 4, "4 посетителя"}, {"ru", 12, "12 посетителей"}, {"ru", 22, "22 посетителя"},
		{"ru", 5, "5 посетителей"}, {"ru", 0, "0 посетителей"}, {"ru", 412, "412 посетителей"}, {"ru", 111, "111 посетителей"},
		{"lv,ru", 3, "3 apmeklētāji / 3 посетителя"},
	} {
		if got := N(c.lang, AppVisitorCount, c.n); got != c.want {
			t.Errorf("N(%q, %d) = %q, want %q", c.lang, c.n, got, c.want)
		}
	}
}

func TestParseLang(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in    string
		pairs bool
		want  string // "" = an error
	}{
		{"lv", false, "lv"}, {"ru", false, "ru"}, {"en", false, "en"}, {" RU ", false, "ru"},
		{"de", false, ""}, {"", false, ""}, {"lv,ru", false, ""},
		{"lv,ru", true, "lv,ru"}, {"ru, en", true, "ru,en"}, {"lv,lv", true, ""}, {"lv,de", true, ""},
		{"lv,ru,en", true, ""}, {",ru", true, ""}, {"lv,", true, ""},
	} {
		got, err := ParseLang(c.in, c.pairs)
		if got != c.want || (err == nil) != (c.want != "") {
			t.Errorf("ParseLang(%q, %v) = %q, %v; want %q", c.in, c.pairs, got, err, c.want)
		}
	}
	if _, err := ParseLang("lv,ru", false); err == nil || !strings.Contains(err.Error(), "only present") {
		t.Errorf("a pair where one language is wanted: %v", err)
	}
}

func TestFromEnv(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		env  []string // LC_ALL, LC_MESSAGES, LANG
		want string
	}{
		{[]string{"", "", "ru_RU.UTF-8"}, "ru"}, {[]string{"", "", "lv_LV.UTF-8"}, "lv"},
		{[]string{"", "", "ru_LV.UTF-8"}, "ru"}, {[]string{"", "", "ru"}, "ru"}, {[]string{"", "", "ru.UTF-8"}, "ru"},
		{[]string{"C", "", "ru_RU.UTF-8"}, "en"}, // LC_ALL wins
		{[]string{"", "lv_LV.UTF-8", "ru_RU.UTF-8"}, "lv"},
		{[]string{"ru_RU.UTF-8", "", "en_GB.UTF-8"}, "ru"},
		{[]string{"", "", "en_US.UTF-8"}, "en"}, {[]string{"", "", ""}, "en"},
		{[]string{"", "", "rus"}, "en"}, {[]string{"", "", "C.UTF-8"}, "en"},
	} {
		if got := FromEnv(c.env...); got != c.want {
			t.Errorf("FromEnv(%q) = %q, want %q", c.env, got, c.want)
		}
	}
}

func TestFirst(t *testing.T) {
	t.Parallel()
	if First("lv,ru") != "lv" || First("ru") != "ru" {
		t.Errorf("First: %q %q", First("lv,ru"), First("ru"))
	}
}

// verbs finds the fmt verbs of a text, in order.
var verbs = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// TestCatalogueComplete: every Key declared in this package has an
// English, a Latvian and a Russian text, all three take the same format
// verbs in the same order — a translation can never eat an argument —, a
// text with plural forms has as many as its language needs, and a Russian
// text has Russian letters where the English has words (an English text
// pasted in as Russian is caught).
func TestCatalogueComplete(t *testing.T) {
	t.Parallel()
	declared := declaredKeys(t)
	for name, key := range declared {
		pair, ok := catalogue[key]
		ru, hasRU := russian[key]
		if !ok || !hasRU {
			t.Errorf("%s (%s): in the catalogue %v, in Russian %v", name, key, ok, hasRU)
			continue
		}
		texts := map[string]string{"en": pair[0], "lv": pair[1], "ru": ru}
		plural := strings.Contains(pair[0], "|")
		for _, l := range Languages {
			s := texts[l]
			if s == "" {
				t.Errorf("%s: no %s text", name, l)
				continue
			}
			forms := []string{s}
			if plural {
				if forms = strings.Split(s, "|"); len(forms) != PluralForms[l] {
					t.Errorf("%s: %s has %d plural forms, want %d: %q", name, l, len(forms), PluralForms[l], s)
				}
			} else if strings.Contains(s, "|") {
				t.Errorf("%s: %s has plural forms, English has none: %q", name, l, s)
			}
			if l == "ru" && hasLetter(verbs.ReplaceAllString(pair[0], ""), unicode.Latin) && !hasLetter(s, unicode.Cyrillic) {
				t.Errorf("%s: the Russian %q has no Russian letter: untranslated?", name, s)
			}
			for _, f := range forms {
				if want := verbs.FindAllString(strings.Split(pair[0], "|")[0], -1); !slices.Equal(verbs.FindAllString(f, -1), want) {
					t.Errorf("%s: %s %q takes other arguments than English %q", name, l, f, pair[0])
				}
			}
		}
	}
	if len(declared) != len(catalogue) || len(declared) != len(russian) {
		t.Errorf("%d keys declared, %d texts in the catalogue, %d in Russian", len(declared), len(catalogue), len(russian))
	}
}

// hasLetter reports whether s has a letter of the script.
func hasLetter(s string, script *unicode.RangeTable) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(script, r) })
}

// declaredKeys returns every constant of type Key declared in the
// package, by name.
func declaredKeys(t *testing.T) map[string]Key {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	out := map[string]Key{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, s := range g.Specs {
				v := s.(*ast.ValueSpec)
				if id, ok := v.Type.(*ast.Ident); !ok || id.Name != "Key" {
					continue
				}
				for i, name := range v.Names {
					lit, err := strconv.Unquote(v.Values[i].(*ast.BasicLit).Value)
					if err != nil {
						t.Fatalf("%s: %v", name.Name, err)
					}
					out[name.Name] = Key(lit)
				}
			}
		}
	}
	return out
}

func TestCategoryName(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ lang, code, want string }{
		{"ru", "cycle", "Велодорожки и велопарковки"},
		{"lv,ru", "fitness", "Āra trenažieri / Уличные тренажёры"},
		{"en", "other", "Other"},
		{"lv", "nope", "nope"},
	} {
		if got := CategoryName(c.lang, c.code); got != c.want {
			t.Errorf("CategoryName(%q, %q) = %q, want %q", c.lang, c.code, got, c.want)
		}
	}
}
