package parse

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// The triage layer: while the clauses are read, every part and mark of the lexicon
// that is not negated is noted as a hit in its clause; vital-sign figures are read
// beside them. After the last clause, settle decides each clause's time and voice
// (timevoice.go), the rules of signs.go compose the parts of each clause with those of
// the live message into findings, and finish turns the strongest into the alert.

// tclause is one clause as the triage layer sees it.
type tclause struct {
	lo, hi   int
	h0, h1   int     // its hits are rd.hits[h0:h1]
	feats    featSet // parts and marks read in it, not negated
	question bool
	asked    bool   // ends in a question mark or 吗: a question, not a statement with 怎么 in it
	self     bool   // names the writer (我) or someone of theirs
	thanks   bool   // thanks someone (谢谢…照顾): care told in it is past help, not a stay
	hearsay  bool   // told as hearsay (听说) or a blessing
	blessed  bool   // a blessing only (大家保重): a leave-taking in it is the writer's own
	aside    bool   // about someone else: 大家, a younger relative
	names    bool   // names someone: 我爸, 老伴, 张老师, 女儿
	who      string // the first of the writer's own it names (我爸, 老伴), "" when none
	young    bool   // about a younger relative only: 孙子摔了一跤
	writer   bool   // the writer's own state, in a message about their parent (倒是我自己胸口闷)
	others   bool   // about others the writer does not write for (邻居家老头, 隔壁王大爷)
	untilNow bool   // its only now is 到现在: the time runs on from before
	clock    bool   // timed in minutes or hours (出血出了一个钟头了): today's, whatever is long-standing after it
	planAt   int32  // 1 + where its word of time to come (明天, 准备) starts, 0 when none
	st       status
}

// thit is one part or mark read, at rs[start:end] of clause c.
type thit struct {
	f          feature
	c          int16
	start, end int32
}

// openTriageClause starts the triage record of the clause rs[lo:hi]; it returns its
// index.
func (rd *reading) openTriageClause(lo, hi int) int {
	rd.tcls = append(rd.tcls, tclause{lo: lo, hi: hi, h0: len(rd.hits), h1: len(rd.hits)})
	return len(rd.tcls) - 1
}

// noteClauseFlags copies to the triage record what the clause markers say about
// time and voice.
func (rd *reading) noteClauseFlags(cs *clauseState) {
	cf := cs.cf
	tc := &rd.tcls[cs.index]
	tc.question = cf.question
	tc.self = cf.self
	tc.thanks = cf.thanks
	tc.hearsay = cf.hearsayAt >= 0 || cf.blessingAt >= 0
	tc.blessed = cf.hearsayAt < 0 && cf.blessingAt >= 0
	tc.aside = cf.othersAt >= 0 || cf.hearsayAt >= 0 || cf.blessingAt >= 0 || (cf.kin && !cf.self)
	tc.young = cf.kin && !cf.self
	tc.writer = cf.writerOwn
	tc.others = cf.othersAt >= 0 && !cf.self
	if cf.pastAt >= 0 {
		rd.triageHit(cs, mPast, cf.pastAt, cf.pastEnd)
	}
	if cf.futureAt >= 0 {
		tc.planAt = int32(cf.futureAt) + 1
		rd.triageHit(cs, mHypo, cf.futureAt, cf.futureEnd)
	}
}

