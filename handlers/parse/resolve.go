package parse

import (
	"strings"
	"unicode/utf8"
)

// dose records a stated vaccine dose count; the largest affirmed count wins, and 0
// counts only when no dose was stated.
func (rd *reading) dose(n int, phrase string) {
	rd.signal = true
	if n == 0 {
		if rd.zeroEv == "" {
			rd.zeroEv = phrase
		}
		return
	}
	if n > rd.doses {
		rd.doses, rd.doseEv = n, phrase
	}
}

// proxyMark notes a word about who is writing.
func (rd *reading) proxyMark(value, phrase string) {
	p := &rd.proxy
	var slot *string
	switch value {
	case "strong":
		slot = &p.strong
	case "weak":
		slot = &p.weak
	case "spouse":
		slot = &p.spouse
	case "self":
		slot = &p.self
	case "iam":
		slot = &p.iam
	case "relation":
		slot = &p.relation
	default:
		return
	}
	if *slot == "" {
		*slot = phrase
	}
}

// proxyPhrase returns the phrase that shows the message is written about someone
// else, or "".
func (rd *reading) proxyPhrase() string {
	p := rd.proxy
	switch {
	case p.strong != "":
		return p.strong
	case p.iam != "" && p.relation != "":
		return p.iam + "…" + p.relation
	case p.spouse != "" && p.self == "" && !rd.selfFirst():
		return p.spouse
	case p.weak != "" && (rd.signal || len(rd.needs) > 0):
		return p.weak
	}
	return ""
}

// selfFirst reports whether the writer spoke of their own health, in a clause that
// names nobody, before naming the spouse: 挺好的，就是老伴这几天感冒了 is an elder
// writing about self and spouse (not proxy), 老伴有点咳嗽，其他还好 is about the spouse.
func (rd *reading) selfFirst() bool {
	for _, h := range rd.health {
		if h.c >= 0 && h.c < rd.spouseClause && h.pos >= 0 && !rd.tcls[h.c].names && h.pos > rd.retract {
			return true
		}
	}
	return false
}

// resolveHealth weighs the statements: a retraction withdraws the well before it, a
// recovery clears the illness before it, so does any present "well" an illness told
// as past (上个月住院了，现在挺好), then urgent > unwell > well.
func (rd *reading) resolveHealth() (Health, string) {
	best, ev, redone := HealthUnknown, "", ""
	for _, s := range rd.health {
		if s.value == HealthWell && s.pos < rd.retract || s.ends == endsBefore && !rd.endsAny(s) {
			continue // 菜退了: an ending with no complaint before it says nothing
		}
		if s.ends == endsNamed && !rd.endsAny(s) {
			s.recov = false // 胸口不闷了: with no complaint before it, a well like any other
		}
		if s.value == HealthUnwell && !s.recov {
			w, cleared := rd.figureRedone(s) // 心率105，歇了十分钟降到80了
			if cleared && redone == "" {
				redone = string(rd.rs[w.start:w.end])
			}
			for _, later := range rd.health { // by position: complaints read from parts come last
				recovered := later.recov && !rd.exertedBefore(later)
				if later.ends != endsAll {
					recovered = rd.ended(s, later) // 疹子退了 ends the rash, not the cough before it
				}
				if later.pos > s.pos && (recovered || later.value == HealthWell && !later.past && (s.past || rd.checkedFine(s, later))) {
					cleared = true
					break
				}
			}
			if cleared {
				continue
			}
		}
		if rank(s.value) > rank(best) {
			best, ev = s.value, s.phrase
		}
	}
	if best == HealthUnknown && redone != "" {
		best, ev = HealthWell, redone // 血氧91，重新夹是96: the figure now is fine
	}
	return best, ev
}

