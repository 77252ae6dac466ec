package parse

// Graded doubt: the fallback of the triage layer. The discriminators of signs.go name
// the emergencies triage.md lists, in the words the lexicon holds; what a family says
// in other words (肚子胀得像鼓, 一口气接不上一口, 右腿跟灌了铅一样迈不开步) reaches no
// one. shared/triage.md: "a parser that is unsure between alarm and nothing says
// confirm". So when no discriminator raised an alert, a clause told now that reports a
// body in trouble — a part of the body or a bodily act, something wrong with it, and a
// word that it is sudden, severe or disabling — or that presses for someone to come
// about a body, asks the liaison to look (SignDoubt, never an alarm). Time and voice
// apply as to every finding: past, in care, denied, hypothetical, a question in
// general, a joke or hearsay set it aside. Its cost is measured in false alerts on
// the calm lines of every set (docs/triage.md).

// potential is the lexicon's generic form of a bodily act that fails: a verb, 不 and
// a complement (迈不开, 咽不下, 站不直, 睁不开), or a prefix and a verb (不能翻身,
// 没法走). Read from the runes themselves, beside the sign matcher, so that it hides no
// part and no part hides it.
type potential struct {
	verbs       map[[2]rune]bool // one or two runes; a one-rune verb has a zero second rune
	complements [][]rune         // longest first
	prefixes    [][]rune         // longest first
	except      map[string]bool  // whole forms that are no failure of the body (走不开: busy)
}

// verbBefore returns the start of a verb of the lexicon ending at rs[i], or -1.
func (p *potential) verbBefore(rs []rune, lo, i int) int {
	if i-2 >= lo && p.verbs[[2]rune{rs[i-2], rs[i-1]}] {
		return i - 2
	}
	if i-1 >= lo && p.verbs[[2]rune{rs[i-1]}] {
		return i - 1
	}
	return -1
}

// verbAt returns the end of a verb of the lexicon starting at rs[i], or -1.
func (p *potential) verbAt(rs []rune, i, hi int) int {
	if i+2 <= hi && p.verbs[[2]rune{rs[i], rs[i+1]}] {
		return i + 2
	}
	if i+1 <= hi && p.verbs[[2]rune{rs[i]}] {
		return i + 1
	}
	return -1
}

// prefixOf returns the end of the longest of list at rs[i:hi], or -1.
func prefixOf(list [][]rune, rs []rune, i, hi int) int {
	for _, w := range list {
		if i+len(w) > hi {
			continue
		}
		ok := true
		for j, r := range w {
			if rs[i+j] != r {
				ok = false
				break
			}
		}
		if ok {
			return i + len(w)
		}
	}
	return -1
}

// unableAt reports a failing bodily act at rs[i] within the clause rs[lo:hi]: a verb,
// 不 at i and a complement (迈不开), or a prefix at i and a verb (不能翻身). It returns
// the span, or ok false.
func (p *potential) unableAt(rs []rune, lo, hi, i int) (start, end int, ok bool) {
	if rs[i] == '不' {
		if v := p.verbBefore(rs, lo, i); v >= 0 {
			if e := prefixOf(p.complements, rs, i+1, hi); e >= 0 && !p.except[string(rs[v:e])] {
				return v, e, true
			}
		}
	}
	if e := prefixOf(p.prefixes, rs, i, hi); e >= 0 {
		if ve := p.verbAt(rs, e, hi); ve >= 0 && !p.except[string(rs[i:ve])] {
			return i, ve, true
		}
	}
	return 0, 0, false
}

// readUnable notes every failing bodily act of the clause that no negator governs. It
// runs before the sign matcher, so that the 不 of a form negates nothing after it.
func (rd *reading) readUnable(cs *clauseState) {
	p := &lex().potential
	for i := cs.lo; i < cs.hi; i++ {
		if r := rd.rs[i]; r != '不' && r != '没' {
			continue
		}
		if s, e, ok := p.unableAt(rd.rs, cs.lo, cs.hi, i); ok {
			if !cs.negatedAt(s) {
				rd.triageHit(cs, fUnable, s, e)
			}
			cs.ownNegators(s, e, true) // 走不了远路: the 不 is the form's own, it does not negate 远路
			i = e - 1
		}
	}
}

