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
	line int
	text string
	want contractLabels
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

// loadTSV reads a labelled file in the corpus format: 7 tab-separated columns, `#`
// lines are comments, a literal \n in the text is a line break.
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
		if len(c) != 7 {
			t.Fatalf("%s:%d: %d columns", corpusPath, n, len(c))
		}
		doses := -1
		if c[3] != "-" {
			if doses, err = strconv.Atoi(c[3]); err != nil {
				t.Fatalf("%s:%d: doses %q", corpusPath, n, c[3])
			}
		}
		needs := strings.Split(c[5], ",")
		slices.Sort(needs)
		rows = append(rows, labelled{line: n, text: strings.ReplaceAll(c[0], `\n`, "\n"), want: contractLabels{
			Intent(c[1]), Health(c[2]), doses, Test(c[4]), strings.Join(needs, ","), c[6] == "yes"}})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestCorpus scores the parser on the shared corpus with the project's thresholds.
func TestCorpus(t *testing.T) {
	rows := loadCorpus(t)
	var intent, health, all, urgent, urgentHit, falseWell int
	for _, row := range rows {
		got := labelsOf(Parse(row.text))
		w := row.want
		if got.intent == w.intent {
			intent++
		}
		if got.health == w.health {
			health++
		}
		if got == w {
			all++
		} else {
			t.Logf("line %d %q\n  want %+v\n  got  %+v", row.line, row.text, w, got)
		}
		if (w.health == HealthUnwell || w.health == HealthUrgent) && got.health == HealthWell {
			falseWell++
		}
		if w.intent == IntentUrgent {
			urgent++
			if got.intent == IntentUrgent {
				urgentHit++
			}
		}
	}
	n := float64(len(rows))
	t.Logf("messages %d intent %.3f health %.3f all %.3f urgent %d/%d false-well %d",
		len(rows), float64(intent)/n, float64(health)/n, float64(all)/n, urgentHit, urgent, falseWell)
	if float64(intent)/n < 0.95 || float64(health)/n < 0.95 || float64(all)/n < 0.85 {
		t.Errorf("accuracy below thresholds (intent/health 0.95, all fields 0.85)")
	}
	if urgentHit != urgent {
		t.Errorf("urgent recall %d/%d, want all", urgentHit, urgent)
	}
	if falseWell != 0 {
		t.Errorf("%d unwell or urgent messages read as well", falseWell)
	}
}
