package parse

import (
	"strings"
	"testing"
)

// clauseSpec is a clause for settle: its marks in text order, and whether it is a
// question or hearsay.
type clauseSpec struct {
	marks    []feature
	question bool
	hearsay  bool
	asked    bool // ends in ？ or 吗
	self     bool // names the writer or one of theirs
	oneRune  bool // its marks are one rune long (又)
}

// settled runs settle over clauses built from specs and returns their statuses.
func settled(specs []clauseSpec) []status {
	var cls []tclause
	var hits []thit
	pos := 0
	for i, sp := range specs {
		tc := tclause{lo: pos, question: sp.question || sp.asked, asked: sp.asked, self: sp.self, hearsay: sp.hearsay, h0: len(hits)}
		for _, f := range sp.marks {
			n := 2
			if sp.oneRune {
				n = 1
			}
			tc.feats.add(f)
			hits = append(hits, thit{f: f, c: int16(i), start: int32(pos), end: int32(pos + n)})
			pos += n + 1
		}
		tc.hi, tc.h1 = pos, len(hits)
		pos++
		cls = append(cls, tc)
	}
	settle(cls, hits, make([]rune, pos)) // no words: the marks alone decide
	out := make([]status, len(cls))
	for i, tc := range cls {
		out[i] = tc.st
	}
	return out
}

func TestSettle(t *testing.T) {
	cases := []struct {
		name  string
		specs []clauseSpec
		want  []status
	}{
		{"now by default", []clauseSpec{{}}, []status{stNow}},
		{"past carries on (上周中风，住院了)", []clauseSpec{{marks: []feature{mPast}}, {}}, []status{stPast, stPast}},
		{"now after past (以前摔过，现在又摔了)", []clauseSpec{{marks: []feature{mPast}}, {marks: []feature{mNow}}}, []status{stPast, stNow}},
		{"the last time word wins (前天晚上…今天)", []clauseSpec{{marks: []feature{mRecent, mNow}}}, []status{stNow}},
		{"onset inside a past clause stays past", []clauseSpec{{marks: []feature{mRecent, mOnset}}}, []status{stRecent}},
		{"onset after past is now", []clauseSpec{{marks: []feature{mPast}}, {marks: []feature{mOnset}}}, []status{stPast, stNow}},
		{"recent", []clauseSpec{{marks: []feature{mRecent}}}, []status{stRecent}},
		{"hypothesis carries (要是哪天…家里就我一个人)", []clauseSpec{{marks: []feature{mHypo, mOnset}}, {}}, []status{stHypo, stHypo}},
		{"a question ends the hypothesis", []clauseSpec{{marks: []feature{mHypo}, question: true}, {}}, []status{stHypo, stNow}},
		{"a time word ends the hypothesis", []clauseSpec{{marks: []feature{mHypo}}, {marks: []feature{mNow}}}, []status{stHypo, stNow}},
		{"又 does not (万一喘不上来，救护车又打不通)", []clauseSpec{{marks: []feature{mHypo}}, {marks: []feature{mNow}, oneRune: true}}, []status{stHypo, stHypo}},
		{"a belief is its own clause's (以为着火了，结果是熏腊肉)", []clauseSpec{{marks: []feature{mBelief}}, {}}, []status{stHypo, stNow}},
		{"a question in general", []clauseSpec{{marks: []feature{mGeneral}, question: true}}, []status{stGeneral}},
		{"a general word outside a question stands", []clauseSpec{{marks: []feature{mGeneral}}}, []status{stNow}},
		{"denial looks back (群里说我摔了？没有的事)", []clauseSpec{{question: true}, {marks: []feature{mDenial}}, {}}, []status{stDenied, stDenied, stNow}},
		{"a joke looks back", []clauseSpec{{}, {marks: []feature{mJoke}}}, []status{stJoke, stJoke}},
		{"care looks back (前天胸口疼，送到医院放了支架)", []clauseSpec{{marks: []feature{mRecent}}, {marks: []feature{mCare}}}, []status{stCare, stCare}},
		{"care asked for is no care (需要住院吗)", []clauseSpec{{}, {marks: []feature{mCare}, question: true}}, []status{stNow, stNow}},
		{"a visit is care even in a question", []clauseSpec{{}, {marks: []feature{mVisit}, question: true}}, []status{stCare, stCare}},
		{"over today", []clauseSpec{{}, {marks: []feature{mOver}}}, []status{stOverToday, stOverToday}},
		{"over yesterday", []clauseSpec{{marks: []feature{mRecent}}, {marks: []feature{mOver}}}, []status{stOver, stOver}},
		{"over in a question is no news", []clauseSpec{{}, {marks: []feature{mOver}, question: true}}, []status{stNow, stNow}},
		{"chronic looks back", []clauseSpec{{}, {marks: []feature{mChronic}}}, []status{stChronic, stChronic}},
		{"chronic stops at a sudden clause", []clauseSpec{{marks: []feature{mOnset}}, {marks: []feature{mChronic}}}, []status{stNow, stChronic}},
		{"chronic carries on", []clauseSpec{{marks: []feature{mChronic}}, {}}, []status{stChronic, stChronic}},
		{"hearsay runs on (听说隔壁有老人被骗了，是冒充医保局的)", []clauseSpec{{hearsay: true}, {}}, []status{stHearsay, stHearsay}},
		{"hearsay stops at the writer (听说…，我妈也头疼)", []clauseSpec{{hearsay: true}, {self: true}}, []status{stHearsay, stNow}},
		{"hearsay stops at a time (听说…，今天…)", []clauseSpec{{hearsay: true}, {marks: []feature{mNow}}}, []status{stHearsay, stNow}},
		{"hearsay stops at fine (…, we're fine here)", []clauseSpec{{hearsay: true}, {marks: []feature{mFine}}}, []status{stHearsay, stNow}},
		{"hearsay of one's own does not run on (群里传我老伴中风了，…)", []clauseSpec{{hearsay: true, self: true}, {}}, []status{stHearsay, stNow}},
		// the general-question rule: a question naming no one and no time
		{"a question naming no one (脑梗和脑出血有什么区别？)", []clauseSpec{{asked: true}}, []status{stGeneral}},
		{"a question naming the writer's mother (我妈…是不是中风了？)", []clauseSpec{{self: true}, {asked: true}}, []status{stNow, stNow}},
		{"a question with a time (今天胸口疼挂什么科？)", []clauseSpec{{marks: []feature{mNow}, asked: true}}, []status{stNow}},
		{"a question that pleads (喘不上气怎么办？)", []clauseSpec{{marks: []feature{mPlea}, asked: true}}, []status{stNow}},
		{"a question about the ambulance (救护车来了吗？)", []clauseSpec{{marks: []feature{fAmbul}, asked: true}}, []status{stNow}},
		{"怎么 in a statement is no question (咋叫都不吱声)", []clauseSpec{{question: true}}, []status{stNow}},
		// worse now brings the past into now
		{"worse today (前几天胸闷，今天更厉害了)", []clauseSpec{{marks: []feature{mPast}}, {marks: []feature{mNow, mWorse}}}, []status{stNow, stNow}},
		{"worse in a hypothesis stays (要是更厉害了)", []clauseSpec{{marks: []feature{mPast}}, {marks: []feature{mHypo, mWorse}}}, []status{stPast, stHypo}},
	}
	for _, c := range cases {
		got := settled(c.specs)
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: statuses %v, want %v", c.name, got, c.want)
				break
			}
		}
	}
}