// The features the fallback reads.
var (
	// a part of the body where trouble may be acute, or a bodily act (说话, 走路); the
	// parts of everyday aches (腰, 膝盖, 牙, 头发, 耳朵) are not among them
	doubtSites = []feature{fSite, fHead, fArm, fLeg, fFace, fEye, fChest, fReach, fSpeech, fBody, fInner, fStool}
	// something wrong with it
	doubtWrong = []feature{fComplaint, fPain, fPress, fNumb, fSwell, fDizzy, fVomit, fNausea, fShake, fBlue, fSweat,
		fWeak, fLimp, fDroop, fBlood, fBlack, fBreath, fConfused, fDrowsy, fOdd, fUnable, fBalance, fBlind, fSlur,
		fBlackout, fPalpit, fFever, fCold}
	// a word that it is disabling, beyond the everyday, or alarming to the person there
	doubtEscalators = []feature{fUnable, fOdd, mExtreme, mWorry, fHurry}
	// explained or long-standing: a harmless cause, exertion, known episodes, years;
	// or going on for days (an ache of this week is for the report, not for now)
	doubtExplained = []feature{mBenign, mExert, mFamiliar, mChronic, mDays}
)

// ruleDoubt is the fallback. It reads the clause (c) and the live message (m), like the
// rules of signs.go, and gives at most a confirm:
//   - a body in trouble now: something wrong (c) with a part of the body or a bodily
//     act (m), escalated in c (unable, odd, extreme, worry, hurry) or told as sudden
//     (m); not mild, not explained (a harmless cause, exertion, familiar, long-standing,
//     for days);
//   - a plea or a hurry about a body: 怎么办 or 快叫 in c with something wrong in m.
//
// Words of everyday complaint (fComplaint: 酸, 胀, 掉, 多) count only when sudden.
func ruleDoubt(c, m featSet) (Alert, featSet) {
	if m.meets(doubtExplainedSet) || c.has(mMild) {
		return AlertNone, none
	}
	sudden := m.has(mOnset)
	wrong := pick(c, doubtWrong...)
	if !sudden {
		wrong = pick(wrong, doubtWrong[1:]...)
	}
	sites := pick(m, doubtSites...)
	switch {
	case !wrong.empty() && !sites.empty() && (sudden || c.meets(doubtEscalatorSet)):
		return AlertConfirm, wrong.union(pick(c, doubtSites...)).union(pick(c, doubtEscalators...)).union(pick(m, mOnset))
	case c.any(mPlea, fHurry) && m.any(doubtWrong...) && !sites.empty():
		return AlertConfirm, pick(c, mPlea, fHurry).union(pick(m, doubtWrong...))
	}
	return AlertNone, none
}

// doubt runs the fallback over the clauses when no discriminator raised an alert, and
// returns the findings with it. A clause after the writer said they are fine (挺好，
// 就是…) is the news of a well person, unless it says the trouble is sudden.
func (rd *reading) doubt(out []finding, live featSet) []finding {
	for _, f := range out {
		if f.alert != AlertNone {
			return out
		}
	}
	for c := range rd.tcls {
		tc := &rd.tcls[c]
		if tc.feats.empty() || tc.aside || !tc.feats.has(mOnset) && rd.fineBefore(c) {
			continue
		}
		level, used := ruleDoubt(tc.feats, tc.feats.union(live))
		if level == AlertNone {
			continue
		}
		out = rd.addFinding(out, finding{sign: SignDoubt, level: level, bodily: true, c: c}, used)
	}
	return out
}

// fineBefore reports whether the writer said they are well before clause c.
func (rd *reading) fineBefore(c int) bool {
	for _, h := range rd.health {
		if h.value == HealthWell && h.c < c {
			return true
		}
	}
	return false
}

// doubtCandidate reports whether a hit could start the fallback: the triage rules run
// for the message even when it has no discriminator's part.
func doubtCandidate(f feature) bool {
	switch f {
	case fUnable, fOdd, fHurry, mExtreme, mOnset, mWorry, mPlea:
		return true
	}
	return false
}

// bareComplaints are whole replies that say only that something is wrong: nobody knows
// what, so a liaison should ask (不行 in answer to 今天身体怎么样).
var bareComplaints = map[string]bool{"不行": true, "不好": true, "很不好": true, "难受": true, "很难受": true,
	"好难受": true, "不舒服": true, "很不舒服": true}

// bare asks to confirm a message that is a bare complaint and nothing else, when no
// rule found anything.
func (rd *reading) bare(out []finding) []finding {
	if len(out) > 0 || len(rd.tcls) != 1 || !bareComplaints[string(rd.rs)] {
		return out
	}
	return append(out, finding{sign: SignDoubt, level: AlertConfirm, alert: AlertConfirm, bodily: true, end: len(rd.rs)})
}
