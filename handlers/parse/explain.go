package parse

import "slices"

// Explained signs: a liaison writes 嘴歪是刚打了牙麻药, 躺地上是在地板上做操, "不认人"是我
// 戴了面屏她认不出来; an elder 冒烟，那是我在院子里烧纸钱. The sign comes first, then 是 and
// what it was. When what follows 是 names no sign of its own and nothing severe, lasting
// or worse, the sign is explained by a harmless cause and set aside (另有原因). 摔了是因为
// 头晕 names a sign (dizzy) and stands; 胸口疼是一阵一阵的 tells how it hurts and stands; a
// question (嘴歪是中风吗) is never an explanation.

// explain gives the status stExplained to every live clause whose sign is explained:
// by 是 right after one of its parts (嘴歪是…, not 看东西都是两个), or by the next clause
// opening with 那是 or 这是 (a bare 是 there tells more of the same: 全是烟，是从隔壁冒出来
// 的).
func (rd *reading) explain() {
	for k := range rd.tcls {
		tc := &rd.tcls[k]
		if !tc.st.live() || tc.question || tc.asked {
			continue
		}
		if p := rd.copulaAfterSign(k); p >= 0 && rd.harmless(k, p+1) {
			tc.st = stExplained
			continue
		}
		if k+1 < len(rd.tcls) && rd.hasSign(k) {
			next := &rd.tcls[k+1]
			if n := opensWithCopula(rd.rs[next.lo:next.hi]); n > 0 && !next.question && !next.asked &&
				rd.harmless(k+1, next.lo+n) {
				tc.st = stExplained
			}
		}
	}
}

// copulaAfterSign returns the position of a 是 right after a part read in clause k, or
// -1.
func (rd *reading) copulaAfterSign(k int) int {
	tc := &rd.tcls[k]
	for _, h := range rd.hits[tc.h0:tc.h1] {
		if h.f.isMark() || h.f == fThing || h.f == fVictim || h.f == fScam || h.f == fAuthority {
			continue // 转给了一个自称是卫生部的: the 是 of a scammer's claim explains nothing
		}
		p := int(h.end)
		if p+1 < tc.hi && rd.rs[p] == '的' && rd.rs[p+1] == '是' {
			p++ // 冒烟的是楼下烧纸
		}
		if p < tc.hi && rd.rs[p] == '是' && !(p+1 < tc.hi && rd.rs[p+1] == '不') { // 是不是 asks
			return p
		}
	}
	return -1
}

// hasSign reports whether clause k has a part (not only marks or things).
func (rd *reading) hasSign(k int) bool {
	tc := &rd.tcls[k]
	for _, h := range rd.hits[tc.h0:tc.h1] {
		if !h.f.isMark() && h.f != fThing {
			return true
		}
	}
	return false
}

// opensWithCopula returns the length of 那是, 这是 or 其实是 opening a clause (after its
// separator), or 0.
func opensWithCopula(rs []rune) int {
	i := 0
	for i < len(rs) && isSep(rs[i]) {
		i++
	}
	if i+1 < len(rs) && (rs[i] == '那' || rs[i] == '这') && rs[i+1] == '是' {
		return i + 2
	}
	if i+2 < len(rs) && rs[i] == '其' && rs[i+1] == '实' && rs[i+2] == '是' { // 其实是假牙没戴
		return i + 3
	}
	return 0
}

// isSite reports whether f names a place of the body or a side, not what is wrong
// with it.
func isSite(f feature) bool {
	switch f {
	case fSide, fFace, fArm, fLeg, fBody, fSpeech, fChest, fHead, fEye, fReach, fOrgan, fSite:
		return true
	}
	return false
}

// harmless reports whether what clause k tells from rs[from] on names no part of its
// own (a thing is no part: 摔了是摔了个碗) and nothing severe, lasting or worse.
func (rd *reading) harmless(k, from int) bool {
	tc := &rd.tcls[k]
	if from >= tc.hi {
		return false
	}
	for _, h := range rd.hits[tc.h0:tc.h1] {
		if int(h.end) <= from {
			continue
		}
		switch {
		case !h.f.isMark() && h.f != fThing && !isSite(h.f): // 是刚拔了牙: a tooth is no sign
			return false
		case h.f == mSevere, h.f == mExtreme, h.f == mLasting, h.f == mWorse, h.f == mDays, h.f == mWorry:
			return false
		}
	}
	return true
}

// benignFrom reports whether clause c or a live clause after it explains a sign as
// harmless (看电视剧看得, 一查是胃胀气): an explanation follows the sign or shares its
// clause, and a guess after it (可能是吃多了胃胀, 天太热了吧) explains nothing.
func (rd *reading) benignFrom(c int) bool {
	for j := c; j < len(rd.tcls); j++ {
		tc := &rd.tcls[j]
		if tc.st.live() && tc.feats.has(mBenign) && (j == c || !guessed(rd.rs[tc.lo:min(tc.hi, len(rd.rs))])) {
			return true
		}
	}
	return false
}

// heatOnly reports whether every harmless cause told in a live clause is the heat
// (热得, 天热, 太热): what is a figure of speech for breath (热得喘不过气) is a strain on the heart and
// a danger to the consciousness of the old.
func (rd *reading) heatOnly() bool {
	for _, tc := range rd.tcls {
		if !tc.st.live() {
			continue
		}
		for _, h := range rd.hits[tc.h0:tc.h1] {
			if h.f == mBenign && !slices.Contains(rd.rs[h.start:h.end], '热') {
				return false
			}
		}
	}
	return true
}

// guessed reports whether a clause is the writer's guess: 可能是, 估计, 大概, or ending in 吧.
func guessed(rs []rune) bool {
	return lastRune(rs) == '吧' || containsAny(rs, "可能", "估计", "大概", "怕是", "应该是")
}