// triageHit notes feature f at rs[start:end] in the current clause.
func (rd *reading) triageHit(cs *clauseState, f feature, start, end int) {
	tc := &rd.tcls[cs.index]
	if askedBothWays(rd.rs, start, end) {
		return // 楼长问我胸口还闷不闷: the sign is asked about, not told
	}
	if !f.isMark() && f != fThinner && f != fMeds && namesMedicine(rd.rs, start, end) {
		return // 气喘喷剂, 薄血丸, 止疼药: the name of a medicine, no sign
	}
	if f == fNoAnswer && tc.who == "" && !tc.others && ownPhoneOff(rd.rs) {
		return // 不好意思，手机关机了没回: the writer's own phone, the reason they did not answer
	}
	switch f {
	case fFall, fLost, fMissing, fCantUp, fChoke, fNoAnswer, fUnable, fNotEat, fUnresp, fStrokeNamed:
		if rd.thingFalls(cs.index, start) && !(f == fChoke && containsAny(rd.rs[start:end], "噎")) { // 吃东西噎住了: only a person chokes on food
			return // 碗都摔了, 猫从柜子上摔下来了, 家里的猫走丢了, 钥匙找不到了, 手机卡住了动不了, 快递员联系不上
		}
	case fAmbul:
		if !ambulanceTold(rd.rs, start, end) {
			return // 救护车的声音: only an ambulance called, asked for or awaited counts
		}
	case fDying, fNoCarer:
		if gasRunOut(rd.rs) {
			return // 煤气罐没气了, 车胎没气了: the gas or the tyre, not a person (没气了做不了饭: nor a carer)
		}
	case mBenign:
		if unsureBefore(rd.rs, tc.lo, start) {
			return // 心口闷闷的，不知道是不是没睡好: a harmless cause only guessed at explains nothing
		}
	case mDenial:
		if end < len(rd.rs) && rd.rs[end] == sepColon {
			return // 孙子发的：奶奶滑倒了: typed for her, a header, not a disowning
		}
	case fNoFood:
		if slices.Contains(rd.rs[start:end], '天') {
			tc.feats.add(mDays) // 饿了两天, 三天没吃的: the days are told in the word
		}
	case mLasting:
		if containsAny(rd.rs[start:end], "分钟", "钟头", "小时", "个钟") {
			tc.clock = true
		}
	case mRecent, mPast:
		if since(rd.rs, start, end) {
			tc.feats.add(mLasting) // 从昨天晚上起就打不通: it goes on now
			f = mNow
		}
	}
	tc.feats.add(f)
	rd.hits = append(rd.hits, thit{f: f, c: int16(cs.index), start: int32(start), end: int32(end)})
	tc.h1 = len(rd.hits)
}

// medicineForms are the words that, after a sign or an illness, make it the name of a
// medicine (气喘喷剂, 高血压的药).
var medicineForms = []string{"药", "丸", "片", "喷剂", "喷雾", "胶囊", "颗粒", "冲剂", "口服液", "糖浆", "膏", "贴"}

// namesMedicine reports whether the sign or illness at rs[start:end] is the name of a
// medicine: a medicine form (perhaps after 的) follows it. A remedy for the sign (止痛药)
// still tells of it: 吃了止痛药就不咋个痛了.
func namesMedicine(rs []rune, start, end int) bool {
	if start > 0 && rs[start-1] == '止' {
		return false
	}
	if end < len(rs) && rs[end] == '的' {
		end++
	}
	if end >= len(rs) || !strings.ContainsRune("药丸片喷胶颗冲口糖膏贴", rs[end]) {
		return false
	}
	for _, w := range medicineForms {
		if hasPrefixRunes(rs[end:], w) {
			return true
		}
	}
	return false
}

// askedBothWays reports whether rs[start:end] is asked both ways: 闷不闷, 疼不疼,
// 难受不难受.
func askedBothWays(rs []rune, start, end int) bool {
	if start >= 3 && hasPrefixRunes(rs[start-3:start], "有没有") { // 问我有没有想不开
		return true
	}
	n := end - start
	if n <= 0 || end+1+n > len(rs) || rs[end] != '不' {
		return false
	}
	for i := 0; i < n; i++ {
		if rs[end+1+i] != rs[start+i] {
			return false
		}
	}
	return true
}

// containsAny reports whether rs holds one of words.
func containsAny(rs []rune, words ...string) bool {
	for _, w := range words {
		if hasSeq(rs, w) {
			return true
		}
	}
	return false
}

// gasRunOut reports whether the message is about something that holds gas (a gas
// bottle, a tyre, a hob that will not light): then 没气了 is about it.
func gasRunOut(rs []rune) bool {
	return containsAny(rs, "煤气罐", "液化气", "气罐", "车胎", "轮胎", "打气", "气球", "打不着火", "点不着火", "燃气表", "气表", "燃气卡", "煤气卡", "气卡")
}

// since reports whether the time word at rs[start:end] starts a stretch that lasts
// until now (从昨天晚上起, 打前天开始, 昨天到现在) rather than dating an event.
func since(rs []rune, start, end int) bool {
	from := start > 0 && strings.ContainsRune("从打自", rs[start-1])
	for i := end; i < len(rs) && i < end+4 && !isSep(rs[i]); i++ {
		switch {
		case rs[i] == '到' && i+2 < len(rs) && rs[i+1] == '现' && rs[i+2] == '在':
			return true
		case from && (rs[i] == '起' || rs[i] == '开' && i+1 < len(rs) && rs[i+1] == '始' ||
			(rs[i] == '以' || rs[i] == '之') && i+1 < len(rs) && (rs[i+1] == '来' || rs[i+1] == '后')): // 自从上个礼拜感冒以后
			return true
		}
	}
	return false
}

