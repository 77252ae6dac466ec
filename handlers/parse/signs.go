package parse

// The discriminator rules (shared/triage.md, docs/triage.md). Each reads the parts of
// one clause (c) and of the live message (m: every clause whose time and voice stand)
// and returns the level it gives and the features it used, so that the finding can
// quote them. They know nothing of words: the lexicon says which words carry a part.
// Time and voice are applied after them (timevoice.go).

// rule is one discriminator.
type rule struct {
	sign   Sign
	bodily bool // about someone's body or mind
	fn     func(c, m featSet) (Alert, featSet)
	// told: m is every clause told as the writer's own, however long ago or
	// hypothetical (the money about to move, the plan, a fall two days ago)
	told bool
}

// rules run in this order for every clause.
var rules = []rule{
	{SignStroke, true, ruleStroke, false},
	{SignHeart, true, ruleHeart, false},
	{SignBreathing, true, ruleBreathing, false},
	{SignConsciousness, true, ruleConsciousness, false},
	{SignBleeding, true, ruleBleeding, false},
	{SignFall, true, ruleFall, false},
	{SignFall, true, ruleAfterFall, true},
	{SignVitals, true, ruleLowSugar, false},
	{SignDanger, false, ruleDanger, false},
	{SignDespair, true, ruleDespair, true},
	{SignLost, false, ruleLost, false},
	{SignFraud, false, ruleFraud, true},
	{SignViolence, false, ruleViolence, false},
	{SignHelp, false, ruleHelp, false},
	{SignNoAnswer, false, ruleNoAnswer, false},
	{SignCare, false, ruleCare, false},
	{SignAcute, true, ruleAcute, false},
	{SignAcute, true, ruleDialysisFluid, true},
}

var (
	none  = featSet{}
	limbs = []feature{fArm, fLeg, fBody}
)

// pick returns the features of want that s holds.
func pick(s featSet, want ...feature) featSet {
	var out featSet
	for _, f := range want {
		if s.has(f) {
			out.add(f)
		}
	}
	return out
}

// mildly reports whether a sign is told as mild or explained: 有点, 爬楼梯时, 唱歌唱的.
func mildly(c, m featSet) bool { return c.has(mMild) || m.has(mBenign) }

// ruleStroke: one side of the face drooping; an arm or leg on one side, or suddenly,
// weak or numb; speech slurred or lost; sudden loss of balance or vision; the worst
// headache. Told without side or onset, or as lasting days with no onset, a failing
// limb, a drooping face or slurred speech asks to confirm.
func ruleStroke(c, m featSet) (Alert, featSet) {
	limb := c.meets(limbSet)
	onset := m.has(mOnset)
	if c.has(fSpeech) && c.has(fWeak) { // 说话不利索
		c.add(fSlur)
	}
	used := pick(c, fSide, fArm, fLeg, fBody, fFace, fSpeech, fEye, fHead, mOnset).union(pick(m, mOnset))
	// told as lasting days, or as a known or long-standing trouble, with no onset
	// (左手指头麻了好几天了, 腰椎的老毛病又犯了，右腿发麻), the sign is not sudden: someone
	// should look today, but it is no stroke in progress
	lasting := m.any(mDays, mFamiliar, mChronic) && !onset
	switch {
	case c.has(fStrokeNamed):
		return AlertAlarm, setOf(fStrokeNamed)
	case lasting && (c.has(fFace) && c.any(fDroop, fNumb) || limb && c.any(fWeak, fNumb, fLimp, fUnable) && c.has(fSide) || c.has(fSlur)),
		m.has(mDays) && !onset && limb && c.has(fNumb) && !mildly(c, m) && !m.has(mFamiliar): // 手指头发麻 两天了
		return AlertConfirm, used.union(pick(c, fDroop, fNumb, fWeak, fLimp, fSlur)).union(setOf(mDays))
	case c.has(fFace) && c.has(fDroop) && c.has(mMild) && m.has(mBenign): // 嘴巴有点歪，是牙床肿的
		return AlertConfirm, used.union(setOf(fDroop))
	case c.has(fFace) && c.has(fDroop):
		return AlertAlarm, used.union(setOf(fDroop))
	case limb && c.has(fWeak) && (c.has(fSide) || onset):
		return AlertAlarm, used.union(setOf(fWeak))
	case limb && c.has(fUnable) && c.has(fSide) && !lasting && !mildly(c, m) && !m.has(fInjury): // 右胳膊抬不起来: one side's limb fails
		return AlertAlarm, used.union(setOf(fUnable))
	case limb && c.has(fNumb) && c.has(fSide) && c.has(mMild) && m.has(mBenign): // 左手有点麻，可能是睡觉压到了
		return AlertConfirm, used.union(setOf(fNumb))
	case limb && c.any(fNumb, fLimp) && c.has(fSide):
		return AlertAlarm, used.union(pick(c, fNumb, fLimp))
	case c.has(fFace) && c.has(fNumb) && c.has(fSide) && !c.has(mMild) && !m.any(mDays, mFamiliar):
		return AlertAlarm, used.union(setOf(fNumb)) // 左边脸麻了: one side of the face numb, now
	case c.has(fFace) && c.has(fNumb) && c.has(fSide):
		return AlertConfirm, used.union(setOf(fNumb)) // 嘴巴右边有点麻，这两天: worth a look
	case c.has(fSlur) && (onset || m.has(fDroop) || (m.meets(limbSet) && m.any(fWeak, fNumb))):
		return AlertAlarm, used.union(setOf(fSlur))
	case c.has(fBalance) && (onset || c.has(fSide) || m.has(fDizzy)):
		return AlertAlarm, used.union(setOf(fBalance))
	case c.has(fBlind) && (onset || c.has(fSide)): // 突然说屏幕变成两个了: the eye is implied
		return AlertAlarm, used.union(setOf(fBlind))
	case c.has(fWorst) && m.has(fHead): // 我的头啊，从来没这么疼过
		return AlertAlarm, used.union(pick(c, fWorst, fPain))
	case c.has(fHead) && c.has(fPain) && onset && (c.has(mSevere) || m.any(fVomit, fDrowsy, fConfused, fBlind)):
		return AlertAlarm, used.union(pick(m, fPain, fVomit, fDrowsy, mSevere)) // 突然剧烈头痛，呕吐两次
	case !lasting && !mildly(c, m) && strokeSigns(c) > 0 && strokeSigns(m) >= 2:
		// 左眼看东西是俩影，走道往一边偏: two of BE-FAST's signs together are a stroke
		return AlertAlarm, used.union(pick(c, fDroop, fNumb, fWeak, fSlur, fBalance, fBlind))
	case c.has(fSlur) && !m.has(mBenign): // 说话好像有点慢: slowed speech, however hedged, asks for a look
		return AlertConfirm, used.union(setOf(fSlur))
	case c.has(fHead) && c.has(fPain) && m.has(mWorse) && !m.has(mMild): // 头疼三四天了，一天比一天重: a headache that grows
		return AlertConfirm, used.union(setOf(fHead, fPain, mWorse))
	case c.has(fEye) && c.has(fComplaint) && onset && !lasting && !m.has(mBenign): // 看东西突然有点模糊: sight that fails of a sudden asks for a look
		return AlertConfirm, used.union(setOf(fEye, fComplaint))
	case mildly(c, m):
		return AlertNone, none
	case limb && c.has(fWeak), c.has(fSlur), c.has(fBalance):
		return AlertConfirm, used.union(pick(c, fWeak, fSlur, fBalance))
	}
	return AlertNone, none
}

