package parse

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// Resemblance: the second fallback of the triage layer. The discriminators and graded
// doubt read the words the lexicon holds; a family that tells an emergency in words
// nobody listed (嘴唇乌的, 手脚一下一下地打挺, 牌都摸不起来) reaches no one. So a message in
// which no rule found anything at all — no sign, not even one set aside by time or
// voice — is weighed against the labelled messages the project has: a logistic model
// of the runs of one to three characters of its live clauses (those told now or
// today, not past, in care, hypothetical, general, denied, a joke or hearsay), trained
// on every labelled set (resemble_train_test.go). A message that scores at least the
// model's threshold asks the liaison to confirm (SignLike), quoting what it weighed;
// a rule's confirm told now that the model is sure of (its alarm threshold) becomes
// an alarm. Two more heads read health where the rules read none (likeHealth). The
// model is data (resemble.tsv, embedded); its cost
// in false alerts is measured on sets it was not trained on (docs/triage.md).

//go:embed resemble.tsv
var resembleTSV []byte

// The model's heads: whether a person must look (an alert, confirm or alarm), whether
// a person must act now (an alarm), and, for a message whose health no rule read,
// whether it says the elder is well or unwell (likeHealth).
const (
	headAlert = iota
	headAlarm
	headWell
	headUnwell
	nHeads
)

// resembleModel is the loaded model: a weight per gram and head, the biases and the
// thresholds.
type resembleModel struct {
	weights   map[uint64][nHeads]float32
	bias      [nHeads]float32
	threshold float32 // the alert head's probability from which a message asks to confirm
	alarm     float32 // the alarm head's probability from which a confirm told now becomes an alarm (0: never)
	latin     float32 // threshold's stead for a message mostly in Latin letters (0: threshold)
	well      float32 // the well head's probability from which an unread health is well (0: never)
	unwell    float32 // the unwell head's probability from which an unread health is unwell (0: never)

	// the weights as the parser reads them: the alert heads' and the health heads',
	// each table holding only the grams with a weight for its heads (index)
	alertW, healthW gramTable
}

// index builds the parser's tables from weights: every message is weighed by the alert
// heads, a few by the health heads, and smaller tables are faster to read.
func (m *resembleModel) index() *resembleModel {
	nAlert, nHealth := 0, 0
	for _, w := range m.weights {
		if w[headAlert] != 0 || w[headAlarm] != 0 {
			nAlert++
		}
		if w[headWell] != 0 || w[headUnwell] != 0 {
			nHealth++
		}
	}
	m.alertW, m.healthW = newGramTable(nAlert), newGramTable(nHealth)
	for g, w := range m.weights {
		if w[headAlert] != 0 || w[headAlarm] != 0 {
			m.alertW.put(g, [2]float32{w[headAlert], w[headAlarm]})
		}
		if w[headWell] != 0 || w[headUnwell] != 0 {
			m.healthW.put(g, [2]float32{w[headWell], w[headUnwell]})
		}
	}
	return m
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
		m.weights = nil // the parser reads alertW and healthW
		resembleM = m
	})
	return resembleM
}

