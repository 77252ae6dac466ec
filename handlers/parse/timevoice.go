package parse

import (
	"strings"
	"unicode/utf8"
)

// Time and voice (shared/triage.md): a sign counts when it is happening now or today,
// to the writer or someone of theirs, and is not denied, hypothetical, a question in
// general, a joke, hearsay, over, long-standing or already in care.

// status is how a clause is told.
type status uint8

const (
	stNow       status = iota // now or today: as read
	stRecent                  // 昨天, 前天: an alarm becomes a confirm
	stWatched                 // 陪着, 守着: family or neighbours keep watch, no doctor yet: an alarm not of the body becomes a confirm
	stOverToday               // today, but over (缓过来了, 止住了): an alarm about the body becomes a confirm
	stOver                    // over, and not today
	stPast                    // 去年, 上个月, 前几天
	stChronic                 // 后遗症, 好几年, 坐久了: long-standing or explained
	stCare                    // 住院, 在医院, 医生说, 120接走: in care (a doctor, not family keeping watch)
	stYoung                   // 孙子摔了一跤, 猫摔了, 我姐中风了, 朋友的爸爸: about someone who is not the elder
	stHypo                    // 万一, 要是, 哪天: hypothetical
	stGeneral                 // a question about illness in general (脑梗前兆有哪些), a warning to others
	stDenied                  // 没有的事, 别当真, 乱按的
	stJoke                    // 哈哈, 😂, 笑死
	stHearsay                 // 听说, 新闻说, a blessing
	stExplained               // 嘴歪是刚打了牙麻药: the sign and its harmless cause
)

// live reports whether signs told in this voice stand (perhaps lowered): they count as
// companions of signs in other clauses.
func (s status) live() bool { return s <= stOverToday }

// because is the Chinese reason staff read for a lowered finding.
var because = [...]string{
	stRecent:    "昨天的事",
	stOverToday: "已好转",
	stWatched:   "有人在旁边照看",
	stOver:      "已好转",
	stPast:      "过去的事",
	stChronic:   "多年老毛病",
	stCare:      "已在医院或有人照看",
	stYoung:     "说的不是老人本人",
	stHypo:      "假设",
	stGeneral:   "泛泛而问",
	stDenied:    "已否认",
	stJoke:      "玩笑",
	stHearsay:   "听说",
	stExplained: "另有原因",
}

// apply lowers a rule's level by the clause's status and says why.
func (s status) apply(level Alert, bodily bool) (Alert, string) {
	switch s {
	case stNow:
		return level, ""
	case stRecent:
		if level == AlertAlarm {
			return AlertConfirm, because[s]
		}
		return level, ""
	case stOverToday:
		if level == AlertAlarm && bodily {
			return AlertConfirm, because[s]
		}
	case stWatched:
		if level == AlertAlarm && !bodily {
			return AlertConfirm, because[s] // 我先陪着她: someone is with the lost elder
		}
		return level, "" // 护工在旁边守着: a stroke or a fall is no less urgent for being watched
	}
	return AlertNone, because[s]
}

