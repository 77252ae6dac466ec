package parse

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"gopkg.in/yaml.v3"
)

//go:embed lexicon.yaml
var lexiconYAML []byte

// kind is what a lexicon phrase is about.
type kind uint8

const (
	kHealth kind = iota + 1
	kRecover
	kTest
	kVaccine
	kNeed
	kCue
	kNeg
	kHedge
	kClause
	kProxy
	kMeasure
	kPart
	kMark
	kIgnore
	kComp // one half of a pair (lexicon `pairs`): not a kind a group may name
)

// kinds maps the lexicon's kind names to kinds, with the values each allows.
var kinds = map[string]struct {
	k      kind
	values []string
}{
	"health":  {kHealth, []string{"unwell", "well"}},
	"recover": {kRecover, []string{"well", recoverAfter, recoverNamed}},
	"test":    {kTest, []string{"negative", "positive", "pending", "none", ""}},
	"vaccine": {kVaccine, []string{"", "0", "1", "2", "3", "4", "5", "6"}},
	"need":    {kNeed, []string{"food", "medicine", "medical", "errand"}},
	"cue":     {kCue, []string{"ask", "want", "lack"}},
	"neg":     {kNeg, []string{"absent", "not", "dont"}},
	"hedge":   {kHedge, []string{"weak", "neg"}},
	"clause":  {kClause, []string{"question", "others", "hearsay", "blessing", "past", "brk", "forward", "retract", "thanks", "future", "weather", "kin", "report"}},
	"proxy":   {kProxy, []string{"strong", "weak", "spouse", "self", "iam", "relation"}},
	"measure": {kMeasure, []string{"spo2", "temp", "bp", "dia", "glucose", "pulse"}},
	"part":    {kPart, partNames()},
	"mark":    {kMark, markNames()},
	"ignore":  {kIgnore, []string{""}},
}

// partNames and markNames are the feature names the lexicon may use per kind.
func partNames() []string { return featureNamesWhere(false) }
func markNames() []string { return featureNamesWhere(true) }

func featureNamesWhere(marks bool) []string {
	var out []string
	for f := fNone + 1; f < nFeatures; f++ {
		if f.isMark() == marks {
			out = append(out, featureNames[f])
		}
	}
	return out
}

// negatedValues lists, per kind that can be negated, the values `negated` may take.
var negatedValues = map[kind][]string{
	kHealth:  {"", "unwell", "well"},
	kTest:    {"negative", "positive", "pending", "none", ""},
	kVaccine: {"", "0"},
}

// meaning is one reading of a phrase.
type meaning struct {
	kind    kind
	value   string
	negated string  // the value when a negator governs the phrase
	feat    feature // for kPart and kMark
	action  bool    // for kNeed: a verb phrase (去医院), so 没 before it is "did not", not "lacks"
	comp    uint8   // for kComp: 2×pair for the first half, 2×pair+1 for the second
}

// entry is one phrase with all its readings.
type entry struct {
	runes []rune
	text  string
	means []meaning
	feats featSet // the parts and marks among means
	comps bool    // it is half of a pair
	// soft: only the fallback reads it (doubt.go). It takes no text from the phrases
	// of the discriminators: the scan goes on inside it (快叫120 is still 叫120).
	soft bool
}

// has reports whether e has a reading of kind k, and returns it.
func (e *entry) has(k kind) (meaning, bool) {
	for _, m := range e.means {
		if m.kind == k {
			return m, true
		}
	}
	return meaning{}, false
}

// matcher finds the longest phrase starting at a position.
type matcher struct {
	entries []entry
	byFirst map[rune]*firstIndex
	byText  map[string]int32 // while loading
	// The index of the common ideographs and of ASCII in arrays: cjk[r-cjkLo] is rune
	// r's. A table lookup instead of a map access at every position.
	cjk   []*firstIndex
	ascii [128]*firstIndex
}

