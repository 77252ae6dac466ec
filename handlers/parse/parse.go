package parse

import (
	"strings"
	"sync"
	"unicode/utf8"
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
	recov  bool   // a recovery: clears the illness stated before it
	ends   ending // a recovery that ends one complaint only (不恶心了, 疹子退了): see ended
	past   bool   // told as past (上周, 以前): cleared by a present "well" after it
	self   bool   // a well with the writer named right before it (我很好): hearsay or a joke before it in the clause does not take it
	c      int    // the clause it was read in
}

// ending is how a recovery ends one complaint (resolveHealth).
type ending int8

const (
	endsAll    ending = iota // a recovery of the elder (好了, 没事了): it clears every illness before it
	endsNamed                // the complaint it negates has stopped (不恶心了, 不痛了)
	endsBefore               // it ends the complaint told before it (疹子退了, 现在消了)
)

// object is a thing asked for or mentioned in a clause.
type object struct {
	need   Need
	start  int
	end    int
	phrase string
}

// reading accumulates what a message says while its clauses are read.
type reading struct {
	rs        []rune
	pos       tracker // the origin in the message of each rune of rs (quote)
	health    []hsig
	retract   int // position of the last 不对; well before it is withdrawn
	test      Test
	testEv    string
	doses     int
	doseEv    string
	zeroEv    string
	needs     []object
	pending   []object // objects with no request in their clause
	askEv     string   // a request on its own (帮忙, menu 3)
	cueEv     string
	proxy     struct{ strong, weak, spouse, self, iam, relation string }
	signal    bool // the message reports anything at all
	forward   string
	blessing  bool  // the last clause was a blessing (it runs on into the next)
	hearsayOn bool  // the last clause ended on a hearsay marker (看了个新闻，说…): it tells the next
	storyOn   bool  // hearsay told of a third party (新闻里说有个老太太…): it runs on until the writer speaks of theirs
	asideOn   aside // an illness told of someone not the elder (我女儿阳了): it runs on through clauses that name no one
	parentAt  int   // where the writer first names a parent (我妈), the message's length when not
	cur       int   // the clause being read
	hypo      bool  // a hypothesis (万一, 要是) runs on into this clause
	hypoAsked bool  // the clause before asked about a hypothesis (万一…怎么办？)
	thingAt   int   // the last clause whose subject was a thing or a pet, -1 when none
	// explained: a rule read a sign and found it harmless (睡懒觉，叫都叫不醒); the
	// resemblance model does not second-guess it.
	explained bool
	// brkAt is 1 + the end of the last 就是/只是/不过 read, 0 when none: a "well" before it
	// is qualified (挺好的，就是…).
	brkAt     int
	brkClause int    // the clause of that break
	brkWord   string // and its word
	// rulesOnly reads by the rules alone: no resemblance, and a health no rule read stays
	// unknown (the model's training reads so, that it never depends on itself).
	rulesOnly bool
	// spouseClause is the first clause that names the spouse, -1 when none.
	spouseClause int

	// the triage layer (triage.go), in buffers reused between messages
	tcls   []tclause
	hits   []thit
	vitals []vital
	// listAt is 1 + the clause of a reading's header followed by a list (血压：, 血氧测了
	// 一圈：), 0 when none; listKind is its measure
	listAt   int
	listKind vitalKind
	comps    []chit // halves of pairs read in the current clause
	// toldSet is told() once triage has settled every clause's status (toldKnown): a
	// long message asks for it once a finding, and it does not change.
	toldSet   featSet
	toldKnown bool
	buf       *triageBuf
}

// triageBuf holds the tokens and the triage layer's records of one message; a pool
// keeps them so that a message does not allocate and clear them anew.
type triageBuf struct {
	rs     []rune  // the message as normalised (only read while it is parsed)
	toks   []token // its tokens
	tcls   [16]tclause
	hits   [48]thit
	vitals [4]vital
	comps  [16]chit
	// the reading's statements and objects, and one clause's at a time (they are
	// copied out of objects and scopes before the next clause is read)
	health  [8]hsig
	needs   [4]object
	pending [4]object
	objects [4]object
	scopes  [4]negScope
	finds   [8]finding // triage's findings (quote copies them into the Reply)
	pos     tracker    // the origin in the message of each rune of rs
	orig    []rune     // the message's runes as written, for quote
}

var triagePool = sync.Pool{New: func() any { return new(triageBuf) }}

func (rd *reading) text(t token) string { return string(rd.rs[t.start:t.end]) }

// parseText is the full parser.
func parseText(text string) Reply {
	r := Reply{Intent: IntentOther, Health: HealthUnknown, Doses: -1, Test: TestUnknown, Alert: AlertNone}
	var rd reading
	if !rd.read(text) {
		return r // 👍, [强]: a thumbs-up is a greeting (the public corpus reads it so)
	}
	defer triagePool.Put(rd.buf)
	if rd.forward != "" && !rd.happeningNow() {
		r.Evidence = []Evidence{{Field: "intent", Phrase: rd.forward}}
		return r
	}
	rd.finish(&r, text)
	return r
}

