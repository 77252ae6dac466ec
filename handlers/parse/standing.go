package parse

// Where time and voice do not have the last word: the status of a finding's clause
// lowers it (timevoice.go), and then a few readings, each from a case the sets showed,
// stand against that: a fraud's story is no care, a chest pain or a stroke sign that
// passed still asks to confirm, a denial that proves a fraud, a low sugar treated and
// over, a reading told laughing, despair that is years old, a plan for "some day".

// standing returns the alert finding f gives once the time and voice of its clause
// and these exceptions are applied, and why it was lowered ("" when it was not).
func (rd *reading) standing(f finding) (Alert, string) {
	tc := &rd.tcls[f.c]
	st := tc.st
	told := rd.told()
	switch {
	case !st.live():
	case tc.writer && writersBody(f.sign) && rd.hasPart(f.c):
		st = stYoung // 我妈挺好的，倒是我自己这两天胸口闷得慌: the writer's body, not the elder's
	case tc.others && f.sign == SignFraud && tc.feats.has(fVictim):
		st = stYoung // 邻居家老头被骗了十几万: the neighbour was the victim, not the elder
	case tc.others && st == stOverToday && f.sign != SignFraud:
		st = stYoung // 隔壁楼老太太摔了，已经处理了: another's emergency, handled
	case tc.others && f.sign == SignHelp && !tc.feats.has(fHelp) && rd.ownWellAfter(f.c):
		st = stYoung // 我们楼有人阳了，救护车刚刚拉走了，我们家都好: the neighbour's ambulance
	}
	f.alert, f.why = st.apply(f.level, f.bodily)
	if st == stYoung && f.sign == SignFraud && !tc.feats.has(fVictim) ||
		(st == stYoung || st == stOverToday || st == stCare && rd.writerInHospital()) && f.sign == SignCare && tc.feats.any(fNoCarer, fCarerAway) {
		// 冒充她孙子的电话: a fraud is the elder's, whoever it names, unless that one is the
		// victim (我表哥在老家叫人骗了八万); so is a carer who cannot come (保姆发烧，今天来
		// 不了), and a carer gone home is no trouble over (保姆阳了，回家了), nor one gone into
		// hospital (没人照顾老伴了，我住院了). A grandchild's
		// fall, a sibling's stroke, a pet's straying are not.
		f.alert, f.why = f.level, ""
	}
	if st == stYoung && f.level != AlertNone && !tc.others && rd.kinInDanger(f) {
		f.alert, f.why = f.level, ""
	}
	if st == stYoung && f.sign == SignViolence && tc.feats.any(fWeapon, fThreat) && !tc.others {
		// 女婿喝多了抄起菜刀: the relative named holds the knife; the elder is the one in danger
		f.alert, f.why = f.level, ""
	}
	if st == stYoung && f.sign == SignFraud && tc.feats.has(fVictim) && !tc.others &&
		containsAny(rd.rs, siblings...) && (rd.happeningNow() || containsAny(rd.rs, "刚转", "刚汇")) {
		// 我姐刚来电话，说被冒充公安的人骗走了养老钱，刚转完: an elder's sister or brother
		// is of the elder's age, and the money has only just gone (我表哥在老家叫人骗了八万
		// is neither)
		f.alert, f.why = f.level, ""
	}
	if f.sign == SignFraud && st == stOverToday && tc.feats.has(fVictim) &&
		containsAny(rd.rs, "挂了", "挂断", "挂掉") && !containsAny(rd.rs, "追回", "冻结", "找回", "退回", "没转", "搞清楚") {
		f.alert, f.why = f.level, "" // 把五万块转给一个说是公安局的，挂了电话: hanging up does not bring the money back
	}
	if f.over { // a later normal reading: over today (an alarm asks to confirm), or over
		over := stOver
		if st == stNow {
			over = stOverToday
		}
		if over > st {
			f.alert, f.why = over.apply(f.level, f.bodily)
		}
		if f.sign == SignVitals && told.has(mBenign) { // 血氧82 没夹好 重新夹96: the first figure was the clip's
			f.alert, f.why = AlertNone, because[stExplained]
		}
	}
	if f.sign == SignFraud && st == stCare && (tc.feats.any(fAuthority, fVictim) || tc.feats.has(fScam) && told.has(fMoney)) &&
		!told.any(mOver, mPast, mRecent) {
		// 一个人上门说是燃气公司的…收了我三千块; 说是医院的，说我儿子住院了要交押金: the
		// hospital or the authority in a scam's story is no care
		f.alert, f.why = f.level, ""
	}
	if (f.sign == SignHeart && !(tc.feats.has(fPalpit) && f.level == AlertConfirm) && !told.has(mBenign) || // 胸口疼是吃太急噎着了，现在好了: explained, and over
		f.sign == SignStroke && !tc.feats.has(fStrokeNamed) && !told.has(mBenign) ||
		f.sign == SignConsciousness && tc.feats.has(fBlackout) && !told.any(mFamiliar, mChronic, mBenign)) && f.alert == AlertNone &&
		f.level != AlertNone && (st == stOverToday || st == stOver) {
		// 刚才胸口疼了一阵，现在不疼了; 前天突然说不出话，几分钟后缓过来了; 刚才眼前黑了一下，
		// 一会儿就好了: chest pain, a stroke sign or a black-out that passed, today or last
		// night, is still worth a call
		f.alert, f.why = AlertConfirm, because[st]
	}
	if f.sign == SignLost && st == stRecent && f.level != AlertNone && rd.stillMissing(f.c) {
		f.alert, f.why = f.level, "" // 昨晚起夜后人就不见了…到现在没找到: gone since last night, and still
	}
	if f.sign == SignLost && st == stChronic && f.level != AlertNone && !tc.feats.any(mChronic, mFamiliar) {
		// 一转眼人没了，她本来就有点糊涂，到处找不到: the old confusion tells why she is
		// lost, not when
		f.alert, f.why = f.level, ""
	}
	if f.sign == SignFraud && st == stHearsay && rd.writerToPay() {
		// 电话里那个人说是法院的，叫我今天之内把钱汇过去: the scammer's words, not hearsay
		f.alert, f.why = f.level, ""
	}
	if f.sign == SignCare && st == stCare && tc.feats.has(fAlone) {
		// 我一个人在家老伴住院了我晚上害怕得睡不着: one alone at home is in nobody's care; the
		// hospital is the spouse's
		f.alert, f.why = f.level, ""
	}
	if f.sign == SignHeart && st == stChronic && f.alert == AlertNone && f.level != AlertNone && told.any(mFamiliar, mChronic) &&
		!told.any(mBenign, mCare, fHeartNamed) && !(tc.feats.has(mPast) && told.has(mOver)) && !containsAny(rd.rs, "医生说", "大夫说", "诊断") {
		// 胸口老是有点闷，以前也有过; 有点胸闷，老毛病了: familiar chest discomfort still asks to
		// confirm (shared/triage.md); 以前一紧张就心慌，这几年都好了 is over
		f.alert, f.why = AlertConfirm, because[st]
	}
	if f.sign == SignDanger && tc.feats.has(fPoison) && f.level == AlertAlarm && (st == stOverToday || st == stOver) {
		// 喝了一口百草枯，吐出来了，他说没事: what was swallowed is not over when it is spat out
		f.alert, f.why = AlertAlarm, ""
	}
	if f.sign == SignFraud && st == stDenied && transferred(rd.rs) {
		// 钱已经转过去了，打我孙子电话，他说根本没这回事: the denial is the proof, and the
		// money has gone
		f.alert, f.why = AlertAlarm, ""
	}
	if f.sign == SignVitals && st == stOverToday && (tc.feats.has(fLowSugar) && f.end <= f.start || rd.lowSugarIn(f.c)) {
		// 刚才低血糖了，手抖出汗，喝了杯糖水，现在缓过来了: treated and over
		f.alert, f.why = AlertNone, because[st]
	}
	if f.sign == SignVitals && st == stJoke && f.end > f.start && rd.laughFirst(f.c, f.start) {
		// 哈哈今天量了下血糖，二十三点五，这下成蜜罐子了: a reading told laughing is still
		// the reading (血氧八十几，后来发现是夹子夹歪了😂 laughs at it afterwards)
		f.alert, f.why = f.level, ""
	}
	if f.sign == SignDespair && (st == stChronic || st == stYoung) && f.level != AlertNone {
		// 不想拖累儿子: the child named is not the one in despair
		// 这几年的药都攒起来了，叫我别管她了: pills hoarded for years are the danger now
		f.alert, f.why = f.level, ""
	}
	if f.sign == SignDespair && st == stCare && f.level != AlertNone && !tc.feats.any(mCare, fPills, fMeds, fSwallow, fPoison, fHoard) &&
		!told.any(mPast, mRecent, mOver) && rd.treatmentBurden() {
		// 活着没意思了，做个手术把家里钱都花光了: the operation is the burden the wish is
		// about, not care of it (吃了一瓶安眠药，已经送医院洗胃了 is the act, and in care; 上周
		// 说不想活了，带她看了心理医生 is treated)
		f.alert, f.why = AlertConfirm, ""
	}
	if f.sign == SignVitals && st == stNow && tc.feats.has(fLowSugar) && f.end <= f.start && rd.laterNormal(vSugar, f.c) {
		// 上午低血糖了一次，吃了两块糖，现在血糖7.1: over
		f.alert, f.why = AlertNone, because[stOverToday]
	}
	if f.sign == SignDespair && st == stHypo && f.level != AlertNone {
		// 哪天熬不住就…: the act is "some day", the thought is now; with the means named
		// (准备把药都吃了) it is a plan
		f.alert, f.why = AlertConfirm, ""
		if told.any(fMeds, fPills, fSwallow, fHoard, fPoison) || wished(rd.rs[tc.lo:tc.hi]) {
			f.alert = AlertAlarm // 要是明天别醒来就好了: a wish, not a supposition
		}
	}
	return f.alert, f.why
}