// firstIndex holds the entries that start with one rune, longest first. When there
// are many (不 starts a hundred and more), they are also kept by their second rune.
type firstIndex struct {
	all []candidate
	// seconds and bySecond index all by second rune when all is long (nil when short):
	// seconds is sorted, bySecond[k] lists the entries whose second rune is seconds[k],
	// longest first. A binary search over a few dozen runes is cheaper than a map.
	seconds  []rune
	bySecond [][]candidate
	single   int32 // the one-rune entry, -1 when none
}

// candidate is an entry in a list of firstIndex, with what turns most candidates down
// without reading the entry itself: its length, and its first rune after those the
// list is indexed by (1 for all, 2 for bySecond).
type candidate struct {
	idx  int32
	n    int32 // len(runes)
	next rune  // runes[from], 0 when the phrase has no more runes
}

// candidates lists idxs as candidates whose runes before from are known to match.
func (m *matcher) candidates(idxs []int32, from int) []candidate {
	out := make([]candidate, len(idxs))
	for k, idx := range idxs {
		p := m.entries[idx].runes
		out[k] = candidate{idx: idx, n: int32(len(p))}
		if len(p) > from {
			out[k].next = p[from]
		}
	}
	return out
}

// bySecondRune returns the entries whose second rune is r, longest first.
func (fi *firstIndex) bySecondRune(r rune) []candidate {
	if k, ok := slices.BinarySearch(fi.seconds, r); ok {
		return fi.bySecond[k]
	}
	return nil
}

const (
	cjkLo, cjkHi = 0x4E00, 0x9FFF
	pairsOver    = 12 // a rune that starts more entries than this is indexed by pairs
)

// first returns the index of the entries that start with r, or nil.
func (m *matcher) first(r rune) *firstIndex {
	switch {
	case r >= cjkLo && r <= cjkHi && m.cjk != nil:
		return m.cjk[r-cjkLo]
	case r >= 0 && r < 128:
		return m.ascii[r]
	}
	return m.byFirst[r]
}

// longest returns the index of the longest entry that starts at rs[i], or -1.
func (m *matcher) longest(rs []rune, i int) int {
	fi := m.first(rs[i])
	if fi == nil {
		return -1
	}
	list, from := fi.all, 1
	if fi.seconds != nil {
		if i+1 >= len(rs) {
			return int(fi.single)
		}
		list, from = fi.bySecondRune(rs[i+1]), 2
	}
	for _, c := range list {
		n := int(c.n)
		if n > len(rs)-i || n > from && rs[i+from] != c.next {
			continue
		}
		idx := c.idx
		p := m.entries[idx].runes
		ok := true
		for j := from + 1; j < len(p); j++ {
			if rs[i+j] != p[j] {
				ok = false
				break
			}
		}
		if ok && wordAt(rs, i, len(p)) { // app is a word, not the app of happy
			return int(idx)
		}
	}
	if fi.seconds != nil {
		return int(fi.single)
	}
	return -1
}

// find returns the entry of phrase, or nil.
func (m *matcher) find(phrase string) *entry {
	if i, ok := m.byText[phrase]; ok {
		return &m.entries[i]
	}
	return nil
}

func (m *matcher) add(phrase string, mean meaning) {
	if e := m.find(phrase); e != nil {
		e.means = append(e.means, mean)
		return
	}
	if m.byText == nil {
		m.byText = make(map[string]int32)
	}
	m.byText[phrase] = int32(len(m.entries))
	m.entries = append(m.entries, entry{runes: []rune(phrase), text: phrase, means: []meaning{mean}})
}