// chit is one half of a pair read at rs[start:end] (lexicon `pairs`).
type chit struct {
	comp       uint8 // 2×pair, +1 for the second half
	start, end int32
}

// pairUp notes the part of every pair whose two halves the clause holds, in either
// order and at most the pair's within runes apart, spanning both: 认不得 + 人 and
// 人都认不得 are both confusion. Lost or missing with a thing or a pet in the clause
// is nobody's (找不到家里的钥匙).
func (rd *reading) pairUp(cs *clauseState) {
	pairs := lex().pairs
	var done uint64
	for _, a := range rd.comps {
		p := int(a.comp / 2)
		if a.comp%2 != 0 || done&(1<<p) != 0 {
			continue
		}
		for _, b := range rd.comps {
			if b.comp != a.comp+1 || gap(a, b) > pairs[p].within {
				continue
			}
			f := pairs[p].feat
			if tc := &rd.tcls[cs.index]; (f == fLost || f == fMissing) && tc.feats.has(fThing) || f == fMissing && tc.self && tc.who == "" {
				break // 我出门了，手机关机: the writer is out, not missing
			}
			done |= 1 << p
			rd.triageHit(cs, f, int(min(a.start, b.start)), int(max(a.end, b.end)))
			break
		}
	}
}

// gap is how many runes stand between two halves.
func gap(a, b chit) int {
	if a.end <= b.start {
		return int(b.start - a.end)
	}
	return max(0, int(a.start-b.end))
}

// thingFalls reports whether a fall (or lost) word at pos has a thing or a pet for its
// subject: a thing named before it in the clause with no person between, or in the
// clause before when this one names no person (家里的狗跑丢了，找了一下午).
func (rd *reading) thingFalls(c, pos int) bool {
	if !rd.tcls[c].feats.has(fThing) {
		if c > 0 && (rd.thingAt == c-1 || rd.tcls[c-1].feats.has(fThing) && !namesPerson(rd.rs[rd.tcls[c-1].lo:rd.tcls[c-1].hi])) &&
			!namesPerson(rd.rs[rd.tcls[c].lo:pos]) {
			rd.thingAt = c
			return true // 家里的鹦鹉飞走了，找了一上午
		}
		return false
	}
	last := -1
	tc := &rd.tcls[c]
	for _, h := range rd.hits[tc.h0:tc.h1] {
		if h.f == fThing && int(h.end) <= pos && !handled(rd.rs, int(h.start)) {
			last = int(h.end)
		}
	}
	if last < 0 || namesPerson(rd.rs[last:pos]) {
		return false
	}
	rd.thingAt = c
	return true
}

// dropThingLost drops a lost or missing hit followed in its clause by a thing or a pet
// with no person between (找不到家里的钥匙了, 经常到处找不到钥匙), and a fall hit followed at once by one (楼上掉下来
// 个花盆): it is the thing that is lost or falls.
func (rd *reading) dropThingLost(tc *tclause) {
	hits := rd.hits[tc.h0:tc.h1]
	dropped := false
	for i, h := range hits {
		if h.f != fLost && h.f != fMissing && h.f != fFall {
			continue
		}
		for _, o := range hits {
			if o.f == fThing && o.start >= h.end && !namesPerson(rd.rs[h.end:o.start]) && (h.f != fFall || o.start-h.end <= 2) {
				hits[i].f, dropped = fNone, true
				break
			}
		}
	}
	if dropped {
		rd.refeat(tc)
	}
}

// refeat gathers tc's features again from its hits, after some were dropped (fNone).
func (rd *reading) refeat(tc *tclause) {
	tc.feats = featSet{}
	for _, h := range rd.hits[tc.h0:tc.h1] {
		if h.f != fNone {
			tc.feats.add(h.f)
		}
	}
}