// settle decides the status of every clause from the marks read in it and in the
// clauses after it.
//   - Time: the last of 现在/刚才 (now), 昨天 (recent), 去年 (past) in a clause sets its
//     time; 突然 alone means now; 三年了, 后遗症 mean long-standing; a clause without
//     any keeps the time of the one before.
//   - Hypothetical (万一, 要是): from its clause on, until a clause states a time or
//     a question mark ends it. 又 is no such time. A belief (以为) is its own clause's.
//   - Hearsay (听说) runs on into the clauses after it until one states a time, says
//     突然 or names the writer or theirs.
//   - A warning to others (提醒, 小心, 谨防) is general from its clause on, until a
//     clause states a time or names the writer or theirs.
//   - A question with a general word (老人, 有哪些症状, 怎么区分) is general; so is a
//     question (？, 吗) in a message that names no one — not the writer, not one of
//     theirs — and no time, unless it pleads (怎么办, 救命, 救护车来了吗): 脑梗和脑出血有什么
//     区别？
//   - Worse now (更厉害了, 加重了) brings what was told as past or yesterday into now.
//   - A denial said first (搞错了，…; 我是开玩笑的，…) covers the whole message.
//   - A message that ends asking, names no one and no time, and speaks of illness in
//     general (的人, 老人) asks in general in every clause (中风的人说话不清楚，能恢复吗？).
//   - A joke is over once the writer says it looks wrong after it (哈哈…不对，这回真不对劲).
//   - A rumour checked (是真的吗, 不知道真假) makes hearsay of what it follows, except
//     what the writer tells of themselves or theirs.
//   - Denial, joke, long-standing (chronic), care and over look back: they
//     cover their clause and the clauses before it (chronic stops at a clause that
//     says 突然 or 现在). A clause that says now and fine (今天一切正常) is over for
//     what was told before it.
func settle(cls []tclause, hits []thit, rs []rune) {
	time, hypo, warned, heard := stNow, false, false, false
	personal := personalMessage(cls)
	// a message that ends asking, names no one and speaks of illness in general asks in
	// general throughout (中风的人说话不清楚，能恢复吗？)
	askedAll := lastAsks(cls) && !personal && anyClause(cls, mGeneral) && !anyClause(cls, mPlea) // 心率38 头晕…这是什么情况？ pleads
	for i := range cls {
		tc := &cls[i]
		tc.untilNow = untilNowOnly(hits[tc.h0:tc.h1])
		t, ok, firm := clauseTime(hits[tc.h0:tc.h1])
		if ok {
			time, hypo = t, hypo && !firm
		} else if tc.feats.has(mOnset) || (time == stChronic || time == stPast) && tc.feats.has(mDays) && !tc.feats.has(mChronic) {
			// 瘫炕上好几年了，这两天我发烧起不来了; 摔了那一跤以后，我爸这两天记性特别差:
			// these days are now, not the years or the fall before
			time = stNow
		}
		switch {
		case tc.feats.has(mWarn):
			warned = true // 专家提醒：胸痛伴大汗，千万别自己开车，要立即拨打120
		case firm || tc.self:
			warned = false // 提醒一下，我老伴刚才摔倒了
		}
		if tc.feats.has(mChronic) && !tc.feats.has(mOnset) && !(ok && firm && t == stNow) && !caringYears(tc, rs) { // 老毛病又犯了: 又 is no onset
			time = stChronic // 中风三年了，右边手脚一直不灵活: the story goes on in that time
		}
		if hypo && !tc.feats.has(mHypo) && justHappened(hits[tc.h0:tc.h1]) {
			hypo = false // 要是再摔倒就打电话，天哪他刚摔倒了: 刚 tells of what has happened
		}
		planned := false // 明天六点再试: a plan is its own clause's, not a hypothesis that runs on
		if tc.feats.has(mHypo) {
			if planOnly(tc, hits[tc.h0:tc.h1]) && !hypo {
				planned = true
			} else {
				hypo = true
			}
		}
		if ok || tc.self || tc.names || tc.feats.any(mOnset, mFine, mMitigate, mDenial) {
			heard = false // 听说…，我妈今天也头疼; …, we're fine here: the writer's own news again
		}
		switch {
		case tc.hearsay && !(tc.blessed && tc.feats.has(fParting)), heard:
			// (群里各位老姐妹保重 after 白吃饭: the blessing is a leave-taking, the writer's own)
			tc.st = stHearsay
			// 听说隔壁小区有老人被骗了，是冒充医保局的: a story heard of others goes on
			heard = !tc.self && !tc.names
		case tc.feats.has(mGeneral) && (tc.question || tc.asked || tc.feats.hasPart() && asksWhat(rs[tc.lo:tc.hi])), // the scan last
			(tc.asked || askedAll) && !personal && !tc.feats.any(mPlea, fHelp, fAmbul, fDying, fNoAnswer),
			warned:
			tc.st = stGeneral
		case hypo, planned, tc.feats.has(mBelief): // 以为着火了: a belief, its own clause only
			tc.st = stHypo
		case tc.young:
			tc.st = stYoung
		default:
			tc.st = time
		}
		if tc.question && !(i+1 < len(cls) && cls[i+1].question) {
			hypo = false // 万一摔倒了怎么办？ ends the hypothesis (…先吃药还是直接打120？ asks on in it)
		}
		if (tc.feats.has(mWorse) || againNow(tc, hits[tc.h0:tc.h1])) && tc.st == stNow { // 前几天说过胸闷，今天更厉害了
			for j := i - 1; j >= 0; j-- {
				if st := cls[j].st; st == stRecent || st == stPast || st == stChronic {
					cls[j].st = stNow
				}
			}
		}
	}
	if len(cls) > 1 && cls[0].feats.has(mDenial) && !(cls[1].who != "" && cls[1].who != cls[0].who && !cls[1].others && !cls[1].aside) {
		// (更正：不是我妈晕，是我爸，刚刚抽过去了: a correction of whom, not a denial of what)
		// 搞错了，摔倒的不是我妈; 我是开玩笑的，刚才喊救命是手机不会用: said first, it covers all
		last := len(cls) - 1
		for j := 1; j <= last; j++ {
			if cls[j].feats.any(mReally, mWorry) {
				last = j - 1 // 开玩笑的哈哈，不过说真的我现在喘不上气了: what is meant is not denied
				break
			}
		}
		lookBack(cls, last, stDenied)
	}
	worried := false // 哈哈…不对，这回真不对劲: the joke is over
	still := false   // this clause or a later one tells a sign still going on (气还在往外冒)
	for k := len(cls) - 1; k >= 0; k-- {
		f := cls[k].feats
		switch {
		case f.has(mDenial), echoDenied(cls, k, rs):
			lookBack(cls, k, stDenied)
		case f.has(mJoke) && !worried && !worryAfterJoke(hits[cls[k].h0:cls[k].h1]): // 哈哈…一点都不好笑: not a joke
			lookBack(cls, k, stJoke)
		case f.has(mRumour) && !anyFraud(cls): // 楼下大妈说三号楼有人晕倒被拉走了，是真的吗: a rumour checked
			for j := k; j >= 0; j-- {
				if !cls[j].self && cls[j].st < stHearsay {
					cls[j].st = stHearsay
				}
			}
		}
		worried = worried || f.has(mWorry)
		if f.has(mChronic) && !cls[k].thanks { // 谢谢这几年照顾 thanks for years; it tells of no illness
			if riskBackground(cls, k, rs) {
				cls[k].st = max(cls[k].st, stChronic) // 我糖尿病十几年了: the risk the signs before it are read against
			} else {
				lookBackChronic(cls, k)
			}
		}
		if f.has(mCare) && !cls[k].question && !cls[k].thanks && !f.has(mAsk) && !careOfCarer(hits[cls[k].h0:cls[k].h1]) && !ownPast(hits[cls[k].h0:cls[k].h1]) &&
			!companion(&cls[k], hits, rs) || f.has(mVisit) {
			// 需要住院吗 asks; 谢谢…照顾 thanks; 麻烦帮忙联系医生上门 asks for care; he had a
			// stent in 2019: care years ago is no care now; 照顾阿爷的工人姐姐病倒了: the carer is gone
			lookBackCare(cls, k, stCare)
		} else if f.has(mWatch) && !cls[k].question && !cls[k].thanks {
			lookBackCare(cls, k, stWatched) // 我跟孩子在家守着: someone is there, a person should still look
		}
		// a sign still going in this clause or a later one (插头拔了还在冒, 气还在往外冒) is not over
		still = still || stillGoing(&cls[k], hits[cls[k].h0:cls[k].h1], rs)
		if (f.has(mOver) && !cls[k].question && !thingOver(cls, k, hits, rs) ||
			f.has(mNow) && f.has(mFine) && !f.has(mOnset) && k > 0) && !still {
			// 缓过来了; or a present "fine" after yesterday's episode: 今天一切正常
			for j := k; j >= 0; j-- {
				switch cls[j].st {
				case stNow, stWatched:
					cls[j].st = stOverToday
					if cls[j].feats.has(mPast) && cls[j].feats.any(fStrokeNamed, fHeartNamed) && !cls[j].feats.any(mOnset, mRecent) {
						cls[j].st = stOver // 上个月那次中风现在好多了: last month's, and better now
					}
				case stRecent:
					cls[j].st = stOver
				}
			}
		}
	}
	careRunsOn(cls, hits)
}

