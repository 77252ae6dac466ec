package parse

import (
	"strconv"
	"strings"
	"testing"
)

// spec is an expected reading in the corpus's column order:
// "intent health doses test needs proxy [alert]", e.g. "checkin well 3 negative - no"
// or "checkin unwell - unknown - no confirm". Without the alert, it is alarm for intent
// urgent and none otherwise.
type spec string

// alert returns the alert the spec expects.
func (s spec) alert() Alert {
	f := strings.Fields(string(s))
	if len(f) == 7 {
		return Alert(f[6])
	}
	if f[0] == string(IntentUrgent) {
		return AlertAlarm
	}
	return AlertNone
}

func (s spec) labels(t *testing.T) contractLabels {
	t.Helper()
	f := strings.Fields(string(s))
	if len(f) != 6 && len(f) != 7 {
		t.Fatalf("bad spec %q", s)
	}
	doses := -1
	if f[2] != "-" {
		d, err := strconv.Atoi(f[2])
		if err != nil {
			t.Fatalf("bad spec %q", s)
		}
		doses = d
	}
	return contractLabels{Intent(f[0]), Health(f[1]), doses, Test(f[3]), f[4], f[5] == "yes"}
}

type parseCase struct {
	text string
	want spec
}

// checkCases parses every text and compares all six fields and the alert.
func checkCases(t *testing.T, cases []parseCase) {
	t.Helper()
	for _, c := range cases {
		got := Parse(c.text)
		if w := c.want.labels(t); labelsOf(got) != w || got.Alert != c.want.alert() {
			t.Errorf("Parse(%q)\n  got  %+v %s\n  want %+v %s\n  evidence %v\n  findings %v", c.text, labelsOf(got), got.Alert,
				w, c.want.alert(), got.Evidence, got.Findings)
		}
	}
}
