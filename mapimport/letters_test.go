package mapimport

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// TestLetterPool: every letter an import may use is one the format takes
// (printable, one cell wide, not reserved) and appears once.
func TestLetterPool(t *testing.T) {
	t.Parallel()
	seen := map[rune]bool{}
	for _, r := range letterPool {
		if seen[r] || !unicode.IsGraphic(r) || ansi.StringWidth(string(r)) != 1 || strings.ContainsRune(".#~ =|;", r) {
			t.Errorf("letter %q: twice, not printable, not single-width or reserved", r)
		}
		seen[r] = true
	}
	if MaxDistricts < 200 {
		t.Errorf("only %d letters", MaxDistricts)
	}
}

// TestAssignLetters takes a name's own letters first, capitals first,
// then the pool, and refuses more names than letters.
func TestAssignLetters(t *testing.T) {
	t.Parallel()
	got, err := assignLetters([]string{"Centrs", "Čerepova", "Cietoksnis", "Заречье", "Ezermala", "E", "E2"})
	if err != nil {
		t.Fatal(err)
	}
	// Čerepova: C is taken, so E; Cietoksnis: I; Заречье: З; Ezermala: Z;
	// "E": its capital is taken, so e; "E2": E and e are taken, so 2.
	want := []rune{'C', 'E', 'I', 'З', 'Z', 'e', '2'}
	if string(got) != string(want) {
		t.Errorf("letters %q, want %q", string(got), string(want))
	}
	names := make([]string, MaxDistricts)
	for i := range names {
		names[i] = fmt.Sprintf("Apkaime %d", i)
	}
	got, err = assignLetters(names)
	if err != nil {
		t.Fatal(err)
	}
	used := map[rune]bool{}
	for _, r := range got {
		if used[r] {
			t.Fatalf("letter %q given twice", r)
		}
		used[r] = true
	}
	if _, err := assignLetters(append(names, "One too many")); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("at most %d", MaxDistricts)) {
		t.Errorf("error %v", err)
	}
}