// caringYears reports whether a long-standing clause tells only how long the writer has
// cared for someone (伺候他十年了): the years are the carer's, what follows is today's.
func caringYears(tc *tclause, rs []rune) bool {
	return !tc.feats.hasPart() && containsAny(rs[tc.lo:tc.hi], "伺候", "照顾", "护理", "照料", "陪护")
}

// asksWhat reports whether a clause asks what, though it ends without a question mark
// (中风有什么前兆啊), or tells what people say in general (都说中风前会头疼).
func asksWhat(rs []rune) bool {
	return containsAny(rs, "有什么", "有哪些", "什么症状", "什么前兆", "什么表现", "都说", "常说", "人家说", "据说")
}

// echoDenials open an answer that denies what the clause before asked back (摔了？没有
// 啊; 嘴巴歪？没得的事).
var echoDenials = []string{"没有", "没得", "哪有", "哪里有", "冇", "没呢", "没啊", "没的事", "不是", "才没"}

// echoDenied reports whether clause k denies the question before it: the writer repeats
// what was said of them, asking, and answers no (群里哪个说我跌倒了？没得的事).
func echoDenied(cls []tclause, k int, rs []rune) bool {
	if k == 0 || !cls[k-1].question {
		return false
	}
	tc := &cls[k]
	lo := tc.lo
	for lo < tc.hi && (isSep(rs[lo]) || rs[lo] == ' ') {
		lo++
	}
	w := prefixIn(rs[lo:tc.hi], echoDenials)
	if w == "" {
		return false
	}
	p := lo + utf8.RuneCountInString(w)
	// 没有啊, 没有的事, 没有，… deny; 没有力气 tells a sign
	return p >= tc.hi || isSep(rs[p]) || rs[p] == ' ' || strings.ContainsRune("啊呀啦哦嘛的事这那", rs[p])
}

