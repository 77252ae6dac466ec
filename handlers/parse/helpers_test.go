package parse

import (
	"strconv"
	"strings"
	"testing"
)

// spec is an expected reading in the corpus's column order:
// "intent health doses test needs proxy", e.g. "checkin well 3 negative - no".
type spec string

func (s spec) labels(t *testing.T) contractLabels {
	t.Helper()
	f := strings.Fields(string(s))
	if len(f) != 6 {
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

// checkCases parses every text and compares all six fields.
func checkCases(t *testing.T, cases []parseCase) {
	t.Helper()
	for _, c := range cases {
		got := Parse(c.text)
		if w := c.want.labels(t); labelsOf(got) != w {
			t.Errorf("Parse(%q)\n  got  %+v\n  want %+v\n  evidence %v", c.text, labelsOf(got), w, got.Evidence)
		}
	}
}
