package parse

import (
	"slices"
	"strings"
)

// Whose health a statement is and in what voice it was told: a statement weighed by its
// clause, the writer's own before the elder's, a carer's illness, the correction after a
// denial, what a joke, a hypothesis or hearsay says, and a question about a disease.

// healthSig records a statement about health, weighed by the clause it is in.
func (rd *reading) healthSig(v Health, pos int, phrase string, cf clauseFlags, aside bool) {
	switch {
	case v == "":
		return
	case v == HealthWell && !cf.blessing && !cf.writerOwn && rd.selfBefore(pos):
		// 它就变成字了我很好你们不要担心, 群里那个救命的语音是我孙子发的我们都好: 我 before
		// the well names the writer, whoever was spoken of before it in the clause
		rd.health = append(rd.health, hsig{value: v, pos: pos, phrase: phrase, past: cf.past, c: rd.cur, self: true})
		rd.signal = true
		return
	case cf.hearsay || cf.blessing:
		return // 听说隔壁有人阳了, 祝大家健康
	case cf.writerOwn:
		return // 我妈挺好的，倒是我自己这两天胸口闷得慌: the writer's health, not the elder's
	case aside && cf.carried && v == HealthWell:
		// 孙子回来了，挺好的: a well after a relative is named is the writer's
	case aside:
		switch {
		case v == HealthWell || cf.self:
		case cf.kin && !cf.self:
			rd.asideOn = asideKin // 我家狗今天吐了，不吃东西
		case cf.others:
			rd.asideOn = asideOthers // 隔壁老王摔了，救护车拉走了
		}
		return // 大家注意身体
	case cf.question && v == HealthWell:
		return // 请问明天还要报平安吗
	case cf.weather && v == HealthWell && pos >= cf.weatherAt:
		return // 阳光很好 (but 我挺好的就是天气太热 is well)
	}
	rd.health = append(rd.health, hsig{value: v, pos: pos, phrase: phrase, past: cf.past, c: rd.cur})
	rd.signal = true
}

// selfWords name the writer, or the writer with their household, as the subject of a
// well (我很好, 我们都好, 俺挺好).
var selfWords = runesOf("我们大家", "咱们大家", "我们全家", "我们", "我哋", "俺们", "咱们", "阿拉", "我", "俺", "咱")

// selfBefore reports whether a word of selfWords ends right before rs[pos], or one rune
// of 都, 也 or 还 before it.
func (rd *reading) selfBefore(pos int) bool {
	end := pos
	if end > 0 && strings.ContainsRune("都也还", rd.rs[end-1]) {
		end--
	}
	for _, w := range selfWords {
		if end >= len(w) && runesAt(rd.rs, end-len(w), w) {
			return true
		}
	}
	return false
}

// carerIn reports whether clause c tells of a carer's own illness: it names the carer
// (保姆, 护工, 照顾我妈的姐姐) and her falling ill (自己发烧了, 保姆阳了), not the old couple
// themselves (俩人都病了).
func (rd *reading) carerIn(c int) bool {
	tc := &rd.tcls[c]
	rs := rd.rs[tc.lo:tc.hi]
	named := containsAny(rs, carerWords...) || containsAny(rs, "照顾", "阿姨")
	return named && (containsAny(rs, "自己") || tc.feats.has(fNoCarer)) &&
		!containsAny(rs, "俩人", "两个人", "两人", "老两口", "谁也")
}

// corrects reports whether clause c is the correction of a denial before it: it opens
// with 是 after a 不是 (不是破病，是心里苦).
func (rd *reading) corrects(c int) bool {
	if c <= 0 || c >= len(rd.tcls) {
		return false
	}
	tc := &rd.tcls[c]
	i := tc.lo
	for i < tc.hi && isSep(rd.rs[i]) {
		i++
	}
	return i < tc.hi && rd.rs[i] == '是' && containsAny(rd.rs[rd.tcls[0].lo:tc.lo], "不是")
}

// lastJokeBefore reports whether every joke the message tells (哈哈, 😂) comes before
// rs[pos]: a well told after the laugh (哈哈哈我很好) is meant.
func (rd *reading) lastJokeBefore(pos int) bool {
	for _, h := range rd.hits {
		if h.f == mJoke && int(h.end) > pos {
			return false
		}
	}
	return true
}

// jokeComplaintAfter reports whether a complaint is told laughing after pos (一切正常，
// 除了牙疼😂): then the laugh is about the complaint, and the well before it is no more
// meant than it. A well after the complaint answers it (说话不利索是我打字不利索，人好
// 着呢，哈哈).
func (rd *reading) jokeComplaintAfter(pos int) bool {
	for _, h := range rd.health {
		if h.value == HealthUnwell && h.pos > pos && h.c >= 0 && h.c < len(rd.tcls) && rd.tcls[h.c].st == stJoke {
			return true
		}
	}
	return false
}

