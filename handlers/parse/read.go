package parse

import (
	"slices"
	"strings"
)

// clauseState is what the reading of one clause keeps between its tokens.
type clauseState struct {
	cf     clauseFlags
	lo, hi int
	index  int // the clause's number in the message (for the triage layer)
	base   int // len(rd.health) when the clause began

	negEnd  int    // end of the governing negator, -1 when none
	negVal  string // its value: absent, not, dont
	negText string
	chained bool // the negation carries on through a list (无发热、咳嗽)

	hedge   string // 有点, 不太: a vague complaint unless something else is said
	hedgeAt int
	content bool // a word with a meaning was read

	objects  []object
	affirmed bool // a request, or a lack, in this clause
	declined bool // 不缺, 不需要
	askEv    string
	cueEv    string
	firstReq int // where the first request word or object starts
	askAt    int // where the first request on its own (帮, 麻烦) starts

	doseToks []int // indexes into toks of affirmed dose numbers
	figEnd   int   // numbers before this position belong to a vital-sign figure

	scopes []negScope // where the clause's negators reach, for the parts of the triage layer

	brkEnd     int  // end of a 就是/只是/不过 in the clause, -1 when none
	afterBrk   bool // a word was read after it
	brkPhrase  string
	wellBefore bool // the message said "well" before the 就是
}

