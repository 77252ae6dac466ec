package parse

import (
	"bytes"
	_ "embed"
	"fmt"
	"sort"
	"strconv"
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
	kSite
	kIgnore
)

// kinds maps the lexicon's kind names to kinds, with the values each allows.
var kinds = map[string]struct {
	k      kind
	values []string
}{
	"health":  {kHealth, []string{"urgent", "unwell", "well"}},
	"recover": {kRecover, []string{"well"}},
	"test":    {kTest, []string{"negative", "positive", "pending", "none", ""}},
	"vaccine": {kVaccine, []string{"", "0", "1", "2", "3", "4", "5", "6"}},
	"need":    {kNeed, []string{"food", "medicine", "medical", "errand"}},
	"cue":     {kCue, []string{"ask", "want", "lack"}},
	"neg":     {kNeg, []string{"absent", "not", "dont"}},
	"hedge":   {kHedge, []string{"weak", "neg"}},
	"clause":  {kClause, []string{"question", "others", "hearsay", "blessing", "past", "brk", "forward", "retract", "thanks", "future", "weather", "kin", "report"}},
	"proxy":   {kProxy, []string{"strong", "weak", "spouse", "self", "iam", "relation"}},
	"measure": {kMeasure, []string{"spo2", "temp", "bp", "glucose"}},
	"site":    {kSite, []string{"urgent"}},
	"ignore":  {kIgnore, []string{""}},
}

// negatedValues lists, per kind that can be negated, the values `negated` may take.
var negatedValues = map[kind][]string{
	kHealth:  {"", "urgent", "unwell", "well"},
	kTest:    {"negative", "positive", "pending", "none", ""},
	kVaccine: {"", "0"},
}

// meaning is one reading of a phrase.
type meaning struct {
	kind    kind
	value   string
	negated string // the value when a negator governs the phrase
}

// entry is one phrase with all its readings.
type entry struct {
	runes []rune
	text  string
	means []meaning
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
	byFirst map[rune][]int32 // entry indexes, longest first
}

// longest returns the index of the longest entry that starts at rs[i], or -1.
func (m *matcher) longest(rs []rune, i int) int {
	for _, idx := range m.byFirst[rs[i]] {
		p := m.entries[idx].runes
		if len(p) > len(rs)-i {
			continue
		}
		ok := true
		for j := 1; j < len(p); j++ {
			if rs[i+j] != p[j] {
				ok = false
				break
			}
		}
		if ok {
			return int(idx)
		}
	}
	return -1
}

func (m *matcher) add(phrase string, mean meaning) {
	for i := range m.entries {
		if m.entries[i].text == phrase {
			m.entries[i].means = append(m.entries[i].means, mean)
			return
		}
	}
	m.entries = append(m.entries, entry{runes: []rune(phrase), text: phrase, means: []meaning{mean}})
}

func (m *matcher) index() {
	m.byFirst = make(map[rune][]int32)
	for i, e := range m.entries {
		m.byFirst[e.runes[0]] = append(m.byFirst[e.runes[0]], int32(i))
	}
	for _, list := range m.byFirst {
		sort.SliceStable(list, func(a, b int) bool {
			return len(m.entries[list[a]].runes) > len(m.entries[list[b]].runes)
		})
	}
}

// lexicon is the compiled lexicon.yaml.
type lexicon struct {
	words    matcher
	rewrites matcher // meaning.value holds the replacement
	emoji    map[string]string
	fast     []string
}

type lexiconFile struct {
	Rewrite map[string]string `yaml:"rewrite"`
	Emoji   map[string]string `yaml:"emoji"`
	Fast    []string          `yaml:"fast"`
	Groups  []struct {
		Kind    string   `yaml:"kind"`
		Value   string   `yaml:"value"`
		Negated *string  `yaml:"negated"`
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
		if why := phraseOK(from, false); why != "" {
			return nil, fmt.Errorf("lexicon: rewrite %q: %s", from, why)
		}
		if why := phraseOK(to, false); why != "" {
			return nil, fmt.Errorf("lexicon: rewrite %q -> %q: %s", from, to, why)
		}
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
	for gi, g := range f.Groups {
		where := fmt.Sprintf("lexicon: group %d (%s %q)", gi+1, g.Kind, g.Value)
		kd, ok := kinds[g.Kind]
		if !ok {
			return nil, fmt.Errorf("%s: unknown kind %q", where, g.Kind)
		}
		if !contains(kd.values, g.Value) {
			return nil, fmt.Errorf("%s: value %q not one of %q", where, g.Value, kd.values)
		}
		m := meaning{kind: kd.k, value: g.Value, negated: g.Value}
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
		for _, p := range g.Phrases {
			if why := phraseOK(p, kd.k == kClause); why != "" {
				return nil, fmt.Errorf("%s: phrase %q: %s", where, p, why)
			}
			key := p + "\x00" + g.Kind
			if prev, dup := seen[key]; dup {
				return nil, fmt.Errorf("%s: phrase %q already in %s", where, p, prev)
			}
			seen[key] = where
			lx.words.add(p, m)
		}
	}
	for _, p := range f.Fast {
		if why := phraseOK(p, false); why != "" {
			return nil, fmt.Errorf("lexicon: fast %q: %s", p, why)
		}
	}
	lx.words.index()
	lx.rewrites.index()
	return lx, nil
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
