package model

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

// foldDigests pins, for each FoldVersion, a digest of what Spelling and
// WishKey return for every code point and some texts around them.
var foldDigests = map[int]string{
	1: "38dbb1c8172132fee462292eda547140ad55067c6a149dfd6967cde41e4788a2",
}

// TestFoldVersionPinned fails when Spelling or Fold change what they
// return without FoldVersion changing: stores keep the keys they derived
// (mark_counts) and derive them again only for a new FoldVersion. After a
// deliberate change, bump FoldVersion and add the digest printed here.
func TestFoldVersionPinned(t *testing.T) {
	t.Parallel()
	h := sha256.New()
	for r := rune(0); r < 0x30000; r++ {
		for _, s := range []string{string(r), "  Ā" + string(r) + "b!. ", string(r) + "\u0301?"} {
			h.Write([]byte(Spelling(s) + "\x00" + WishKey(s) + "\x00"))
		}
	}
	for _, s := range []string{"\xf0Ǭ", "ﬁ", "Ⅻ", "ǅemals", "  ĀRA  trenažieri!!", "İstanbul", "ẞ", "\u0301"} {
		h.Write([]byte(Spelling(s) + "\x00" + WishKey(s) + "\x00"))
	}
	got := hex.EncodeToString(h.Sum(nil))
	if want := foldDigests[FoldVersion]; got != want {
		t.Fatalf("Spelling or Fold return other texts than FoldVersion %d did (digest %s, pinned %q): "+
			"bump FoldVersion, so that stores derive their keys again, and pin the new digest", FoldVersion, got, want)
	}
}
