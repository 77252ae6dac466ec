package parse

import (
	"strings"
)

// clauseFlags are the clause markers found in one clause. Markers about other people
// (大家, 听说, 祝) govern only what follows them; at gives the flags for one position.
type clauseFlags struct {
	question, past, thanks, future, weather, kin, report, self, vaccine   bool
	carried                                                               bool // kin or others carried from the clause before
	writerOwn                                                             bool // the writer's own state, in a message about their parent
	others, hearsay, blessing                                             bool // as seen from one position
	othersAt, hearsayAt, blessingAt, thanksAt, reportAt, pastAt, futureAt int  // first marker, -1 when none
	weatherAt                                                             int  // start of the first weather word, -1 when none
	pastEnd, futureEnd                                                    int  // end of that marker
	weatherEnd                                                            int  // end of the last weather word
}

// at returns the flags as they govern a word at pos.
func (cf clauseFlags) at(pos int) clauseFlags {
	c := cf
	c.others = cf.othersAt >= 0 && pos >= cf.othersAt
	c.hearsay = cf.hearsayAt >= 0 && pos >= cf.hearsayAt
	c.blessing = cf.blessingAt >= 0 && pos >= cf.blessingAt
	return c
}

// aside reports whether a word at pos is about someone other than the elder: after a
// marker about others, or in a clause about a younger relative (小孙子感冒了) that
// names neither the writer nor the elder.
func (cf clauseFlags) aside(pos int) bool {
	c := cf.at(pos)
	return c.others || c.hearsay || c.blessing || (cf.kin && !cf.self)
}

// reporterBefore reports whether the words before a notice's header at rs[at] name
// someone who reports what they see (志愿者通知：楼道里燃气味很大): their notice is
// news, not a forward.
func reporterBefore(rs []rune, at int, header string) bool {
	before := rs[max(0, at-3):at]
	s := string(before)
	if strings.HasSuffix(s, "志愿者") || strings.HasSuffix(s, "楼长") || strings.HasSuffix(s, "网格员") {
		return true
	}
	// 社区王医生转：…: a doctor or nurse relaying a report (医生提醒：… is still a notice)
	return strings.HasPrefix(header, "转") && containsAny(before, "医生", "护士", "大夫", "社工")
}

// relayWord reports whether a hearsay word is a relative or friend passing word on (我姐说,
// 我同事说): what it tells of the writer's own family is news of them, not hearsay.
func relayWord(w string) bool {
	return strings.HasPrefix(w, "我") && strings.HasSuffix(w, "说")
}

// friendWord reports whether a kin word names a friend or colleague (朋友, 同事), who
// after a family word is that person's friend (我爸的朋友), not a child writing.
func friendWord(w string) bool {
	return strings.Contains(w, "朋友") || strings.Contains(w, "同事") || strings.Contains(w, "同学") || strings.Contains(w, "战友")
}

// firstAt keeps the first position of a marker.
func firstAt(p *int, pos int) {
	if *p < 0 || pos < *p {
		*p = pos
	}
}