// careRunsOn gives the care of a clause to the next when that one only names the illness,
// with no one, no time and no onset of its own: 俺妈现在在医院呢，心梗 tells why she is
// there; 我爸在医院，消化道出血止住了 tells how it goes there.
func careRunsOn(cls []tclause, hits []thit) {
	for k := 1; k < len(cls); k++ {
		tc, before := &cls[k], &cls[k-1]
		if tc.st != stNow && tc.st != stOverToday || before.st != stCare || !before.feats.has(mCare) || tc.self || tc.names ||
			!tc.feats.any(fHeartNamed, fStrokeNamed, fGutBleed) || tc.feats.any(mOnset, mNow, mRecent) {
			continue
		}
		if _, ok, _ := clauseTime(hits[tc.h0:tc.h1]); !ok {
			tc.st = stCare
		}
	}
}

// riskFactors are the long illnesses that make a sign more likely, not older.
var riskFactors = []string{"糖尿病", "高血压", "血压高", "血糖高", "高血脂", "血脂高"}

// riskBackground reports whether clause k, long-standing, names only a risk factor and
// no sign of its own, or only a medicine taken for years, after signs told before it (心口像被人攥住…左胳膊发麻，我糖尿病十几年
// 了; 后背突然像刀劈一样疼…我高血压好多年了): the years are the illness's, not the signs'.
func riskBackground(cls []tclause, k int, rs []rune) bool {
	tc := &cls[k]
	background := !tc.feats.hasPart() && containsAny(rs[tc.lo:tc.hi], riskFactors...) || takenForYears(tc)
	if k == 0 || !background {
		return false
	}
	for j := 0; j < k; j++ {
		if cls[j].feats.without(fOrgan).hasPart() {
			return true
		}
	}
	return false
}

// takenForYears reports whether a clause tells only of a medicine taken for years (他吃华法林
// 好几年了): what it tells is how the signs before it are read, not their age.
func takenForYears(tc *tclause) bool {
	return tc.feats.any(fThinner, fMeds) && !tc.feats.without(fThinner).without(fMeds).hasPart()
}