// ended reports whether the ending e (不恶心了, 疹子退了) ends the complaint s: for a
// complaint negated, one that shares a character with it (头有点痛，睡了一觉醒来不痛了;
// not 有点咳嗽不发烧了); for a word of ending, one told before it in its clause (疹子全
// 退了); for both, when e's clause tells no complaint before it, one of the last clause
// that does (吐了是空腹吃药闹的，…现在不恶心了; 脸上肿，其实是睡觉压的，现在消了). A complaint that goes on (还有点咳嗽, 还在咳) is not ended.
func (rd *reading) ended(s, e hsig) bool {
	if s.value != HealthUnwell || s.pos < 0 || s.pos >= e.pos || s.c < 0 || rd.stillAt(s.pos) {
		return false
	}
	switch {
	case e.ends == endsNamed && strings.ContainsAny(s.phrase, e.phrase):
		return true // 头有点痛，睡了一觉醒来不痛了
	case s.c == e.c && (e.ends == endsBefore || rd.subjectOf(s, e)):
		return true // 过敏起的疹子全退了, 冻疮也不痒了
	}
	last := -1 // the last clause before e's that tells a complaint, none when e's own does
	for _, o := range rd.health {
		if o.value == HealthUnwell && o.pos >= 0 && o.pos < e.pos {
			if o.c == e.c {
				return false
			}
			last = max(last, o.c)
		}
	}
	if s.c != last {
		return false
	}
	// a complaint negated right after another (嗓子像刀割 不发烧了) lists the two; with
	// time or a deed between them (吐了…，吃了点饼干现在不恶心了) it tells what became of it
	return e.ends == endsBefore || e.c-s.c >= 2 || e.c < len(rd.tcls) && rd.tcls[e.c].feats.any(mNow, mOver)
}

// figureRedone reports whether the complaint s is a figure past its everyday threshold
// that a later reading of the same measure finds within it (血氧91，擦了指甲油再夹是96;
// 168/100，现在平静了132/84), and returns that reading: the figure now is the later one.
// A temperature still at 37 and a figure brought down by medicine (吃了药降到一百三) do not
// end the illness.
func (rd *reading) figureRedone(s hsig) (vital, bool) {
	for _, v := range rd.vitals {
		if v.start != s.pos {
			continue
		}
		for _, w := range rd.vitals {
			if w.kind == v.kind && w.start > v.start && w.end > v.end && laterReading(v, w, rd.rs, rd.tcls) && vitalHealth(w, false) == "" &&
				!(w.kind == vTemp && w.value >= 37) && !containsAny(rd.rs[v.end:w.end], medicineBrought...) {
				return w, true
			}
		}
	}
	return vital{}, false
}

// medicineBrought are the words that tell a figure was brought down by medicine (吃了药
// 降到一百三, 去医院吸上氧了): the illness is being treated, not over.
var medicineBrought = []string{"吃了药", "吃药", "吃着药", "吃过药", "控制在", "控制着", "医院", "吸氧", "吸上氧", "打了针"}

// subjectOf reports whether the complaint s is the subject of the negated complaint e
// in its clause: only an adverb of time or degree stands between them (冻疮也不痒了,
// 腰早就不疼了), not a bare list (有点咳嗽不发烧了).
func (rd *reading) subjectOf(s, e hsig) bool {
	end := s.pos + utf8.RuneCountInString(s.phrase)
	if end > e.pos || e.pos-end > 5 {
		return false
	}
	between := rd.rs[end:e.pos]
	if !containsAny(between, "也", "都", "已经", "就", "早") {
		return false
	}
	for _, r := range between {
		if !strings.ContainsRune("也都已经就早现在今天不没再", r) {
			return false
		}
	}
	return true
}

// endsAny reports whether the ending e ends any complaint.
func (rd *reading) endsAny(e hsig) bool {
	for _, s := range rd.health {
		if rd.ended(s, e) {
			return true
		}
	}
	return false
}

// stillAt reports whether the complaint at rs[pos] is told as going on: 还 (还有点,
// 还在, 还是) within the three characters before it or opening it.
func (rd *reading) stillAt(pos int) bool {
	for j := max(pos-3, 0); j <= pos && j < len(rd.rs); j++ {
		if rd.rs[j] == '还' {
			return true
		}
	}
	return false
}