// loadResemble reads the model file: comment lines (#), "bias" and one
// "<gram>\t<alert>\t<alarm>\t<well>\t<unwell>" a line (a gram being one to three
// runes), and "threshold\t<p>", "alarm\t<p>", "latin\t<p>", "well\t<p>", "unwell\t<p>".
func loadResemble(data []byte) (*resembleModel, error) {
	m := &resembleModel{weights: make(map[uint64][nHeads]float32), threshold: -1}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		var w [nHeads]float32
		for i, v := range f[1:] {
			x, err := strconv.ParseFloat(v, 32)
			if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
				return nil, fmt.Errorf("line %d: weight %q is not a number", n, v)
			}
			if i < nHeads {
				w[i] = float32(x)
			}
		}
		switch k := f[0]; {
		case k == "threshold" || k == "alarm" || k == "latin" || k == "well" || k == "unwell":
			if len(f) != 2 {
				return nil, fmt.Errorf("line %d: want %s\\t<probability>", n, k)
			}
			if w[0] <= 0 || w[0] >= 1 {
				return nil, fmt.Errorf("line %d: %s %v, want between 0 and 1", n, k, w[0])
			}
			switch k {
			case "threshold":
				m.threshold = w[0]
			case "alarm":
				m.alarm = w[0]
			case "latin":
				m.latin = w[0]
			case "well":
				m.well = w[0]
			default:
				m.unwell = w[0]
			}
		case len(f) != 1+nHeads:
			return nil, fmt.Errorf("line %d: want <gram>\\t<alert>\\t<alarm>\\t<well>\\t<unwell> weights", n)
		case k == "bias":
			m.bias = w
		default:
			rs := []rune(k)
			if len(rs) < 1 || len(rs) > 3 {
				return nil, fmt.Errorf("line %d: gram %q, want one to three runes", n, k)
			}
			g := packGram(rs)
			if _, dup := m.weights[g]; dup {
				return nil, fmt.Errorf("line %d: gram %q twice", n, k)
			}
			m.weights[g] = w
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if m.threshold < 0 {
		return nil, fmt.Errorf("no threshold line")
	}
	return m.index(), nil
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
	case r >= cjkLo && r <= cjkHi: // the common ideographs, all Han: no table search
		return r, true
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

// clauseWeights returns the weights ws (the alert heads' or the health heads') of
// clause c's grams, summed for each of the two heads.
func (rd *reading) clauseWeights(ws *gramTable, c int) [2]float32 {
	var cs [2]float32
	eachGram(rd.rs, rd.tcls[c].lo, rd.tcls[c].hi, func(g uint64, _, _ int) {
		w := ws.get(g)
		cs[0] += w[0]
		cs[1] += w[1]
	})
	return cs
}

// liveClause reports whether clause c counts for the model: told now or today.
func (rd *reading) liveClause(c int) bool { return rd.tcls[c].st.live() }

// resembles weighs the live clauses of the message from clause from on. It returns the
// alert heads' probabilities, and the clause whose grams weighed most towards an alert (-1 when none
// is live): the finding's anchor, whose time and voice it shares.
func (rd *reading) resembles(m *resembleModel, from int) ([nHeads]float32, int) {
	sum, best, bestSum := m.bias, -1, float32(math.Inf(-1))
	for c := range rd.tcls {
		if !rd.liveClause(c) || c < from {
			continue
		}
		cs := rd.clauseWeights(&m.alertW, c)
		sum[headAlert] += cs[0]
		sum[headAlarm] += cs[1]
		if cs[0] > bestSum {
			best, bestSum = c, cs[0]
		}
	}
	var p [nHeads]float32
	p[headAlert], p[headAlarm] = sigmoid(sum[headAlert]), sigmoid(sum[headAlarm])
	return p, best
}

// like runs the second fallback: when no rule found anything, a message that resembles
// the emergencies the model learnt asks to confirm, or raises an alarm when the alarm
// head is sure too (at least its alarm threshold) and the clause it weighed most is told
// now. And when the strongest finding asks to confirm as read, told now, and the model
// is sure, the model's own finding makes it an alarm: 喘得说不出整句话 is a confirm to the
// breathing rule, an alarm in the words of the emergencies learnt.
func (rd *reading) like(out []finding) []finding {
	if rd.explained || rd.onlyJudgedReadings() {
		return out
	}
	from := rd.afterWell()
	m := resemble()
	var level Alert
	switch {
	case len(out) == 0:
		level = AlertConfirm
	case m.alarm > 0 && out[0].alert == AlertConfirm && out[0].level == AlertConfirm && out[0].why == "" &&
		rd.tcls[out[0].c].st == stNow:
		level = AlertAlarm
	default:
		return out
	}
	p, c := rd.resembles(m, from)
	if c < 0 || level == AlertConfirm && !m.asksToConfirm(p[headAlert], rd.rs) || level == AlertAlarm && p[headAlarm] < m.alarm {
		return out
	}
	if level == AlertConfirm && m.alarm > 0 && p[headAlarm] >= m.alarm && rd.tcls[c].st == stNow {
		level = AlertAlarm // 老伴刚才突然身子一挺，手脚一下一下地打挺: sure, and now
	}
	lo, hi := rd.liveSpan(from)
	lo = rd.fromLetter(lo, hi)
	if hi-lo > maxQuote {
		hi = lo + maxQuote
	}
	// An alarm the model alone raises, on a message that tells of no fire, gas, money,
	// lost person or unanswered door, is about someone's body or mind (存折在枕头底下，
	// 跟孩子们说我先走了): the emergencies it learnt from are.
	bodily := len(out) > 0 && out[0].bodily || len(out) == 0 && (rd.liveBody() || level == AlertAlarm && !rd.anyIncident())
	return append([]finding{{sign: SignLike, level: level, alert: level, bodily: bodily, c: c, start: lo, end: hi}}, out...)
}

// asksToConfirm reports whether the alert head's probability p asks to confirm the
// message rs: from the threshold, or from latin for a message written mostly in Latin
// letters (English, pinyin), whose letter grams carry less than characters do and so
// weigh a message less surely.
func (m *resembleModel) asksToConfirm(p float32, rs []rune) bool {
	switch {
	case p >= m.threshold:
		return true
	case m.latin == 0 || p < m.latin:
		return false
	}
	return mostlyLatin(rs)
}

// mostlyLatin reports whether more than half the letters of rs are Latin ones.
func mostlyLatin(rs []rune) bool {
	latin, letters := 0, 0
	for _, r := range rs {
		if isLatin(r) {
			latin++
			letters++
		} else if _, ok := gramRune(r); ok {
			letters++
		}
	}
	return latin*2 > letters
}

// likeHealth runs the model's health heads on a message whose health no rule read and
// that raised no alert: 吃嘛嘛香，天天下楼遛弯 says the elder is well in words the lexicon
// does not hold, 这两天浑身没劲，饭也不想吃 that they are not. It returns the health the
// heads are sure of (unwell before well) and the clause that weighed most for it, or
// HealthUnknown. It weighs the clauses from from on.
func (rd *reading) likeHealth(from int) (Health, string) { return rd.likeHealthIn(from, len(rd.tcls)) }

// likeHealthIn is likeHealth weighing the clauses from from up to to.
func (rd *reading) likeHealthIn(from, to int) (Health, string) {
	const well, unwell = 0, 1
	m := resemble()
	sum := [2]float32{m.bias[headWell], m.bias[headUnwell]}
	best, bestSum := [2]int{-1, -1}, [2]float32{}
	for c := from; c < to; c++ {
		if !rd.tcls[c].st.aboutElder() {
			continue
		}
		cs := rd.clauseWeights(&m.healthW, c) // well, unwell
		for h := range cs {
			sum[h] += cs[h]
			if best[h] < 0 || cs[h] > bestSum[h] {
				best[h], bestSum[h] = c, cs[h]
			}
		}
	}
	switch {
	case best[unwell] < 0: // nothing told of the elder
	case m.unwell > 0 && sigmoid(sum[unwell]) >= m.unwell:
		return HealthUnwell, rd.phrase(rd.tcls[best[unwell]].lo, rd.tcls[best[unwell]].hi)
	case m.well > 0 && sigmoid(sum[well]) >= m.well && !rd.anyBody(): // never well beside the body's troubles
		return HealthWell, rd.phrase(rd.tcls[best[well]].lo, rd.tcls[best[well]].hi)
	}
	return HealthUnknown, ""
}

// aboutElder reports whether a clause told so bears on the elder's health: not
// another's, not hypothetical, not a question in general, not hearsay.
func (s status) aboutElder() bool {
	return s != stYoung && s != stHypo && s != stGeneral && s != stHearsay
}

// phrase returns rd.rs[lo:hi] as evidence: from its first letter, English words
// spaced.
func (rd *reading) phrase(lo, hi int) string {
	return strings.ReplaceAll(string(rd.rs[rd.fromLetter(lo, hi):hi]), string(wordJoin), " ")
}

// fromLetter moves lo on to the first rune of rd.rs[lo:hi] that can begin a quote.
func (rd *reading) fromLetter(lo, hi int) int {
	for lo < hi && !isLetterRune(rd.rs[lo]) {
		lo++
	}
	return lo
}

func sigmoid(z float32) float32 { return float32(1 / (1 + math.Exp(-float64(z)))) }

// onlyJudgedReadings reports whether the message gives readings, all below their alert
// thresholds, and tells nothing else but everyday complaints: 血氧98，体温36.5 says all
// is well, 阳了，发烧38度5，浑身酸痛 has a figure the rules weighed against its threshold.
// Whatever the model thinks of the characters around them, it does not overrule that.
func (rd *reading) onlyJudgedReadings() bool {
	if len(rd.vitals) == 0 {
		return false
	}
	for _, v := range rd.vitals {
		if level, _ := vitalLevel(v, featSet{}); level != AlertNone {
			return false
		}
	}
	for _, h := range rd.hits {
		if !h.f.isMark() && !slices.Contains(everydayParts, h.f) {
			return false
		}
	}
	return true
}

// everydayParts are the parts of an everyday complaint: an ache, a cough, a fever, and
// taking something for it (吃了退烧药, took his pill).
var everydayParts = []feature{fComplaint, fPain, fOrgan, fSite, fCough, fFever, fSwallow, fMeds}

// liveBody reports whether a live clause names a part of the body or something wrong
// with one: a confirm the model raises on such a message is about someone's body.
func (rd *reading) liveBody() bool {
	for c := range rd.tcls {
		if rd.liveClause(c) && rd.namesBody(c) {
			return true
		}
	}
	return false
}

// anyBody reports whether any clause, whatever its time or voice, names a part of the
// body or something wrong with one.
func (rd *reading) anyBody() bool {
	for c := range rd.tcls {
		if rd.namesBody(c) {
			return true
		}
	}
	return false
}

// namesBody reports whether clause c names a part of the body or something wrong with
// one. A quality alone that everyday words share (多, 长, 干, 差: 好多人, 楼长, 饼干, 差点)
// names nothing: it counts with a part of the body beside it (嘴干, 痰多).
func (rd *reading) namesBody(c int) bool {
	tc := &rd.tcls[c]
	if !tc.feats.meets(bodyPartSet) {
		return false
	}
	if !tc.feats.has(fComplaint) {
		return true
	}
	for _, h := range rd.hits[tc.h0:tc.h1] {
		switch {
		case h.f == fComplaint:
			if h.end-h.start > 1 || !strings.ContainsRune(sharedQualities, rd.rs[h.start]) {
				return true
			}
		case !h.f.isMark() && slices.Contains(bodyParts, h.f):
			return true
		}
	}
	return false
}

// sharedQualities are the one-rune qualities of fComplaint that everyday words hold.
const sharedQualities = "多长干差花掉紧黄响"

// bodyParts are the parts that name the body or what is wrong with it.
var bodyParts = []feature{fSide, fFace, fArm, fLeg, fBody, fSpeech, fChest, fHead, fEye, fReach, fOrgan, fComplaint,
	fWeak, fLimp, fNumb, fDroop, fSlur, fBalance, fBlind, fWorst, fPain, fPress, fSweat, fBreath, fNoBreath, fBlue,
	fNausea, fDizzy, fBlackout, fPalpit, fShake, fDrowsy, fFaint, fUnresp, fSeizure, fConfused, fFall, fCantUp, fHit,
	fBlood, fVomit, fCough, fBurn, fChoke, fInjury, fSwell, fFever, fUnable, fOdd, fSite, fInner}

// liveSpan returns the span from the first live clause the model weighed (from clause
// from on) to the end of the last: what it weighed, for the quote.
func (rd *reading) liveSpan(from int) (lo, hi int) {
	lo, hi = -1, -1
	for c, tc := range rd.tcls {
		if rd.liveClause(c) && c >= from {
			if lo < 0 {
				lo = tc.lo
			}
			hi = tc.hi
		}
	}
	return lo, hi
}

// qualifiedWell reports whether the writer said well and then qualified it (挺好的，就是…).
func (rd *reading) qualifiedWell() bool {
	for _, h := range rd.health {
		if h.value == HealthWell && !rd.wellThen(h) && rd.qualified(h) {
			return true
		}
	}
	return false
}

// otherwiseWell returns the clause of an "otherwise" (其他都好, 别的还好, otherwise ok)
// that follows what the writer told before it, -1 when there is none: 耳朵背，跟她说话
// 要大声吼，其他还好 says the elder is well but for what came first, and that decides.
func (rd *reading) otherwiseWell() int {
	if rd.brkClause == 0 || !otherwiseWords[rd.brkWord] {
		return -1
	}
	for _, h := range rd.health {
		if h.value == HealthWell && h.c == rd.brkClause && h.pos >= rd.brkAt-1 && !rd.wellThen(h) {
			return rd.brkClause
		}
	}
	return -1
}

// unwellBeforeOtherwise reports whether what the writer told before an "otherwise" well
// is a complaint — the unwell head is sure of it, or it names the elder's body — and
// returns its evidence.
func (rd *reading) unwellBeforeOtherwise() (string, bool) {
	to := rd.otherwiseWell()
	if to <= 0 {
		return "", false
	}
	if h, ev := rd.likeHealthIn(0, to); h == HealthUnwell {
		return ev, true
	}
	if c := rd.bodyBefore(to); c >= 0 {
		return rd.phrase(rd.tcls[c].lo, rd.tcls[c].hi), true
	}
	return "", false
}

// bodyBefore returns the first clause before clause to that tells of the elder's body, -1
// when none does.
func (rd *reading) bodyBefore(to int) int {
	for c := 0; c < to; c++ {
		switch st := rd.tcls[c].st; {
		case !st.aboutElder(), st == stJoke, st == stDenied, st == stExplained, st == stOver:
			continue // 孙子网课吵得我头要炸了🤣，其他都好
		}
		if rd.namesBody(c) {
			return c
		}
	}
	return -1
}

// otherwiseWords are the breaks that set what follows them apart from what came before.
var otherwiseWords = map[string]bool{"其他": true, "其它": true, "别的": true, "其余": true}

// qualified reports whether a 就是/只是/不过 comes after the statement h.
func (rd *reading) qualified(h hsig) bool { return h.pos < rd.brkAt-1 }

// afterWell returns the first clause the model weighs: the one after the last in which
// the writer says they or theirs are well (挺好, 平安, menu 1), 0 when none. The model
// does not overrule the writer's own word, but what they tell after it is news of its
// own (我挺好的。老伴刚才…); a well the writer goes on to qualify (挺好的，就是…) is no
// such word: what follows 就是 decides.
func (rd *reading) afterWell() int {
	from := 0
	for _, h := range rd.health {
		if h.value != HealthWell || rd.wellThen(h) {
			continue
		}
		switch {
		case rd.qualified(h):
			if rd.brkClause > from { // 挺好的，就是…: from the 就是 on
				from = rd.brkClause
			}
		case h.c+1 > from:
			from = h.c + 1
		}
	}
	return from
}

// wellThen reports whether h is a "well" told of an earlier time (昨天还好好的,
// 上午还好端端的): beside what happened since, it is a contrast, not the present state.
func (rd *reading) wellThen(h hsig) bool {
	if h.value != HealthWell || h.recov {
		return false // 以前摔过一跤，现在好了: a recovery is the present
	}
	if h.past {
		return true
	}
	if h.c < 0 || h.c >= len(rd.tcls) {
		return false
	}
	tc := rd.tcls[h.c]
	switch tc.st {
	case stRecent, stPast, stOver:
		return true
	}
	for _, t := range rd.hits[tc.h0:tc.h1] {
		if t.f == mOnset && int(t.start) <= h.pos && h.pos < int(t.end) {
			return true // the 还好 of 刚才还好好的 marks a sudden change
		}
	}
	return false
}

// isLetterRune reports whether r can begin a quote (not a separator or a space).
func isLetterRune(r rune) bool {
	_, ok := gramRune(r)
	return ok
}