// thingOver reports whether clause k's over is told of a thing or an animal and of no
// person, after someone missing told in an earlier clause (俺爷…还没回来，羊自己跑回来了):
// the animal's return ends nobody's search.
func thingOver(cls []tclause, k int, hits []thit, rs []rune) bool {
	tc := &cls[k]
	if !tc.feats.has(fThing) || tc.feats.any(fLost, fMissing) || !anyClause(cls[:k], fMissing) && !anyClause(cls[:k], fLost) || namesPerson(rs[tc.lo:tc.hi]) {
		return false
	}
	for _, h := range hits[tc.h0:tc.h1] {
		if h.f != fThing {
			continue
		}
		for _, o := range hits[tc.h0:tc.h1] {
			if o.f == mOver && o.start >= h.end {
				return true
			}
		}
	}
	return false
}

// stillGoing reports whether a clause tells a sign still going on now (气还在呲呲往外冒,
// 血还在流): a 还在 with a part of its own and no over, fine or care in it. An over told
// before it (火被扑灭了) does not cover what still goes on.
func stillGoing(tc *tclause, hits []thit, rs []rune) bool {
	if tc.feats.any(fFire, fSmell, fGas) && containsAny(rs[tc.lo:tc.hi], "还在冒", "还在烧", "还在漏", "还冒烟") {
		return true // 插头拔了还在冒: what was done did not stop it
	}
	if tc.st != stNow || tc.feats.any(mOver, mFine, mCare, mMitigate) {
		return false
	}
	if !tc.feats.without(fOrgan).without(fThing).hasPart() {
		return false
	}
	for _, h := range hits {
		if h.f == mNow && hasPrefixRunes(rs[h.start:h.end], "还在") && h.end-h.start == 2 {
			return true
		}
	}
	return false
}

// strokeResidue gives the status long-standing to the signs of a stroke told now with no
// onset or time of their own after a stroke named as past, in care or long-standing: 上个月
// 中风住院，现在复健中，左手还有点无力 tells what the stroke left behind. A stroke yesterday
// is no such past; a clause that tells its own now or an onset starts a new episode.
func strokeResidue(cls []tclause, rs []rune) {
	past := false
	for i := range cls {
		tc := &cls[i]
		switch {
		case tc.feats.has(fStrokeNamed):
			past = tc.st == stPast || tc.st == stCare || tc.st == stChronic || tc.st == stOver
		case tc.feats.any(mOnset, mWorse):
			past = false // 刚才筷子突然掉了: a new episode
		case !tc.feats.meets(residueSet):
		case tc.feats.has(mNow) && !tc.untilNow && !containsAny(rs[tc.lo:min(tc.hi, len(rs))], "还", "仍", "依然", "依旧"):
			past = false // 今天早上右手又拿不住东西了: the sign told with its own time is new (现在说话还有点不利索 is not)
		case past && tc.st == stNow:
			tc.st = stChronic
		}
	}
}

// residueFeats are the signs a stroke leaves behind.
var residueFeats = []feature{fWeak, fNumb, fLimp, fDroop, fUnable, fSlur, fBalance}

// lookBackCare gives clauses k, k-1, … the status st (in care, or watched), as lookBack does, except the
// clauses about another of the writer's own: in 我爸出去倒垃圾，门带上了，钥匙都在屋里，
// 我妈住院了 the mother is in care, not the father locked out. A clause that names no one
// is about whom the clause before it named.
func lookBackCare(cls []tclause, k int, st status) {
	whom := "" // whom clause k is about
	for j := 0; j <= k; j++ {
		if cls[j].who != "" {
			whom = cls[j].who
		}
	}
	cur := "" // whom clause j is about
	for j := 0; j <= k; j++ {
		if cls[j].who != "" {
			cur = cls[j].who
		}
		if j < k && whom != "" && cur != "" && cur != whom {
			continue
		}
		if st > cls[j].st {
			cls[j].st = st
		}
	}
}

// lastAsks reports whether the last clause with words in it asks (a lone ？ is no
// clause).
func lastAsks(cls []tclause) bool {
	for k := len(cls) - 1; k >= 0; k-- {
		if cls[k].asked {
			return true
		}
		if cls[k].hi-cls[k].lo > 1 {
			return false
		}
	}
	return false
}