// checkedFine reports whether the illness s, told of an earlier day (前天胸口疼, 昨天说的
// 那个胸闷), was checked since and found fine: the well after it is told in a clause of
// care, a check or a doctor (查了没事, 医生说没问题, 心电图正常), and nothing in the message
// says the elder is still being treated or recovering (放了支架, 住着, 恢复得不错, 还有点).
func (rd *reading) checkedFine(s, well hsig) bool {
	if well.c <= s.c || well.c >= len(rd.tcls) || !rd.toldBefore(s) {
		return false
	}
	// the check is told in the well's clause or the one before it (…医生上门看过了，说没事)
	if !rd.tcls[well.c].feats.has(mCare) && !(well.c-1 > s.c && rd.tcls[well.c-1].feats.has(mCare)) {
		return false
	}
	return !containsAny(rd.rs, "支架", "住院", "住着", "监护", "icu", "抢救", "恢复", "落下", "还有点", "吸着氧", "稳定", "观察", "调了药",
		"开了药", "吃着", "休息", "歇着", "养着", "淤青", "说是", "在医院", "bruise", "resting")
}

// toldBefore reports whether the illness s is told of an earlier day: in a clause of
// yesterday or before, even when a doctor has seen it since, and not as something that
// began then and goes on (昨天开始发烧).
func (rd *reading) toldBefore(s hsig) bool {
	if s.c < 0 || s.c >= len(rd.tcls) {
		return false
	}
	tc := &rd.tcls[s.c]
	if containsAny(rd.rs[tc.lo:tc.hi], "开始", "以来", "到现在", "一直", "还在", "还是") {
		return false // 昨天开始发烧: it began then and goes on
	}
	switch tc.st {
	case stRecent, stPast, stOver:
		return true
	case stCare:
		return tc.feats.any(mRecent, mPast)
	}
	return false
}

