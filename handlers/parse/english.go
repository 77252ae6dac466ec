package parse

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// English is read by rewriting its words into the Chinese the discriminators know
// (lexicon.yaml, rewrite). So that a rewrite written for one form of a word reads
// every form of it (collapsed, collapses, collapsing; pains, painful; breathe,
// breathing), both sides are reduced to their Snowball stems: the English words of
// the rewrite keys when the lexicon loads, and the words of a message before the
// rewrites apply. A word of the message is replaced by its stem only when that stem is
// a word of some key, so English the lexicon does not read stays as typed.
//
// Some stems join words of different meaning (miss and missing; smoke and smoking;
// recovered and recovering); the lexicon's english_exact lists the words whose stems
// are not read that way: a key with one of them matches only as typed.

// englishMinWord is the shortest English word that is stemmed; shorter words (is,
// bp, ok, icu) are initials or too short to have forms worth reading.
const englishMinWord = 3

// englishStems holds the stems of the English words of the rewrite keys.
type englishStems struct {
	stems map[string]bool // stems that are words of some rewrite key
	exact map[string]bool // stems read only as typed (english_exact)
	// same maps a word, or two words joined by a space, to the one word the rewrites
	// are written with (english_same): cannot and can not are cant.
	same map[string]string
	// known holds the words of four letters or more of the rewrite keys and of
	// english_same, as typed: a message with one of them is English, not pinyin.
	known map[string]bool

	mu    sync.RWMutex
	cache map[string]string // stems of the words met, up to stemCacheMax
}

// knownMin is the shortest word that marks a message as English rather than pinyin
// (ma, pa, die and hen are pinyin too).
const knownMin = 4

// hasKnownWord reports whether rs holds an English word the lexicon knows (maam,
// fainted), so that it is not read as pinyin (ma a m).
func (es *englishStems) hasKnownWord(rs []rune) bool {
	if es == nil || len(es.known) == 0 {
		return false
	}
	var buf []byte
	for i, j := latinWord(rs, 0); i < len(rs); i, j = latinWord(rs, j) {
		if j-i >= knownMin && es.known[string(appendLetters(buf[:0], rs[i:j]))] {
			return true
		}
	}
	return false
}

// latinWord returns the bounds of the first run of English letters in rs[from:], or
// len(rs) twice when there is none.
func latinWord(rs []rune, from int) (int, int) {
	i := from
	for i < len(rs) && !isLatin(rs[i]) {
		i++
	}
	j := i
	for j < len(rs) && isLatin(rs[j]) {
		j++
	}
	return i, j
}

// addKnown notes the words of a key or form of knownMin letters or more.
func (es *englishStems) addKnown(phrase string) {
	for _, w := range strings.Fields(phrase) {
		if len(w) >= knownMin && isLatinWord(w) {
			es.known[w] = true
		}
	}
}

// sameWords is how many words a form of english_same may have.
const sameWords = 2

// stemWord returns the stem of the lower-case English word w, or w itself when it is
// short or its stem is read only as typed.
func (es *englishStems) stemWord(w string) string {
	if len(w) < englishMinWord {
		return w
	}
	s := english.Stem(w, false)
	if s == "" || len(s) > len(w) || es.exact[s] {
		return w
	}
	return s
}

// stemKey returns the rewrite key from (words separated by spaces) with its forms made
// the same (english_same) and each word stemmed, joined by wordJoin, as stemEnglish
// leaves a message.
func (es *englishStems) stemKey(from string) string {
	var words []string
	fs := strings.Fields(from)
	for i := 0; i < len(fs); i++ {
		w := fs[i]
		if two := i+1 < len(fs) && es.same[w+" "+fs[i+1]] != ""; two {
			w = es.same[w+" "+fs[i+1]] // can not
			i++
		} else if to, ok := es.same[w]; ok {
			w = to
		}
		if isLatinWord(w) {
			w = es.stemWord(w)
		}
		words = append(words, w)
	}
	return strings.Join(words, string(wordJoin))
}

// isLatinWord reports whether w is all ASCII letters.
func isLatinWord(w string) bool {
	for _, r := range w {
		if !isLatin(r) {
			return false
		}
	}
	return w != ""
}