// anyClause reports whether a clause holds mark f: illness in general (老人, 的人, 前兆),
// a plea (怎么办, 这是什么情况).
func anyClause(cls []tclause, f feature) bool {
	for _, tc := range cls {
		if tc.feats.has(f) {
			return true
		}
	}
	return false
}

// personalMessage reports whether any clause names the writer or someone of theirs,
// or tells a time: then its questions are about someone's state, not illness in general.
func personalMessage(cls []tclause) bool {
	for _, tc := range cls {
		if tc.self || tc.names || tc.feats.any(mNow, mRecent, mPast, mOnset, mDays, mChronic, mFamiliar) {
			return true
		}
	}
	return false
}

// lookBack gives clauses k, k-1, … the status st when it outranks theirs.
func lookBack(cls []tclause, k int, st status) {
	for j := k; j >= 0; j-- {
		if st > cls[j].st {
			cls[j].st = st
		}
	}
}

// lookBackChronic sets the clauses up to k long-standing, as lookBack does, but stops
// before a clause (other than k) that says 突然 or 现在, and passes over the clauses
// before k that tell a danger sign no background explains (他本来就有肺气肿 after
// 喘到讲不完一句话，嘴唇有点紫: the lips turning blue are today's).
func lookBackChronic(cls []tclause, k int) {
	for j := k; j >= 0; j-- {
		if j < k && (cls[j].feats.has(mOnset) || cls[j].feats.has(mNow) && !cls[j].untilNow || cls[j].clock) {
			return // 到现在 goes on from before and does not stop it; 出血出了一个钟头了 is today's
		}
		if j < k && cls[j].feats.any(fBlue, fNoBreath, fUnresp, fGutBleed, fBleedMore, fNoHeat, fFire, fGas, fPowerOut, fNoFood, fLocked, fNoCarer, fCarerAway) {
			// 暖气停了两天了…老伴本来就咳; 护工阳了回家了…他腿脚本来就不好: the house's trouble
			// is not the old illness's story
			continue
		}
		if stChronic > cls[j].st {
			cls[j].st = stChronic
		}
	}
}

// clauseTime returns the time the last time word among a clause's hits states, whether
// it has one, and whether one is firmer than 又.
func clauseTime(hits []thit) (st status, ok, firm bool) {
	at, t, end := -1, stNow, int32(-1)
	for _, h := range hits {
		if int(h.start) < at {
			continue
		}
		if h.f == mNow && h.start == end && t != stNow {
			continue // 前两天半夜, 三年前夜里: the part of the day of that day
		}
		if h.f == mPast && withinOdd(hits, h) {
			continue // 他以前不这样的: what changed now; 以前也有过: known, not a time before
		}
		switch h.f {
		case mNow:
			at, t = int(h.start), stNow
		case mRecent, mPast:
			at, t = int(h.start), stRecent
			if h.f == mPast {
				t = stPast
			}
			if sinceThen(hits, h) { // 上周开始, 前几天起: from then until now
				t = stNow
			}
		default:
			continue
		}
		end = h.end
		// 又 (again) alone does not end a hypothesis: 万一喘不上来，救护车又打不通
		firm = firm || h.end-h.start > 1
	}
	return t, at >= 0, firm
}

// companion reports whether the care told in clause tc is only the writer keeping a
// patient company (我在医院陪床回不去): the writer is away, and whoever the message is
// about is in nobody's care for it. One of theirs named (我在医院陪我妈) is in care.
func companion(tc *tclause, hits []thit, rs []rune) bool {
	if tc.who != "" {
		return false
	}
	care := false
	for _, h := range hits[tc.h0:tc.h1] {
		if h.f == mCare {
			if !containsAny(rs[h.start:h.end], "陪") {
				return false
			}
			care = true
		}
	}
	return care && containsAny(rs[tc.lo:tc.hi], "我")
}

// ownPast reports whether a clause names a time long before of its own (in 2019, 去年):
// care told in it is over.
func ownPast(hits []thit) bool {
	t, ok, _ := clauseTime(hits)
	return ok && t == stPast
}

