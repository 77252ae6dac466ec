package parse

import "strings"

// Post-posed negation: the complaints come first and the negator closes the clause —
// 发烧咳嗽都没有, 胸闷气短都没有, 头晕没有了, 发烧倒是没有. A negator reaches forward only
// (没有发烧), so without this the complaints before it read as told, and 胸闷气短都没有 as
// an alarm.

// postNegators close a clause that denies what came before them (longest first).
var postNegators = []string{"倒是没有", "这些都没有", "啥的都没有", "什么的都没有", "都没有", "也没有", "倒没有", "都没得", "都莫得",
	"都冇", "也冇", "都没", "也没", "没有", "没得", "莫得", "冇", "也没犯", "都没犯", "没再犯", "没犯"}

// trailingParticles may follow the negator at the end of a clause.
const trailingParticles = "了啊呀呢哈的啦嘛哦喔吧 "

// postNegated returns where a negator closing rs[lo:hi] starts, or -1. A question
// (有没有, 吃了没有) is none; nor is a negator with nothing before it.
func postNegated(rs []rune, lo, hi int) int {
	end := hi
	for end > lo && (isSep(rs[end-1]) || strings.ContainsRune(trailingParticles, rs[end-1])) {
		end--
	}
	if end <= lo || !strings.ContainsRune("有没得冇犯", rs[end-1]) {
		return -1 // every post-posed negator ends so: most clauses go no further
	}
	for _, n := range postNegators {
		k := len([]rune(n))
		if end-lo <= k || !hasPrefixRunes(rs[end-k:], n) {
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
	if last < 0 || last > at || !listGlue(rd.rs[last:at]) {
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

// symptomFeats are the parts of the body and what may be wrong with them (not the marks
// of time or voice, and not a lack of food, heat or care).
var symptomFeats = setOf(append(append([]feature{fFall, fCantUp, fFloor, fHit, fBlood, fGutBleed, fBleedMore, fSeizure,
	fCough, fStrokeNamed, fHeartNamed}, doubtWrong...), bodyFeats...)...)

// symptom reports whether f is a part of the body or something wrong with it.
func symptom(f feature) bool { return isSite(f) || symptomFeats.has(f) }

// listCloses are the words that may close a list of complaints before its negator
// (头疼发烧这些都没有, 咳嗽啥的都没有), or the span of time it held (痛风这阵子没犯).
var listCloses = []string{"这些", "那些", "啥的", "什么的", "之类的", "等等", "倒是", "倒",
	"这阵子", "这一阵", "这段时间", "最近", "今年", "这几年", "好久", "很久", "一直"}

// listGlue reports whether rs holds only list joiners and the words that close a list.
func listGlue(rs []rune) bool {
	for i := 0; i < len(rs); {
		n := 0
		for _, w := range listCloses {
			if hasPrefixRunes(rs[i:], w) {
				n = len([]rune(w))
				break
			}
		}
		switch {
		case n > 0:
			i += n
		case joinersOnly(rs[i : i+1]):
			i++
		default:
			return false
		}
	}
	return true
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