// loadEnglish stems the rewrite keys: it returns the keys as stemmed, each with its
// replacement, or an error when two keys stem alike but read differently (fainted: 晕倒
// and faint: 晕 — keep one).
func loadEnglish(rewrites map[string]string, exact []string, same map[string]string) (*englishStems, map[string]string, error) {
	es := &englishStems{stems: map[string]bool{}, exact: map[string]bool{}, same: map[string]string{}, known: map[string]bool{}, cache: map[string]string{}}
	for from, to := range same {
		fs := strings.Fields(from)
		ok := len(fs) >= 1 && len(fs) <= sameWords && isLatinWord(to) && to == strings.ToLower(to)
		for _, w := range fs {
			ok = ok && isLatinWord(w) && w == strings.ToLower(w)
		}
		if !ok {
			return nil, nil, fmt.Errorf("lexicon: english_same %q: %q: want one or two lower-case English words read as one", from, to)
		}
		es.same[strings.Join(fs, " ")] = to
		es.addKnown(from)
	}
	for _, w := range exact {
		if !isLatinWord(w) || w != strings.ToLower(w) {
			return nil, nil, fmt.Errorf("lexicon: english_exact %q: want one lower-case English word", w)
		}
		es.exact[english.Stem(w, false)] = true
	}
	out := make(map[string]string, len(rewrites))
	from := make(map[string]string, len(rewrites))
	for k, v := range rewrites {
		es.addKnown(k)
		sk := es.stemKey(k)
		if prev, ok := from[sk]; ok && out[sk] != v {
			a, b := prev, k
			if b < a {
				a, b = b, a
			}
			return nil, nil, fmt.Errorf("lexicon: rewrite %q and %q read alike as English (%q) but are rewritten differently; keep one",
				a, b, strings.ReplaceAll(sk, string(wordJoin), " "))
		}
		from[sk], out[sk] = k, v
		for _, w := range strings.Split(sk, string(wordJoin)) {
			if isLatinWord(w) {
				es.stems[w] = true
			}
		}
	}
	return es, out, nil
}

// stemEnglish replaces each English word of rs whose stem is a word of a rewrite key
// by that stem. The stem's runes keep the positions of the word's first runes, its
// last rune the word's last, so a quote still spans the word as typed. Text without
// such a word is returned as it is, without allocating.
func stemEnglish(rs []rune, es *englishStems, pos tracker) ([]rune, tracker) {
	sp := splicer{rs: rs, pos: pos}
	var buf [64]byte
	for i, j := 0, 0; i < len(rs); {
		if i, j = latinWord(rs, i); i == len(rs) {
			break
		}
		if j-i > len(buf)/2 {
			i = j // no English word is this long
			continue
		}
		b := appendLetters(buf[:0], rs[i:j])
		typed := len(b)
		s, same := "", false
		// two words read as one (can not, do not): the second follows a join
		if k := nextWord(rs, j); k > j && k-j <= len(buf)/2 && len(es.same) > 0 {
			b2 := appendLetters(append(b, ' '), rs[j+1:k])
			if to, ok := es.same[string(b2)]; ok {
				s, same, j = to, true, k
			}
		}
		if !same && !titleBefore(rs, i) { // Professor Ma, Mrs Nan: a surname, not mum or gran
			if to, ok := es.same[string(b[:typed])]; ok {
				s, same = to, true
			}
		}
		if same {
			if st := es.stemWord(s); es.stems[st] {
				s = st // a form made the same is stemmed too
			}
		} else {
			s = es.cachedStem(b[:typed])
			if s == string(b[:typed]) || !es.stems[s] {
				i = j
				continue
			}
		}
		sp.replace(i, j, s)
		i = j
	}
	return sp.result()
}

// splicer builds a copy of rs with stretches replaced, and the tracker that maps each
// rune of the copy to the rune of the original text it came from; it copies nothing
// until the first replacement.
type splicer struct {
	rs, out []rune
	pos, po tracker
	done    int // rs[:done] is in out
}

// replace puts with in place of rs[from:to]: its runes map to the runes they replace,
// its last to the last (a quote of it ends where the words ended).
func (sp *splicer) replace(from, to int, with string) {
	if sp.out == nil {
		sp.out = make([]rune, 0, len(sp.rs))
		if sp.pos != nil {
			sp.po = make(tracker, 0, len(sp.rs))
		}
	}
	sp.out = append(sp.out, sp.rs[sp.done:from]...)
	if sp.pos != nil {
		sp.po = append(sp.po, sp.pos[sp.done:from]...)
	}
	n := utf8.RuneCountInString(with)
	k := 0
	for _, r := range with {
		sp.out = append(sp.out, r)
		if sp.pos != nil {
			at := from + min(k, to-from-1)
			if k == n-1 {
				at = to - 1
			}
			sp.po = append(sp.po, sp.pos[at])
		}
		k++
	}
	sp.done = to
}

// result returns the copy and its tracker, or rs and pos when nothing was replaced.
func (sp *splicer) result() ([]rune, tracker) {
	if sp.out == nil {
		return sp.rs, sp.pos
	}
	sp.out = append(sp.out, sp.rs[sp.done:]...)
	if sp.pos != nil {
		sp.po = append(sp.po, sp.pos[sp.done:]...)
	}
	return sp.out, sp.po
}

