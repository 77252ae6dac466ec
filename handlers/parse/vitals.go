package parse

import "unicode/utf8"

// Vital signs: a figure read after a measure word (血压185/115, 血糖二十多, 血氧八十五,
// 心跳一分钟一百五, 体温39度7) or a temperature in degrees (烧到40度), weighed
// against the thresholds of shared/triage.md.

// vitalKind is what a figure measures.
type vitalKind uint8

const (
	vBP    vitalKind = iota + 1 // systolic blood pressure, mmHg (with the diastolic after a slash)
	vDia                        // diastolic blood pressure (低压)
	vSugar                      // blood sugar, mmol/L
	vSpO2                       // blood oxygen saturation, %
	vTemp                       // body temperature, °C
	vPulse                      // pulse, beats a minute
)

// vitalKinds maps the lexicon's measure values to kinds.
var vitalKinds = map[string]vitalKind{"bp": vBP, "dia": vDia, "glucose": vSugar, "spo2": vSpO2, "temp": vTemp, "pulse": vPulse}

// vital is one figure read, at rs[start:end] of clause c.
type vital struct {
	kind       vitalKind
	value      float64
	dia        float64 // the lower figure of 185/115; 0 when not given
	high       bool    // a meter that reads HI
	carried    bool    // read without its measure word, in the clause after one (…一百九，今天一百四了)
	clause     int
	start, end int
}

// plausible reports whether v can be a reading of kind k (the figure after 血压 in
// 血压一直很高 is no reading; 30度 is the weather).
func plausible(k vitalKind, v float64) bool {
	switch k {
	case vBP:
		return v >= 60 && v <= 300
	case vDia:
		return v >= 30 && v <= 200
	case vSugar:
		return v > 0.5 && v <= 40
	case vSpO2:
		return v >= 50 && v <= 100
	case vTemp:
		return v >= 34 && v <= 43
	case vPulse:
		return v >= 20 && v <= 250
	}
	return false
}

// vitalHealth is what a figure says about health on its own: unwell past the
// everyday thresholds, "" otherwise (a normal figure is no news). A blood sugar is
// high from 7.0 fasting or unqualified, from 11.1 after a meal (饭后, 餐后).
func vitalHealth(v vital, afterMeal bool) Health {
	x := v.value
	unwell := false
	switch v.kind {
	case vBP:
		unwell = x >= 140 || x < 90 || v.dia >= 90
	case vDia:
		unwell = x >= 90
	case vSugar:
		unwell = v.high || x < 3.9 || x >= 11.1 || !afterMeal && x >= 7.0
	case vSpO2:
		unwell = x < 94
	case vTemp:
		unwell = x >= 37.3
	case vPulse:
		unwell = x > 100 || x < 50
	}
	if unwell {
		return HealthUnwell
	}
	return ""
}

// bpSymptoms, sugarLowSymptoms, … are the companions that make a figure past its
// threshold an alarm rather than a confirm.
var (
	bpSymptoms       = []feature{fHead, fWorst, fChest, fNoBreath, fBreath, fConfused, fWeak, fNumb, fBlind, fDizzy, fNausea, fVomit, fSlur, fDroop}
	sugarLowSymptoms = []feature{fSweat, fShake, fConfused, fUnresp, fDizzy, fLimp, fBlackout, fDrowsy}
	sugarHiSymptoms  = []feature{fVomit, fNausea, fConfused, fUnresp, fDrowsy, fFaint}
	feverSymptoms    = []feature{fConfused, fNoBreath, fBreath, fUnresp, fSeizure, fDrowsy}
	shockSymptoms    = []feature{fConfused, fUnresp, fFaint, fBlackout, fDizzy, fCold, fLimp, fSweat, fDrowsy}
	pulseSymptoms    = []feature{fDizzy, fBlackout, fLimp, fPalpit, fChest, fNoBreath, fFaint, fBalance}
)

