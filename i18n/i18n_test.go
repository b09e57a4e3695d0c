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
)

func TestPick(t *testing.T) {
	pair := [2]string{"%d visitors", "%d apmeklētāji"}
	for _, c := range []struct{ lang, want string }{{"lv", "3 apmeklētāji"}, {"en", "3 visitors"}, {"", "3 visitors"}} {
		if got := pick(c.lang, pair, 3); got != c.want {
			t.Errorf("pick(%q) = %q, want %q", c.lang, got, c.want)
		}
	}
	if got := pick("lv", [2]string{"100%", ""}); got != "100%" {
		t.Errorf("no args, missing Latvian: %q", got)
	}
}

func TestT(t *testing.T) {
	if got := T("lv", TooSmall, 60, 16); got != "palieliniet logu līdz vismaz 60×16" {
		t.Errorf("T(lv, TooSmall) = %q", got)
	}
	if got := T("en", Key("no.such")); got != "!no.such" {
		t.Errorf("a missing key shows as %q, want !no.such", got)
	}
}

// verbs finds the fmt verbs of a text, in order.
var verbs = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// TestCatalogueComplete: every Key declared in this package has an
// English and a Latvian text, and both take the same format verbs in the
// same order — a translation can never eat an argument.
func TestCatalogueComplete(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	declared := 0
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
					declared++
					lit, err := strconv.Unquote(v.Values[i].(*ast.BasicLit).Value)
					if err != nil {
						t.Fatalf("%s: %v", name.Name, err)
					}
					key := Key(lit)
					pair, ok := catalogue[key]
					switch {
					case !ok:
						t.Errorf("%s (%s): not in the catalogue", name.Name, key)
					case pair[0] == "" || pair[1] == "":
						t.Errorf("%s: lacks a text: %q", name.Name, pair)
					case !slices.Equal(verbs.FindAllString(pair[0], -1), verbs.FindAllString(pair[1], -1)):
						t.Errorf("%s: English %q and Latvian %q take different arguments", name.Name, pair[0], pair[1])
					}
				}
			}
		}
	}
	if declared != len(catalogue) {
		t.Errorf("%d keys declared, %d texts in the catalogue", declared, len(catalogue))
	}
}