// scanFlags reads the markers of the clause rs[lo:hi] and notes who is writing.
func (rd *reading) scanFlags(toks []token, question bool, lo, hi int) clauseFlags {
	cf := clauseFlags{question: question, othersAt: -1, hearsayAt: -1, blessingAt: -1, thanksAt: -1, reportAt: -1,
		pastAt: -1, futureAt: -1, weatherAt: -1}
	var kinAt []int
	kinOf := -1    // where a possessive kin word (朋友的, 同事的) ends
	proxyEnd := -1 // where the last family word ends
	friendOf := false
	relayEnd, relayed := -1, false // a relative's word (我姐说) and the writer's own after it
	own, other := false, false
	distant := false // a sibling, cousin, friend or stranger: their story is theirs
	if rd.hearsayOn {
		cf.hearsayAt, rd.hearsayOn = lo, false // 看了个新闻，说有个老人想不开: the news tells it
	}
	for _, t := range toks {
		if t.e == nil {
			continue
		}
		rd.hiddenProxy(t)
		for _, m := range t.e.means {
			switch m.kind {
			case kClause:
				switch m.value {
				case "question":
					cf.question = true
				case "others":
					if placeAt(rd.rs, lo, t) {
						continue // 在楼下摔了: downstairs is where, not who
					}
					if t.e.text == "人家" && t.start > lo && strings.ContainsRune("完了", rd.rs[t.start-1]) {
						continue // 付完人家就不回了: the one paid, not someone the writer tells of
					}
					firstAt(&cf.othersAt, t.start)
				case "hearsay":
					firstAt(&cf.hearsayAt, t.start)
					rd.hearsayOn = t.end == hi
					if relayWord(t.e.text) && relayEnd < 0 {
						relayEnd = t.end
					}
				case "blessing":
					firstAt(&cf.blessingAt, t.start)
				case "past":
					cf.past = true
					if cf.pastAt < 0 {
						cf.pastAt, cf.pastEnd = t.start, t.end
					}
				case "thanks":
					cf.thanks = true
					firstAt(&cf.thanksAt, t.start)
				case "future":
					cf.future = true
					if cf.futureAt < 0 {
						cf.futureAt, cf.futureEnd = t.start, t.end
					}
				case "weather":
					cf.weather = true
					cf.weatherEnd = t.end
					firstAt(&cf.weatherAt, t.start)
				case "kin":
					if vocative(rd.rs, t) {
						continue // 小伙子，快叫救护车: the one written to, not the one in trouble
					}
					if carerReports(rd.rs, t) {
						continue // 护工报：老人呼之不应: the carer reports the elder's trouble
					}
					if t.start > lo && strings.ContainsRune("给替为帮", rd.rs[t.start-1]) {
						continue // 不想再给儿子添麻烦: the relative is whom the elder acts for
					}
					if t.start > lo && strings.ContainsRune("被让叫喂遛逗抱", rd.rs[t.start-1]) {
						// 被猫抓了, 让狗咬了: the pet or the relative acts on the elder; 喂猫摔了,
						// 抱孙子闪了腰: the pet or the child is what the elder tends
						continue
					}
					cf.kin = true
					distant = distant || distantKin(t.e.text)
					kinAt = append(kinAt, t.start)
					if strings.HasSuffix(t.e.text, "的") {
						kinOf = t.end
					}
					if proxyEnd >= 0 && (t.start == proxyEnd || t.start == proxyEnd+1 && rd.rs[proxyEnd] == '的') && friendWord(t.e.text) {
						friendOf = true // 我爸的朋友晕倒了: the friend, not the father
					}
					if friendWord(t.e.text) && (pronounBefore(rd.rs, lo, t.start) ||
						t.start > lo && rd.rs[t.start-1] == '的' && pronounBefore(rd.rs, lo, t.start-1)) {
						friendOf = true // 爷爷说他的朋友心梗了: his friend's story
					}
				case "report":
					cf.report = true
					firstAt(&cf.reportAt, t.start)
				case "forward":
					if rd.forward == "" && !reporterBefore(rd.rs, t.start, t.e.text) {
						rd.forward = t.e.text
					}
				case "retract":
					rd.retract = t.start
				}
			case kProxy:
				if t.start > 0 && rd.rs[t.start-1] == '个' {
					continue // 有个老太太, 一个老头子: a stranger, nobody the writer writes for
				}
				if t.start == kinOf {
					continue // 朋友的爸爸: a friend's father, not the writer's
				}
				if rd.asideOn == asideKin && pronounBefore(rd.rs, lo, t.start) {
					continue // 我朋友在北京，她老伴昨天心梗: the friend's husband, in the friend's story
				}
				proxyEnd = t.end
				v := m.value
				if v == "spouse" && spouseWithSelf(rd.rs, t, lo, hi) {
					v = "self" // 我跟我老伴都挺好, 本人及老伴均安好
				}
				rd.proxyMark(v, t.e.text)
				rd.tcls[rd.cur].names = true
				if tc := &rd.tcls[rd.cur]; tc.who == "" && (v == "strong" || v == "spouse") {
					tc.who = t.e.text
				}
				if v == "spouse" && rd.spouseClause < 0 {
					rd.spouseClause = rd.cur
				}
				if v != "relation" {
					cf.self = true
				}
				own = own || v != "weak" && v != "relation"                    // 我爸, 老伴: the writer's own, not 张爷爷
				other = other || v == "strong" || v == "spouse" || v == "weak" // someone named, not the writer
				if v == "strong" && parentWord(t.e.text) {
					rd.parentAt = min(rd.parentAt, t.start) // 我妈: the writer is of a younger generation
				}
				if relayEnd >= 0 && t.start >= relayEnd && v != "weak" && v != "relation" {
					relayed = true // 我姐说我妈摔了: the sister passes on what befell the writer's mother
				}
			case kVaccine:
				cf.vaccine = true
			}
		}
	}
	if relayed && cf.hearsayAt >= 0 && cf.hearsayAt < relayEnd {
		cf.hearsayAt, rd.hearsayOn = -1, false
	}
	if at, end := heardFrom(rd.rs, lo, hi); at >= 0 {
		firstAt(&cf.hearsayAt, at) // 听我们楼老张说…: what someone else said
		rd.hearsayOn = rd.hearsayOn || end == hi
	}
	clause := rd.rs[lo:hi]
	if hasSeq(clause, "疫苗") || hasSeq(clause, "接种") {
		cf.vaccine = true
	}
	switch {
	case friendOf && !writerFirst(rd.rs, lo, hi):
		cf.self = false // 我爸的同事: the 我 of 我爸 does not make the colleague the writer's own (我刚把钱转给我孙子同学 is the writer's deed)
	case !cf.self:
		cf.self = namesWriter(rd.rs, lo, hi, kinAt)
	}
	// 我妈挺好的，倒是我自己这两天胸口闷得慌: a child writing of a parent tells of
	// their own health in a clause that names only the writer; it is not the elder's
	if cf.self && !other && !cf.kin && rd.parentAt < lo && writerFirst(rd.rs, lo, hi) {
		cf.writerOwn = true
	}
	// 新闻里说有个老太太把降糖药吃重了，低血糖昏迷: the story of a third party runs on
	// through the clauses that name no one of the writer's
	mine := own || hasSeq(rd.rs[lo:hi], "我")
	switch {
	case cf.hearsayAt >= 0 && !mine && thirdParty(rd.rs, cf.hearsayAt+2, hi): // not 有人说我孙子…: a scam's call
		rd.storyOn = true
	case mine:
		rd.storyOn = false
	case rd.storyOn && cf.hearsayAt < 0:
		cf.hearsayAt = lo
	}
	// An illness told of a relative or of others runs on through the clauses after it
	// that name no one: 我女儿阳了，发烧三十九度 is the daughter's fever.
	if cf.kin && !cf.self && (containsAny(rd.rs[lo:hi], kinActs...) || tellsOfOther(rd.rs[lo:hi])) {
		cf.kin = false // 我姐送他去了医院, 他闺女打电话说他走丢了: the relative acts or tells; the clause is the elder's
	}
	switch {
	case cf.kin && !cf.self && distant:
		rd.asideOn = asideKin // 我姐在台湾，昨天中风住院了
	case cf.kin || cf.self || mine || cf.othersAt >= 0 || cf.hearsayAt >= 0 || rd.tcls[rd.cur].names:
		rd.asideOn = asideNone
	case rd.asideOn == asideKin:
		cf.kin, cf.carried = true, true
	case rd.asideOn == asideOthers:
		cf.othersAt, cf.carried = lo, true
	}
	// A blessing runs on through the clauses after it that name no one: 祝大家新年快乐，身体健康.
	if rd.blessing && !cf.self && cf.blessingAt < 0 && !containsAny(rd.rs[lo:hi], "他", "她") { // 打她电话一直不接 is no blessing
		cf.blessingAt = lo
	}
	rd.blessing = cf.blessingAt >= 0 && !cf.self
	return cf
}