// vitalLevel weighs a figure against its thresholds (shared/triage.md):
//   - blood pressure ≥ 180 systolic or ≥ 110 diastolic: alarm with headache, chest
//     pain, breathlessness, confusion, weakness, numbness, vision change, dizziness or
//     nausea; confirm alone.
//   - blood sugar < 3.0: alarm; < 3.9: alarm with sweating, shaking, confusion or
//     drowsiness, else confirm; > 16.7 or HI: alarm with vomiting or drowsiness, else confirm.
//   - blood oxygen < 90: alarm; < 93: confirm.
//   - temperature ≥ 39: alarm with confusion or breathlessness, else confirm.
//   - pulse > 120 or < 50: alarm with dizziness, a black-out, weakness, palpitations
//     or chest pain, else confirm.
func vitalLevel(v vital, m featSet) (Alert, featSet) {
	x := v.value
	withSymptoms := func(fs []feature) (Alert, featSet) {
		if s := pick(m, fs...); !s.empty() {
			if s.has(fHead) && !m.any(fPain, fWorst, fDizzy) {
				s = s.without(fHead) // 头 alone is no headache
			}
			if s.has(fNumb) && !m.any(fArm, fLeg, fFace, fBody, fSide, fReach) {
				s = s.without(fNumb) // 血压186，没感觉: numb of nothing is feeling nothing
			}
			if s.empty() {
				return AlertConfirm, none
			}
			return AlertAlarm, s.union(pick(m, fPain))
		}
		return AlertConfirm, none
	}
	switch v.kind {
	case vBP:
		if x >= 180 || v.dia >= 110 {
			return withSymptoms(bpSymptoms)
		}
		if x >= 170 && m.has(fSkipped) { // 降压药断了三天了，今天量了178
			return AlertConfirm, setOf(fSkipped)
		}
		if x >= 170 { // 血压170/100，头有点胀: near the line, with a symptom, worth a look
			return belowLine(withSymptoms(bpSymptoms))
		}
		if x < 90 && v.dia > 0 { // 血压80/50，四肢冰凉，问话反应很慢: shock
			return withSymptoms(shockSymptoms)
		}
	case vDia:
		if x >= 110 {
			return withSymptoms(bpSymptoms)
		}
	case vSugar:
		switch {
		case !v.high && x < 3.0:
			return AlertAlarm, none
		case !v.high && x < 3.9:
			return withSymptoms(sugarLowSymptoms)
		case v.high || x > 16.7:
			return withSymptoms(sugarHiSymptoms)
		}
	case vSpO2:
		switch {
		case x < 90:
			return AlertAlarm, none
		case x < 93:
			return AlertConfirm, none
		}
	case vTemp:
		if x >= 38 && m.has(fChemo) { // a fever on chemotherapy
			return AlertAlarm, setOf(fChemo)
		}
		if x >= 39 {
			return withSymptoms(feverSymptoms)
		}
		if x >= 38 { // 烧到38度5，喘气有点粗
			return belowLine(withSymptoms(feverSymptoms))
		}
	case vPulse:
		if x > 120 || x < 50 {
			return withSymptoms(pulseSymptoms)
		}
	}
	return AlertNone, none
}

// belowLine lowers what withSymptoms gives for a figure just short of its threshold:
// with its symptoms it asks to confirm, alone it is no alert.
func belowLine(level Alert, used featSet) (Alert, featSet) {
	if level == AlertAlarm {
		return AlertConfirm, used
	}
	return AlertNone, none
}

// vitalAt reads the figure of kind k that follows rs[from:] in the current clause
// (血压 at start ends at from) and records it; the figure's numbers are then skipped
// by the clause reader. An abnormal figure also tells health.
func (rd *reading) vitalAt(cs *clauseState, k vitalKind, start, from int) {
	v, ok := readVital(rd.rs, k, from, cs.hi)
	if ok && (ageAfter(rd.rs, v.end) || thresholdBefore(rd.rs, from, v.end)) {
		return // an oxygen reading for an 80-year-old, 血压超过180就要去急诊: an age or a line, not a figure
	}
	if !ok {
		// 血氧测了一圈：许阿姨97，何叔96，吕奶奶86: a list after a header; its first figure is
		// read after the colon, the others are carried to the clauses after it
		colon := listColon(rd.rs, from, cs.hi)
		if colon < 0 {
			if k == vPulse && onlyParticles(rd.rs[from:cs.hi]) {
				rd.listAt, rd.listKind = cs.index+1, k // 今晨数脉，每分钟四十六下: the count follows
			}
			return
		}
		rd.listAt, rd.listKind = cs.index+1, k
		if v, ok = readVital(rd.rs, k, colon+1, cs.hi); !ok || v.end > cs.hi {
			return // the figures come in the clauses after the header: carried there
		}
		start = colon + 1
	}
	v.clause, v.start = cs.index, start
	afterMeal := containsAny(rd.rs, "饭后", "餐后")
	for {
		rd.vitals = append(rd.vitals, v)
		cs.figEnd = v.end
		if h := vitalHealth(v, afterMeal); h != "" {
			cs.content = true
			rd.healthSig(h, v.start, string(rd.rs[v.start:v.end]), cs.cf.at(v.start), false)
		}
		// 血氧早上95中午91现在87: a series in one clause, each figure after its time
		at, p := seriesNext(rd.rs, v.end, cs.hi)
		if p < 0 || len(rd.vitals) >= 8 {
			return
		}
		w, ok := readVital(rd.rs, k, p, cs.hi)
		if !ok || w.end > cs.hi {
			return
		}
		w.clause, w.start, w.carried = cs.index, at, true
		v = w
	}
}

