package parse

import (
	"strings"
	"sync"
)

// negWindow is how many runes may stand between a negator and the word it governs
// (没有什么需要).
const negWindow = 2

// Parse reads one message. It never panics and always returns valid values; the
// Needs and Evidence slices of the reply may be shared between calls and must be
// treated as read-only.
func Parse(text string) Reply {
	if r, ok := fastReply(text); ok {
		return r
	}
	return parseText(text)
}

var (
	fastOnce sync.Once
	fastMap  map[string]Reply
)

// fastReply returns the reading of a very common whole message (平安, 1) without
// normalising it again. The table is computed once from the lexicon's `fast` list.
func fastReply(text string) (Reply, bool) {
	fastOnce.Do(func() {
		fastMap = make(map[string]Reply)
		for _, s := range lex().fast {
			r := parseText(s)
			r.Evidence = r.Evidence[:len(r.Evidence):len(r.Evidence)]
			r.Needs = r.Needs[:len(r.Needs):len(r.Needs)]
			fastMap[s] = r
		}
	})
	if len(text) > 16 {
		return Reply{}, false
	}
	r, ok := fastMap[strings.TrimSpace(text)]
	return r, ok
}

// hsig is one statement about health, in text order.
type hsig struct {
	value  Health // HealthWell, HealthUnwell, HealthUrgent
	pos    int
	phrase string
	recov  bool // a recovery: clears the illness stated before it
	past   bool // told as past (上周, 以前): cleared by a present "well" after it
}

// object is a thing asked for or mentioned in a clause.
type object struct {
	need   Need
	start  int
	end    int
	phrase string
}

// reading accumulates what a message says while its clauses are read.
type reading struct {
	rs       []rune
	health   []hsig
	retract  int // position of the last 不对; well before it is withdrawn
	test     Test
	testEv   string
	doses    int
	doseEv   string
	zeroEv   string
	needs    []object
	pending  []object // objects with no request in their clause
	askEv    string   // a request on its own (帮忙, menu 3)
	cueEv    string
	proxy    struct{ strong, weak, spouse, self, iam, relation string }
	signal   bool // the message reports anything at all
	forward  string
	blessing bool // the last clause was a blessing (it runs on into the next)
	lastSeen int
}

func (rd *reading) text(t token) string { return string(rd.rs[t.start:t.end]) }

// parseText is the full parser.
func parseText(text string) Reply {
	r := Reply{Intent: IntentOther, Health: HealthUnknown, Doses: -1, Test: TestUnknown}
	rs := normalizeText(text)
	if len(rs) == 0 {
		return r
	}
	lx := lex()
	toks := tokenize(rs, lx, make([]token, 0, len(rs)/2+4))
	rd := &reading{rs: rs, retract: -1, test: TestUnknown, doses: -1}

	choices, nMenu := menuChoices(rs, toks)
	if choices[1] {
		rd.health = append(rd.health, hsig{value: HealthWell, pos: -1, phrase: "1"})
	}
	if choices[2] {
		rd.health = append(rd.health, hsig{value: HealthUnwell, pos: -1, phrase: "2"})
	}
	if choices[3] {
		rd.askEv = "3"
	}
	if nMenu > 0 {
		rd.signal = true
	}
	toks = toks[menuSkip(toks, nMenu):]

	start, lo := 0, 0
	for i := 0; i <= len(toks); i++ {
		// A colon introduces the detail of its clause (需要配药：硝苯地平), so it does not split.
		if i == len(toks) || (toks[i].e == nil && !toks[i].isNum && isSep(toks[i].sep) && toks[i].sep != sepColon) {
			q, hi := false, len(rs)
			if i < len(toks) {
				q, hi = toks[i].sep == sepQuestion, toks[i].start
			}
			rd.clause(toks[start:i], q, lo, hi)
			start, lo = i+1, hi
		}
	}
	if rd.forward != "" {
		r.Evidence = []Evidence{{Field: "intent", Phrase: rd.forward}}
		return r
	}
	rd.finish(&r)
	return r
}

