package parse

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// Resemblance: the second fallback of the triage layer. The discriminators and graded
// doubt read the words the lexicon holds; a family that tells an emergency in words
// nobody listed (嘴唇乌的, 手脚抽个不停, 牌都摸不起来) reaches no one. So a message in
// which no rule found anything at all — no sign, not even one set aside by time or
// voice — is weighed against the labelled messages the project has: a logistic model
// of the runs of one to three characters of its live clauses (those told now or
// today, not past, in care, hypothetical, general, denied, a joke or hearsay), trained
// on every labelled set (resemble_train_test.go). A message that scores at least the
// model's threshold asks the liaison to confirm (SignLike, never an alarm), quoting
// what it weighed. The model is data (resemble.tsv, embedded); its cost
// in false alerts is measured on sets it was not trained on (docs/triage.md).

//go:embed resemble.tsv
var resembleTSV []byte

// resembleModel is the loaded model: a weight per gram, the bias and the threshold.
type resembleModel struct {
	weights   map[uint64]float32
	bias      float32
	threshold float32 // the probability from which a message asks to confirm
}

var (
	resembleOnce sync.Once
	resembleM    *resembleModel
)

// resemble returns the embedded model; the package's tests check that it loads.
func resemble() *resembleModel {
	resembleOnce.Do(func() {
		m, err := loadResemble(resembleTSV)
		if err != nil {
			panic("parse: resemble.tsv: " + err.Error())
		}
		resembleM = m
	})
	return resembleM
}

// loadResemble reads the model file: comment lines (#), "bias\t<w>", "threshold\t<p>"
// and one "<gram>\t<weight>" a line, a gram being one to three runes.
func loadResemble(data []byte) (*resembleModel, error) {
	m := &resembleModel{weights: make(map[uint64]float32), threshold: -1}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("line %d: want <gram>\\t<weight>", n)
		}
		w, err := strconv.ParseFloat(v, 32)
		if err != nil || math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("line %d: weight %q is not a number", n, v)
		}
		switch k {
		case "bias":
			m.bias = float32(w)
			continue
		case "threshold":
			if w <= 0 || w >= 1 {
				return nil, fmt.Errorf("line %d: threshold %v, want between 0 and 1", n, w)
			}
			m.threshold = float32(w)
			continue
		}
		rs := []rune(k)
		if len(rs) < 1 || len(rs) > 3 {
			return nil, fmt.Errorf("line %d: gram %q, want one to three runes", n, k)
		}
		g := packGram(rs)
		if _, dup := m.weights[g]; dup {
			return nil, fmt.Errorf("line %d: gram %q twice", n, k)
		}
		m.weights[g] = float32(w)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if m.threshold < 0 {
		return nil, fmt.Errorf("no threshold line")
	}
	return m, nil
}

// packGram packs one to three runes into a key (21 bits a rune; the first is never 0).
func packGram(rs []rune) uint64 {
	var g uint64
	for _, r := range rs {
		g = g<<21 | uint64(r)
	}
	return g
}

// gramRune is the rune a gram holds for r: digits fold to 0 (the figure is the rules'
// business, the shape is the model's); separators, spaces and symbols end a run.
func gramRune(r rune) (rune, bool) {
	switch {
	case r >= '0' && r <= '9':
		return '0', true
	case unicode.IsLetter(r) || unicode.Is(unicode.Han, r):
		return r, true
	}
	return 0, false
}

// eachGram calls fn with every gram of rs[lo:hi] (runs of one to three gram runes)
// and its span.
func eachGram(rs []rune, lo, hi int, fn func(g uint64, start, end int)) {
	var prev [2]rune
	n := 0 // gram runes in the current run, capped at 2 kept before this one
	for i := lo; i < hi; i++ {
		r, ok := gramRune(rs[i])
		if !ok {
			n = 0
			continue
		}
		fn(uint64(r), i, i+1)
		if n >= 1 {
			fn(uint64(prev[1])<<21|uint64(r), i-1, i+1)
		}
		if n >= 2 {
			fn(uint64(prev[0])<<42|uint64(prev[1])<<21|uint64(r), i-2, i+1)
		}
		prev[0], prev[1] = prev[1], r
		n++
	}
}

// liveClause reports whether clause c counts for the model: told now or today.
func (rd *reading) liveClause(c int) bool { return rd.tcls[c].st.live() }

// resembles weighs the live clauses of the message. It returns the probability, and
// the clause whose grams weighed most towards an alert (-1 when none is live): the
// finding's anchor, whose time and voice it shares.
func (rd *reading) resembles(m *resembleModel) (float32, int) {
	sum, best, bestSum := m.bias, -1, float32(math.Inf(-1))
	for c := range rd.tcls {
		if !rd.liveClause(c) {
			continue
		}
		var cs float32
		eachGram(rd.rs, rd.tcls[c].lo, rd.tcls[c].hi, func(g uint64, _, _ int) {
			cs += m.weights[g]
		})
		sum += cs
		if cs > bestSum {
			best, bestSum = c, cs
		}
	}
	return float32(1 / (1 + math.Exp(-float64(sum)))), best
}

// like runs the second fallback: when no rule found anything, a message that resembles
// the emergencies the model learnt asks to confirm.
func (rd *reading) like(out []finding) []finding {
	if len(out) > 0 || rd.saidWell() {
		return out
	}
	m := resemble()
	p, c := rd.resembles(m)
	if c < 0 || p < m.threshold {
		return out
	}
	lo, hi := rd.liveSpan()
	for lo < hi && !isLetterRune(rd.rs[lo]) {
		lo++
	}
	if hi-lo > maxQuote {
		hi = lo + maxQuote
	}
	return append(out, finding{sign: SignLike, level: AlertConfirm, alert: AlertConfirm, bodily: false, c: c,
		start: lo, end: hi})
}

// liveSpan returns the span from the first live clause to the end of the last: what
// the model weighed, for the quote.
func (rd *reading) liveSpan() (lo, hi int) {
	lo, hi = -1, -1
	for c, tc := range rd.tcls {
		if rd.liveClause(c) {
			if lo < 0 {
				lo = tc.lo
			}
			hi = tc.hi
		}
	}
	return lo, hi
}

// saidWell reports whether the message says the writer or theirs are well (挺好, 平安,
// menu 1): the model does not overrule the writer's own word.
func (rd *reading) saidWell() bool {
	for _, h := range rd.health {
		if h.value == HealthWell {
			return true
		}
	}
	return false
}

// isLetterRune reports whether r can begin a quote (not a separator or a space).
func isLetterRune(r rune) bool {
	_, ok := gramRune(r)
	return ok
}