// finish turns the reading into a Reply; text is the message as given, for quotes.
func (rd *reading) finish(r *Reply, text string) {
	fs := rd.triage()
	if !rd.rulesOnly {
		fs = rd.like(fs) // the model's training reads by the rules alone: never by the model it trains
	}
	fs = rd.bare(fs)
	rd.voiceHealth()
	alert, bodily, alertEv := raise(fs, rd.rs)
	if alert != AlertNone { // 今天突然不认人了，昨天还好好的: an alert outweighs a well told of before
		rd.dropWellThen()
	}
	rd.dropBurning()
	health, healthEv := rd.resolveHealth()
	switch {
	case health == HealthUnknown:
		health, healthEv = rd.inCare() // 在ICU门口守着，医生说还没脱离危险: being treated is being unwell
	case health == HealthWell && rd.stillInCare():
		health = HealthUnwell // 还在医院住着，挺稳定的: stable in a hospital bed is not well
	case health == HealthWell && rd.incidentOnly():
		health, healthEv = HealthUnknown, "" // 锅烧干了冒了点烟，已经关火开窗，虚惊一场: the house is fine
	}
	if alert == AlertAlarm && !bodily && health == HealthUnwell && rd.scamIllness(fs) {
		health, healthEv = HealthUnknown, "" // 说交钱能治好他的糖尿病: the scammer's story, not the elder's body
	}
	switch {
	case alert == AlertAlarm && (bodily || health == HealthUnwell):
		health, healthEv = HealthUrgent, alertEv
	case alert == AlertConfirm && bodily && rank(health) < rank(HealthUnwell):
		health, healthEv = HealthUnwell, alertEv
	}
	switch {
	case rd.rulesOnly || alert != AlertNone:
	case health == HealthUnknown:
		health, healthEv = rd.likeHealth(0)
	case health == HealthWell && rd.qualifiedWell():
		// 平安，不过老头子前列腺的药吃着还是一夜起来五六趟: what follows 不过 may be a
		// complaint in words the lexicon knows for something else
		if h, ev := rd.likeHealth(rd.brkClause); h == HealthUnwell {
			health, healthEv = h, ev
		}
	case health == HealthWell:
		if ev, ok := rd.unwellBeforeOtherwise(); ok { // 我奶奶耳朵背，跟她说话要大声吼，其他还好
			health, healthEv = HealthUnwell, ev
		}
	}
	r.Alert = alert
	r.Findings = quote(fs, rd.rs, rd.pos, text, rd.buf)
	if alert != AlertNone {
		rd.signal = true // 张奶奶家没人应门: a report about her
	}

	if rd.askEv != "" {
		rd.needs = append(rd.needs, rd.pending...)
	}
	var details []string
	for i := 0; i < len(rd.needs); i++ {
		o := rd.needs[i]
		if !r.HasNeed(o.need) {
			r.Needs = append(r.Needs, o.need)
		}
		phrase := o.phrase
		for i+1 < len(rd.needs) && rd.needs[i+1].start == o.end && rd.needs[i+1].need == o.need {
			i++
			o = rd.needs[i]
			phrase += o.phrase
		}
		if !contains(details, phrase) {
			details = append(details, phrase)
		}
	}
	r.Detail = strings.Join(details, "、")

	// ev is allocated once: at most one evidence each for intent, health, doses, test
	// and proxy, and one a need. It stays nil when nothing is appended.
	var ev []Evidence
	evidence := func(field, phrase string) {
		if ev == nil {
			ev = make([]Evidence, 0, 5+len(details))
		}
		ev = append(ev, Evidence{Field: field, Phrase: phrase})
	}
	switch {
	case alert == AlertAlarm:
		r.Intent = IntentUrgent
		evidence("intent", alertEv)
	case len(r.Needs) > 0:
		r.Intent = IntentAid
		evidence("intent", firstNonEmpty(rd.cueEv, rd.askEv, details[0]))
	case rd.askEv != "":
		r.Intent = IntentAid
		evidence("intent", rd.askEv)
	case health != HealthUnknown:
		r.Intent = IntentCheckin
		evidence("intent", healthEv)
	case rd.doses >= 0 || rd.zeroEv != "":
		r.Intent = IntentCheckin
		evidence("intent", firstNonEmpty(rd.doseEv, rd.zeroEv))
	case rd.test != TestUnknown:
		r.Intent = IntentCheckin
		evidence("intent", rd.testEv)
	case alert == AlertConfirm: // 家里两天没人来了: someone should look, so it is news
		r.Intent = IntentCheckin
		evidence("intent", alertEv)
	}
	r.Health = health
	if health != HealthUnknown {
		evidence("health", healthEv)
	}
	switch {
	case rd.doses > 0:
		r.Doses = rd.doses
		evidence("doses", rd.doseEv)
	case rd.zeroEv != "":
		r.Doses = 0
		evidence("doses", rd.zeroEv)
	}
	if rd.test != TestUnknown {
		r.Test = rd.test
		evidence("test", rd.testEv)
	}
	for _, d := range details {
		evidence("needs", d)
	}
	if p := rd.proxyPhrase(); p != "" {
		r.Proxy = true
		evidence("proxy", p)
	}
	r.Evidence = ev
}

// dropBurning drops the bare 烧 read as a fever from a message about a fire, smoke or a
// burning smell: 被子烧了个洞 is the quilt burning, not the elder.
func (rd *reading) dropBurning() {
	if !rd.allFeats().any(fFire, fSmell) {
		return
	}
	kept := rd.health[:0]
	for _, h := range rd.health {
		if h.value != HealthUnwell || h.phrase != "烧" {
			kept = append(kept, h)
		}
	}
	rd.health = kept
}

// groupNotices tell the group what comes next, or not to worry.
var groupNotices = []string{"跟大家说", "跟大家讲", "告诉大家", "通知大家", "大家放心", "大家别担心", "大家不用担心", "大家先不用担心",
	"大家帮我祈祷", "大家别着急"}