func (m *matcher) index() {
	for i := range m.entries {
		e := &m.entries[i]
		for _, mn := range e.means {
			if mn.kind == kPart || mn.kind == kMark {
				e.feats.add(mn.feat)
			}
			if mn.kind == kComp {
				e.comps = true
			}
		}
		e.soft = !e.feats.empty() && !e.comps && len(pick(e.feats, doubtFeats...).slice()) == e.feats.count()
	}
	lists := make(map[rune][]int32)
	for i, e := range m.entries {
		lists[e.runes[0]] = append(lists[e.runes[0]], int32(i))
	}
	m.byFirst = make(map[rune]*firstIndex, len(lists))
	m.cjk = make([]*firstIndex, cjkHi-cjkLo+1)
	for r, list := range lists {
		sort.SliceStable(list, func(a, b int) bool {
			return len(m.entries[list[a]].runes) > len(m.entries[list[b]].runes)
		})
		fi := &firstIndex{all: m.candidates(list, 1), single: -1}
		if len(list) > pairsOver {
			pairs := make(map[rune][]int32)
			for _, idx := range list {
				if p := m.entries[idx].runes; len(p) == 1 {
					fi.single = idx
				} else {
					pairs[p[1]] = append(pairs[p[1]], idx)
				}
			}
			fi.seconds = slices.Sorted(maps.Keys(pairs))
			for _, r := range fi.seconds {
				fi.bySecond = append(fi.bySecond, m.candidates(pairs[r], 2))
			}
		}
		m.byFirst[r] = fi
		switch {
		case r >= cjkLo && r <= cjkHi:
			m.cjk[r-cjkLo] = fi
		case r >= 0 && r < 128:
			m.ascii[r] = fi
		}
	}
}

// lexicon is the compiled lexicon.yaml.
type lexicon struct {
	words    matcher // every kind but part and mark, with ignore
	signs    matcher // part and mark, with ignore: scanned on their own (triage.go)
	rewrites matcher // meaning.value holds the replacement; English keys as stems
	english  *englishStems
	emoji    map[string]string
	fast     []string
	respell  []string // phrases whose homophones are read as them (respell.go)
	pairs    []pair   // parts read from two phrases in a clause, in either order
	// potential holds the failing bodily acts of the fallback (doubt.go)
	potential potential
}

// pair is a part that two phrases give together when both are read in one clause, in
// either order, at most within runes apart: 找不到 + 家 (家都找不到了, 找不着自己家那栋楼)
// is lost, 叫 + 不吱声 is no answer to a call.
type pair struct {
	feat   feature
	within int
}

// maxPairs bounds the pairs (a clause keeps the pairs it found in a 64-bit mask).
const maxPairs = 64

// pairWithin is how many runes may stand between the two halves of a pair by default.
const pairWithin = 8

type lexiconFile struct {
	Rewrite map[string]string `yaml:"rewrite"`
	// EnglishExact lists English words whose other forms are not read as them
	// (english.go): missing is not miss.
	EnglishExact []string `yaml:"english_exact"`
	// EnglishSame maps English forms to the one word the rewrites use (english.go):
	// cannot and can not are cant.
	EnglishSame map[string]string `yaml:"english_same"`
	Emoji       map[string]string `yaml:"emoji"`
	Fast        []string          `yaml:"fast"`
	// Respell lists the phrases whose homophones are read as them (respell.go).
	Respell []string   `yaml:"respell"`
	Pairs   []pairSpec `yaml:"pairs"`
	// Potential gives the part unable from the runes (doubt.go): verb + 不 + complement,
	// or prefix + verb; except lists whole forms that are no failure of the body.
	Potential struct {
		Verbs       []string `yaml:"verbs"`
		Complements []string `yaml:"complements"`
		Prefixes    []string `yaml:"prefixes"`
		Except      []string `yaml:"except"`
	} `yaml:"potential"`
	Groups []struct {
		Kind    string   `yaml:"kind"`
		Value   string   `yaml:"value"`
		Negated *string  `yaml:"negated"`
		Action  bool     `yaml:"action"`
		Unwell  bool     `yaml:"unwell"`
		Phrases []string `yaml:"phrases"`
	} `yaml:"groups"`
}

// phraseOK reports why p cannot be matched against normalised text, or "".
func phraseOK(p string, allowPunct bool) string {
	if p == "" {
		return "empty phrase"
	}
	for _, r := range p {
		switch {
		case unicode.IsUpper(r):
			return "upper-case letter"
		case r >= 0xFF01 && r <= 0xFF5E:
			return "full-width character"
		case unicode.IsSpace(r):
			return "space"
		case isTrad(r):
			return fmt.Sprintf("traditional character %q", r)
		case !allowPunct && (unicode.IsPunct(r) || unicode.IsSymbol(r)):
			return fmt.Sprintf("punctuation %q", r)
		}
	}
	return ""
}