func TestStatusApply(t *testing.T) {
	cases := []struct {
		st     status
		level  Alert
		bodily bool
		want   Alert
	}{
		{stNow, AlertAlarm, true, AlertAlarm},
		{stRecent, AlertAlarm, true, AlertConfirm},
		{stRecent, AlertConfirm, true, AlertConfirm},
		{stOverToday, AlertAlarm, true, AlertConfirm},
		{stOverToday, AlertAlarm, false, AlertNone}, // the fire is out
		{stOverToday, AlertConfirm, true, AlertNone},
		{stOver, AlertAlarm, true, AlertNone},
		{stPast, AlertAlarm, true, AlertNone},
		{stCare, AlertAlarm, true, AlertNone},
		{stChronic, AlertAlarm, true, AlertNone},
		{stYoung, AlertAlarm, true, AlertNone},
		{stYoung, AlertAlarm, false, AlertNone}, // a fraud naming a grandson stands by standing.go, not by its status
		{stHypo, AlertAlarm, true, AlertNone},
		{stGeneral, AlertAlarm, true, AlertNone},
		{stDenied, AlertAlarm, true, AlertNone},
		{stJoke, AlertAlarm, false, AlertNone},
		{stHearsay, AlertAlarm, false, AlertNone},
	}
	for _, c := range cases {
		got, why := c.st.apply(c.level, c.bodily)
		if got != c.want {
			t.Errorf("status %d applied to %s (bodily %v) = %s, want %s", c.st, c.level, c.bodily, got, c.want)
		}
		if (got == c.level) != (why == "") {
			t.Errorf("status %d applied to %s: reason %q", c.st, c.level, why)
		}
	}
}