// strokeSigns counts the stroke signs s holds: a face drooping, a limb weak or numb,
// speech slurred, balance lost, sight lost or doubled.
func strokeSigns(s featSet) int {
	n := 0
	if s.has(fFace) && s.has(fDroop) {
		n++
	}
	if s.meets(limbSet) && s.any(fWeak, fNumb) {
		n++
	}
	for _, f := range []feature{fSlur, fBalance, fBlind} {
		if s.has(f) {
			n++
		}
	}
	return n
}

// ruleHeart: chest pain or pressure with sweating, breathlessness, spread to the arm,
// jaw or back, nausea, pallor, lasting or severe; alone, or familiar and mild, it asks
// to confirm. Palpitations with a black-out or fainting.
func ruleHeart(c, m featSet) (Alert, featSet) {
	if c.has(fHeartNamed) {
		return AlertAlarm, setOf(fHeartNamed)
	}
	if c.has(fChest) && (c.any(fPain, fPress) || m.any(fPress)) { // 一直揉胸口，说里面烧得慌
		used := pick(c, fChest, fPain, fPress, mSevere).union(pick(m, fPress))
		strong := pick(m, fSweat, fNoBreath, fBlue, fFaint, fBlackout)
		other := pick(m, fBreath, fNausea, fVomit, fReach, mLasting)
		switch {
		case !strong.empty():
			return AlertAlarm, used.union(strong)
		case m.has(mBenign) && strong.empty(): // 看电视剧看得我心口疼
			return AlertNone, used.union(setOf(mBenign))
		case c.has(mMild) && m.has(mFamiliar), m.has(mExert) && !m.has(fReach):
			// 爬楼胸口闷: on exertion asks to confirm; 上楼胸口就发紧，疼到下巴颏 spreads, and does not
			return AlertConfirm, used
		case m.has(mFamiliar) && !m.has(mSevere): // 偶尔闷一下，一两分钟就过去: known episodes, not this one
			return AlertConfirm, used
		case !other.empty() || c.has(mSevere):
			return AlertAlarm, used.union(other)
		}
		return AlertConfirm, used
	}
	// 胃那里疼，连着胸口，出冷汗: a pain that reaches the chest, or the stomach's or the
	// back's pain or pressure (胃顶得慌) with a cold sweat and nausea, is the heart's until a
	// doctor says not
	if c.has(fChest) && m.has(fPain) && m.has(fSweat) ||
		c.has(fReach) && c.any(fPain, fPress) && m.has(fSweat) && m.any(fNausea, fVomit, fWorst, fBlue) {
		// 下巴和后背疼，一身冷汗，脸色发灰 (pain in his jaw and back, clammy and grey): the heart's
		return AlertAlarm, pick(c, fChest, fReach, fPain, fPress).union(pick(m, fPain, fSweat, fNausea, fVomit, fBlue))
	}
	if c.has(fInner) && c.has(fPain) && m.has(fReach) && m.any(fSweat, fNausea, fVomit, fBreath, fNoBreath) {
		// 我心里很疼，疼到后背去了，想吐: a pain "in the heart" that spreads, with nausea, is the chest's
		return AlertAlarm, setOf(fInner, fPain, fReach).union(pick(m, fSweat, fNausea, fVomit, fBreath, fNoBreath))
	}
	if c.has(fPress) && c.has(fReach) && c.has(fArm) && m.any(fSweat, fNausea, fVomit, fNoBreath) {
		// 压榨样，连着左胳膊疼，吐了两次 (his "heartburn" is crushing, going down his left
		// arm): a crushing pain that spreads to the arm is the heart's wherever it began
		return AlertAlarm, setOf(fPress, fReach, fArm).union(pick(m, fSweat, fNausea, fVomit, fNoBreath))
	}
	if c.has(fPalpit) && m.any(fBlackout, fFaint, fBalance) {
		return AlertAlarm, setOf(fPalpit, fBlackout, fFaint, fBalance)
	}
	if c.has(fPalpit) && !mildly(c, m) && !m.any(mMild, mExert, mFamiliar, mChronic, mOver, mCare, fScared) {
		return AlertConfirm, setOf(fPalpit) // 心跳一阵一阵地快: a heart out of step asks to be looked at
	}
	// 心里难受，一身冷汗，想吐: 心里 is the chest only with the body's signs; alone
	// (心里堵得慌) it is the mind.
	if c.has(fInner) && c.has(fPress) && m.any(fSweat, fNoBreath, fBlue, fFaint, fBlackout, fNausea, fVomit) {
		return AlertAlarm, setOf(fInner, fPress).union(pick(m, fSweat, fNoBreath, fBlue, fNausea, fVomit))
	}
	return AlertNone, none
}