// seriesTimes are the words of time that, right after a figure and right before the
// next, make that next figure a later reading of the same measure (早上95中午91现在87).
var seriesTimes = []string{"上午", "中午", "下午", "傍晚", "晚上", "夜里", "半夜", "凌晨", "现在", "刚才", "刚刚",
	"这会儿", "后来", "然后", "再测", "复测", "又测", "再量", "又量"}

// seriesNext returns where the time word after a figure ending at end starts and where
// the figure after it starts, or -1, -1 when rs[end:] does not go on with a time word
// and a figure.
func seriesNext(rs []rune, end, hi int) (int, int) {
	if end >= hi {
		return -1, -1 // the figure ran on past its clause (…，都是一百九)
	}
	w := prefixIn(rs[end:hi], seriesTimes)
	if n := utf8.RuneCountInString(w); w != "" && end+n < hi && (isDigit(rs[end+n]) || cnDigit(rs[end+n]) > 0) {
		return end, end + n
	}
	return -1, -1
}

// ageAfter reports whether 岁 follows a figure, after a separator or not (80-year-old is
// read as 80,岁).
func ageAfter(rs []rune, end int) bool {
	for end < len(rs) && (isSep(rs[end]) || rs[end] == wordJoin || rs[end] == ' ') {
		end++
	}
	return end < len(rs) && rs[end] == '岁'
}

// thresholdBefore reports whether the first figure in rs[from:end] follows a word that
// makes it a line to compare with (超过180, 低于90), not a reading.
func thresholdBefore(rs []rune, from, end int) bool {
	for i := from; i < end && i < len(rs); i++ {
		if isDigit(rs[i]) || cnDigit(rs[i]) >= 0 {
			if i < 2 {
				return false
			}
			switch string(rs[i-2 : i]) {
			case "超过", "高于", "低于", "大于", "小于", "不到", "达到", "多于", "少于":
				return true
			}
			return false
		}
	}
	return false
}

// nameBefore returns where the name starts when the clause before clause c is only a
// name (乐阿姨, 于叔), or a header and a name (血压：乐阿姨): two to five characters, no
// figure, nothing read; -1 otherwise.
func (rd *reading) nameBefore(c int) int {
	if c == 0 || c > len(rd.tcls) {
		return -1
	}
	tc := rd.tcls[c-1]
	lo := tc.lo
	for i := tc.lo; i < tc.hi; i++ {
		if rd.rs[i] == sepColon {
			lo = i + 1 // 血压：乐阿姨: the name after the header
		}
	}
	n := 0
	for _, r := range rd.rs[lo:tc.hi] {
		switch {
		case isSep(r) || r == ' ':
		case r >= cjkLo && r <= cjkHi:
			n++
		default:
			return -1
		}
	}
	if n < 2 || n > 5 || tc.h0 != tc.h1 {
		return -1
	}
	return lo
}

// listColon returns the position of a colon that ends a reading's header within a few
// runes of its measure word (血氧测了一圈：, 血压：), or -1.
func listColon(rs []rune, from, hi int) int {
	for i := from; i < min(hi, from+8); i++ {
		if rs[i] == sepColon {
			return i
		}
		if isDigit(rs[i]) {
			return -1
		}
	}
	return -1
}