// handled reports whether the thing at rs[start] is the object of a hand's verb
// (拿东西, 够碗, 端锅): then the person holding it is who falls (婆婆踩凳子拿东西摔下来了).
func handled(rs []rune, start int) bool {
	return start > 0 && strings.ContainsRune("拿取够端搬提捡抱递找", rs[start-1])
}

// namesPerson reports whether rs has a word for a person in it.
func namesPerson(rs []rune) bool {
	for _, r := range rs {
		switch r {
		case '我', '他', '她', '人', '爸', '妈', '伴', '爷', '奶', '婆', '公':
			return true
		}
	}
	return false
}

// ambulanceTold reports whether the ambulance word at rs[start:end] is called, asked
// for or awaited (叫救护车, 救护车来了吗, 等救护车), not merely heard of. Phrases that
// say so themselves (叫救护车, 打120) pass.
func ambulanceTold(rs []rune, start, end int) bool {
	if rs[end-1] != '车' || end-start > 3 || rs[start] == '叫' {
		return true // 叫救护车, 打120, 120急救 say so themselves
	}
	lo, hi := max(0, start-4), min(len(rs), end+6)
	for _, r := range rs[lo:hi] {
		switch r {
		case '打', '叫', '拨', '等', '到', '来', '拉', '送', '快', '已', '上':
			return true
		}
	}
	// pls send 救护车 asap: asked for in English around it
	return containsAny(rs[max(0, start-8):min(len(rs), end+8)], "send", "asap", "pls", "please", "quick")
}

// finding is a sign found in the normalised text, before it is quoted.
type finding struct {
	sign   Sign
	level  Alert // as the rule read it
	alert  Alert // after time and voice
	why    string
	bodily bool // about someone's body or mind (health becomes urgent with an alarm)
	over   bool // a figure a later normal reading of the same measure supersedes
	c      int  // the anchor clause
	start  int  // span in rs
	end    int
}

// triage runs the rules over every clause and returns the findings, strongest first.
func (rd *reading) triage() []finding {
	if len(rd.hits) == 0 && len(rd.vitals) == 0 {
		return nil
	}
	settle(rd.tcls, rd.hits, rd.rs)
	strokeResidue(rd.tcls, rd.rs)
	rd.explain()
	if !rd.anySign() {
		return nil
	}
	// live: every clause whose time and voice stand; told: every clause told as the
	// writer's own news, however long ago or hypothetical. A fraud reads its
	// companions from told: the money about to move (我正准备去银行) is the danger.
	var live featSet
	for _, tc := range rd.tcls {
		switch {
		case tc.st.live() && tc.feats.has(mCare) && (tc.question || tc.feats.has(mAsk)):
			live = live.union(tc.feats.without(mCare)) // 能不能请社区医生上门看看: care asked for is not care given
		case tc.st.live():
			live = live.union(tc.feats)
		case tc.st == stChronic && tc.feats.has(fThinner):
			live.add(fThinner) // 他吃华法林好几年了: a blood thinner taken for years is taken today
		}
	}
	told := rd.told()
	rd.toldSet, rd.toldKnown = told, true // the statuses are settled: told stays as it is
	warnedAny, aloneByCare := false, false
	for i, tc := range rd.tcls {
		warnedAny = warnedAny || tc.feats.has(mWarn)
		// 老伴住院了就我一个在家, 老伴住院了，我一个人在家: the spouse's stay in hospital
		// leaves the writer alone now
		aloneByCare = aloneByCare || tc.feats.has(fAlone) &&
			(tc.st == stCare || i > 0 && tc.self && rd.tcls[i-1].st == stCare && rd.tcls[i-1].feats.has(mCare))
	}
	out := rd.buf.finds[:0]
	for c := range rd.tcls {
		tc := &rd.tcls[c]
		if !tc.feats.hasPart() {
			continue // no rule reads a clause of marks alone (TestRulesNeedAPart)
		}
		present := tc.feats.union(live)
		for _, r := range rules {
			m := live
			if r.told {
				m = told // the money about to move; the plan, however hypothetical (哪天熬不住就一口吞了)
			}
			if r.sign == SignCare && aloneByCare {
				m.add(fAlone)
				m.add(fCarerAway) // the spouse who cared is away in hospital
			}
			if r.sign == SignHeart && m.has(mBenign) && !rd.benignFrom(c) {
				// 孙子唱了歌，真高兴。…心口闷: a joy told before explains no pain after it;
				// 可能是吃多了胃胀 is a guess
				m = m.without(mBenign)
			}
			if (r.sign == SignHeart || r.sign == SignConsciousness) && m.has(mBenign) && rd.heatOnly() {
				m = m.without(mBenign) // 热得晚上老说胸口闷: heat strains an old heart, it explains nothing away
			}
			if r.sign == SignFraud && warnedAny {
				m.add(mWarn) // 有老人被冒充医保局的骗走了养老钱，大家要小心: a warning, wherever it stands
			}
			level, used := r.fn(tc.feats, m)
			if level == AlertNone {
				rd.explained = rd.explained || !used.empty() // a sign read and found harmless
				continue
			}
			body := present
			if r.sign == SignFraud {
				body = tc.feats // 被骗了两万，急得一宿没睡: the money, not the body, unless its own clause says so
			}
			bodily := r.bodily || body.meets(bodySet) || (r.sign == SignHelp && tc.feats.has(fAmbul)) ||
				(r.sign == SignCare && tc.feats.any(fWall, fNotEat)) // 走路打晃, 吃饭很少: the body; fear alone is not
			if level == AlertConfirm && bodily && worried(tc.st, live) {
				level = AlertAlarm // 说话一句整话都说不出来，我听着不对劲: the person there judges it serious
			}
			out = rd.addFinding(out, finding{sign: r.sign, level: level, bodily: bodily, c: c}, used)
		}
	}
	for _, v := range rd.vitals {
		level, used := vitalLevel(v, live)
		if level == AlertNone {
			continue
		}
		f := finding{sign: SignVitals, level: level, bodily: true, c: v.clause, start: v.start, end: v.end,
			over: superseded(v, rd.vitals, live, rd.rs, rd.tcls)}
		out = rd.addFinding(out, f, used)
	}
	out = rd.doubt(out, live)
	sortFindings(out)
	return out
}