// ruleBreathing: cannot breathe or finish a sentence, blue lips or face; hard
// breathing that is severe or at rest. Breathing hard on the stairs is no alert.
func ruleBreathing(c, m featSet) (Alert, featSet) {
	switch {
	case c.any(fNoBreath, fBreath) && m.has(mExert) && !m.has(fBlue): // 爬坡的时候喘得厉害，停下来就好
		if c.has(fNoBreath) || m.any(mWorse, fSwell) { // 走两步就喘，比昨天厉害: worse than it was
			return AlertConfirm, pick(c, fNoBreath, fBreath).union(pick(m, mWorse, fSwell))
		}
		return AlertNone, none
	case c.has(fNoBreath) && c.has(mBenign) && !m.any(fBlue, fChest, fSweat, fSwell): // 热得喘不过气, 笑得喘不过气
		return AlertNone, setOf(fNoBreath, mBenign)
	case c.has(fNoBreath):
		return AlertAlarm, setOf(fNoBreath, fBlue, fFace)
	case c.has(fBlue) && c.any(fFace, fArm) && !c.has(fHit):
		return AlertAlarm, setOf(fBlue, fFace, fArm)
	case c.has(fBreath) && (c.has(mSevere) || m.any(fBlue, fSlur)): // 气紧得很，话都讲不出来
		return AlertAlarm, setOf(fBreath, fBlue, mSevere, fSlur)
	case c.has(fBreath) && !mildly(c, m) && !m.has(mExert) && !(m.has(mFamiliar) && !m.has(mDays)): // 晚上偶尔还喘两下: known, no alert
		return AlertConfirm, setOf(fBreath)
	}
	return AlertNone, none
}

// ruleConsciousness: cannot be woken, fainted or collapsed, a seizure, sudden
// confusion; confusion over days or a black-out alone asks to confirm.
func ruleConsciousness(c, m featSet) (Alert, featSet) {
	switch {
	case c.has(fUnresp) && !c.any(fSeizure, fFaint, fDying) && m.has(mSleep) && !m.any(fFall, fFloor, fConfused, fBlue, fNoBreath, fFever, mUrge, mWorry, fHelp, fOdd):
		return AlertNone, setOf(fUnresp, mSleep) // 睡懒觉，叫都叫不醒: sleep (午睡至今未醒，呼之不应…恳请速援 is not; 打完麻将…叫不醒 is no sleep, nor a snore no one can wake)
	case c.any(fUnresp, fSeizure, fFaint, fDying):
		return AlertAlarm, pick(c, fUnresp, fSeizure, fFaint, fDying, mOnset)
	case c.has(fCalled) && m.has(fSilent), c.has(fSilent) && m.has(fCalled): // 叫她只是眼皮动动，不说话
		return AlertAlarm, setOf(fCalled, fSilent)
	case c.has(fSilent) && m.has(mOnset): // 说着说着就没声了
		return AlertAlarm, setOf(fSilent, mOnset)
	case c.has(fConfused) && m.has(mOnset) && !m.has(mDays):
		return AlertAlarm, pick(c, fConfused, mOnset)
	case c.has(fConfused) && m.any(fFever, fVomit) && !c.has(mMild): // 发着高烧，一直说胡话
		return AlertAlarm, setOf(fConfused).union(pick(m, fFever, fVomit))
	case c.has(fConfused) && m.any(fFever, fVomit): // 吐了五六次，人有点迷糊
		return AlertConfirm, setOf(fConfused).union(pick(m, fFever, fVomit))
	case c.has(fBlackout) && m.any(fPalpit, fFall, fFloor, fFaint, fTarry):
		return AlertAlarm, setOf(fBlackout, fPalpit, fFall, fFloor)
	case c.has(fDrowsy) && m.any(fOdd, mOnset) && !m.any(mBenign, mFamiliar, mChronic, mExert):
		// 今天特别嗜睡，比平时睡得多: sleepy beyond the usual may be an infection, a sugar
		// or the stove's fumes
		return AlertConfirm, pick(m, fDrowsy, fOdd, mOnset)
	case c.has(fConfused) && m.has(mFamiliar) && m.has(mChronic) && !m.any(mOnset, mWorse, mWorry):
		return AlertNone, none // 不过他一直这样，上午明白下午糊涂，老样子: the confusion he has long had
	case c.has(fConfused) && m.has(mFamiliar) && m.any(mBenign, mOver) && !m.any(mOnset, mWorse, mWorry):
		// 每次午睡醒来都糊里糊涂一阵，过半个钟头就清楚了: the muddle of waking, as always
		return AlertNone, setOf(fConfused, mFamiliar)
	case c.any(fConfused, fBlackout) && !mildly(c, m), c.has(fConfused) && m.has(mDays) && !m.any(mChronic, mFamiliar, mOver):
		// 老伴这几天有点糊涂，钥匙放冰箱里: a mind slipping over days, however hedged, is worth a look
		return AlertConfirm, pick(c, fConfused, fBlackout)
	}
	return AlertNone, none
}