// carerReports reports whether a carer's word is followed by a report of what she saw
// (护工报：, 保姆说：, 阿姨反映): the clause is the elder's news, not the carer's.
func carerReports(rs []rune, t token) bool {
	w := string(rs[t.start:t.end])
	if !strings.Contains(w, "护工") && !strings.Contains(w, "保姆") && !strings.Contains(w, "家政") {
		return false
	}
	return t.end < len(rs) && (rs[t.end] == '报' || runesAt(rs, t.end, reportRunes) ||
		rs[t.end] == '说' && t.end+1 < len(rs) && (rs[t.end+1] == ':' || rs[t.end+1] == sepColon ||
			elderAt(rs, t.end+1)))
}

// eldersNamed are the words for the elder a carer reports on (护工说阿婆刚吐了…).
var eldersNamed = []string{"阿婆", "阿公", "老人", "爷爷", "奶奶", "婆婆", "公公", "外婆", "外公", "姥姥", "姥爷",
	"老太", "老爷子", "老头", "阿爷", "阿嫲", "阿嬷", "我妈", "我爸", "老妈", "老爸", "老伴"}

// elderAt reports whether one of eldersNamed starts at rs[k].
func elderAt(rs []rune, k int) bool { return prefixIn(rs[k:], eldersNamed) != "" }