// loadLexicon parses and validates a lexicon document.
func loadLexicon(data []byte) (*lexicon, error) {
	var f lexiconFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	lx := &lexicon{emoji: make(map[string]string), fast: f.Fast}
	for from, to := range f.Rewrite {
		for _, word := range strings.Fields(from) {
			if why := phraseOK(word, false); why != "" {
				return nil, fmt.Errorf("lexicon: rewrite %q: %s", from, why)
			}
		}
		if why := phraseOK(to, false); why != "" {
			return nil, fmt.Errorf("lexicon: rewrite %q -> %q: %s", from, to, why)
		}
	}
	es, stemmed, err := loadEnglish(f.Rewrite, f.EnglishExact, f.EnglishSame)
	if err != nil {
		return nil, err
	}
	lx.english = es
	for from, to := range stemmed {
		// English of several words (chest pain) is matched across the joins of its
		// spaces, each word as its stem
		lx.rewrites.add(from, meaning{value: to})
	}
	for code, to := range f.Emoji {
		if why := phraseOK(code, false); why != "" {
			return nil, fmt.Errorf("lexicon: emoji [%s]: %s", code, why)
		}
		if len([]rune(to)) > len([]rune(code))+2 {
			return nil, fmt.Errorf("lexicon: emoji [%s]: value %q longer than the code", code, to)
		}
		lx.emoji[code] = to
	}
	seen := make(map[string]string) // phrase+kind -> group
	var unwell []string             // phrases of `unwell: true` part groups
	for gi, g := range f.Groups {
		where := fmt.Sprintf("lexicon: group %d (%s %q)", gi+1, g.Kind, g.Value)
		kd, ok := kinds[g.Kind]
		if !ok {
			return nil, fmt.Errorf("%s: unknown kind %q", where, g.Kind)
		}
		if !contains(kd.values, g.Value) {
			return nil, fmt.Errorf("%s: value %q not one of %q", where, g.Value, kd.values)
		}
		m := meaning{kind: kd.k, value: g.Value, negated: g.Value, action: g.Action}
		if g.Action && kd.k != kNeed {
			return nil, fmt.Errorf("%s: only a need group can be an action", where)
		}
		if g.Unwell && kd.k != kPart {
			return nil, fmt.Errorf("%s: only a part group can be unwell", where)
		}
		if kd.k == kPart || kd.k == kMark {
			m.feat, _ = featureByName(g.Value)
		}
		if g.Negated != nil {
			allowed, ok := negatedValues[kd.k]
			if !ok {
				return nil, fmt.Errorf("%s: kind %s cannot have a negated value", where, g.Kind)
			}
			if !contains(allowed, *g.Negated) {
				return nil, fmt.Errorf("%s: negated %q not one of %q", where, *g.Negated, allowed)
			}
			m.negated = *g.Negated
		}
		if len(g.Phrases) == 0 {
			return nil, fmt.Errorf("%s: no phrases", where)
		}
		phrases, err := expandAll(g.Phrases)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		for _, p := range phrases {
			if why := phraseOK(p, kd.k == kClause); why != "" {
				return nil, fmt.Errorf("%s: phrase %q: %s", where, p, why)
			}
			key := p + "\x00" + g.Kind
			if kd.k == kPart || kd.k == kMark {
				key += "\x00" + g.Value // a phrase may carry several parts (胸闷: chest, press)
			}
			if prev, dup := seen[key]; dup {
				return nil, fmt.Errorf("%s: phrase %q already in %s", where, p, prev)
			}
			seen[key] = where
			switch kd.k {
			case kPart, kMark:
				lx.signs.add(p, m)
			case kIgnore:
				lx.words.add(p, m)
				lx.signs.add(p, m)
			case kMeasure: // 血压 is no blood: a measure hides the parts inside it
				lx.words.add(p, m)
				if lx.signs.find(p) == nil {
					lx.signs.add(p, meaning{kind: kIgnore})
				}
			default:
				lx.words.add(p, m)
			}
			if g.Unwell {
				unwell = append(unwell, p)
			}
		}
	}
	if err := lx.loadPairs(f.Pairs); err != nil {
		return nil, err
	}
	if err := lx.checkHalves(); err != nil {
		return nil, err
	}
	if err := lx.loadPotential(f.Potential.Verbs, f.Potential.Complements, f.Potential.Prefixes, f.Potential.Except); err != nil {
		return nil, err
	}
	// The sign matcher knows every word as a whole, so that a part inside a longer
	// word is no part: 麻烦 is no numbness, 手术 no hand, 老头子 no head.
	// Negators and hedges are operators, not words: 还没 must not hide 没回家.
	for i := range lx.words.entries {
		e := &lx.words.entries[i]
		if _, neg := e.has(kNeg); neg {
			continue
		}
		if _, hedge := e.has(kHedge); hedge {
			continue
		}
		if lx.signs.find(e.text) != nil {
			continue
		}
		// A sign phrase with a particle after it (烫伤了, 摔着了) is that sign: the word
		// must not hide it.
		if stem := particleStem(e.runes); stem != "" {
			if se := lx.signs.find(stem); se != nil && (hasKind(se, kPart) || hasKind(se, kMark)) {
				for _, mn := range se.means {
					lx.signs.add(e.text, mn)
				}
				continue
			}
		}
		lx.signs.add(e.text, meaning{kind: kIgnore})
	}
	// A sign read on its own says the elder is unwell, unless the phrase already has a
	// health reading; negated it says nothing (没摔倒 is no news).
	for _, p := range unwell {
		e := lx.words.find(p)
		if e == nil {
			lx.words.add(p, meaning{kind: kHealth, value: string(HealthUnwell)})
		} else if _, ok := e.has(kHealth); !ok {
			e.means = append(e.means, meaning{kind: kHealth, value: string(HealthUnwell)})
		}
	}
	for _, p := range f.Fast {
		if why := phraseOK(p, false); why != "" {
			return nil, fmt.Errorf("lexicon: fast %q: %s", p, why)
		}
	}
	lx.words.index()
	lx.signs.index()
	lx.rewrites.index()
	if err := lx.checkDoubtWords(); err != nil {
		return nil, err
	}
	if err := lx.loadRespell(f.Respell); err != nil {
		return nil, err
	}
	return lx, nil
}