// ruleBleeding: vomiting or coughing blood, bleeding that will not stop or on blood
// thinners, black stools with dizziness; other bleeding asks to confirm unless mild.
func ruleBleeding(c, m featSet) (Alert, featSet) {
	if c.has(fStool) && c.any(fBlack, fBlackout) { // 拉的大便跟黑芝麻糊一样
		c.add(fTarry)
	}
	if c.has(fVomit) && c.has(fBlack) && !c.has(fMeds) { // 吐了一大口黑红黑红的东西 (not 吐了点黑乎乎的中药)
		c.add(fGutBleed)
	}
	switch {
	case c.has(fGutBleed) && m.has(mMild) && m.has(mBenign): // 有点便血，痔疮又犯了
		return AlertNone, none
	case c.any(fGutBleed) && m.has(mMild), c.has(fBlood) && m.any(fVomit, fCough) && m.has(mMild): // 吐了一次，里面有几丝红的
		return AlertConfirm, setOf(fGutBleed, fBlood, fVomit, fCough) // 咳嗽带血，不多
	case c.has(fGutBleed):
		return AlertAlarm, setOf(fGutBleed, fBleedMore)
	case c.has(fBlood) && c.any(fVomit, fCough):
		return AlertAlarm, setOf(fBlood, fVomit, fCough, fBleedMore)
	case c.has(fBlood) && m.has(mOver) && !m.has(fThinner) && !c.has(fBleedMore) && (!m.has(mLasting) || m.has(mBenign)):
		return AlertNone, setOf(fBlood, mOver) // 鼻血止住了，按了五分钟就好了; 捏了几分钟就止住了，虚惊一场
	case c.has(fBlood) && m.has(fThinner) && c.has(mMild) && !c.has(fBleedMore): // 尿里带点血丝，吃着阿司匹林
		return AlertConfirm, setOf(fBlood, fThinner)
	case c.has(fBlood) && (c.has(fBleedMore) || m.has(fThinner) || m.has(mLasting)):
		return AlertAlarm, setOf(fBlood, fBleedMore, fThinner)
	case c.has(fTarry) && m.any(fDizzy, fBlackout, fLimp, fBalance, fFaint, fBlue):
		return AlertAlarm, setOf(fTarry, fDizzy, fBlackout, fBalance)
	case c.any(fTarry, fGutBleed): // 大便发黑，在吃补铁的药: iron explains it, most often, but a person looks
		return AlertConfirm, setOf(fTarry, fGutBleed)
	case c.has(fBlood) && m.has(mBenign) && !m.has(fThinner): // 刷牙出了点血，牙龈上火
		return AlertNone, none
	case c.has(fBlood) && !m.has(mMild):
		return AlertConfirm, setOf(fBlood)
	}
	return AlertNone, none
}

// ruleFall: a fall now, or someone on the floor, is an alarm unless the writer says
// they are walking about and unhurt (then confirm); cannot get up, a blow to the head,
// blood thinners or bleeding keep it an alarm. Cannot get up without a fall is an
// alarm too, unless it is an illness keeping someone in bed (confirm) and they are not
// alone.
func ruleFall(c, m featSet) (Alert, featSet) {
	fell := c.has(fFall)
	serious := pick(m, fCantUp, fFloor, fThinner, fBleedMore, fConfused, fFaint)
	if m.has(fHead) && m.any(fHit, fBlood, fDizzy, fNausea, fVomit) {
		serious = serious.union(pick(m, fHead, fHit, fBlood))
	}
	used := pick(c, fFall, fFloor, fCantUp)
	switch {
	case c.has(fFloor) && m.has(mMitigate) && m.any(mFine, mOver) && !m.any(fPain, fSwell, fInjury, fHit, fCantUp):
		return AlertNone, none // 出溜到地上了，自己爬起来的，哪都不疼
	case c.has(fFloor), fell && !serious.empty():
		return AlertAlarm, used.union(serious)
	case fell && m.has(mMitigate) && m.any(mOver, mFine) && !m.any(fPain, fSwell, fInjury, fHit):
		return AlertNone, none // 脚底下滑了一下，扶住栏杆了，啥事没有
	case fell && m.has(mMitigate):
		return AlertConfirm, used
	case fell:
		return AlertAlarm, used
	case c.has(fCantUp) && m.any(mDays, fFever) && !m.has(fAlone): // 这两天发烧起不来了, 阳了烧得起不来: ill in bed, not fallen
		return AlertConfirm, used
	case c.has(fCantUp) && (!m.has(fLimp) || m.has(fAlone)):
		return AlertAlarm, used.union(pick(m, fAlone))
	case c.has(fCantUp):
		return AlertConfirm, used
	case c.has(fBed) && m.has(fAlone): // 一个人在家，起不来床
		return AlertAlarm, setOf(fBed, fAlone)
	case c.has(fBed):
		return AlertConfirm, setOf(fBed)
	case c.has(fHead) && c.has(fHit) && m.any(fDizzy, fNausea, fVomit, fConfused, fDrowsy, fBlackout): // 后脑勺磕地上了，现在头晕想吐
		return AlertAlarm, setOf(fHead, fHit).union(pick(m, fDizzy, fNausea, fVomit, fConfused, fDrowsy, fBlackout))
	case c.has(fHead) && c.has(fHit) && m.has(fThinner) && !m.has(mMitigate): // 脑袋磕了，吃着华法林: a blow to the head on a blood thinner may bleed inside
		return AlertAlarm, setOf(fHead, fHit, fThinner)
	case c.has(fHead) && c.has(fHit) && m.has(fSwell): // 头撞柜门上了，起了个大包
		return AlertConfirm, setOf(fHead, fHit, fSwell)
	case c.has(fInjury) && m.any(fSwell, fCantUp, fHit) && !c.has(mMild): // 崴了脚，肿了 (腰扭了，贴了膏药 is none)
		return AlertConfirm, setOf(fInjury, fSwell)
	}
	return AlertNone, none
}

