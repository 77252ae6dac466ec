package parse

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestRunContract(t *testing.T) {
	long := strings.Repeat("很好", 600000) // a 3.6 MB line
	in := "平安\n" + `1\n打了3针\n核酸阴性` + "\n\n" + long + "\r\n3，降压药快吃完了\n我媽半邊臉耷拉下來了"
	var out bytes.Buffer
	if err := RunContract(strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	want := []string{
		`{"intent":"checkin","health":"well","doses":null,"test":"unknown","needs":[],"proxy":false,"alert":"none"}`,
		`{"intent":"checkin","health":"well","doses":3,"test":"negative","needs":[],"proxy":false,"alert":"none"}`,
		`{"intent":"other","health":"unknown","doses":null,"test":"unknown","needs":[],"proxy":false,"alert":"none"}`,
		`{"intent":"checkin","health":"well","doses":null,"test":"unknown","needs":[],"proxy":false,"alert":"none"}`,
		`{"intent":"aid","health":"unknown","doses":null,"test":"unknown","needs":["medicine"],"proxy":false,"alert":"none"}`,
		`{"intent":"urgent","health":"urgent","doses":null,"test":"unknown","needs":[],"proxy":true,"alert":"alarm",` +
			`"signs":[{"sign":"stroke","alert":"alarm","quote":"半邊臉耷拉","start":2,"end":7}]}`,
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines out for %d in:\n%s", len(lines), len(want), out.String())
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d = %s, want %s", i+1, lines[i], want[i])
		}
	}
}

// validReply checks that r holds only values of the contract.
func validReply(t testing.TB, in string, r Reply) {
	t.Helper()
	switch r.Intent {
	case IntentOther, IntentCheckin, IntentAid, IntentUrgent:
	default:
		t.Fatalf("Parse(%q): intent %q", in, r.Intent)
	}
	switch r.Health {
	case HealthUnknown, HealthWell, HealthUnwell, HealthUrgent:
	default:
		t.Fatalf("Parse(%q): health %q", in, r.Health)
	}
	if r.Health == HealthUrgent && r.Intent != IntentUrgent {
		t.Fatalf("Parse(%q): health %s with intent %s", in, r.Health, r.Intent)
	}
	switch r.Alert {
	case AlertNone, AlertConfirm, AlertAlarm:
	default:
		t.Fatalf("Parse(%q): alert %q", in, r.Alert)
	}
	if (r.Alert == AlertAlarm) != (r.Intent == IntentUrgent) {
		t.Fatalf("Parse(%q): alert %s with intent %s", in, r.Alert, r.Intent)
	}
	if r.Alert == AlertConfirm && r.Intent != IntentCheckin && r.Intent != IntentAid {
		t.Fatalf("Parse(%q): a confirm with intent %s", in, r.Intent)
	}
	if raised := r.Raised(); (len(raised) > 0) != (r.Alert != AlertNone) || len(raised) > 0 && raised[0].Alert != r.Alert {
		t.Fatalf("Parse(%q): alert %s raised by %v", in, r.Alert, raised)
	}
	text := []rune(in)
	if len(in) > maxInput {
		text = []rune(in[:maxInput])
	}
	for _, f := range r.Findings {
		if f.Sign.Label() == string(f.Sign) || f.Start < 0 || f.End < f.Start || f.End > len(text) || string(text[f.Start:f.End]) != f.Quote {
			t.Fatalf("Parse(%q): finding %+v does not quote the text", in, f)
		}
		if f.Alert == AlertNone && f.Because == "" {
			t.Fatalf("Parse(%q): finding %+v set aside without a reason", in, f)
		}
	}
	switch r.Test {
	case TestUnknown, TestNone, TestNegative, TestPositive, TestPending:
	default:
		t.Fatalf("Parse(%q): test %q", in, r.Test)
	}
	if r.Doses < -1 || r.Doses > 6 {
		t.Fatalf("Parse(%q): doses %d", in, r.Doses)
	}
	seen := map[Need]bool{}
	for _, n := range r.Needs {
		switch n {
		case NeedFood, NeedMedicine, NeedMedical, NeedErrand:
		default:
			t.Fatalf("Parse(%q): need %q", in, n)
		}
		if seen[n] {
			t.Fatalf("Parse(%q): need %q twice", in, n)
		}
		seen[n] = true
	}
	if len(r.Needs) > 0 && r.Intent != IntentAid && r.Intent != IntentUrgent {
		t.Fatalf("Parse(%q): needs %v with intent %s", in, r.Needs, r.Intent)
	}
	if (r.Detail != "") != (len(r.Needs) > 0) {
		t.Fatalf("Parse(%q): detail %q with needs %v", in, r.Detail, r.Needs)
	}
	for _, e := range r.Evidence {
		switch e.Field {
		case "intent", "health", "doses", "test", "needs", "proxy":
		default:
			t.Fatalf("Parse(%q): evidence field %q", in, e.Field)
		}
		if e.Phrase == "" {
			t.Fatalf("Parse(%q): empty evidence for %s", in, e.Field)
		}
	}
	var c map[string]any
	if err := json.Unmarshal(r.ContractJSON(), &c); err != nil || len(c) != 7 && len(c) != 8 {
		t.Fatalf("Parse(%q): contract JSON %s: %v", in, r.ContractJSON(), err)
	}
}

func TestHostileInput(t *testing.T) {
	cases := map[string]string{
		"empty":        "",
		"spaces":       "   \n\t ",
		"invalid utf8": "\xff\xfe\xfd\x80",
		"nul bytes":    "\x00\x00平安\x00",
		"50KB":         strings.Repeat("胸口疼喘不上气，", 3000),
		"50KB ascii":   strings.Repeat("a", 50<<10),
		"only marks":   "\u0301\u0301\u200d\u200d",
		"brackets":     strings.Repeat("[", 5000) + strings.Repeat("]", 5000),
		"digits":       strings.Repeat("9", 10000) + "针",
		"punctuation":  strings.Repeat("？！。，", 5000),
	}
	for _, in := range cases {
		validReply(t, in, Parse(in)) // its speed: BenchmarkParseHuge
	}
	for _, in := range []string{"", "\xff\xfe", "   "} {
		if r := Parse(in); r.Intent != IntentOther || r.Health != HealthUnknown {
			t.Errorf("Parse(%q) = %+v, want other/unknown", in, r)
		}
	}
}

// FuzzParse checks that no input panics or yields a value outside the contract.
func FuzzParse(f *testing.F) {
	for _, s := range benchMix {
		f.Add(s)
	}
	for _, s := range benchEnglish {
		f.Add(s)
	}
	for _, s := range []string{"a", "ma'am", "can not", "188 over 112", "103°F", "48 mg/dL", "over 1", "1 over",
		"'", "a'", "'a", "temp 100", "mother-in-law-", "- -", "ˍ", "aˍb", "it's", "i am", strings.Repeat("collapses ", 40)} {
		f.Add(s)
	}
	for _, s := range []string{"", "\xff", "[", "[玫瑰", "第", "第三", "2+", "2+3", "3、", "没", "血氧", "体温",
		"9999999999999度", "1.", "..1", "37度", "没有、", "不太", "胸口", "\u202e", "１２３"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		validReply(t, s, Parse(s))
		_ = Normalize(s)
	})
}