// loadRespell checks the respell phrases: two to four common ideographs that the
// lexicon reads (a word or a sign), each once.
func (lx *lexicon) loadRespell(phrases []string) error {
	seen := map[string]bool{}
	for _, p := range phrases {
		rs := []rune(p)
		switch {
		case seen[p]:
			return fmt.Errorf("lexicon: respell %q: listed twice", p)
		case len(rs) < respellMin || len(rs) > respellMax:
			return fmt.Errorf("lexicon: respell %q: want %d to %d ideographs", p, respellMin, respellMax)
		case lx.words.find(p) == nil && lx.signs.find(p) == nil:
			return fmt.Errorf("lexicon: respell %q: not a phrase of the lexicon", p)
		}
		for _, r := range rs {
			if r < cjkLo || r > cjkHi {
				return fmt.Errorf("lexicon: respell %q: %q is not a common ideograph", p, r)
			}
		}
		seen[p] = true
		lx.respell = append(lx.respell, p)
	}
	return nil
}

// pairSpec is a pair as lexicon.yaml writes it.
type pairSpec struct {
	Value  string   `yaml:"value"`
	Within int      `yaml:"within"`
	First  []string `yaml:"first"`
	Second []string `yaml:"second"`
}

// loadPairs validates the lexicon's pairs and adds their halves to the sign matcher.
func (lx *lexicon) loadPairs(pairs []pairSpec) error {
	if len(pairs) > maxPairs {
		return fmt.Errorf("lexicon: %d pairs, at most %d", len(pairs), maxPairs)
	}
	for i, pr := range pairs {
		where := fmt.Sprintf("lexicon: pair %d (%s)", i+1, pr.Value)
		f, ok := featureByName(pr.Value)
		if !ok || f.isMark() {
			return fmt.Errorf("%s: %q is not a part", where, pr.Value)
		}
		if pr.Within < 0 || pr.Within > 20 {
			return fmt.Errorf("%s: within %d, want 0..20 (0: %d)", where, pr.Within, pairWithin)
		}
		within := pr.Within
		if within == 0 {
			within = pairWithin
		}
		lx.pairs = append(lx.pairs, pair{feat: f, within: within})
		halves := [2][]string{pr.First, pr.Second}
		seen := make(map[string]int)
		for h, list := range halves {
			if len(list) == 0 {
				return fmt.Errorf("%s: no phrases in its %s half", where, [2]string{"first", "second"}[h])
			}
			phrases, err := expandAll(list)
			if err != nil {
				return fmt.Errorf("%s: %w", where, err)
			}
			for _, p := range phrases {
				if why := phraseOK(p, false); why != "" {
					return fmt.Errorf("%s: phrase %q: %s", where, p, why)
				}
				if prev, dup := seen[p]; dup {
					return fmt.Errorf("%s: phrase %q twice (halves %d and %d)", where, p, prev+1, h+1)
				}
				seen[p] = h
				lx.signs.add(p, meaning{kind: kComp, comp: uint8(2*i + h)})
			}
		}
	}
	return nil
}