// ruleAfterFall: a headache, dizziness or vomiting now after a fall told days ago (前两天
// 跶了一跤，当时没事，今天说脑壳有点疼): a blow to the head may bleed late; a limb that
// swells after it may be broken.
func ruleAfterFall(c, m featSet) (Alert, featSet) {
	switch {
	case c.has(fFall) || !m.has(fFall), m.any(mCare, mOver): // 当时就去了急诊拍片，没骨折: a doctor has seen it
		return AlertNone, none
	case c.has(fHead) && c.any(fPain, fDizzy, fVomit, fNausea, fDrowsy, fConfused):
		return AlertConfirm, setOf(fFall, fHead).union(pick(c, fPain, fDizzy, fVomit, fNausea, fDrowsy, fConfused))
	case c.any(fArm, fLeg, fOrgan) && c.has(fSwell): // 上周从凳子上摔下来，现在膝盖肿得发紫
		return AlertConfirm, setOf(fFall, fSwell).union(pick(c, fArm, fLeg, fOrgan))
	case c.any(fArm, fLeg, fOrgan, fBody) && c.has(fPain) && c.has(mSevere) && !c.has(mMild):
		// 上礼拜跌过一跤，这几天腰痛得翻身都难: the pain the fall left is getting no better
		return AlertConfirm, setOf(fFall, fPain, mSevere).union(pick(c, fArm, fLeg, fOrgan, fBody))
	}
	return AlertNone, none
}

// ruleLowSugar: low blood sugar named, with sweating, shaking or confusion; or its look
// unnamed, a sweat and a tremor with words that make no sense (满头大汗手直抖，嘴里念叨
// 些听不懂的).
func ruleLowSugar(c, m featSet) (Alert, featSet) {
	if c.has(fSweat) && m.has(fShake) && m.any(fConfused, fSlur, fUnresp, fDrowsy) {
		return AlertAlarm, setOf(fSweat, fShake).union(pick(m, fConfused, fSlur, fUnresp, fDrowsy))
	}
	if !c.has(fLowSugar) {
		return AlertNone, none
	}
	if s := pick(m, fSweat, fShake, fConfused, fUnresp, fDizzy, fLimp, fBlackout); !s.empty() {
		return AlertAlarm, s.union(setOf(fLowSugar))
	}
	return AlertConfirm, setOf(fLowSugar)
}

// ruleDanger: fire or smoke, a smell of gas, poison swallowed, choking, burns, fumes
// from a stove with headache or nausea, locked out in the cold.
func ruleDanger(c, m featSet) (Alert, featSet) {
	switch {
	case c.has(fFire) && m.has(mMitigate) && !m.meets(bodySet): // 邻居家着火了，我们都跑出来了，没事
		return AlertConfirm, setOf(fFire)
	case c.has(fFire):
		return AlertAlarm, setOf(fFire)
	case c.has(fFlood) && m.any(mMitigate, mOver) && !m.meets(bodySet): // 水灌进来了，人在楼上，没事
		return AlertConfirm, setOf(fFlood)
	case c.has(fFlood): // 暴雨水灌进屋了，已经到膝盖，我和老伴出不去
		return AlertAlarm, setOf(fFlood)
	case c.has(fGas) && m.has(fSmell):
		return AlertAlarm, setOf(fGas, fSmell)
	case c.has(fPoison) && m.any(fSwallow, fVomit, fNausea, fDizzy, fNumb, fConfused, fPain, fGas, fPalpit, fSweat, fShake, fDrowsy, fUnresp):
		return AlertAlarm, setOf(fPoison, fSwallow, fVomit, fNausea)
	case c.has(fChoke) && m.any(mFamiliar, mDays) && !m.any(fNoBreath, fBlue, fSlur, mOnset) && !c.has(fSwell): // 最近老是噎着 (舌头肿了 is the airway)
		return AlertNone, none
	case c.has(fChoke) && m.has(mOver) && !m.any(fNoBreath, fBlue): // 噎了一下，拍了几下背吐出来了
		return AlertNone, none
	case c.has(fChoke):
		return AlertAlarm, setOf(fChoke)
	case c.has(fBurn) && m.has(mMitigate) && !m.has(fFire): // 手被烫了一下，没事
		return AlertNone, none
	case c.has(fBurn) && c.has(mMild): // 烫了个泡，抹了点牙膏
		return AlertConfirm, setOf(fBurn)
	case c.has(fBurn): // 烫掉一大块皮
		return AlertAlarm, setOf(fBurn)
	case c.has(fStove) && m.any(fDizzy, fNausea, fPain, fLimp, fFaint, fDrowsy, fUnresp, fConfused, fVomit, fBlackout): // 开着燃气灶取暖…现在头晕，想睡
		return AlertAlarm, setOf(fStove, fDizzy, fNausea)
	case c.has(fStove) && m.any(fCough, fBreath) && !m.has(mOver): // 炉子倒烟，屋里有点呛，一直咳: the fumes are in the room
		return AlertConfirm, setOf(fStove, fCough, fBreath)
	case c.has(fLocked) && m.has(mMitigate) && !m.any(fCold, fFrost): // 钥匙锁屋里了，我在邻居家坐着呢
		return AlertNone, none
	case c.has(fLocked) && m.any(fCold, fFrost):
		return AlertAlarm, setOf(fLocked, fCold, fFrost)
	case c.any(fPoison, fBurn, fLocked):
		return AlertConfirm, pick(c, fPoison, fBurn, fLocked)
	}
	return AlertNone, none
}