// carryVital reads a figure the clause gives without a measure word when the clause
// before it gave one (昨天血压飙到一百九，吃了药今天一百四了): the same measure, a later
// reading, up to two clauses on. It reads nothing in a clause that has a figure of its
// own, and nothing that comes first in its clause (二百零五，一百一十五 is the lower one).
func (rd *reading) carryVital(cs *clauseState) {
	n := len(rd.vitals)
	if n == 0 && rd.listAt == 0 {
		return
	}
	reach := 2
	again := cs.index > 0 && remeasured(rd.rs[rd.tcls[cs.index-1].lo:min(rd.tcls[cs.index-1].hi, len(rd.rs))])
	switch {
	case again: // 血氧测出来 85，吓死了，结果夹子没夹好，重新测 97: measured again
		reach = 5
	case containsAny(rd.rs[cs.lo:cs.hi], "今天", "今早", "今日", "今儿", "现在", "刚刚", "刚才"):
		reach = 4 // 血糖昨天低，3.4，吃了糖就好了，今天6.1: today's figure of the same measure
	}
	var k vitalKind
	switch {
	case n > 0 && rd.vitals[n-1].clause >= cs.index-reach:
		k = rd.vitals[n-1].kind
	case rd.listAt > 0 && rd.listAt-1 >= cs.index-2: // a header's list goes on
		k = rd.listKind
	default:
		return
	}
	for _, v := range rd.vitals {
		if v.clause == cs.index {
			return
		}
	}
	if cs.cf.question || cs.cf.future {
		return
	}
	lo := cs.lo
	for lo < cs.hi && isSep(rd.rs[lo]) {
		lo++
	}
	v, ok := readVital(rd.rs, k, lo, cs.hi)
	if !ok || v.end > cs.hi || countedAfter(rd.rs, v.end) {
		return
	}
	lead := 0 // what is told before the figure: a figure first is the lower one (二百零五，一百一十五)
	for i := cs.lo; i < cs.hi && !isDigit(rd.rs[i]) && cnDigit(rd.rs[i]) < 0 && rd.rs[i] != '百'; i++ {
		if !isSep(rd.rs[i]) {
			lead++
		}
	}
	name := -1 // where the name of a list's figure starts, in the clause before it
	if lead < 2 && rd.listAt > 0 {
		name = rd.nameBefore(cs.index)
	}
	if lead < 2 && name < 0 && !again || loneNumeral(rd.rs, v) {
		return // a figure first is the lower one, unless a list gives a name and then its figure
	}
	if rd.listAt > 0 {
		rd.listAt = cs.index + 1 // the list goes on from here
	}
	v.clause, v.start, v.carried = cs.index, cs.lo, true
	if name >= 0 {
		v.start = name // 于叔 185/105: the quote names whose figure it is
	}
	for v.start < v.end && isSep(rd.rs[v.start]) {
		v.start++
	}
	rd.vitals = append(rd.vitals, v)
}

// loneNumeral reports whether a carried figure is one Chinese numeral with no digit
// after it (比平常高一眼, 好一点): a word, not a reading.
func loneNumeral(rs []rune, v vital) bool {
	n := 0
	for i := min(v.end, len(rs)) - 1; i >= 0; i-- {
		r := rs[i]
		if isDigit(r) || r == '.' {
			return false
		}
		if cnDigit(r) < 0 && r != '百' && r != '十' && r != '点' {
			break
		}
		n++
	}
	return n <= 1
}

// superseded reports whether a later reading of the same measure, in a later clause or
// later in a series, is within its thresholds: the figure before it is over (…一百九，今天一百四了).
func superseded(v vital, vs []vital, live featSet, rs []rune, cls []tclause) bool {
	for _, w := range vs {
		if w.kind == v.kind && (w.clause > v.clause || w.clause == v.clause && w.start >= v.end) && laterReading(v, w, rs, cls) {
			if level, _ := vitalLevel(w, live); level == AlertNone {
				return true
			}
		}
	}
	return false
}

// laterReading reports whether w, read after v, is a later reading rather than one
// told beside it (夜里91、92，白天94): its clause says now, over or in care, or a
// second measurement or what was done comes between (复测, 吃了药, 歇了会儿).
func laterReading(v, w vital, rs []rune, cls []tclause) bool {
	lo, hi := min(v.end, len(rs)), min(w.end, len(rs))
	if int(w.clause) < len(cls) {
		wc := cls[w.clause]
		if containsAny(rs[wc.lo:min(wc.hi, len(rs))], "平时", "平常", "通常", "usual") {
			return false // 血氧92，平时97、98: her usual figure, not a later one
		}
		if wc.feats.has(mRecent) && !wc.feats.any(mNow, mOver, mCare) && int(v.clause) < len(cls) && cls[v.clause].feats.has(mNow) {
			return false // 血氧91今天，昨天95: yesterday's figure is the earlier one
		}
		if wc.feats.any(mNow, mOver, mCare, mRecent) {
			return true
		}
	}
	if int(v.clause) < len(cls) && v.clause < w.clause {
		lo = max(lo, min(cls[v.clause].hi, hi)) // 血氧92今天早上: the time after the first figure is its own
	}
	if lo >= hi {
		return false
	}
	return containsAny(rs[lo:hi], "复测", "再测", "再量", "重测", "又测", "又量", "重新量", "重新测", "重新夹", "重夹", "换了", "吃了", "歇了", "坐了",
		"过了", "后来", "然后", "之后", "再夹", "搓热", "吃完", "喝了", "退了", "今早", "早上", "回到")
}

// remeasured reports whether a clause ends telling of a measurement taken again (重新测,
// 再量一次): the figure in the clause after it is that measurement's.
func remeasured(rs []rune) bool { return endsWithAny(rs, remeasureWords) }

// remeasureWords end a clause that tells of a measurement taken again.
var remeasureWords = []string{"重新测", "重新量", "重测", "再测", "再量", "复测", "又测了", "又量了", "再测一次", "再量一次", "重新夹"}
