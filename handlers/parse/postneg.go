package parse

import "strings"

// Post-posed negation: the complaints come first and the negator closes the clause —
// 发烧咳嗽都没有, 胸闷气短都没有, 头晕没有了, 发烧倒是没有. A negator reaches forward only
// (没有发烧), so without this the complaints before it read as told, and 胸闷气短都没有 as
// an alarm.

// postNegators close a clause that denies what came before them (longest first).
var postNegators = []string{"倒是没有", "这些都没有", "啥的都没有", "什么的都没有", "都没有", "也没有", "倒没有", "都没得", "都莫得",
	"都冇", "也冇", "都没", "也没", "没有", "没得", "莫得", "冇"}

// trailingParticles may follow the negator at the end of a clause.
const trailingParticles = "了啊呀呢哈的啦嘛哦喔吧 "

// postNegated returns where a negator closing rs[lo:hi] starts, or -1. A question
// (有没有, 吃了没有) is none; nor is a negator with nothing before it.
func postNegated(rs []rune, lo, hi int) int {
	end := hi
	for end > lo && (isSep(rs[end-1]) || strings.ContainsRune(trailingParticles, rs[end-1])) {
		end--
	}
	if end <= lo || !strings.ContainsRune("有没得冇", rs[end-1]) {
		return -1 // every post-posed negator ends so: most clauses go no further
	}
	for _, n := range postNegators {
		k := len([]rune(n))
		if end-lo <= k || !hasSeqAt(rs, end-k, n) {
			continue
		}
		at := end - k
		if rs[at-1] == '有' || rs[at-1] == '了' { // 有没有, 吃了没有: asked
			return -1
		}
		return at
	}
	return -1
}

// denyBefore reads a clause closed by a post-posed negator: the complaints told before
// it are denied (well, as 没发烧 is), and the body's signs read in it are dropped. What
// is lacking (吃的都没有, 药没有了) is not touched: only the body's words.
func (rd *reading) denyBefore(cs *clauseState) {
	tc := &rd.tcls[cs.index]
	if tc.question || tc.asked || cs.cf.question {
		return
	}
	at := postNegated(rd.rs, cs.lo, cs.hi)
	if at < 0 {
		return
	}
	last := -1 // where the last complaint before the negator ends
	for i := cs.base; i < len(rd.health); i++ {
		if h := rd.health[i]; h.value == HealthUnwell && h.pos >= 0 && h.pos < at {
			last = max(last, h.pos+len([]rune(h.phrase)))
		}
	}
	for _, h := range rd.hits[tc.h0:tc.h1] {
		if int(h.start) < at && symptom(h.f) {
			last = max(last, int(h.end))
		}
	}
	if last < 0 || last > at || !joinersOnly(listTail(rd.rs[last:at])) {
		return // 心口疼得厉害硝酸甘油都没有: what is denied is the medicine, not the pain
	}
	denied := false
	for i := cs.base; i < len(rd.health); i++ {
		if h := &rd.health[i]; h.value == HealthUnwell && h.pos < at && !h.recov {
			h.value, denied = HealthWell, true
		}
	}
	kept := tc.h0
	var feats featSet
	for _, h := range rd.hits[tc.h0:tc.h1] {
		if int(h.start) < at && symptom(h.f) {
			denied = true
			continue
		}
		rd.hits[kept] = h
		kept++
		feats.add(h.f)
	}
	if denied {
		rd.hits = rd.hits[:kept]
		tc.h1, tc.feats = kept, feats
	}
}

// symptom reports whether f is a part of the body or something wrong with it (not a
// mark of time or voice, and not a lack of food, heat or care).
func symptom(f feature) bool {
	if f.isMark() {
		return false
	}
	if isSite(f) {
		return true
	}
	for _, g := range doubtWrong {
		if f == g {
			return true
		}
	}
	for _, g := range bodyFeats {
		if f == g {
			return true
		}
	}
	switch f {
	case fFall, fCantUp, fFloor, fHit, fBlood, fGutBleed, fBleedMore, fSeizure, fCough, fStrokeNamed, fHeartNamed:
		return true
	}
	return false
}

// hasSeqAt reports whether s is written in rs from position i.
func hasSeqAt(rs []rune, i int, s string) bool {
	for _, r := range s {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// listTail returns rs without the words that may close a list of complaints before its
// negator (这些, 啥的, 什么的, 之类的, 等等).
func listTail(rs []rune) []rune {
	out := rs
	for _, w := range []string{"这些", "那些", "啥的", "什么的", "之类的", "等等", "倒是", "倒"} {
		for i := 0; i+len([]rune(w)) <= len(out); i++ {
			if hasSeqAt(out, i, w) {
				out = append(append([]rune{}, out[:i]...), out[i+len([]rune(w)):]...)
				break
			}
		}
	}
	return out
}

// carerIllness sets aside the illness told inside a carer's falling ill (照顾阿爷的工人
// 姐姐发高烧病倒了, 保姆发烧39度来不了): the fever is the carer's, not the elder's; the
// need it leaves is read as before.
func (rd *reading) carerIllness(cs *clauseState) {
	tc := &rd.tcls[cs.index]
	for _, h := range rd.hits[tc.h0:tc.h1] {
		if h.f != fNoCarer {
			continue
		}
		for i := cs.base; i < len(rd.health); i++ {
			if s := &rd.health[i]; s.value == HealthUnwell && s.pos >= int(h.start) && s.pos < int(h.end) &&
				strings.ContainsAny(s.phrase, "烧病阳躺倒") { // the carer's fever; 扶不动他 is the elder's state

				s.value = HealthUnknown
			}
		}
	}
}