// ruleDespair: thoughts of ending one's life, farewells, hoarded pills — said
// outright (不想活, 想不开), or composed: living + not wanting or worthless (活着没啥
// 盼头, 不想再活下去), death + relief or worthless (死了倒干净, 累赘…一死), joining a
// spouse who died (老伴走了…想着去陪他), sleeping pills hoarded (安眠药…数了数，够了).
func ruleDespair(c, m featSet) (Alert, featSet) {
	switch {
	case c.has(fDespair):
		return AlertAlarm, setOf(fDespair)
	case c.has(fLive) && c.any(fNoWill, fWorthless):
		return AlertAlarm, setOf(fLive, fNoWill, fWorthless)
	case c.has(fDeath) && (c.has(fRelief) || m.has(fWorthless)):
		return AlertAlarm, setOf(fDeath, fRelief, fWorthless)
	case c.has(fJoin) && m.has(fBereaved):
		return AlertAlarm, setOf(fJoin, fBereaved)
	case c.has(fJoin) && (c.has(fRelief) || m.any(fWorthless, fNoWill, fDeath)): // 想跟他一起走了算了: to die with the one cared for
		return AlertAlarm, setOf(fJoin, fRelief, fWorthless, fNoWill)
	case c.has(fHoard) && m.has(fPills):
		return AlertAlarm, setOf(fHoard, fPills)
	case c.has(fHoard) && m.has(fMeds) && m.any(fSwallow, fNoWill, fDeath, fWorthless, fParting): // 药攒了一瓶，熬不住就一口吞了; 攒药…谢谢大家这么多年照顾
		return AlertAlarm, setOf(fHoard, fMeds, fSwallow, fNoWill)
	case c.any(fPills, fMeds) && m.has(fSwallow) && m.any(fNoWill, fDeath, fWorthless): // 熬不住就吞了那瓶安眠药
		return AlertAlarm, setOf(fPills, fMeds, fSwallow, fNoWill)
	case c.has(fGiveAway) && m.any(fNoNeed, fFarewell, fWorthless, fDeath, fScared, mWorry, fNoWill):
		// 存款都转给了我，说以后用不上了; …交代给我，我有点害怕; 存折在衣柜第二层…我不想再住院了
		return AlertAlarm, setOf(fGiveAway, fNoNeed, fFarewell)
	case c.has(fParting) && m.any(fGiveAway, fNoNeed, fFarewell, fWorthless), c.any(fGiveAway, fNoNeed, fWorthless) && m.has(fParting):
		// 这些年谢谢大家照顾，以后就不跟大家唠了，存折在柜子第二层: thanks for the years with the affairs told;
		// 闺女说我白吃饭…群里各位老姐妹保重: a leave-taking of one who feels a burden
		return AlertAlarm, setOf(fParting, fGiveAway, fNoNeed, fFarewell)
	case c.has(fFarewell) && m.any(fGiveAway, fNoNeed, fWorthless, fNoWill, fDeath, fBereaved):
		return AlertAlarm, setOf(fFarewell, fGiveAway, fNoNeed, fWorthless)
	case c.has(fFarewell) && !m.has(mFine): // 后事都写在本子上了 (早就安排好了，身体好着呢 is none)
		return AlertAlarm, setOf(fFarewell)
	case c.has(fWorthless) && m.has(fNotEat) && !m.any(mOver, mJoke):
		// 出院以后老是叹气说自己没用了，饭也不好好吃: a low mood that stops eating
		return AlertConfirm, setOf(fWorthless, fNotEat)
	}
	return AlertNone, none
}

// ruleLost: lost or not knowing where one is (confirm when it happens now and then);
// missing with dementia, confusion, a phone that is not answered or for hours
// (otherwise confirm).
func ruleLost(c, m featSet) (Alert, featSet) {
	switch {
	case c.has(fLost) && m.has(mFamiliar): // 有时候出门找不到回家的路: a risk to look at
		return AlertConfirm, setOf(fLost)
	case c.has(fLost):
		return AlertAlarm, setOf(fLost)
	case c.has(fMissing) && m.has(mMitigate): // 才走了半小时
		return AlertNone, none
	case c.has(fMissing) && m.any(fDementia, fConfused, fNoAnswer, mLasting, fCold, fFrost, mNow, mOnset, mPlea, mWorry, mRecent):
		return AlertAlarm, setOf(fMissing, fDementia)
	case c.has(fMissing):
		return AlertConfirm, setOf(fMissing)
	}
	return AlertNone, none
}

// ruleViolence: someone at home threatens the elder with a weapon or with death (儿子喝醉了
// 拎着菜刀…说要跟我们一起死), or has struck them and hurt them (推了我一把，头磕在桌角上流血了):
// alarm. Struck or threatened with no weapon or hurt told: confirm, that a person look
// (儿子天天骂我，有时候推搡几下).
func ruleViolence(c, m featSet) (Alert, featSet) {
	if !c.any(fWeapon, fThreat, fBeaten) {
		return AlertNone, none // most clauses: nothing to weigh
	}
	switch hurt := pick(m, fBlood, fPain, fSwell, fFaint, fFall, fHit, fCantUp, fUnresp, fInjury); {
	case c.has(fWeapon) && m.any(fThreat, fBeaten, fHide, fScared, fHelp):
		return AlertAlarm, setOf(fWeapon).union(pick(m, fThreat, fBeaten, fHide, fScared, fHelp))
	case c.has(fThreat) && m.any(fWeapon, fGas, fFire, fHide, fBeaten):
		return AlertAlarm, setOf(fThreat).union(pick(m, fWeapon, fGas, fFire, fHide, fBeaten))
	case c.has(fBeaten) && !hurt.empty() && !m.has(mFamiliar):
		return AlertAlarm, setOf(fBeaten).union(hurt)
	case c.any(fThreat, fBeaten):
		return AlertConfirm, pick(c, fThreat, fBeaten)
	}
	return AlertNone, none
}

