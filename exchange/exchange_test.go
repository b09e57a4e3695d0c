package exchange

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"standmap/model"
)

const header = "response_id,created_at,event,age_group,neighbourhood,wish,category\n"

const small = header +
	"a1,2025-04-24T09:00:00.5+03:00,Fair,16-18,griva,\"Sakopt, vidi\",clean\n" +
	"a2,2025-04-24T09:01:00Z,,,Ķīmiķu ciemats,,\n" +
	"a1,2025-04-24T06:00:00.500Z,Fair,16-18,,\"Skeitparks \"\"kā Rīgā\"\"\",\n"

func TestImportReport(t *testing.T) {
	t.Parallel()
	s, g := openStore(t), daugavpils(t)
	rep := mustImport(t, s, g, []byte(small))
	want := Report{Rows: 3, Added: 2, AddedMarks: 3, Events: []string{"Fair", "Default"}, NewEvents: []string{"Fair", "Default"}}
	if !reflect.DeepEqual(rep, want) {
		t.Errorf("first import: %+v, want %+v", rep, want)
	}
	more := small + "a3,,Fair,,Centrs,,\na3,,Fair,,Gajoks,,\n"
	rep = mustImport(t, s, g, []byte(more))
	want = Report{Rows: 5, Added: 1, AddedMarks: 2, Skipped: 2, Events: []string{"Fair", "Default"}}
	if !reflect.DeepEqual(rep, want) {
		t.Errorf("second import: %+v, want %+v", rep, want)
	}
	// An empty created_at matches any stored time.
	rep = mustImport(t, s, g, []byte(header+"a2,,Default,,Ķīmija,,\n"))
	if rep.Skipped != 1 || rep.Added != 0 {
		t.Errorf("empty time: %+v", rep)
	}
}

func TestImportConflict(t *testing.T) {
	t.Parallel()
	s, g := openStore(t), daugavpils(t)
	mustImport(t, s, g, []byte(small))
	changed := strings.Replace(small, "griva", "Gajoks", 1) + "a9,,Fair,,Centrs,,\n"
	rep, err := Import(context.Background(), s, g, "Default", strings.NewReader(changed), false)
	if !errors.Is(err, ErrInvalid) || len(rep.Invalid) != 1 || rep.Invalid[0].Error() != `line 2: response_id: "a1" already stored with different content` {
		t.Fatalf("conflict: %v, %v", err, rep.Invalid)
	}
	if _, err := s.Response(context.Background(), "Fair", "a9"); err == nil {
		t.Error("a refused import wrote a response")
	}
	rep, err = Import(context.Background(), s, g, "Default", strings.NewReader(changed), true)
	if err != nil || rep.Added != 1 || rep.Rejected != 1 || rep.Skipped != 1 || len(rep.Invalid) != 1 {
		t.Errorf("conflict skipped: %v, %+v", err, rep)
	}
}

func TestExport(t *testing.T) {
	t.Parallel()
	s, g := openStore(t), daugavpils(t)
	mustImport(t, s, g, []byte(small))
	var b bytes.Buffer
	if err := Export(context.Background(), s, "", "csv", &b); err != nil {
		t.Fatal(err)
	}
	// The curated columns follow the contract's seven (curated_test.go).
	wantCSV := strings.TrimSuffix(header, "\n") + ",wish_group,wish_group_text,wish_group_category,hidden\n" +
		"a1,2025-04-24T06:00:00.5Z,Fair,16-18,Grīva,\"Sakopt, vidi\",clean,\"sakopt, vidi\",\"Sakopt, vidi\",clean,\n" +
		"a1,2025-04-24T06:00:00.5Z,Fair,16-18,,\"Skeitparks \"\"kā Rīgā\"\"\",,\"skeitparks \"\"ka riga\"\"\",\"Skeitparks \"\"kā Rīgā\"\"\",,\n" +
		"a2,2025-04-24T09:01:00Z,Default,,Ķīmija,,,,,,\n"
	if b.String() != wantCSV {
		t.Errorf("csv:\n%s\nwant:\n%s", b.String(), wantCSV)
	}
	b.Reset()
	if err := Export(context.Background(), s, "Default", "json", &b); err != nil {
		t.Fatal(err)
	}
	wantJSON := `[
  {
    "response_id": "a2",
    "event": "Default",
    "created_at": "2025-04-24T09:01:00Z",
    "age_group": "",
    "marks": [
      {
        "neighbourhood": "Ķīmija",
        "wish": "",
        "category": "",
        "wish_group": "",
        "wish_group_text": "",
        "wish_group_category": "",
        "hidden": ""
      }
    ]
  }
]
`
	if b.String() != wantJSON {
		t.Errorf("json:\n%s\nwant:\n%s", b.String(), wantJSON)
	}
	b.Reset()
	if err := Export(context.Background(), s, "Nothing here", "json", &b); err != nil || b.String() != "[]\n" {
		t.Errorf("empty json export: %q, %v", b.String(), err)
	}
}

func TestWriteTally(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := WriteTally(&b, model.Tally{Event: "E"}, true); err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"event\": \"E\",\n  \"responses\": 0,\n  \"neighbourhoods\": [],\n  \"wishes\": []\n}\n"
	if b.String() != want {
		t.Errorf("empty tally json:\n%s", b.String())
	}
	b.Reset()
	tl := model.Tally{Event: "E", Responses: 2,
		Neighbourhoods: []model.NeighbourhoodCount{{Name: "Grīva", Count: 2}, {Name: "Centrs", Count: 0}},
		Wishes:         []model.WishCount{{Text: "Āra trenažieri", Key: "ara trenazieri", Category: "fitness", Count: 2}}}
	if err := WriteTally(&b, tl, false); err != nil {
		t.Fatal(err)
	}
	for _, x := range []string{"E: 2 responses", "        2  Grīva", "        2  fitness   Āra trenažieri"} {
		if !strings.Contains(b.String(), x) {
			t.Errorf("tally text lacks %q:\n%s", x, b.String())
		}
	}
}

func TestSkipInvalidLeavesResponsesOutWhole(t *testing.T) {
	t.Parallel()
	s, g := openStore(t), daugavpils(t)
	file := header +
		"a1,,Fair,,Centrs,,\n" +
		"a1,,Fair,,Gajoks\n" + // too few fields, but a1 of Fair
		"a2,,Fair,,Centrs,,\n" +
		"a2\n" + // only the id
		"a3,,,,Centrs,,\n" +
		"a3,,,,Centrs,,,,\n" + // too many fields, a3 of the default event
		"a4,,Fair,,Centrs,,\n"
	rep, err := Import(context.Background(), s, g, "Default", strings.NewReader(file), true)
	if err != nil || rep.Added != 1 || rep.Rejected != 3 || len(rep.Invalid) != 3 {
		t.Fatalf("%v, %+v", err, rep)
	}
	if _, err := s.Response(context.Background(), "Fair", "a4"); err != nil {
		t.Errorf("a4: %v", err)
	}
}