// withinOdd reports whether a hit lies within a sign that the body or manner is not as
// usual (以前不这样, 以前从没这样) or that it is known (以前也有过).
func withinOdd(hits []thit, in thit) bool {
	for _, h := range hits {
		if (h.f == fOdd || h.f == mFamiliar) && h.start <= in.start && in.end <= h.end {
			return true
		}
	}
	return false
}

// againNow reports whether a clause tells that a complaint told before has come back
// now, without naming where (上周说的胸闷已经好了，可刚才又疼起来了): the 又 of a clause timed
// now (刚才, 今天) with a pain or complaint and no part of the body of its own.
func againNow(tc *tclause, hits []thit) bool {
	if !tc.feats.any(fPain, fComplaint, fPress) || tc.feats.any(fChest, fHead, fFace, fArm, fLeg, fBody, fSide, fOrgan, fSite) {
		return false
	}
	again, firm := false, false
	for _, h := range hits {
		if h.f == mNow && h.end-h.start == 1 {
			again = true // 又
		}
		if (h.f == mNow || h.f == mOnset) && h.end-h.start > 1 {
			firm = true
		}
	}
	return again && firm
}

// justHappened reports whether a clause tells of something that has just happened (他刚
// 摔倒了): the onset 刚, one rune, unlike 刚才 a time word of its own.
func justHappened(hits []thit) bool {
	for _, h := range hits {
		if h.f == mOnset && h.end-h.start == 1 {
			return true
		}
	}
	return false
}

// worryAfterJoke reports whether a clause says it looks wrong after it laughs (哈哈，这一点都
// 不好笑): the laugh was no joke.
func worryAfterJoke(hits []thit) bool {
	joke := int32(-1)
	for _, h := range hits {
		if h.f == mJoke && (joke < 0 || h.start < joke) {
			joke = h.start
		}
	}
	for _, h := range hits {
		if h.f == mWorry && joke >= 0 && h.start > joke {
			return true
		}
	}
	return false
}

// untilNowOnly reports whether every now of a clause is one span with a lasting mark
// (到现在): the time runs on from before.
func untilNowOnly(hits []thit) bool {
	found := false
	for _, h := range hits {
		if h.f != mNow {
			continue
		}
		lasting := false
		for _, d := range hits {
			lasting = lasting || d.f == mLasting && d.start == h.start && d.end == h.end
		}
		if !lasting {
			return false
		}
		found = true
	}
	return found
}

// sinceThen reports whether a past or recent time word is the start of days that run
// until now (上周开始, 从前几天起): a days mark of the clause spans it and goes further.
func sinceThen(hits []thit, h thit) bool {
	for _, d := range hits {
		if d.f == mDays && d.start <= h.start && d.end > h.end {
			return true
		}
	}
	return false
}

// anyFraud reports whether a clause tells of a scam or money asked for: asking whether
// it is true (中了大奖要交手续费，这是真的吗) is the fraud in progress.
func anyFraud(cls []tclause) bool {
	for _, tc := range cls {
		if tc.feats.any(fScam, fMoney, fVictim, fAuthority) {
			return true
		}
	}
	return false
}

// careOfCarer reports whether every care word of a clause lies inside a carer falling
// ill (照顾阿爷的工人姐姐病倒了): that care is the one now missing, not care given.
func careOfCarer(hits []thit) bool {
	care := false
	for _, h := range hits {
		if h.f != mCare {
			continue
		}
		care = true
		inside := false
		for _, n := range hits {
			if n.f == fNoCarer && n.start <= h.start && h.end <= n.end {
				inside = true
				break
			}
		}
		if !inside {
			return false
		}
	}
	return care
}

// planOnly reports whether a clause's only hypothesis is a word of time to come (明天,
// 准备, 打算), not 万一 or 要是.
func planOnly(tc *tclause, hits []thit) bool {
	if tc.planAt == 0 {
		return false
	}
	for _, h := range hits {
		if h.f == mHypo && h.start+1 != tc.planAt {
			return false
		}
	}
	return true
}