// loadPotential validates the lexicon's potential forms (doubt.go): verbs of one or
// two runes, complements and prefixes, each normalised and listed once, and exceptions
// that are forms the lists make.
func (lx *lexicon) loadPotential(verbs, complements, prefixes, except []string) error {
	p := &lx.potential
	p.verbs, p.except = make(map[[2]rune]bool), make(map[string]bool)
	if len(verbs) == 0 && (len(complements) > 0 || len(prefixes) > 0) {
		return fmt.Errorf("lexicon: potential: complements or prefixes without verbs")
	}
	seen := make(map[string]string)
	check := func(list []string, what string, maxLen int) error {
		for _, w := range list {
			if why := phraseOK(w, false); why != "" {
				return fmt.Errorf("lexicon: potential %s %q: %s", what, w, why)
			}
			if n := len([]rune(w)); maxLen > 0 && n > maxLen {
				return fmt.Errorf("lexicon: potential %s %q: longer than %d runes", what, w, maxLen)
			}
			if prev, dup := seen[what+w]; dup {
				return fmt.Errorf("lexicon: potential %s %q twice (%s)", what, w, prev)
			}
			seen[what+w] = what
		}
		return nil
	}
	if err := check(verbs, "verb", 2); err != nil {
		return err
	}
	if err := check(complements, "complement", 0); err != nil {
		return err
	}
	if err := check(prefixes, "prefix", 0); err != nil {
		return err
	}
	if err := check(except, "except", 0); err != nil {
		return err
	}
	for _, v := range verbs {
		rs := []rune(v)
		var k [2]rune
		copy(k[:], rs)
		p.verbs[k] = true
	}
	byLen := func(list []string) [][]rune {
		out := make([][]rune, 0, len(list))
		for _, w := range list {
			out = append(out, []rune(w))
		}
		sort.SliceStable(out, func(a, b int) bool { return len(out[a]) > len(out[b]) })
		return out
	}
	p.complements, p.prefixes = byLen(complements), byLen(prefixes)
	for _, x := range except {
		rs := []rune(x)
		at := 0
		for i, r := range rs {
			if r == '不' && i > 0 {
				at = i
				break
			}
		}
		if s, e, ok := p.unableAt(rs, 0, len(rs), at); !ok || s != 0 || e != len(rs) {
			return fmt.Errorf("lexicon: potential except %q: not a form of the lists", x)
		}
		p.except[x] = true
	}
	return nil
}

// doubtFeats are the parts and marks only the fallback reads (doubt.go): a phrase of
// theirs is new to a lexicon built for the discriminators, and must not take the
// place of one of their phrases.
var doubtFeats = []feature{fUnable, fOdd, fHurry, fSite, mExtreme}

