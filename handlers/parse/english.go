package parse

import (
	"fmt"
	"strings"

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
}

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

// stemKey returns the rewrite key from (words separated by spaces) with each word
// stemmed and joined by wordJoin, as stemEnglish leaves a message.
func (es *englishStems) stemKey(from string) string {
	words := strings.Fields(from)
	for i, w := range words {
		if isLatinWord(w) {
			words[i] = es.stemWord(w)
		}
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
func loadEnglish(rewrites map[string]string, exact []string) (*englishStems, map[string]string, error) {
	es := &englishStems{stems: map[string]bool{}, exact: map[string]bool{}}
	for _, w := range exact {
		if !isLatinWord(w) || w != strings.ToLower(w) {
			return nil, nil, fmt.Errorf("lexicon: english_exact %q: want one lower-case English word", w)
		}
		es.exact[english.Stem(w, false)] = true
	}
	out := make(map[string]string, len(rewrites))
	from := make(map[string]string, len(rewrites))
	for k, v := range rewrites {
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
	var out []rune
	var po tracker
	var buf []byte
	done := 0 // rs[:done] is in out
	for i := 0; i < len(rs); {
		if !isLatin(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && isLatin(rs[j]) {
			j++
		}
		if j-i < englishMinWord {
			i = j
			continue
		}
		buf = buf[:0]
		for _, r := range rs[i:j] {
			buf = append(buf, byte(r))
		}
		w := string(buf)
		s := es.stemWord(w)
		if s == w || !es.stems[s] {
			i = j
			continue
		}
		if out == nil {
			out = make([]rune, 0, len(rs))
			if pos != nil {
				po = make(tracker, 0, len(rs))
			}
		}
		out = append(out, rs[done:i]...)
		if pos != nil {
			po = append(po, pos[done:i]...)
		}
		for k, r := range s {
			out = append(out, r)
			if pos != nil {
				at := i + k
				if k == len(s)-1 {
					at = j - 1
				}
				po = append(po, pos[at])
			}
		}
		done, i = j, j
	}
	if out == nil {
		return rs, pos
	}
	out = append(out, rs[done:]...)
	if pos != nil {
		po = append(po, pos[done:]...)
	}
	return out, po
}

// dropJoins removes each wordJoin that the rewrites left beside Chinese: in 妈妈ˍ起不来
// or 没ˍ发烧 the English words have become Chinese, which reads without spaces, so 没
// governs 发烧 and 朋友的ˍ爸爸 is 朋友的爸爸. A join between two English words stays.
// It works in place.
func dropJoins(rs []rune, pos tracker) ([]rune, tracker) {
	n := 0
	for i, r := range rs {
		if r == wordJoin && !(i > 0 && isLatin(rs[i-1]) && i+1 < len(rs) && isLatin(rs[i+1])) {
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