var reportRunes = []rune("反映")

// pronounBefore reports whether 他 or 她 stands right before at, within the clause that
// starts at lo (他朋友, 她老伴).
func pronounBefore(rs []rune, lo, at int) bool {
	return at > lo && (rs[at-1] == '他' || rs[at-1] == '她')
}

// hiddenProxy notes a family word that a longer phrase swallowed: 帮我妈 is read as
// 帮我 + 妈, 找不到我爸 as one emergency, yet both name the writer's parent.
func (rd *reading) hiddenProxy(t token) {
	for k := t.start + 1; k < t.end; k++ {
		if rd.rs[k] != '我' {
			continue
		}
		if idx := lex().words.longest(rd.rs, k); idx >= 0 {
			e := &lex().words.entries[idx]
			if m, ok := e.has(kProxy); ok && m.value == "strong" {
				rd.proxyMark(m.value, e.text)
			}
		}
	}
}

// namesWriter reports whether rs[lo:hi] has a 我 that is the writer, not a possessive
// before a relative (我孙子, 我家孙女, 我的儿子).
func namesWriter(rs []rune, lo, hi int, kinAt []int) bool {
	for i := lo; i < hi; i++ {
		if rs[i] != '我' {
			continue
		}
		j := i + 1
		for j < hi && (rs[j] == '们' || rs[j] == '的' || rs[j] == '家') {
			j++
		}
		if j > i+1 && rs[i+1] == '们' && j < hi && strings.ContainsRune("楼小单院村社", rs[j]) {
			continue // 我们楼有人阳了, 我们小区: the place, not the writer
		}
		possessive := false
		for _, k := range kinAt {
			if k == i || k == j || (k > j && k-j <= 1 && rs[j] == '小') { // 我哥, 我孙子, 我家小孙子
				possessive = true
			}
		}
		if !possessive {
			return true
		}
	}
	return false
}

// spouseWithSelf reports whether the spouse word t is joined to the writer: 我和老伴,
// 我跟我老伴, 本人及老伴, 老伴和我.
func spouseWithSelf(rs []rune, t token, lo, hi int) bool {
	j := t.start
	if j > lo && rs[j-1] == '我' {
		j--
	}
	if j-1 > lo && isJoiner(rs[j-1]) {
		if rs[j-2] == '我' || (j-3 >= lo && rs[j-3] == '本' && rs[j-2] == '人') {
			return true
		}
	}
	return t.end+1 < hi && isJoiner(rs[t.end]) && rs[t.end+1] == '我'
}

func isJoiner(r rune) bool { return strings.ContainsRune("和跟及与同", r) }

// hasSeq reports whether rs contains the runes of s in a row.
func hasSeq(rs []rune, s string) bool {
	first, _ := decodeRune(s)
	for i, r := range rs {
		if r == first && hasPrefixRunes(rs[i:], s) { // no []rune(s): it is read on every clause
			return true
		}
	}
	return false
}

// runesAt reports whether rs holds w at i.
func runesAt(rs []rune, i int, w []rune) bool {
	if i+len(w) > len(rs) {
		return false
	}
	for k, r := range w {
		if rs[i+k] != r {
			return false
		}
	}
	return true
}