// titles are the English words of address that a surname follows (Professor Ma).
var titles = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true,
	"professor": true, "teacher": true, "auntie": true, "aunty": true, "uncle": true, "old": true, "madam": true, "mdm": true}

// titleBefore reports whether the word before rs[i] is a title of address: the word at
// i is then a surname (Professor Ma, Mrs Nan), not a family word.
func titleBefore(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && (rs[j] == wordJoin || rs[j] == '.') {
		j--
	}
	k := j
	for k >= 0 && isLatin(rs[k]) {
		k--
	}
	if k == j || j-k > 9 {
		return false
	}
	var buf [9]byte
	return titles[string(appendLetters(buf[:0], rs[k+1:j+1]))]
}

// appendLetters appends the ASCII letters rs to b.
func appendLetters(b []byte, rs []rune) []byte {
	for _, r := range rs {
		b = append(b, byte(r))
	}
	return b
}

// stemCacheMax bounds the stems remembered, so that a flood of odd words cannot grow
// the cache without end.
const stemCacheMax = 1 << 14

// cachedStem is stemWord for the word w (lower-case letters), remembered: the same few
// hundred words come again and again, and the stemmer allocates.
func (es *englishStems) cachedStem(w []byte) string {
	es.mu.RLock()
	s, ok := es.cache[string(w)]
	es.mu.RUnlock()
	if ok {
		return s
	}
	word := string(w)
	s = es.stemWord(word)
	es.mu.Lock()
	if len(es.cache) < stemCacheMax {
		es.cache[word] = s
	}
	es.mu.Unlock()
	return s
}

// nextWord returns the end of the English word that follows rs[j] when rs[j] joins it
// to the word before, or j.
func nextWord(rs []rune, j int) int {
	if j < len(rs) && rs[j] == wordJoin {
		if i, k := latinWord(rs, j+1); i == j+1 && k > i {
			return k
		}
	}
	return j
}

// dropJoins removes each wordJoin that the rewrites left beside Chinese: in 妈妈ˍ起不来
// or 没ˍ发烧 the English words have become Chinese, which reads without spaces, so 没
// governs 发烧 and 朋友的ˍ爸爸 is 朋友的爸爸. A join between two English words stays.
// It works in place.
func dropJoins(rs []rune, pos tracker) ([]rune, tracker) {
	if !slices.Contains(rs, wordJoin) {
		return rs, pos
	}
	return dropRunes(rs, pos, func(i int) bool {
		return rs[i] == wordJoin && !(i > 0 && isLatin(rs[i-1]) && i+1 < len(rs) && isLatin(rs[i+1]))
	})
}

// dropRunes removes, in place, each rune of rs for whose index drop says so, and its
// tracker entry. drop reads rs as it was: compaction never overwrites a rune it has yet
// to look at or the one before it.
func dropRunes(rs []rune, pos tracker, drop func(i int) bool) ([]rune, tracker) {
	n := 0
	for i, r := range rs {
		if drop(i) {
			continue
		}
		rs[n] = r
		if pos != nil {
			pos[n] = pos[i]
		}
		n++
	}
	if pos != nil {
		pos = pos[:n]
	}
	return rs[:n], pos
}

// overSlash turns "188 over 112", as English tells a blood pressure, into 188/112 in
// place, so the vitals read both figures. It runs after joinEnglish.
func overSlash(rs []rune, pos tracker) ([]rune, tracker) {
	if !slices.Contains(rs, wordJoin) {
		return rs, pos
	}
	n := len(overRunes)
	out := 0
	for i := 0; i < len(rs); {
		if i > 0 && isDigit(rs[i-1]) && i+n < len(rs) && isDigit(rs[i+n]) && runesAt(rs, i, overRunes) {
			rs[out] = '/'
			if pos != nil {
				pos[out] = pos[i+1]
			}
			out++
			i += n
			continue
		}
		rs[out] = rs[i]
		if pos != nil {
			pos[out] = pos[i]
		}
		out++
		i++
	}
	if pos != nil {
		pos = pos[:out]
	}
	return rs[:out], pos
}

// overRunes is "over" between two joins, as joinEnglish leaves 188 over 112.
var overRunes = []rune("ˍoverˍ")

// joinApostrophes drops each apostrophe between two letters, in place (can't, ma'am,
// dad's), before pinyin is read: ma'am is one English word, not the pinyin ma and a
// stray am.
func joinApostrophes(rs []rune, pos tracker) ([]rune, tracker) {
	if !slices.Contains(rs, '\'') && !slices.Contains(rs, '’') {
		return rs, pos
	}
	return dropRunes(rs, pos, func(i int) bool {
		return (rs[i] == '\'' || rs[i] == '’') && i > 0 && i+1 < len(rs) && isLatin(rs[i-1]) && isLatin(rs[i+1])
	})
}