// treatmentBurden reports whether the care told is an operation, a stay or a
// treatment of the body (手术, 住院, 化疗), not of the mind (心理医生) nor the police's.
func (rd *reading) treatmentBurden() bool {
	for _, tc := range rd.tcls {
		cl := rd.rs[tc.lo:tc.hi]
		if tc.st == stCare && tc.feats.has(mCare) && containsAny(cl, bodyTreatments...) && !containsAny(cl, "心理", "精神科") {
			return true
		}
	}
	return false
}

// bodyTreatments are the treatments of the body whose cost or burden an elder may
// despair of.
var bodyTreatments = []string{"手术", "住院", "化疗", "透析", "开刀", "治病", "看病"}

// writerInHospital reports whether a clause of the writer's tells of a stay in hospital
// (我住院了): the care in it is the carer's, not the elder's.
func (rd *reading) writerInHospital() bool {
	for _, tc := range rd.tcls {
		if tc.self && tc.who == "" && tc.feats.has(mCare) && containsAny(rd.rs[tc.lo:tc.hi], "住院", "医院") {
			return true
		}
	}
	return false
}

// ownWellAfter reports whether the writer says, after clause c, that they and theirs are
// well (我们家都好).
func (rd *reading) ownWellAfter(c int) bool {
	for _, h := range rd.health {
		if h.value == HealthWell && h.c > c && h.c < len(rd.tcls) && (h.self || rd.tcls[h.c].self && !rd.tcls[h.c].others) {
			return true
		}
	}
	return false
}