// voiceHealth drops what clauses told in a voice that reports nobody's state say about
// health: a hypothesis (万一摔倒了), a question in general (心梗和心绞痛怎么区分), a joke
// (笑得我肚子疼😂), hearsay; and the illness of a denied clause (群里说我摔了？没有的事),
// which then reads as well.
// It also reads everyday complaints the lexicon has no word for from the parts of a
// live clause: a part of the body and what is wrong with it (耳朵越来越背了, 手脚冰凉).
func (rd *reading) voiceHealth() {
	out := rd.health[:0]
	denied := -1
	for _, h := range rd.health {
		if h.c >= 0 && h.c < len(rd.tcls) {
			if h.value == HealthUnwell && rd.tcls[h.c].feats.has(fScared) && sleepless[h.phrase] {
				continue // 晚上怕得睡不着: the fear keeps one awake, no illness
			}
			if h.value == HealthUnwell && rd.tcls[h.c].feats.has(fPalpit) && strings.ContainsAny(h.phrase, "跳慌悸扑乱") &&
				rd.told().has(mBenign) {
				continue // 心跳得都快蹦出来了，激动: joy, no illness
			}
			if h.value == HealthUnwell && rd.carerIn(h.c) {
				continue // 照顾我爸的阿姨自己发烧倒下了: the carer's illness, not the elder's
			}
			if h.value == HealthUnwell && strings.Contains(h.phrase, "没气") && gasRunOut(rd.rs) {
				continue // 煤气罐没气了: the gas bottle's breath, not a person's
			}
			if h.value == HealthUnwell && rd.tcls[h.c].st == stExplained && rd.wellAfter(h.pos) {
				continue // 说话不利索是假牙摘了，戴上就好了: explained, and well
			}
			if h.value == HealthUnwell && rd.askedOfDisease(h) {
				continue // 高血压可以喝咖啡吗？: a question about a disease, nobody's state
			}
			switch st := rd.tcls[h.c].st; {
			case st == stRecent, st == stOver:
				h.past = true // 昨天有点胸闷…医生说没问题: cleared by a "well" told after it
			case st == stHearsay && h.self, st == stJoke && h.self && rd.lastJokeBefore(h.pos),
				st == stJoke && h.value == HealthWell && !rd.jokeComplaintAfter(h.pos): // 人好着呢 哈哈: a well said laughing is meant
			case st == stHypo, st == stGeneral, st == stJoke, st == stHearsay:
				continue
			case st == stDenied && h.value == HealthUnwell && rd.corrects(h.c):
				// 不是我爸身体不舒服，是他心里憋屈: what follows the 是 is what is so
			case st == stDenied && h.value != HealthWell:
				denied = max(denied, h.pos)
				continue
			}
		}
		out = append(out, h)
	}
	rd.health = out
	if denied >= 0 { // 谁说我住院了？…别瞎传: denying an illness says one is well
		rd.health = append(rd.health, hsig{value: HealthWell, pos: denied, phrase: "否认", c: -1})
	}
	for c, tc := range rd.tcls {
		if (tc.feats.any(fComplaint, fUnable) && tc.feats.any(fOrgan, fHead, fArm, fLeg, fFace, fEye, fChest, fReach) || // 我这腿也走不了远路
			tc.feats.has(fInner) && tc.feats.has(fPress) && !tc.feats.has(fScared)) && // 心里堵得慌: the mind is unwell too (fear is no illness)
			!tc.aside && !tc.writer && (tc.st.live() || tc.st == stRecent || tc.st == stCare) && !rd.saysHealth(c) {
			rd.health = append(rd.health, hsig{value: HealthUnwell, pos: tc.lo, phrase: string(rd.rs[tc.lo:tc.hi]), c: c})
			rd.signal = true
		}
	}
}

// askedOfDisease reports whether h names a disease in a question that names no one
// in a message that names no one (糖尿病人一天吃几个鸡蛋合适？): the question asks about
// the disease, it tells nobody's state (shared/triage.md, Whose body).
func (rd *reading) askedOfDisease(h hsig) bool {
	tc := &rd.tcls[h.c]
	if !(tc.question || tc.asked) || !slices.Contains(diseaseNames, h.phrase) {
		return false
	}
	for _, o := range rd.tcls {
		if o.self || o.names || o.who != "" {
			return false
		}
	}
	return true
}

// diseaseNames are the illnesses asked about in general (高血压能吃党参吗).
var diseaseNames = []string{"糖尿病", "高血压", "冠心病", "心脏病", "肺结节", "结节", "老年痴呆", "痴呆", "帕金森", "脑梗", "心梗",
	"中风", "癌", "癌症", "肿瘤", "关节炎", "痛风", "骨质疏松", "慢阻肺", "哮喘", "肺炎", "房颤", "心衰", "肾衰", "白内障", "青光眼"}

// sleepless holds the words of a night without sleep, which fear explains.
var sleepless = map[string]bool{"睡不着": true, "睡不好": true, "睡不踏实": true, "失眠": true, "没睡着": true, "一夜没睡": true}

// dropWellThen removes the wells told of an earlier time.
func (rd *reading) dropWellThen() {
	out := rd.health[:0]
	for _, h := range rd.health {
		if !rd.wellThen(h) {
			out = append(out, h)
		}
	}
	rd.health = out
}

// saysHealth reports whether clause c already said something about health.
func (rd *reading) saysHealth(c int) bool {
	for _, h := range rd.health {
		if h.c == c {
			return true
		}
	}
	return false
}