// told is what every clause told as the writer's own news holds, however long ago or
// hypothetical (not a general question, a denial, a joke, hearsay, a grandchild).
func (rd *reading) told() featSet {
	if rd.toldKnown {
		return rd.toldSet
	}
	var told featSet
	for _, tc := range rd.tcls {
		if tc.st < stGeneral && tc.st != stYoung {
			told = told.union(tc.feats)
		}
	}
	return told
}

// worried reports whether a confirm about the body told now becomes an alarm because
// the writer says it looks wrong (不对劲, 吓人).
func worried(st status, live featSet) bool {
	return st == stNow && live.has(mWorry)
}

// anySign reports whether a part that some rule reads was noted (not only marks and
// everyday complaints): most messages have none, and skip the rules.
func (rd *reading) anySign() bool {
	if len(rd.vitals) > 0 {
		return true
	}
	for _, h := range rd.hits {
		if !h.f.isMark() && h.f != fOrgan && h.f != fComplaint || doubtCandidate(h.f) {
			return true
		}
	}
	return false
}

// bodyFeats make a sign that is not about the body (fire, fraud, a cry for help)
// bodily when they come with it: 煤气味 + 头晕.
var bodyFeats = []feature{fDizzy, fNausea, fVomit, fPain, fLimp, fConfused, fDementia, fUnresp, fFaint, fCold,
	fShake, fBlue, fNoBreath, fBreath, fBurn, fChoke, fDying, fDrowsy}

// addFinding quotes f, applies the time and voice of its clause, and keeps it unless
// a finding of the same sign is already as strong.
func (rd *reading) addFinding(out []finding, f finding, used featSet) []finding {
	f.alert, f.why = rd.standing(f)
	s, e := rd.span(f.c, used)
	if f.end > f.start { // a vital figure: its own words first
		if e <= s {
			s, e = f.start, f.end
		}
		s, e = min(s, f.start), max(e, f.end)
		if e-s > maxQuote {
			s, e = f.start, f.end
		}
	} else if e <= s {
		s, e = rd.tcls[f.c].lo, rd.tcls[f.c].hi
	}
	f.start, f.end = s, e
	for i := range out {
		o := &out[i]
		if o.sign != f.sign {
			continue
		}
		switch {
		case better(f, *o):
			*o = f
		case o.alert == f.alert && max(o.end, f.end)-min(o.start, f.start) <= maxQuote:
			o.start, o.end = min(o.start, f.start), max(o.end, f.end) // 筷子掉了，…半边脸耷拉下来了
		}
		return out
	}
	return append(out, f)
}