// feelingOnly reports whether what a hedge qualifies is a feeling, not the body: fear,
// worry, boredom, loneliness (有点害怕, 有点无聊).
func feelingOnly(rs []rune) bool {
	s := string(rs)
	for _, w := range [...]string{"怕", "害怕", "担心", "无聊", "孤单", "寂寞", "发慌想"} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// negScope is the stretch a negator governs: parts that start in [from, to] are
// negated (头不疼: no pain).
type negScope struct{ from, to int }

// clause reads one clause, the tokens of rs[lo:hi]: flags first, then each word with
// its negation, then what the clause as a whole says.
func (rd *reading) clause(toks []token, question bool, lo, hi int) {
	rd.cur = rd.openTriageClause(lo, hi)
	rd.tcls[rd.cur].asked = question || endsAsking(rd.rs[lo:hi])
	cs := clauseState{cf: rd.scanFlags(toks, question, lo, hi), lo: lo, hi: hi, index: rd.cur,
		base: len(rd.health), negEnd: -1, firstReq: hi, askAt: -1, brkEnd: -1,
		objects: rd.buf.objects[:0], scopes: rd.buf.scopes[:0]}
	rd.noteClauseFlags(&cs)
	for i, t := range toks {
		if t.e == nil && !t.isNum {
			continue // '、' and '+' keep the negation alive
		}
		negated := cs.negated(rd.rs, t)
		if cs.brkEnd >= 0 && t.start >= cs.brkEnd && !(t.e != nil && sayNothing(t.e)) {
			cs.afterBrk = true // a word the lexicon knows
		}
		if t.isNum {
			rd.number(&cs, toks, i, negated)
			continue
		}
		if cs.operator(t) {
			if cs.negEnd == t.end {
				cs.scopes = append(cs.scopes, negScope{t.end, t.end + negWindow})
			}
			continue
		}
		if rd.word(&cs, t, negated) {
			cs.cutScopes(t.start)
		}
	}
	rd.carryVital(&cs)
	rd.endClause(&cs, toks)
}

// endsAsking reports whether a clause ends with 吗, or with 啊, 呀 or 吧 after 是不是 or
// 会不会: a question even without its question mark (呢 and 么 end statements too:
// 好着呢, 没什么).
func endsAsking(rs []rune) bool {
	if eitherOr(rs) {
		return true
	}
	switch lastRune(rs) {
	case '吗':
		return true
	case '啊', '呀', '吧': // 中风了是不是嘴会歪啊: asked without a question mark, as voice input writes
		return hasSeq(rs, "是不是") || hasSeq(rs, "会不会") || endsAnotA(rs, 1)
	case '不': // 糖尿病人能吃柿子不, 血压一百八算高不: asked the northern way
		return containsAny(rs, "能", "可以", "会", "要") || northernAsk(rs)
	}
	return endsAnotA(rs, 0)
}

// eitherOr reports whether a clause asks which of two it is (胸口闷一般是心脏的毛病还是肺的
// 毛病): a 是 and, later, 还是. A 是 of 就是, 但是, 老是 and their like is no such 是
// (就是还是咳嗽 tells).
func eitherOr(rs []rune) bool {
	for k := 2; k+1 < len(rs); k++ {
		if !choiceAt(rs, k) {
			continue
		}
		for i := 0; i+1 < k; i++ {
			if rs[i] == '是' && (i == 0 || !strings.ContainsRune("就但可只要老总都也还倒算真于像正而不", rs[i-1])) {
				return true
			}
		}
	}
	return false
}

// orChoice reports whether a clause offers a choice with 还是 (先吃药还是直接打120).
func orChoice(rs []rune) bool {
	for k := 0; k+1 < len(rs); k++ {
		if choiceAt(rs, k) {
			return true
		}
	}
	return false
}

// choiceAt reports whether rs[k:] starts the 还是 of a choice, not of "or what" (是坏了还是
// 咋的 asks nothing of the two).
func choiceAt(rs []rune, k int) bool {
	return k+1 < len(rs) && rs[k] == '还' && rs[k+1] == '是' && !(k+2 < len(rs) && strings.ContainsRune("咋怎啥什", rs[k+2]))
}

// northernAsk reports whether a clause that ends in 不 asks (管用不, 算高不, 报不), not
// refuses: 我就是不, 打死也不, 说什么都不 refuse.
func northernAsk(rs []rune) bool {
	end := contentEnd(rs)
	if end < 3 || rs[end-1] != '不' {
		return false
	}
	return !strings.ContainsRune("我也都就还偏说并决绝可是他她", rs[end-2])
}

// endsAnotA reports whether a clause ends, but for its last skip runes, with a verb
// asked both ways (好不好, 要不要, 算不算, 可不可以): 高血压的人冬天早上出去锻炼好不好;
// 一动不动 is no question.
func endsAnotA(rs []rune, skip int) bool {
	end := contentEnd(rs) - skip
	if end < 3 {
		return false
	}
	if rs[end-2] == '不' && rs[end-3] == rs[end-1] {
		return end == 3 || rs[end-4] != '一' // 一动不动 tells, it does not ask
	}
	return end >= 4 && hasPrefixRunes(rs[end-4:end], "可不可以")
}

// lastRune returns the last rune of a clause that is no separator or space, or 0.
func lastRune(rs []rune) rune {
	if end := contentEnd(rs); end > 0 {
		return rs[end-1]
	}
	return 0
}

// contentEnd returns the end of a clause without its trailing separators and spaces.
func contentEnd(rs []rune) int {
	end := len(rs)
	for end > 0 && (isSep(rs[end-1]) || rs[end-1] == ' ') {
		end--
	}
	return end
}

// cutScopes ends the negators' reach at a word read at pos: the negator governs that
// word and nothing after it.
func (cs *clauseState) cutScopes(pos int) {
	for i := range cs.scopes {
		if sc := &cs.scopes[i]; pos >= sc.from && pos < sc.to {
			sc.to = pos
		}
	}
}

// negatedAt reports whether a part starting at pos is governed by a negator.
func (cs *clauseState) negatedAt(pos int) bool {
	for _, sc := range cs.scopes {
		if pos >= sc.from && pos <= sc.to {
			return true
		}
	}
	return false
}

// fallDenied drops the fall read in the clause before a short clause that denies a
// fall (滑了一下，没摔; 脚下一绊，没摔倒): it tells what the slip came to. A denial
// with more after it (没摔，就是腰扭了) leaves the clause before as read.
func (rd *reading) fallDenied(cs *clauseState, end int) {
	if cs.index == 0 || end-cs.lo > 5 || !onlyParticles(rd.rs[end:cs.hi]) {
		return
	}
	prev := &rd.tcls[cs.index-1]
	if !prev.feats.has(fFall) {
		return
	}
	for k := prev.h0; k < prev.h1; k++ {
		if rd.hits[k].f == fFall {
			rd.hits[k].f = fNone
		}
	}
	rd.refeat(prev)
}

// onlyParticles reports whether rs holds nothing but separators, spaces and particles.
func onlyParticles(rs []rune) bool {
	for _, r := range rs {
		if !isSep(r) && !strings.ContainsRune(trailingParticles, r) {
			return false
		}
	}
	return true
}

// laughter reports whether the entry at a rune r is a laugh (哈哈, 呵呵, 嘿嘿; an emoji
// that laughs reads so): no negator before it governs a laugh (抖音关不掉哈哈).
func laughter(r rune, e *entry) bool {
	return e.feats.has(mJoke) && (r == '哈' || r == '呵' || r == '嘿')
}

// suddenParts are the signs that 刚 before them makes sudden (刚吐了一大口血, 刚摔了): not
// what is drunk or taken (刚喝了两杯酒).
var suddenParts = append([]feature{fBlood, fGutBleed, fBleedMore, fFall, fCantUp, fFloor, fHit, fSlur, fWeak,
	fNumb, fDroop, fBlackout, fSeizure, fPalpit, fPress, fChest, fSweat}, bodyFeats...)

// justThere returns where a 刚 that makes the sign at rs[i] sudden stands, or -1: right
// before it (刚摔了), or before where it happened (刚在菜场门口摔了, 刚从厕所出来就…).
func justThere(rs []rune, lo, i int) int {
	if i > lo && rs[i-1] == '刚' {
		return i - 1
	}
	for k := i - 2; k >= lo && k >= i-12; k-- {
		if isSep(rs[k]) {
			return -1
		}
		if rs[k] == '刚' && strings.ContainsRune("在从去到", rs[k+1]) {
			return k
		}
	}
	return -1
}

// readSigns scans the clause for parts and marks with the lexicon's sign matcher and
// notes those no negator governs.
func (rd *reading) readSigns(cs *clauseState) {
	m := &lex().signs
	for i := cs.lo; i < cs.hi; {
		if isSep(rd.rs[i]) {
			i++
			continue
		}
		idx := m.longest(rd.rs, i)
		if idx < 0 {
			i++
			continue
		}
		e := &m.entries[idx]
		end := i + len(e.runes)
		cs.ownNegators(i, end, e.comps) // 认不得人: the 不 of 认不得 is the phrase's, it does not negate 人
		if e.feats.has(fFall) && cs.negatedAt(i) {
			rd.fallDenied(cs, end) // 滑了一下，没摔: the slip before was no fall
		}
		if (!e.feats.empty() || e.comps) && (!cs.negatedAt(i) || laughter(rd.rs[i], e)) {
			if e.feats.meets(suddenSet) {
				if k := justThere(rd.rs, cs.lo, i); k >= 0 {
					rd.triageHit(cs, mOnset, k, k+1) // 刚吐了一大口血, 刚在菜场门口摔了: just now
				}
			}
			for _, mn := range e.means {
				switch mn.kind {
				case kPart, kMark:
					rd.triageHit(cs, mn.feat, i, end)
				case kComp:
					rd.comps = append(rd.comps, chit{comp: mn.comp, start: int32(i), end: int32(end)})
				}
			}
		}
		if e.soft {
			i++ // the fallback's words take no text from the discriminators' (快叫120)
			continue
		}
		i = end
	}
	if len(rd.comps) > 0 {
		rd.pairUp(cs)
		rd.comps = rd.comps[:0]
	}
	if tc := &rd.tcls[cs.index]; tc.feats.any(fLost, fMissing, fFall) && tc.feats.has(fThing) {
		rd.dropThingLost(tc)
	}
}

// ownNegators ends the reach of a negator that lies inside a sign phrase read at
// rs[lo:hi]: the phrase carries its own negation (认不得, 找不到, 不想吃饭). A negator
// that is the whole phrase still governs what follows (防止起火), unless the phrase is
// half of a pair, which reads the two halves together (不再 + 醒来).
func (cs *clauseState) ownNegators(lo, hi int, half bool) {
	for i := range cs.scopes {
		if sc := &cs.scopes[i]; sc.from > lo && (sc.from < hi || half && sc.from == hi) {
			sc.to = sc.from - 1
		}
	}
}

// negated reports whether the negator before t governs it.
func (cs *clauseState) negated(rs []rune, t token) bool {
	if cs.negEnd < 0 {
		return false
	}
	if cs.chained { // 没有发烧、咳嗽; not 没有不舒服都好着呢, where 都 opens what is so
		return joinersOnly(rs[cs.negEnd:t.start]) && !slices.Contains(rs[cs.negEnd:t.start+1], '都')
	}
	return t.start-cs.negEnd <= negWindow
}

// operator reads a word that governs the words after it: a negator, a hedge, a
// break (就是, 但是) that ends negation. It reports whether t was one.
func (cs *clauseState) operator(t token) bool {
	e := t.e
	if m, ok := e.has(kNeg); ok {
		cs.negEnd, cs.negVal, cs.negText, cs.chained = t.end, m.value, e.text, false
		return true
	}
	if m, ok := e.has(kHedge); ok {
		cs.hedge, cs.hedgeAt = e.text, t.start
		if m.value == "neg" {
			cs.negEnd, cs.negVal, cs.negText, cs.chained = t.end, "not", e.text, false
		}
		return true
	}
	if m, ok := e.has(kClause); ok && m.value == "brk" {
		cs.negEnd, cs.chained = -1, false
		cs.brkEnd, cs.afterBrk, cs.brkPhrase = t.end, false, e.text
		return true
	}
	return false
}

// sayNothing reports whether e says nothing on its own about what follows 就是: a
// negator, a wish without its object (要, 想), a word of time (以前, 明天) or a question.
func sayNothing(e *entry) bool {
	if hasKind(e, kNeg) {
		return true
	}
	if len(e.means) != 1 {
		return false
	}
	switch m := e.means[0]; m.kind {
	case kCue:
		return m.value == "want"
	case kClause:
		return m.value == "past" || m.value == "future" || m.value == "question" || m.value == "brk"
	}
	return false
}

func hasKind(e *entry, k kind) bool {
	_, ok := e.has(k)
	return ok
}

// number reads a number token: a dose count, the emergency line 120, or a body
// temperature in degrees. Numbers inside a vital-sign figure were read with it.
func (rd *reading) number(cs *clauseState, toks []token, i int, negated bool) {
	t := toks[i]
	aside := cs.cf.aside(t.start)
	switch {
	case t.start < cs.figEnd:
	case t.unit == unitDose && t.num >= 1 && t.num <= 6,
		t.unit == unitTimes && cs.cf.vaccine && t.num >= 1 && t.num <= 6: // 疫苗打过三次
		cs.content = true
		if !negated && !aside && !cs.cf.question && !cs.cf.future {
			cs.doseToks = append(cs.doseToks, i)
		}
		cs.negEnd, cs.chained = -1, false
	case t.unit == unitNone && bareBP(rd.rs, t):
		if !aside && !cs.cf.question && !rd.tcls[cs.index].asked { // Is 150/90 too high? asks
			rd.vitalAt(cs, vBP, t.start, t.start) // 量了 185/100 没啥感觉
		}
	case emergencyCall(rd.rs, t):
		if !negated { // 120 已经打了
			rd.triageHit(cs, fAmbul, t.start, t.end)
		}
	case t.unit == unitNone && bareSugar(rd.rs, t):
		if !aside {
			rd.vitalAt(cs, vSugar, t.start, t.start) // 打完胰岛素没吃上饭 测了3.4
		}
	case t.unit == unitDegree, t.unit == unitNone && (bareTemperature(rd.rs, t) || bareFahrenheit(rd.rs, t)):
		if !aside && !(cs.cf.weather && cs.cf.weatherEnd <= t.start) &&
			!(dayDegree(rd.rs, cs.lo, t) && !rd.tcls[cs.index].names) { // 外面40度, 今天又是40度 are the weather; 老伴今天40度 is not
			rd.vitalAt(cs, vTemp, t.start, t.start)
		}
	}
}

// word reads a lexicon phrase in each of its meanings; it reports whether the phrase
// meant something that ends a negator's reach.
func (rd *reading) word(cs *clauseState, t token, negated bool) bool {
	e := t.e
	if m, ok := e.has(kMeasure); ok {
		if !negated && !cs.cf.aside(t.start) {
			rd.vitalAt(cs, vitalKinds[m.value], t.start, t.end)
		}
		if len(e.means) == 1 {
			return false
		}
	}
	if _, ok := e.has(kNeed); ok && t.start < cs.firstReq {
		cs.firstReq = t.start
	}
	if _, ok := e.has(kCue); ok && t.start < cs.firstReq {
		cs.firstReq = t.start
	}
	done := isAction(e) && doneAction(rd.rs, t, cs.lo) // 叫救护车了: reported, not asked
	used := false
	for _, m := range e.means {
		v := m.value
		if negated {
			v = m.negated
		}
		switch m.kind {
		case kHealth:
			used = true
			switch {
			case negated && cs.negVal == "dont", v == string(HealthUnwell) && namesMedicine(rd.rs, t.start, t.end):
				// 别感冒: advice, not a report; 高血压的药: a medicine
			case negated && m.value == string(HealthUnwell) && v == string(HealthWell) && rd.ceased(cs, t):
				// 不恶心了, 头也不晕了: a complaint that has stopped ends itself
				rd.health = append(rd.health, hsig{value: HealthWell, pos: t.start, phrase: e.text, recov: true, ends: endsNamed, c: rd.cur})
				rd.signal = true
			default:
				rd.healthSig(Health(v), t.start, e.text, cs.cf.at(t.start), cs.cf.aside(t.start))
			}
		case kRecover:
			used = true
			if m.value == recoverNamed {
				if !negated && rd.toldNow(cs, t.start) {
					// 腿还有点肿，不疼了: the pain has stopped, the swelling goes on
					rd.health = append(rd.health, hsig{value: HealthWell, pos: t.start, phrase: complaintOf(e.text), recov: true, ends: endsNamed, c: rd.cur})
					rd.signal = true
				}
				break
			}
			if m.value == recoverAfter {
				habit := t.start > cs.lo && rd.rs[t.start-1] == '就' && !slices.Contains(rd.rs[cs.lo:t.start], '了') &&
					(!perfectiveBefore(rd.rs, cs.lo, t.start-1) || endsWithAny(rd.rs[cs.lo:t.start-1], dayParts)) // 下午明显，早上就消了
				if !negated && !habit && rd.toldNow(cs, t.start) && !partialAfter(rd.rs, t) {
					// 疹子退了, 现在消了: it ends the complaint it follows (resolveHealth)
					rd.health = append(rd.health, hsig{value: HealthWell, pos: t.start, phrase: e.text, recov: true, ends: endsBefore, c: rd.cur})
				}
				break
			}
			if !negated && !cs.cf.aside(t.start) && !cs.cf.question && !cs.cf.future && // 过两天就出院了: not yet
				(rd.rs[t.start] != '就' || perfectiveBefore(rd.rs, cs.lo, t.start)) && // 歇歇就好了 is a habit, 吃了块糖就好了 happened
				!arrangedBefore(rd.rs, cs.lo, t.start) { // 后事交代好了: arranged, not recovered
				rd.health = append(rd.health, hsig{value: HealthWell, pos: t.start, phrase: e.text, recov: true})
				rd.triageHit(cs, mOver, t.start, t.end)
			}
		case kTest:
			used = true
			switch {
			case v == "" || cs.cf.question:
			case !cs.cf.aside(t.start):
				rd.test, rd.testEv = Test(v), e.text
			case v == string(TestPositive) && cs.cf.kin && !cs.cf.self:
				rd.asideOn = asideKin // 我女儿阳了，发烧三十九度: the daughter's fever
			case v == string(TestPositive) && cs.cf.othersAt >= 0 && !cs.cf.self:
				rd.asideOn = asideOthers // 我们楼有人阳了，救护车刚刚拉走了: the neighbour's ambulance
			}
		case kVaccine:
			used = true
			if n := atoiSmall(v); n >= 0 && !cs.cf.aside(t.start) && !cs.cf.question && !cs.cf.future {
				rd.dose(n, e.text)
			}
		case kNeed:
			used = true
			rd.need(cs, t, m, negated, done)
		case kCue:
			used = true
			rd.cue(cs, t, m, negated, done)
		}
	}
	if used {
		cs.content = true
		if negated && (joinerFollows(rd.rs, t.end) || cs.negText == "无" && t.end < cs.hi && isHan(rd.rs[t.end])) { // 无发热咳嗽: the formal list
			cs.negEnd, cs.chained = t.end, true
		} else {
			cs.negEnd, cs.chained = -1, false
		}
	}
	return used
}

// need reads an object of a request: 菜, 降压药, 去医院.
func (rd *reading) need(cs *clauseState, t token, m meaning, negated, done bool) {
	switch {
	case done:
		return
	case negated && cs.negVal == "absent" && t.start == cs.negEnd && !m.action:
		cs.affirmed = true // 没有退烧药: it is lacking (but 没吃药, 没去医院 are not requests)
		cs.cueEv = cs.negText + t.e.text
	case negated:
		cs.declined = true // 不要菜, 没去医院
		return
	}
	cs.objects = append(cs.objects, object{need: Need(m.value), start: t.start, end: t.end, phrase: t.e.text})
}

// cue reads a request word: 帮忙, 需要, 快吃完了.
func (rd *reading) cue(cs *clauseState, t token, m meaning, negated, done bool) {
	switch {
	case done, cs.cf.report && m.value == "ask" && t.start < cs.cf.reportAt: // 帮我妈报平安
	case negated:
		cs.declined = true
	case !(cs.cf.thanks && cs.cf.thanksAt < t.start):
		cs.affirmed = true
		cs.cueEv = t.e.text
		if m.value == "ask" {
			cs.askEv = t.e.text
			if cs.askAt < 0 {
				cs.askAt = t.start
			}
		}
	}
}

// endClause settles what the clause says as a whole: the doses it affirms, a vague
// complaint (有点…), and which of its objects are asked for.
func (rd *reading) endClause(cs *clauseState, toks []token) {
	// A negator that governed nothing looks back at the dose stated before it:
	// 第四针还没轮到, 第三针医生说暂时不用打.
	if cs.negEnd >= 0 && !cs.chained && len(cs.doseToks) > 0 {
		cs.doseToks = cs.doseToks[:len(cs.doseToks)-1]
	}
	for _, k := range cs.doseToks {
		rd.dose(int(toks[k].num), rd.text(toks[k]))
	}
	cf := cs.cf
	if cs.hedge != "" && !cs.content && !cf.aside(cs.hi) && !cf.question && len(cs.objects) == 0 &&
		!(cf.weather && cf.weatherEnd > cs.hedgeAt) && // 有点冷 is the weather
		!feelingOnly(rd.rs[min(cs.hedgeAt+len([]rune(cs.hedge)), cs.hi):cs.hi]) { // 有点害怕 is fear, not the body
		rd.health = append(rd.health, hsig{value: HealthUnwell, pos: toks[0].start, phrase: cs.hedge})
		rd.signal = true
	}
	rd.butClause(cs)
	if cs.hedge != "" {
		rd.triageHit(cs, mMild, cs.hedgeAt, cs.hedgeAt+len([]rune(cs.hedge)))
	}
	rd.readUnable(cs)
	rd.readSigns(cs)
	rd.denyBefore(cs)   // 发烧咳嗽都没有
	rd.carerIllness(cs) // 保姆发烧了来不了
	feats := rd.tcls[cs.index].feats
	if feats.any(mNow, mRecent, mPast) {
		rd.hypo = false
	}
	if feats.has(mHypo) && !(cs.askEv != "" && rd.onlyFuture(cs)) {
		rd.hypo = true // 明天能帮我买点菜吗 asks for tomorrow: a plan, not a hypothesis
	}
	asks := !(cf.question && feats.has(mGeneral)) && !rd.hypo && !feats.has(mJoke) &&
		!(cf.question && rd.hypoAsked && orChoice(rd.rs[cs.lo:cs.hi])) // 万一…怎么办？先吃药还是直接打120？
	rd.hypoAsked = cf.question && rd.hypo
	if cf.question {
		rd.hypo = false
	}
	if !asks {
		return // 老人摔倒了是先扶起来还是先打120, 要是…是先吃救心丸还是先打120: no request
	}
	rf := cf.at(cs.firstReq)
	rf.thanks = cf.thanks && cf.thanksAt < cs.firstReq // thanks for help had, not a request
	rd.bind(cs.objects, cs.affirmed, cs.declined, cs.askEv, cs.cueEv, rf, cs.askAt)
}

// onlyFuture reports whether the clause's one hypothesis is a word of time to come
// (明天, 过两天), not 万一 or 要是.
func (rd *reading) onlyFuture(cs *clauseState) bool {
	if cs.cf.futureAt < 0 {
		return false
	}
	tc := &rd.tcls[cs.index]
	for _, h := range rd.hits[tc.h0:tc.h1] {
		if h.f == mHypo && int(h.start) != cs.cf.futureAt {
			return false
		}
	}
	return true
}

// butClause reads "fine, but…" (挺好的，就是…): when the message has said "well" and
// the words after 就是/只是/不过 are none the lexicon knows, they are the real news, a
// complaint (挺好，就是耳朵越来越背了). Words the lexicon knows (a need, a pet, the
// weather, a younger relative) speak for themselves.
func (rd *reading) butClause(cs *clauseState) {
	if cs.brkEnd >= 0 {
		rd.brkAt, rd.brkClause, rd.brkWord = cs.brkEnd+1, cs.index, cs.brkPhrase // clauses come in order: the last break read
	}
	if cs.brkEnd < 0 || cs.afterBrk || cs.cf.question || cs.cf.aside(cs.brkEnd) || cs.hi-cs.brkEnd < 2 {
		return
	}
	well := false
	for _, h := range rd.health {
		if h.value == HealthWell && h.pos < cs.brkEnd {
			well = true
		}
	}
	if !well || errandNews(rd.rs[cs.brkEnd:cs.hi]) {
		return
	}
	rd.health = append(rd.health, hsig{value: HealthUnwell, pos: cs.brkEnd, phrase: string(rd.rs[cs.brkEnd:cs.hi]), c: cs.index})
	rd.signal = true
}

// errandWords tell of the day's doings, not the body: after "fine, but" they are news
// of the group, the phone or the shopping (没有不舒服，就是起晚了没看见群里消息).
var errandWords = []string{"群", "消息", "手机", "微信", "视频", "网上", "起晚", "冒个泡", "冒泡", "报平安", "说一声",
	"电视", "没看见", "没看到", "忘了回", "回晚", "买菜", "团购", "快递", "解封", "出不去门", "想孙", "想孩子", "想儿子", "想闺女", "想女儿"}

// errandNews reports whether rs tells of errands or the group rather than the body.
func errandNews(rs []rune) bool { return containsAny(rs, errandWords...) }

// perfectiveBefore reports whether the clause rs[lo:i] tells a deed done (吃了两块糖,
// 坐了会儿, 戴上, 吃完): a remedy that worked, not a habit (歇一会儿就好了).
func perfectiveBefore(rs []rune, lo, i int) bool {
	if i > 0 && (rs[i-1] == '上' || rs[i-1] == '完' || rs[i-1] == '掉') {
		return true // 假牙戴上就好了, 吃完就好了
	}
	if i-lo >= 2 && endsWithAny(rs[lo:i], resultEnds) {
		return true // 咳出来就好了, 咽下去就好了: the deed's result reached
	}
	if i-lo >= 2 && (hasSuffixRunes(rs[lo:i], "起来") || hasSuffixRunes(rs[lo:i], "醒来")) && !(i-lo >= 3 && strings.ContainsRune("别不", rs[i-3])) {
		return true // 早上起来就好了: a night that ended it (别醒来就好了 is a wish)
	}
	for j := max(lo, 0); j < i; j++ {
		if rs[j] == '了' {
			return true
		}
	}
	return false
}

// recoverAfter is the value of the recovery words that end a complaint told before
// them (疹子退了, 肿消了, 口子愈合了) and mean nothing without one (菜退了).
const recoverAfter = "after"

// dayParts are the times of day that, before 就 and an ending, tell what happens each
// day (下午肿，早上就消了), not what happened once.
var dayParts = []string{"早上", "晚上", "上午", "下午", "中午", "夜里", "早晨"}

// recoverNamed is the value of the words that tell a complaint has stopped (不疼了,
// 不晕了): like a complaint negated with 了 (ceased), they end that complaint only.
const recoverNamed = "named"

// complaintOf returns the complaint a word of recoverNamed says has stopped: the word
// without its 已经, negator and 了 (已经不疼了 → 疼).
func complaintOf(w string) string {
	w = strings.TrimPrefix(w, "已经")
	w = strings.TrimPrefix(strings.TrimPrefix(w, "不"), "没")
	return strings.TrimSuffix(w, "了")
}

// ceased reports whether the complaint t, negated, is told as having stopped: the
// change of state 了 (啦) right after it (不恶心了, 不痒啦), in a statement of the elder's
// present. A correction (不是血丝了, 是一口一口的血), a lessening (不怎么咳了, 不太疼了) and
// a question, plan or someone else's do not stop it.
func (rd *reading) ceased(cs *clauseState, t token) bool {
	if t.end >= len(rd.rs) || (rd.rs[t.end] != '了' && rd.rs[t.end] != '啦') || partialAfter(rd.rs, t) {
		return false
	}
	if t.start > 0 && strings.ContainsRune("是么太大", rd.rs[t.start-1]) {
		return false
	}
	return rd.toldNow(cs, t.start)
}

// toldNow reports whether a word at pos tells the elder's present: not someone else's,
// not a question, a plan or a hypothesis.
func (rd *reading) toldNow(cs *clauseState, pos int) bool {
	return !cs.cf.aside(pos) && !cs.cf.question && !cs.cf.future && !rd.hypo
}

// partialAfter reports whether what follows the ending word t says it is only partly
// over or has come back (消了不少, 退了一点, 退了又烧回去).
func partialAfter(rs []rune, t token) bool {
	end := t.end
	if end < len(rs) && (rs[end] == '了' || rs[end] == '啦') {
		end++
	}
	if end < len(rs) && strings.ContainsRune("又不一些点大", rs[end]) {
		return true
	}
	for j := max(t.start-4, 0); j < t.start; j++ {
		if rs[j] == '比' || j == t.start-1 && rs[j] == '快' {
			return true // 比上周消了, 快消了
		}
	}
	return false
}

// resultEnds are the complements that tell a deed reached its end (咳出来, 咽下去).
var resultEnds = []string{"出来", "下去", "过来", "下来"}

// arrangedBefore reports whether a verb of arranging or getting ready stands just
// before rs[i] (交代好了, 安排好了, 收拾好了): the 好了 after it says the task is done,
// not that anyone is well again.
func arrangedBefore(rs []rune, lo, i int) bool {
	for _, w := range arrangeVerbs {
		if i-len(w) >= lo && runesAt(rs, i-len(w), w) {
			return true
		}
	}
	return false
}

var arrangeVerbs = [][]rune{[]rune("交代"), []rune("安排"), []rune("准备"), []rune("收拾"), []rune("整理"), []rune("写"), []rune("商量"), []rune("分"), []rune("取")}