// checkDoubtWords rejects a phrase only the fallback reads that begins with a shorter
// phrase of a part or mark of the discriminators (僵着 would hide 僵 where the scan
// stands): the scan goes on inside such a phrase, but at its own start the longest
// phrase wins.
func (lx *lexicon) checkDoubtWords() error {
	var errs []error
	for _, e := range lx.signs.entries {
		if !e.soft {
			continue
		}
		for _, o := range lx.signs.entries {
			if o.soft || len(o.runes) >= len(e.runes) || !(hasKind(&o, kPart) || hasKind(&o, kMark) || hasKind(&o, kComp)) {
				continue
			}
			if strings.HasPrefix(e.text, o.text) {
				errs = append(errs, fmt.Errorf("lexicon: %q (%s) hides %q (%s) at its start", e.text, e.means[0].feat, o.text, o.means[0].feat))
			}
		}
	}
	return errors.Join(errs...)
}

// checkHalves rejects a half of a pair that would hide a part or a mark inside it: the
// longest phrase wins, so 认不出来 as a half alone would hide the confusion of 认不出.
// Such a half must carry that part too (list it in the part's group) or be another
// phrase.
func (lx *lexicon) checkHalves() error {
	var errs []error
	for _, e := range lx.signs.entries {
		if !hasKind(&e, kComp) || hasKind(&e, kPart) || hasKind(&e, kMark) {
			continue
		}
		for _, o := range lx.signs.entries {
			if len(o.runes) < len(e.runes) && (hasKind(&o, kPart) || hasKind(&o, kMark)) && strings.Contains(e.text, o.text) {
				errs = append(errs, fmt.Errorf("lexicon: pair half %q hides %q (%s) inside it", e.text, o.text, o.means[0].feat))
			}
		}
	}
	return errors.Join(errs...)
}

// particleStem returns p without a final particle (了, 着, 过, 的, 得, 啦, 呢), or "".
func particleStem(p []rune) string {
	if len(p) < 3 {
		return ""
	}
	switch p[len(p)-1] {
	case '了', '着', '过', '的', '得', '啦', '呢':
		return string(p[:len(p)-1])
	}
	return ""
}

// expandAll expands the alternatives of every phrase: 拿{住,稳}不 is not allowed to
// nest, {拿,端,握}不{住,稳} gives six phrases, {,有点}麻 gives 麻 and 有点麻.
func expandAll(phrases []string) ([]string, error) {
	var out []string
	for _, p := range phrases {
		ex, err := expand(p)
		if err != nil {
			return nil, fmt.Errorf("phrase %q: %w", p, err)
		}
		out = append(out, ex...)
	}
	return out, nil
}

// expand returns the phrases a pattern with {a,b} alternatives stands for.
func expand(p string) ([]string, error) {
	open := strings.IndexByte(p, '{')
	if open < 0 {
		if strings.ContainsAny(p, "{}") {
			return nil, fmt.Errorf("unbalanced braces")
		}
		return []string{p}, nil
	}
	end := strings.IndexByte(p[open:], '}')
	if end < 0 {
		return nil, fmt.Errorf("unbalanced braces")
	}
	end += open
	inner := p[open+1 : end]
	if strings.ContainsAny(inner, "{") {
		return nil, fmt.Errorf("nested braces")
	}
	rest, err := expand(p[end+1:])
	if err != nil {
		return nil, err
	}
	var out []string
	for _, alt := range strings.Split(inner, ",") {
		for _, r := range rest {
			out = append(out, p[:open]+alt+r)
		}
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var (
	lexOnce sync.Once
	lexData *lexicon
)

// lex returns the embedded lexicon, compiled once. The lexicon is validated by the
// package tests, so a failure here is a build defect and panics.
func lex() *lexicon {
	lexOnce.Do(func() {
		lx, err := loadLexicon(lexiconYAML)
		if err != nil {
			panic(err)
		}
		lexData = lx
	})
	return lexData
}

// atoiSmall parses a vaccine dose count from the lexicon ("" = not a count).
func atoiSmall(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}