// better reports whether a is a stronger reading of a sign than b.
func better(a, b finding) bool {
	if a.alert.rank() != b.alert.rank() {
		return a.alert.rank() > b.alert.rank()
	}
	return a.level.rank() > b.level.rank()
}

// maxQuote is the longest quote, in runes, that may join words from several clauses.
const maxQuote = 40

// span returns the stretch of rs that the used features of a finding anchored in
// clause c cover: their hits in c, and in other live clauses near it those features
// that c lacks. It falls back to the hits in c when that stretch is too long.
func (rd *reading) span(c int, used featSet) (int, int) {
	own := rd.tcls[c].feats
	s, e := -1, -1
	cs, ce := -1, -1
	first, last := c, c // the clauses that can be in a quote of at most maxQuote runes
	for first > 0 && rd.tcls[c].lo-rd.tcls[first-1].hi < maxQuote {
		first--
	}
	for last+1 < len(rd.tcls) && rd.tcls[last+1].lo-rd.tcls[c].hi < maxQuote {
		last++
	}
	for _, h := range rd.hits[rd.tcls[first].h0:rd.tcls[last].h1] {
		if !used.has(h.f) {
			continue
		}
		in := int(h.c) == c
		if !in && (own.has(h.f) || !rd.tcls[h.c].st.live()) {
			continue
		}
		if s < 0 || int(h.start) < s {
			s = int(h.start)
		}
		e = max(e, int(h.end))
		if in {
			if cs < 0 || int(h.start) < cs {
				cs = int(h.start)
			}
			ce = max(ce, int(h.end))
		}
	}
	switch {
	case cs < 0 && s >= 0 && e-s <= maxQuote:
		return s, e // a vital figure's companions, told in other clauses
	case cs < 0:
		return rd.tcls[c].lo, rd.tcls[c].lo
	case e-s > maxQuote:
		return cs, ce
	}
	return s, e
}

// sortFindings orders findings by alert, then by the rule's reading, then by
// position (insertion sort: there are a handful).
func sortFindings(fs []finding) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && less(fs[j], fs[j-1]); j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

func less(a, b finding) bool {
	if a.alert != b.alert {
		return a.alert.rank() > b.alert.rank()
	}
	if a.level != b.level {
		return a.level.rank() > b.level.rank()
	}
	return a.start < b.start
}

// hasPrefixRunes reports whether rs begins with the runes of w.
func hasPrefixRunes(rs []rune, w string) bool {
	i := 0
	for _, r := range w {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// hasSuffixRunes reports whether rs ends with the runes of w.
func hasSuffixRunes(rs []rune, w string) bool {
	n := utf8.RuneCountInString(w)
	return len(rs) >= n && hasPrefixRunes(rs[len(rs)-n:], w)
}

// prefixIn returns the first of words that rs begins with, "" when none.
func prefixIn(rs []rune, words []string) string {
	for _, w := range words {
		if hasPrefixRunes(rs, w) {
			return w
		}
	}
	return ""
}

// endsWithAny reports whether rs, its trailing separators and spaces aside, ends with
// one of words.
func endsWithAny(rs []rune, words []string) bool {
	rs = rs[:contentEnd(rs)]
	for _, w := range words {
		if hasSuffixRunes(rs, w) {
			return true
		}
	}
	return false
}

// unsureGuesses open a cause the writer is not sure of (不知道是不是没睡好).
var unsureGuesses = []string{"不知道是不是", "不知是不是", "不晓得是不是", "不确定是不是", "不知道系咪", "不知系咪", "说不准是不是", "不清楚是不是"}

// unsureBefore reports whether a guess the writer is unsure of ends within a few runes
// before pos, in the clause that starts at lo.
func unsureBefore(rs []rune, lo, pos int) bool {
	return containsAny(rs[max(lo, pos-10):pos], unsureGuesses...)
}

// ownPhoneOff reports whether the message explains that the writer missed the group
// (没看到群消息, 刚开机, 没电了, 不好意思): a phone off then is theirs, and they are here.
// Another's silence (三天没回消息了) is no such explanation.
func ownPhoneOff(rs []rune) bool {
	return containsAny(rs, "没看到群", "没看群", "才看到", "刚看到", "刚开机", "开机了", "没电", "不好意思", "抱歉", "刚充上")
}