// wished reports whether a clause ends as a wish (要是…就好了, 该多好).
func wished(rs []rune) bool { return endsWithAny(rs, wishEnds) }

// wishEnds end a clause that wishes (就好了, 该多好).
var wishEnds = []string{"就好了", "就好啦", "多好", "多好啊", "算了"}

// writerToPay reports whether a clause told now by the writer moves money (叫我今天之内
// 把钱汇过去): then the story of who asked for it is the fraud itself.
func (rd *reading) writerToPay() bool {
	for _, tc := range rd.tcls {
		if tc.st == stNow && tc.self && tc.feats.has(fMoney) {
			return true
		}
	}
	return false
}

// transferred reports whether the message says money was sent (转给, 转过去, 汇了): then a
// denial in it (他说根本没这回事) proves the fraud rather than denying it.
func transferred(rs []rune) bool {
	return containsAny(rs, "转给", "转过去", "转了", "汇给", "汇过去", "汇了", "打过去", "打给他", "打给她")
}

// laughFirst reports whether every joke mark of clause c comes before pos: the writer
// laughs first and then tells (哈哈今天量了下血糖…), rather than laughing it off after.
func (rd *reading) laughFirst(c, pos int) bool {
	tc, seen := &rd.tcls[c], false
	for _, h := range rd.hits[tc.h0:tc.h1] {
		if h.f == mJoke {
			if int(h.start) > pos {
				return false
			}
			seen = true
		}
	}
	for _, o := range rd.tcls[c+1:] { // 😂 at the end of the message
		for _, h := range rd.hits[o.h0:o.h1] {
			if h.f == mJoke {
				return false
			}
		}
	}
	return seen
}

