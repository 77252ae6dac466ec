package parse

import (
	"bufio"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// corpusPath is the shared labelled corpus, beside the repository checkout.
const corpusPath = "../../../shared/corpus/replies.tsv"

// labelled is one corpus line.
type labelled struct {
	line  int
	text  string
	want  contractLabels
	alert Alert // the eighth column when the file has one, else "" (alarm exactly for urgent)
}

// wantAlert is the alert a line asks for: its own column, or alarm for intent urgent.
func (l labelled) wantAlert() Alert {
	switch {
	case l.alert != "":
		return l.alert
	case l.want.intent == IntentUrgent:
		return AlertAlarm
	}
	return AlertNone
}

// contractLabels are the six scored fields.
type contractLabels struct {
	intent Intent
	health Health
	doses  int
	test   Test
	needs  string // sorted, comma-joined, "-" for none
	proxy  bool
}

func labelsOf(r Reply) contractLabels {
	needs := make([]string, 0, len(r.Needs))
	for _, n := range r.Needs {
		needs = append(needs, string(n))
	}
	slices.Sort(needs)
	s := strings.Join(needs, ",")
	if s == "" {
		s = "-"
	}
	return contractLabels{r.Intent, r.Health, r.Doses, r.Test, s, r.Proxy}
}

func loadCorpus(t testing.TB) []labelled {
	t.Helper()
	if _, err := os.Stat(corpusPath); err != nil {
		t.Skipf("corpus not available (%v): the shared checkout is not beside the repository", err)
	}
	return loadTSV(t, corpusPath)
}

// loadTSV reads a labelled file in the corpus format: 7 tab-separated columns, or 8
// with the alert (none, confirm, alarm) last; `#` lines are comments, a literal \n in
// the text is a line break.
func loadTSV(t testing.TB, corpusPath string) []labelled {
	t.Helper()
	f, err := os.Open(corpusPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []labelled
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 7 && len(c) != 8 {
			t.Fatalf("%s:%d: %d columns", corpusPath, n, len(c))
		}
		var alert Alert
		if len(c) == 8 {
			switch alert = Alert(c[7]); alert {
			case AlertNone, AlertConfirm, AlertAlarm:
			default:
				t.Fatalf("%s:%d: alert %q", corpusPath, n, c[7])
			}
			if (alert == AlertAlarm) != (c[1] == string(IntentUrgent)) {
				t.Fatalf("%s:%d: alert %s with intent %s", corpusPath, n, alert, c[1])
			}
		}
		doses := -1
		if c[3] != "-" {
			if doses, err = strconv.Atoi(c[3]); err != nil {
				t.Fatalf("%s:%d: doses %q", corpusPath, n, c[3])
			}
		}
		needs := strings.Split(c[5], ",")
		slices.Sort(needs)
		rows = append(rows, labelled{line: n, text: strings.ReplaceAll(c[0], `\n`, "\n"), alert: alert, want: contractLabels{
			Intent(c[1]), Health(c[2]), doses, Test(c[4]), strings.Join(needs, ","), c[6] == "yes"}})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestCorpus holds the parser to every field of every line of the shared corpus, and
// to its alerts: an alarm exactly for the urgent lines.
func TestCorpus(t *testing.T) {
	rows := loadCorpus(t)
	s := scoreRows(rows)
	t.Logf("corpus: %s", s)
	for _, m := range s.mistakes {
		t.Error(m)
	}
	if s.alertWrong != 0 {
		t.Errorf("%d lines with the wrong alert", s.alertWrong)
	}
}