// menuSkip returns how many leading tokens the menu numbers took.
func menuSkip(toks []token, n int) int {
	k := 0
	for k < len(toks) && n > 0 {
		if toks[k].isNum {
			n--
		}
		k++
	}
	return k
}

// clause reads one clause, the tokens of rs[lo:hi]: flags first, then each signal
// with its negation.
func (rd *reading) clause(toks []token, question bool, lo, hi int) {
	cf := rd.scanFlags(toks, question, lo, hi)
	site := cf.site
	base := len(rd.health)
	clauseAside := cf.aside(hi) // any marker at all

	var (
		negEnd    = -1 // end of the governing negator, -1 when none
		negVal    string
		negText   string
		chained   bool // the negation carries on through a list (无发热、咳嗽)
		hedge     string
		hedgeAt   int
		content   bool
		objects   []object
		affirmed  bool // a request, or a lack, in this clause
		declined  bool // 不缺, 不需要
		askEv     string
		cueEv     string
		doseToks  []int // indexes into toks of affirmed dose numbers
		measureAt = -1
		measure   string
		firstReq  = hi // where the first request word or object starts
		askAt     = -1 // where the first request on its own (帮, 麻烦) starts
	)
	for i, t := range toks {
		if t.e == nil && !t.isNum {
			continue // '、' and '+' keep the negation alive
		}
		negated := false
		if negEnd >= 0 {
			if chained {
				negated = joinersOnly(rd.rs[negEnd:t.start])
			} else {
				negated = t.start-negEnd <= negWindow
			}
		}
		aside := cf.aside(t.start)
		if t.isNum {
			switch {
			case t.unit == unitDose && t.num >= 1 && t.num <= 6,
				t.unit == unitTimes && cf.vaccine && t.num >= 1 && t.num <= 6: // 疫苗打过三次
				content = true
				if !negated && !aside && !cf.question && !cf.future {
					doseToks = append(doseToks, i)
				}
				negEnd, chained = -1, false
			case measureAt < 0 && emergencyCall(rd.rs, t):
				if !negated { // 120 已经打了
					rd.healthSig(HealthUrgent, t.start, "120", cf.at(t.start), aside)
				}
			case measureAt >= 0 || t.unit == unitDegree:
				kind := measure
				if t.unit == unitDegree {
					kind = "temp"
				}
				if !aside {
					rd.measured(kind, t.num, rd.text(t), t.start, cf.at(t.start))
				}
				measureAt = -1
			}
			continue
		}
		e := t.e
		if m, ok := e.has(kNeg); ok {
			negEnd, negVal, negText, chained = t.end, m.value, e.text, false
			continue
		}
		if m, ok := e.has(kHedge); ok {
			hedge, hedgeAt = e.text, t.start
			if m.value == "neg" {
				negEnd, negVal, negText, chained = t.end, "not", e.text, false
			}
			continue
		}
		if m, ok := e.has(kClause); ok && m.value == "brk" {
			negEnd, chained = -1, false
			continue
		}
		if m, ok := e.has(kMeasure); ok {
			measureAt, measure = i, m.value
			continue
		}
		used := false
		if _, ok := e.has(kNeed); ok && t.start < firstReq {
			firstReq = t.start
		}
		if _, ok := e.has(kCue); ok && t.start < firstReq {
			firstReq = t.start
		}
		done := isAction(e) && doneAction(rd.rs, t, lo) // 叫救护车了: reported, not asked
		for _, m := range e.means {
			v := m.value
			if negated {
				v = m.negated
			}
			switch m.kind {
			case kHealth:
				used = true
				if negated && negVal == "dont" {
					continue // 别感冒: advice, not a report
				}
				rd.healthSig(Health(v), t.start, e.text, cf.at(t.start), aside)
			case kRecover:
				used = true
				if !negated && !aside && !cf.question {
					rd.health = append(rd.health, hsig{value: HealthWell, pos: t.start, phrase: e.text, recov: true})
				}
			case kTest:
				used = true
				if v != "" && !aside && !cf.question {
					rd.test, rd.testEv = Test(v), e.text
				}
			case kVaccine:
				used = true
				if n := atoiSmall(v); n >= 0 && !aside && !cf.question && !cf.future {
					rd.dose(n, e.text)
				}
			case kNeed:
				used = true
				if done {
					continue
				}
				if negated && negVal == "absent" && t.start == negEnd {
					affirmed = true // 没有退烧药: it is lacking (but 没吃药 is not a request)
					cueEv = negText + e.text
				} else if negated {
					declined = true // 不要菜
					continue
				}
				objects = append(objects, object{need: Need(m.value), start: t.start, end: t.end, phrase: e.text})
			case kCue:
				used = true
				switch {
				case done, cf.report && m.value == "ask" && t.start < cf.reportAt: // 帮我妈报平安
				case negated:
					declined = true
				case !(cf.thanks && cf.thanksAt < t.start):
					affirmed = true
					cueEv = e.text
					if m.value == "ask" {
						askEv = e.text
						if askAt < 0 {
							askAt = t.start
						}
					}
				}
			}
		}
		if used {
			content = true
			if negated && joinerFollows(rd.rs, t.end) {
				negEnd, chained = t.end, true
			} else {
				negEnd, chained = -1, false
			}
		}
	}
	// A negator that governed nothing looks back at the dose stated before it:
	// 第四针还没轮到, 第三针医生说暂时不用打.
	if negEnd >= 0 && !chained && len(doseToks) > 0 {
		doseToks = doseToks[:len(doseToks)-1]
	}
	for _, k := range doseToks {
		rd.dose(int(toks[k].num), rd.text(toks[k]))
	}
	if hedge != "" && !content && !clauseAside && !cf.question && len(objects) == 0 &&
		!(cf.weather && cf.weatherEnd > hedgeAt) { // 有点冷 is the weather
		rd.health = append(rd.health, hsig{value: HealthUnwell, pos: toks[0].start, phrase: hedge})
		rd.signal = true
	}
	// Pain or tightness in the chest is an emergency however mildly it is put.
	if site != "" && !cf.past {
		for k := base; k < len(rd.health); k++ {
			if rd.health[k].value == HealthUnwell && !rd.health[k].recov {
				rd.health[k].value = HealthUrgent
				rd.health[k].phrase = site + "…" + rd.health[k].phrase
			}
		}
	}
	rf := cf.at(firstReq)
	rf.thanks = cf.thanks && cf.thanksAt < firstReq // thanks for help had, not a request
	rd.bind(objects, affirmed, declined, askEv, cueEv, rf, askAt)
}

// bind decides which objects of a clause are asked for.
func (rd *reading) bind(objects []object, affirmed, declined bool, askEv, cueEv string, cf clauseFlags, askAt int) {
	if cf.hearsay || cf.blessing || cf.thanks {
		return
	}
	switch {
	case len(objects) == 0:
		if askEv != "" && rd.askEv == "" {
			rd.askEv = askEv
		}
	case affirmed:
		rd.needs = append(rd.needs, placeOnly(objects, helperGoes(objects, askAt))...)
		if rd.cueEv == "" {
			rd.cueEv = cueEv
		}
	case declined:
	default:
		rd.pending = append(rd.pending, objects...)
	}
}

// joinersOnly reports whether rs holds only list joiners (、和 或 等 及 与 也).
func joinersOnly(rs []rune) bool {
	for _, r := range rs {
		switch r {
		case listJoin, '和', '或', '等', '及', '与', '也', '跟', '都':
		default:
			return false
		}
	}
	return true
}

// joinerFollows reports whether a list joiner comes right after position i.
func joinerFollows(rs []rune, i int) bool {
	return i < len(rs) && joinersOnly(rs[i:i+1])
}