// emergencyCall reports whether the number t is the emergency line 120 spoken of as
// called: "120 已经打了", "120打了，在等". A quantity (120斤, 活到120岁, 120/80) is not.
func emergencyCall(rs []rune, t token) bool {
	if !t.ascii || t.ordinal || t.unit != unitNone || t.num != 120 || t.end-t.start != 3 {
		return false
	}
	if t.end < len(rs) && (measureWords[rs[t.end]] || rs[t.end] == '/' || rs[t.end] == '斤' || rs[t.end] == '.') {
		return false
	}
	lo, hi := max(0, t.start-4), min(len(rs), t.end+6)
	for _, r := range rs[lo:hi] {
		switch r {
		case '打', '叫', '拨', '等', '到', '来', '车':
			return true
		}
	}
	return false
}

// isAction reports whether e is an emergency call that is also a request
// (叫救护车, 打120, 送医院).
func isAction(e *entry) bool {
	_, need := e.has(kNeed)
	m, cue := e.has(kCue)
	return need && cue && m.value == "ask"
}

// doneAction reports whether the action t is told as done, not asked for:
// 叫救护车了, 已经叫救护车, 刚打120.
func doneAction(rs []rune, t token, lo int) bool {
	if t.end < len(rs) && rs[t.end] == '了' {
		return true
	}
	for _, r := range rs[max(lo, t.start-3):t.start] {
		if r == '已' || r == '刚' {
			return true
		}
	}
	return false
}

// placeOnly drops a hospital named only as the place where a helper fetches medicine
// (帮我去医院拿一下处方药): the request is the medicine. When the elder goes
// (需要去医院拿药) the ride is asked for too, and nothing is dropped.
func placeOnly(objects []object, helperGoes bool) []object {
	if !helperGoes {
		return objects
	}
	medicineAfter := func(i int) bool {
		for _, o := range objects[i+1:] {
			if o.need == NeedMedicine {
				return true
			}
		}
		return false
	}
	var out []object
	for i, o := range objects {
		if o.need == NeedMedical && (o.phrase == "去医院" || o.phrase == "上医院") && medicineAfter(i) && !otherMedical(objects, i) {
			if out == nil {
				out = append(make([]object, 0, len(objects)), objects[:i]...)
			}
			continue
		}
		if out != nil {
			out = append(out, o)
		}
	}
	if out == nil {
		return objects
	}
	return out
}

// helperGoes reports whether a request word (帮我去医院) comes before the first
// object: the helper is sent, so a hospital is only where to go.
func helperGoes(objects []object, askAt int) bool {
	return askAt >= 0 && len(objects) > 0 && askAt < objects[0].start
}

// otherMedical reports whether objects hold a medical need besides objects[i].
func otherMedical(objects []object, i int) bool {
	for j, o := range objects {
		if j != i && o.need == NeedMedical {
			return true
		}
	}
	return false
}

// heardFrom returns where the clause rs[lo:hi] tells what the writer heard someone say
// (听我们楼老张说, 听楼下说: 听, a teller, 说) and where the 说 ends, or -1. 听见, 听到
// and 听不清 are the writer's own ears, no hearsay.
func heardFrom(rs []rune, lo, hi int) (int, int) {
	for i := lo; i+2 < hi; i++ {
		if rs[i] != '听' {
			continue
		}
		switch rs[i+1] {
		case '见', '到', '不', '着', '清', '得', '说', '话', '力':
			continue
		}
		for j := i + 2; j < hi && j <= i+7; j++ {
			if isSep(rs[j]) {
				break
			}
			if rs[j] == '说' || rs[j] == '讲' {
				return i, j + 1
			}
		}
	}
	return -1, -1
}

// thirdParty reports whether rs[from:hi] brings in someone unnamed: 有个, 有人, 一个,
// 某.
func thirdParty(rs []rune, from, hi int) bool {
	for i := from; i+1 < hi; i++ {
		switch {
		case rs[i] == '有' && (rs[i+1] == '个' || rs[i+1] == '人' || rs[i+1] == '位'),
			rs[i] == '一' && (rs[i+1] == '个' || rs[i+1] == '位'),
			rs[i] == '某':
			return true
		}
	}
	return false
}

// vocative reports whether t opens the message and a separator follows it: the one the
// message is written to (小伙子，快来).
func vocative(rs []rune, t token) bool {
	return t.start == 0 && (t.end == len(rs) || isSep(rs[t.end]))
}