// TestTimeAndVoice reads whole messages: the same sign, told in another time or
// voice, raises another alert.
func TestTimeAndVoice(t *testing.T) {
	cases := []struct {
		text    string
		alert   Alert
		because string // a set-aside finding's reason, "" when none is expected
		want    spec
	}{
		{"今天早上突然说不出话了", AlertAlarm, "", "urgent urgent - unknown - no"},
		{"前两天晕倒了，医院说是心梗", AlertNone, "已在医院或有人照看", "checkin unwell - unknown - no"},
		{"去年摔断过手腕，现在早好了", AlertNone, "过去的事", "checkin well - unknown - no"},
		{"昨天摔了一下，膝盖有点疼，还能走", AlertConfirm, "", "checkin unwell - unknown - no confirm"},
		{"刚才胸口疼得厉害，现在缓过来了", AlertConfirm, "已好转", "checkin unwell - unknown - no confirm"},
		{"万一摔倒了怎么办", AlertNone, "假设", "other unknown - unknown - no"},
		{"要是哪天我突然中风了，家里就我一个人，你们能知道吗", AlertNone, "假设", "other unknown - unknown - no"},
		{"高血压的人能吃党参吗？", AlertNone, "", "other unknown - unknown - no"},
		{"脑梗前兆都有哪些症状？", AlertNone, "泛泛而问", "other unknown - unknown - no"},
		{"群里说我摔了？没有的事，我好好的", AlertNone, "已否认", "checkin well - unknown - no"},
		{"刚才说救命是孙子拿我手机乱按的", AlertNone, "已否认", "other unknown - unknown - no"},
		{"输得我想跳楼😂", AlertNone, "玩笑", "other unknown - unknown - no"},
		{"听说楼下老王被骗了", AlertNone, "听说", "other unknown - unknown - no"},
		{"我爸脑梗后遗症，右手一直不太灵活，十几年了", AlertNone, "多年老毛病", "checkin unwell - unknown - yes"},
		{"孙子摔了一跤，膝盖破了点皮", AlertNone, "说的不是老人本人", "other unknown - unknown - no"},
		// negation is local, and "fine, but…" lets the second clause decide
		{"今天没去医院", AlertNone, "", "other unknown - unknown - no"},
		{"没觉得哪里不好", AlertNone, "", "checkin well - unknown - no"},
		{"不是不舒服，是心里难受", AlertNone, "", "checkin unwell - unknown - no"},
		{"没摔倒，就是吓了一跳", AlertNone, "", "checkin well - unknown - no"}, // the health heads read a fright without a fall as well (round 55),
		{"挺好的，就是三天没大便了", AlertNone, "", "checkin unwell - unknown - no"},
		{"挺好，就是耳朵越来越背了", AlertNone, "", "checkin unwell - unknown - no"},
		{"挺好的，就是家里那只猫不爱吃东西", AlertNone, "", "checkin well - unknown - no"},
		// round 2: general questions, since, worse, despair in a hypothesis, worry
		{"脑梗和脑出血有什么区别？", AlertNone, "泛泛而问", "other unknown - unknown - no"},
		{"胸口疼挂什么科？", AlertNone, "泛泛而问", "other unknown - unknown - no"},
		{"我妈嘴突然歪了，是不是中风了？", AlertAlarm, "", "urgent urgent - unknown - yes"},
		{"我妈从昨天晚上起电话就打不通", AlertAlarm, "", "urgent unknown - unknown - yes"},
		{"前几天说过胸闷，今天更厉害了，还一直出汗", AlertAlarm, "", "urgent urgent - unknown - no"},
		{"药我都攒了一大瓶了，哪天熬不住就一口吞了", AlertAlarm, "", "urgent urgent - unknown - no"},
		{"哪天熬不住了我就一口吞了那瓶安眠药", AlertAlarm, "", "urgent urgent - unknown - no"},
		{"要是哪天我不想活了，你们别难过", AlertConfirm, "", "checkin unwell - unknown - no confirm"},
		{"我妈说话一句整话都说不出来，我听着不对劲", AlertAlarm, "", "urgent urgent - unknown - yes"},
		{"我女儿被骗了五千，已经报了警", AlertNone, "", "other unknown - unknown - no"},
		{"锅里的汤烧干了，幸亏及时关了火", AlertNone, "已好转", "other unknown - unknown - no"},
		{"平安，不过最近吃饭老是噎着", AlertNone, "", "checkin unwell - unknown - no"},
	}
	for _, c := range cases {
		r := Parse(c.text)
		w := c.want.labels(t)
		if labelsOf(r) != w || r.Alert != c.alert {
			t.Errorf("Parse(%q) = %+v %s, want %+v %s; findings %v", c.text, labelsOf(r), r.Alert, w, c.alert, r.Findings)
			continue
		}
		if c.because == "" {
			continue
		}
		found := false
		for _, f := range r.Findings {
			found = found || strings.Contains(f.Because, c.because)
		}
		if !found {
			t.Errorf("Parse(%q): no finding set aside as %q: %v", c.text, c.because, r.Findings)
		}
	}
}