// groupNotice reports whether rs tells the group what comes next or not to worry.
func groupNotice(rs []rune) bool { return containsAny(rs, groupNotices...) }

// scamIllness reports whether the alarm is a fraud and every illness the message tells
// belongs to the scam: told in a clause of the scammer's story or of the money (讲她体检
// 血压异常要交押金, 说交钱能治好他的糖尿病), or the writer's sense that something is wrong
// (咋觉得不对劲).
func (rd *reading) scamIllness(fs []finding) bool {
	if len(fs) == 0 || fs[0].sign != SignFraud {
		return false
	}
	n := 0
	for _, h := range rd.health {
		if h.value != HealthUnwell {
			continue
		}
		if h.c < 0 || h.c >= len(rd.tcls) {
			return false
		}
		if !rd.tcls[h.c].feats.any(fScam, fAuthority, fMoney, fVictim) && h.phrase != "不对劲" {
			return false
		}
		n++
	}
	return n > 0
}

// raise returns the alert the findings give, whether a finding that raised it is
// about the body, and the words of the strongest.
func raise(fs []finding, rs []rune) (Alert, bool, string) {
	if len(fs) == 0 || fs[0].alert == AlertNone {
		return AlertNone, false, ""
	}
	bodily := false
	for _, f := range fs {
		if f.alert == fs[0].alert && f.bodily {
			bodily = true
		}
	}
	return fs[0].alert, bodily, string(rs[fs[0].start:fs[0].end])
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// rank orders health states by how much attention they need.
func rank(h Health) int {
	switch h {
	case HealthWell:
		return 1
	case HealthUnwell:
		return 2
	case HealthUrgent:
		return 3
	}
	return 0
}

// inCare returns unwell and the words of the first clause that tells of someone of the
// writer's being treated now or lately (在急诊, 医生在处理, 吸上氧了), for a message that
// says nothing else of health and asks for nothing; a police call, a fire brigade or a
// gas fitter is no treatment, nor is a thank-you, and a message with a question,
// hearsay, a grandchild or a hypothesis in it is left alone.
func (rd *reading) inCare() (Health, string) {
	if rd.askEv != "" || len(rd.needs) > 0 {
		return HealthUnknown, "" // 出院带的药就剩三天的了: a request, not a report
	}
	for _, tc := range rd.tcls {
		if tc.feats.any(fFire, fGas, fSmell, fScam, fMoney, fVictim, fLost, fMissing, fLocked, fStove, mHypo, mGeneral, mWarn) ||
			tc.hearsay || tc.asked || tc.question || tc.young || tc.aside && !tc.thanks && !groupNotice(rd.rs[tc.lo:tc.hi]) {
			// 谢谢大家惦记 thanks and 有消息再跟大家说 tells the group: neither is of anyone
			return HealthUnknown, ""
		}
	}
	for _, tc := range rd.tcls {
		if tc.st == stCare && tc.feats.has(mCare) && !tc.aside && !tc.hearsay && !tc.question && !tc.thanks {
			return HealthUnwell, string(rd.rs[tc.lo:tc.hi])
		}
	}
	return HealthUnknown, ""
}

// stillInCare reports whether a message that says well tells of a stay in hospital that
// goes on (住院第三天，指标都正常了; 还在医院住着，挺稳定的): stable is not recovered. A
// stay that has ended, a recovery, a visit and another's stay do not count.
func (rd *reading) stillInCare() bool {
	if !anyClause(rd.tcls, mCare) || containsAny(rd.rs, stayOver...) { // 住院, 在医院, 重症监护 are care marks: most messages have none
		return false
	}
	for _, h := range rd.health {
		if h.recov && !strings.Contains(h.phrase, "正常") && !strings.Contains(h.phrase, "稳") &&
			containsAny([]rune(h.phrase), "好", "没事", "康复", "痊愈") {
			return false // 住院输液，已经好了 (烧退了 in a hospital bed ends a fever, not the stay)
		}
	}
	stay := false
	for _, tc := range rd.tcls {
		switch {
		case tc.aside || tc.thanks: // 谢谢大家惦记
		case tc.young || tc.others || tc.writer || tc.hearsay:
			return false // 对门老王现在在医院，我们这边都好
		case tc.st == stPast || tc.st == stOver || tc.st == stHypo || tc.st == stGeneral || tc.st == stDenied || tc.question:
		case containsAny(rd.rs[tc.lo:tc.hi], stayWords...) || string(rd.rs[rd.fromLetter(tc.lo, tc.hi):tc.hi]) == "在医院":
			stay = true
		}
	}
	return stay
}

// stayWords tell of a stay in hospital; stayOver of its end, or of someone else's stay.
var (
	stayWords = []string{"还在医院", "现在在医院", "目前在医院", "正在医院", "在医院住", "在医院躺", "在医院观察", "在医院吸",
		"在医院输", "住院第", "住着院", "医院住着", "住院中", "在住院", "重症监护", "病房", "inˍhospital", "onˍtheˍward"}
	stayOver = []string{"出院", "出了院", "回家", "回来", "过去了", "陪", "探望", "看望", "discharg", "home", "outˍofˍhospital",
		"visit", "不是我", "干了", "herself", "himself", "here", "这边"}
)

// incidentWell holds the words that, after a scare at home, say the scare is over
// rather than how anyone is.
var incidentWell = map[string]bool{"没事": true, "没事了": true, "虚惊一场": true, "没什么事": true, "没啥事": true,
	"没什么事了": true, "没问题": true, "正常": true, "就好了": true, "就没事了": true}

// incidentOnly reports whether the message tells of a scare with nobody's body in it
// (smoke, gas, a fire, a lost elder found, a lock-out, a fraud call) and says only
// that the scare is over: 人没事, 人好好的 still tell how someone is.
func (rd *reading) incidentOnly() bool {
	for _, h := range rd.health {
		if h.value != HealthWell {
			continue
		}
		if !incidentWell[h.phrase] || h.pos > 0 && (rd.rs[h.pos-1] == '人' || rd.rs[h.pos-1] == '都' || rd.rs[h.pos-1] == '家') {
			return false
		}
	}
	all := rd.allFeats()
	return (all.meets(incidentSet) || all.has(fMoney)) && !all.meets(bodySet)
}

// incidentFeats are the troubles of the house, a scam or the whereabouts, not of the
// body.
var incidentFeats = []feature{fFire, fGas, fSmell, fStove, fLost, fMissing, fLocked, fScam, fVictim}

// anyIncident reports whether a clause tells of one of incidentFeats, a door nobody
// answers, or money that is not an estate told (存折放在枕头底下了，密码写在纸上 is a
// farewell).
func (rd *reading) anyIncident() bool {
	all := rd.allFeats()
	return all.meets(incidentSet) || all.has(fNoAnswer) || all.has(fMoney) && !all.has(fGiveAway)
}

// allFeats is what every clause holds.
func (rd *reading) allFeats() featSet {
	var all featSet
	for _, tc := range rd.tcls {
		all = all.union(tc.feats)
	}
	return all
}

// exertedBefore reports whether a remedy's "就好了" follows an exertion (爬六楼…歇了两
// 分钟就好了): breath lost on the stairs comes back each time, it is no recovery.
func (rd *reading) exertedBefore(h hsig) bool {
	if rd.rs[h.pos] != '就' {
		return false
	}
	for _, tc := range rd.tcls {
		if tc.lo < h.pos && tc.feats.has(mExert) {
			return true
		}
	}
	return false
}

// wellAfter reports whether a "well" is told after position pos.
func (rd *reading) wellAfter(pos int) bool {
	for _, h := range rd.health {
		if h.value == HealthWell && h.pos > pos {
			return true
		}
	}
	return false
}