// ruleFraud: a victim of fraud; a scam (a claimed authority, a safe account, a code
// asked for) with money moving or a second cue. A scam cue alone, or money asked for
// that has not gone yet (还没给), asks to confirm; a warning (提醒, 留个心眼) is none.
func ruleFraud(c, m featSet) (Alert, featSet) {
	switch {
	case m.has(mWarn): // 96110打电话来提醒我别信陌生人让转账: a warning, not a fraud
		return AlertNone, none
	case m.has(mReported): // 我姐被骗了两万，已经报警了: the police know
		return AlertNone, none
	case c.has(fVictim):
		return AlertAlarm, setOf(fVictim, fMoney)
	case m.has(mOver): // 我一问就知道是假的，挂了: the scam failed
		return AlertNone, none
	case m.has(mUnpaid) && c.any(fScam, fAuthority, fMoney) && !m.has(mUrge): // 要先交两千手续费，我还没给: ask before it goes
		return AlertConfirm, setOf(fScam, fAuthority, fMoney)
	case c.any(fScam, fAuthority) && m.has(fMoney), c.has(fScam) && m.has(fAuthority):
		return AlertAlarm, setOf(fScam, fAuthority, fMoney)
	case c.has(fScam):
		return AlertConfirm, setOf(fScam)
	}
	return AlertNone, none
}

// ruleHelp: a cry for help, someone dying, an ambulance called or asked for; a
// request to come now, pressed (马上, 求求了), for no errand or company.
func ruleHelp(c, m featSet) (Alert, featSet) {
	// A cry set aside by what it is about is explained: the model does not second-guess it.
	if c.has(fHelp) && !c.has(fAmbul) && m.has(mBenign) && !m.meets(bodySet) && !m.any(fSlur, fPress) { // 救命啊，这广场舞的音乐 (not 救命 喉咙好紧)
		return AlertNone, setOf(fHelp, mBenign)
	}
	if c.has(fHelp) && !c.has(fAmbul) && m.any(mPurpose, mMitigate) && !m.meets(bodySet) {
		// 快来个人帮我换个灯泡; 我爸发的“救命”是在骂国足，人没事
		return AlertNone, setOf(fHelp, mPurpose, mMitigate)
	}
	if c.any(fHelp, fAmbul) {
		return AlertAlarm, setOf(fHelp, fAmbul)
	}
	// 能不能马上来一趟，急急急: a request to come now, pressed, for no errand
	if c.has(fCome) && m.any(mUrge, fHurry, mPlea) && !m.has(mPurpose) {
		return AlertAlarm, setOf(fCome, mUrge, fHurry, mPlea)
	}
	return AlertNone, none
}

// ruleAcute: emergencies of the chronically ill outside the other discriminators
// (triage.md: "may be serious; a person must look now"): no urine all day or with a
// swollen belly or legs; a dialysis missed with breathlessness, swelling or no urine
// (missed alone asks to confirm); shaking chills or a high fever on chemotherapy, or
// with mottled or blue skin; a face swelling on a medicine asks to confirm. A figure on
// chemotherapy is vitalLevel's.
func ruleAcute(c, m featSet) (Alert, featSet) {
	switch {
	case c.has(fNoUrine) && m.any(fAllDay, mDays, fSwell, fSite, fPain):
		return AlertAlarm, setOf(fNoUrine, fAllDay, mDays, fSwell, fSite, fPain)
	case c.has(fNoUrine):
		return AlertConfirm, setOf(fNoUrine)
	case c.has(fStuck) && m.any(fNoBreath, fBlue): // 鱼刺卡住了，喘不上气: the airway
		return AlertAlarm, setOf(fStuck, fNoBreath, fBlue)
	case c.any(fStuck, fTubeOut) && m.has(mOver): // 鱼刺咽下去了, 护士来重新插上了
		return AlertNone, none
	case c.any(fStuck, fTubeOut): // 鱼刺卡喉咙了, 胃管自己扯出来了: a person looks today
		return AlertConfirm, pick(c, fStuck, fTubeOut)
	case c.has(fAspire) && m.any(fFever, fBreath): // 吃饭老是呛…有点低烧: food gone into the lungs
		return AlertConfirm, setOf(fAspire, fFever, fBreath)
	case c.has(fTender) && m.has(fPain) && !m.has(mOver), c.has(fPain) && m.has(fTender) && !m.has(mOver):
		// 肚子疼一天了，右下边，按着更疼; 肚子疼，摸上去硬邦邦的: a belly to be examined
		return AlertConfirm, setOf(fTender, fPain)
	case c.has(fInfect) && !m.any(mOver, mCare) && !c.has(mMild):
		// 褥疮那个洞这两天流黄水，有股臭味 (care told stops it; 能不能请医生上门 asks for care
		// and gives none); 导管口子发红流脓，有点发冷: the a-bit is the chill's
		return AlertConfirm, setOf(fInfect)
	case c.has(fPain) && c.has(fSweat) && c.any(mSevere, mExtreme) && !m.has(mOver): // 结石又犯了，疼得直冒汗
		return AlertConfirm, setOf(fPain, fSweat, mSevere, mExtreme)
	case c.any(fDialysis, fSkipped) && m.has(fDialysis) && m.has(fSkipped):
		if m.any(fBreath, fNoBreath, fPress, fSwell, fNoUrine, fLimp) { // 五天没透了，浑身没劲: the potassium rising
			return AlertAlarm, setOf(fDialysis, fSkipped, fBreath, fNoBreath, fPress, fSwell, fNoUrine, fLimp)
		}
		return AlertConfirm, setOf(fDialysis, fSkipped)
	case c.any(fRigor, fFever) && m.has(fChemo):
		return AlertAlarm, setOf(fRigor, fFever, fChemo)
	case c.has(fRash) && m.has(fMeds) && m.any(fNoBreath, fBreath, fBlue) && !m.any(mOver, mChronic, mFamiliar):
		// 吃了新药，浑身起疹子，喘不上气: an allergy reaching the airway
		return AlertAlarm, setOf(fRash, fMeds, fNoBreath, fBreath, fBlue)
	case c.has(fRash) && m.has(fMeds) && m.has(mOnset) && !m.any(mOver, mChronic, mFamiliar, mCare):
		// 吃了新开的药，身上起了一片红疹子: a reaction to a new medicine, to be looked at today
		return AlertConfirm, setOf(fRash, fMeds)
	case c.has(fSwell) && c.has(fFace) && m.has(fMeds) && !m.any(mOver, mChronic, mFamiliar):
		// 吃了新开的药，眼皮和嘴唇有点肿: a face swelling on a medicine may close the throat next
		return AlertConfirm, setOf(fSwell, fFace, fMeds)
	case c.any(fRigor, fFever) && m.has(fBlue), c.has(fBlue) && m.any(fRigor, fFever):
		// 烧得牙齿打架，身上花花的: a fever with mottled or blue skin is the blood failing
		return AlertAlarm, pick(m, fRigor, fFever, fBlue)
	}
	return AlertNone, none
}