// forwardHeads are the words that, alone before the first separator, head a forwarded
// text: （转）心梗前兆有这几个 (the brackets are separators by then).
var forwardHeads = runesOf("转", "转发", "转载", "转帖")

// forwardHeadLen returns the length of the forward head, alone before a separator,
// that rs opens with; 0 when none.
func forwardHeadLen(rs []rune) int {
	for _, w := range forwardHeads {
		if n := len(w); len(rs) > n && runesAt(rs, 0, w) && isSep(rs[n]) {
			return n
		}
	}
	return 0
}

// happeningNow reports whether the message tells of something just now (刚才, 刚刚): a
// notice that does (通知：3栋王奶奶刚才摔倒了) is news, not a forward; 突然 is not
// enough, as health advice uses it (转发：老人突然嘴歪，要马上打120).
func (rd *reading) happeningNow() bool { return containsAny(rd.rs, "刚才", "刚刚") }

// read normalises text and reads its clauses into rd; it returns false, and keeps
// nothing from triagePool, for a message with nothing to read. Otherwise the caller
// puts rd.buf back in triagePool.
func (rd *reading) read(text string) bool {
	buf := triagePool.Get().(*triageBuf)
	if buf.pos == nil {
		buf.pos = make(tracker, 0, 64) // not nil: a nil tracker tracks nothing
	}
	// The origins cost next to nothing beside the normalising, and quote needs them
	// for a message with a finding.
	rs, pos := normalizeTracked(buf.rs, text, buf.pos[:0])
	if len(rs) == 0 {
		triagePool.Put(buf)
		return false
	}
	lx := lex()
	toks := tokenize(rs, lx, buf.toks[:0])
	buf.rs, buf.toks, buf.pos = rs[:0], toks[:0], pos[:0] // the arrays, grown as they needed, serve the next message
	*rd = reading{rs: rs, pos: pos, retract: -1, test: TestUnknown, doses: -1, spouseClause: -1, thingAt: -1, parentAt: len(rs),
		buf: buf}
	rd.tcls, rd.hits, rd.vitals, rd.comps = rd.buf.tcls[:0], rd.buf.hits[:0], rd.buf.vitals[:0], rd.buf.comps[:0]
	rd.health, rd.needs, rd.pending = rd.buf.health[:0], rd.buf.needs[:0], rd.buf.pending[:0]

	if loneFine(rs) { // 好, 好 好 好, 回复1: the shortest reply that all is well
		rd.health = append(rd.health, hsig{value: HealthWell, pos: 0, phrase: string(rs), c: -1})
		rd.signal = true
	}
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
	if n := forwardHeadLen(rs); rd.forward == "" && n > 0 {
		rd.forward = string(rs[:n]) // （转）心梗前兆有这几个: a forward's head, standing alone
	}
	if n := len(rd.tcls); n > 0 && lonePlea(rs) {
		// 帮帮我, help, 快来啊: a plea that is the whole message is a cry for help
		tc := &rd.tcls[n-1]
		tc.feats.add(fHelp)
		rd.hits = append(rd.hits, thit{f: fHelp, c: int16(n - 1), start: int32(tc.lo), end: int32(tc.hi)})
		tc.h1 = len(rd.hits)
	}
	return true
}

// lonePleas are the pleas that, as the whole message, cry for help (with 帮帮我买点菜 or
// pls help buy food they ask for an errand).
var lonePleas = map[string]bool{
	"帮帮我": true, "帮帮我吧": true, "帮帮我啊": true, "帮帮我呀": true, "快来": true, "快来啊": true, "快来呀": true,
	"快来吧": true, "快点来": true, "求求你们": true, "求求你们了": true, "求求你了": true, "help": true, "help我": true,
	"hlep": true, "halp": true, "help我pls": true, "help我please": true, "救": true, "救救": true,
}

// lonePlea reports whether rs, its separators and spaces aside, is one of lonePleas. It
// builds no string: the map is looked up with the bytes themselves.
func lonePlea(rs []rune) bool {
	if len(rs) > 16 || !strings.ContainsRune("帮快求救hH", rs[0]) {
		return false // every plea begins so: most short messages go no further
	}
	var b [16 * utf8.UTFMax]byte
	n := 0
	for _, r := range rs {
		if !isSep(r) && r != ' ' && r != wordJoin {
			n += utf8.EncodeRune(b[n:], r)
		}
	}
	return n > 0 && lonePleas[string(b[:n])]
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

// loneFine reports whether a message is only 好, once or repeated (好 好 好), ok, or 回复1:
// a reply to the check-in prompt that all is well.
func loneFine(rs []rune) bool {
	if len(rs) > 8 {
		return false
	}
	switch string(rs) {
	case "回复1", "回1", "好的好的", "ok", "okay", "okk", "ok的", "ok了", "都ok", "一切ok", "ok,1", "1,ok", "ok1", "1ok":
		return true // ok alone is all well; inside a message it is not (ok但是头晕)
	}
	n := 0
	for _, r := range rs {
		switch {
		case r == '好':
			n++
		case isSep(r) || r == ' ':
		default:
			return false
		}
	}
	return n > 0 && n <= 4
}
