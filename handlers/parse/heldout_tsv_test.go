package parse

import (
	"fmt"
	"testing"
)

// heldOutPath is a labelled set written for this package and never used to build the
// lexicon or the rules; it measures how the parser generalises.
const heldOutPath = "testdata/heldout.tsv"

// score is the per-field tally of a parse of a labelled set, and of its alerts.
type score struct {
	n, intent, health, doses, test, needs, proxy, all int
	urgent, urgentHit, falseWell                      int
	// alerts by the line's label: how many lines, how many started an alert (confirm
	// or alarm), how many an alarm
	alarmRows, alarmAlerted, alarmGiven       int
	confirmRows, confirmAlerted, confirmAlarm int
	calmRows, calmAlerted, calmAlarm          int
	alertWrong                                int // lines whose alert is not exactly the label's
	mistakes                                  []string
}

func (s score) rate(k int) float64 { return float64(k) / float64(max(s.n, 1)) }

func (s score) String() string {
	return fmt.Sprintf("%d messages: intent %.3f health %.3f doses %.3f test %.3f needs %.3f proxy %.3f all %.3f; "+
		"alert recall %d/%d (alarm %d), confirm lines alerted %d/%d, alerts on calm lines %d/%d = %.3f (alarms %d); "+
		"complaints read as well %d",
		s.n, s.rate(s.intent), s.rate(s.health), s.rate(s.doses), s.rate(s.test), s.rate(s.needs), s.rate(s.proxy), s.rate(s.all),
		s.alarmAlerted, s.alarmRows, s.alarmGiven, s.confirmAlerted, s.confirmRows, s.calmAlerted, s.calmRows,
		float64(s.calmAlerted)/float64(max(s.calmRows, 1)), s.calmAlarm, s.falseWell)
}

// scoreRows parses every row and tallies the fields, the alerts and the dangerous
// mistake: an unwell or urgent message read as well.
func scoreRows(rows []labelled) score {
	var s score
	for _, row := range rows {
		r := Parse(row.text)
		got := labelsOf(r)
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
		wa := row.wantAlert()
		if got != w || r.Alert != wa {
			s.mistakes = append(s.mistakes, fmtMistake(row, got, r))
		}
		if r.Alert != wa {
			s.alertWrong++
		}
		if (w.health == HealthUnwell || w.health == HealthUrgent) && got.health == HealthWell {
			s.falseWell++
		}
		if w.intent == IntentUrgent {
			s.urgent++
			add(got.intent == IntentUrgent, &s.urgentHit)
		}
		alerted, alarmed := r.Alert != AlertNone, r.Alert == AlertAlarm
		switch wa {
		case AlertAlarm:
			s.alarmRows++
			add(alerted, &s.alarmAlerted)
			add(alarmed, &s.alarmGiven)
		case AlertConfirm:
			s.confirmRows++
			add(alerted, &s.confirmAlerted)
			add(alarmed, &s.confirmAlarm)
		default:
			s.calmRows++
			add(alerted, &s.calmAlerted)
			add(alarmed, &s.calmAlarm)
		}
	}
	return s
}

// fmtMistake renders one wrong reading for the test log.
func fmtMistake(row labelled, got contractLabels, r Reply) string {
	var fs []string
	for _, f := range r.Findings {
		fs = append(fs, f.Label()+"/"+string(f.Alert))
	}
	return fmt.Sprintf("line %d %q\n  want %+v %s\n  got  %+v %s %v", row.line, row.text, row.want, row.wantAlert(), got, r.Alert, fs)
}

// TestHeldOut scores the parser on the held-out set, field by field.
func TestHeldOut(t *testing.T) {
	s := scoreRows(loadTSV(t, heldOutPath))
	if s.n == 0 {
		t.Fatal("empty held-out set")
	}
	t.Logf("held-out: %s", s)
	fail := false
	for _, f := range []struct {
		name string
		got  float64
		min  float64
	}{
		{"intent", s.rate(s.intent), 0.93}, {"health", s.rate(s.health), 0.93},
		{"all fields", s.rate(s.all), 0.80},
	} {
		if f.got < f.min {
			t.Errorf("%s %.3f, want ≥ %.2f", f.name, f.got, f.min)
			fail = true
		}
	}
	if s.alarmAlerted != s.alarmRows || s.confirmAlerted != s.confirmRows {
		t.Errorf("alert recall %d/%d, confirm lines %d/%d, want all", s.alarmAlerted, s.alarmRows, s.confirmAlerted, s.confirmRows)
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