// ruleDialysisFluid reads new swelling in one who lives on dialysis, whatever time the
// dialysis is told in (明天一早该透析了，车子进不来，我这腿已经有点肿): the water is
// not coming off.
func ruleDialysisFluid(c, m featSet) (Alert, featSet) {
	if c.has(fSwell) && m.has(fDialysis) && !m.any(mOver, mCare, mChronic, mFamiliar) {
		return AlertConfirm, setOf(fSwell, fDialysis)
	}
	return AlertNone, none
}

// ruleNoAnswer: an elder who does not answer the phone or the door.
func ruleNoAnswer(c, m featSet) (Alert, featSet) {
	if c.has(fNoAnswer) && m.has(mMitigate) && !m.meets(bodySet) { // 敲门，他说蹲着看手机呢，没事
		return AlertNone, none
	}
	if c.has(fNoAnswer) {
		return AlertAlarm, setOf(fNoAnswer, fTrouble)
	}
	return AlertNone, none
}

// ruleCare: alone and frightened, no food or not eating for days, no heating, a carer
// who cannot care, walking along the walls, an oxygen machine without power.
func ruleCare(c, m featSet) (Alert, featSet) {
	switch {
	case c.has(fScared) && m.has(fAlone):
		return AlertConfirm, setOf(fScared, fAlone)
	case c.has(fNotEat) && c.has(mMild):
		return AlertNone, none
	case c.has(fNoFood) && m.any(mDays, fAlone, fCantUp, fLimp, fWeak, fNoCarer): // 下不了楼，家里快没吃的了
		return AlertConfirm, setOf(fNoFood, mDays, fAlone)
	case c.has(fNotEat) && m.has(mDays):
		return AlertConfirm, setOf(fNotEat, mDays)
	case c.has(fNoHeat) && m.has(mMitigate) && !m.any(fCold, fFrost, fShake, fCough, fFever, mDays): // 停暖了，不过有电暖气，挺暖和 (not for days)
		return AlertNone, none
	case c.has(fWall) && m.any(mFine, mOver) && !m.any(fFall, fDizzy, fLimp): // 康复练习扶着栏杆站了两分钟，进步了
		return AlertNone, setOf(fWall, mFine)
	case c.has(fNoCarer) && m.has(mMitigate) && !m.meets(bodySet): // 保姆封在外面回不来，我一个人还应付得过来
		return AlertNone, setOf(fNoCarer, mMitigate)
	case c.any(fNoHeat, fNoCarer, fWall):
		return AlertConfirm, pick(c, fNoHeat, fNoCarer, fWall)
	case c.has(fCarerAway) && m.has(fAlone) && !m.has(mMitigate): // 奶奶一个人，保姆回老家了，下个月才来 (应付得过来 copes)
		return AlertConfirm, setOf(fCarerAway, fAlone)
	case c.any(fLimp, fCantUp) && m.has(fCarerAway) && m.has(fAlone) && !m.has(mMitigate):
		// 老伴住院了，我一个人在家，腿不好下不了楼: alone, failing, and the one who helped away
		return AlertConfirm, pick(c, fLimp, fCantUp).union(setOf(fCarerAway, fAlone))
	case c.has(fSkipped) && m.has(fPain) && m.has(mExtreme) && !m.any(fDialysis, mOver):
		// 吗啡吃完了…我爸疼得整夜哼哼: the painkiller ran out and the pain is bad
		return AlertConfirm, setOf(fSkipped, fPain, mExtreme)
	case c.has(fDevice) && m.has(fPowerOut) && !m.has(mOver), c.has(fPowerOut) && m.has(fDevice) && !m.has(mOver):
		// 停电了，我爸用着制氧机呢: the machine he breathes by has no power (来电了 is over)
		return AlertConfirm, setOf(fDevice, fPowerOut)
	case c.has(fDrowsy) && m.has(fNotEat) && !m.any(mBenign, mFamiliar, mChronic, mOver):
		// 阿婆今日成日瞓，一啖嘢都冇食过: sleeping all day and not eating is how an infection
		// shows in the very old
		return AlertConfirm, setOf(fDrowsy, fNotEat)
	}
	return AlertNone, none
}
