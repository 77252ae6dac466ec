package parse

import (
	"fmt"
	"testing"
)

// heldOutPath is a labelled set written for this package and never used to build the
// lexicon or the rules; it measures how the parser generalises.
const heldOutPath = "testdata/heldout.tsv"

// score is the per-field tally of a parse of a labelled set.
type score struct {
	n, intent, health, doses, test, needs, proxy, all int
	urgent, urgentHit, falseWell                      int
	mistakes                                          []string
}

// scoreRows parses every row and tallies the fields, the urgent recall and the
// dangerous mistake: an unwell or urgent message read as well.
func scoreRows(rows []labelled) score {
	var s score
	for _, row := range rows {
		got := labelsOf(Parse(row.text))
		w := row.want
		s.n++
		add := func(ok bool, n *int) {
			if ok {
				*n++
			}
		}
		add(got.intent == w.intent, &s.intent)
		add(got.health == w.health, &s.health)
		add(got.doses == w.doses, &s.doses)
		add(got.test == w.test, &s.test)
		add(got.needs == w.needs, &s.needs)
		add(got.proxy == w.proxy, &s.proxy)
		add(got == w, &s.all)
		if got != w {
			s.mistakes = append(s.mistakes, fmtMistake(row, got))
		}
		if (w.health == HealthUnwell || w.health == HealthUrgent) && got.health == HealthWell {
			s.falseWell++
		}
		if w.intent == IntentUrgent {
			s.urgent++
			add(got.intent == IntentUrgent, &s.urgentHit)
		}
	}
	return s
}

// fmtMistake renders one wrong reading for the test log.
func fmtMistake(row labelled, got contractLabels) string {
	return fmt.Sprintf("line %d %q\n  want %+v\n  got  %+v", row.line, row.text, row.want, got)
}

// TestHeldOut scores the parser on the held-out set, field by field.
func TestHeldOut(t *testing.T) {
	s := scoreRows(loadTSV(t, heldOutPath))
	if s.n == 0 {
		t.Fatal("empty held-out set")
	}
	r := func(k int) float64 { return float64(k) / float64(s.n) }
	t.Logf("held-out %d: intent %.3f health %.3f doses %.3f test %.3f needs %.3f proxy %.3f all %.3f urgent %d/%d false-well %d",
		s.n, r(s.intent), r(s.health), r(s.doses), r(s.test), r(s.needs), r(s.proxy), r(s.all), s.urgentHit, s.urgent, s.falseWell)
	fail := false
	for _, f := range []struct {
		name string
		got  float64
		min  float64
	}{
		{"intent", r(s.intent), 0.93}, {"health", r(s.health), 0.93},
		{"all fields", r(s.all), 0.80},
	} {
		if f.got < f.min {
			t.Errorf("%s %.3f, want ≥ %.2f", f.name, f.got, f.min)
			fail = true
		}
	}
	if s.urgentHit != s.urgent {
		t.Errorf("urgent recall %d/%d, want all", s.urgentHit, s.urgent)
		fail = true
	}
	if s.falseWell != 0 {
		t.Errorf("%d unwell or urgent messages read as well", s.falseWell)
		fail = true
	}
	if fail || testing.Verbose() {
		for _, m := range s.mistakes {
			t.Log(m)
		}
	}
}