// lowSugarIn reports whether clause c reads a blood sugar under 3.9.
func (rd *reading) lowSugarIn(c int) bool {
	for _, v := range rd.vitals {
		if v.kind == vSugar && v.clause == c && !v.high && v.value < 3.9 {
			return true
		}
	}
	return false
}

// laterNormal reports whether a reading of kind k after clause c is within its
// thresholds.
func (rd *reading) laterNormal(k vitalKind, c int) bool {
	for _, v := range rd.vitals {
		if v.kind == k && v.clause > c {
			if level, _ := vitalLevel(v, featSet{}); level == AlertNone {
				return true
			}
		}
	}
	return false
}

// hasPart reports whether clause c holds a part of a sign (胸口, 闷), not only marks of
// time or voice.
func (rd *reading) hasPart(c int) bool {
	tc := rd.tcls[c]
	for _, h := range rd.hits[tc.h0:tc.h1] {
		if !h.f.isMark() {
			return true
		}
	}
	return false
}

// writersBody reports whether a sign is of the body, so that a writer who tells of
// their own is not telling of the elder; a cry for help, despair or a fraud is anyone's
// to answer.
func writersBody(s Sign) bool {
	switch s {
	case SignStroke, SignHeart, SignBreathing, SignConsciousness, SignBleeding, SignFall, SignVitals, SignAcute:
		return true
	}
	return false
}

// kinInDanger reports whether a relative's emergency is the elder's to answer: a
// sister's or brother's just now (我妹有糖尿病，刚才满头大汗…: an elder's sibling is
// old too), or a child choking or not breathing in the elder's hands, the elder pleading
// (孙子吃葡萄卡住了，脸憋紫了，我拍背拍不出来，咋整啊).
func (rd *reading) kinInDanger(f finding) bool {
	if containsAny(rd.rs, siblings...) && rd.happeningNow() {
		return true
	}
	if f.level != AlertAlarm || f.sign != SignDanger && f.sign != SignBreathing && f.sign != SignConsciousness {
		return false
	}
	for _, tc := range rd.tcls {
		if tc.st == stNow && tc.feats.has(mPlea) {
			return true
		}
	}
	return false
}

// stillMissing reports whether clause c or one after it, told now or with a word of "still",
// says the one missing is not found yet (到现在没找到, 还没回来).
func (rd *reading) stillMissing(c int) bool {
	for k := c; k < len(rd.tcls); k++ {
		tc := &rd.tcls[k]
		text := rd.rs[tc.lo:tc.hi]
		still := tc.st == stNow || containsAny(text, "到现在", "至今", "还没", "还是没", "一直没", "仍")
		if still && containsAny(text, "没找到", "没找着", "找不到", "找不着", "没回来", "没消息", "没见着") {
			return true
		}
	}
	return false
}

// siblings are the writer's own brothers and sisters.
var siblings = []string{"我姐", "我哥", "我弟", "我妹", "我大姐", "我二姐", "我大哥", "我二哥", "我小妹", "我小弟"}
