package parse

import (
	"sort"
	"strings"
	"sync"

	"github.com/mozillazg/go-pinyin"
)

// Respelling: elders type with a pinyin keyboard and dictate to voice-to-text, and
// both write a word the lexicon knows with other characters of the same sound —
// 雪压 for 血压, 咳出学 for 咳出血, 着伙 for 着火, 云倒 for 晕倒. The lexicon's `rewrite`
// lists a few by hand; the respeller finds all of them for the phrases listed under
// `respell`, the discriminators' words most often mistyped: where a stretch of the
// message sounds like such a phrase (toneless pinyin of each character's commonest
// reading: voice-to-text often gets the tone wrong, 雪/血), its characters replace the
// stretch. The replacement has the same length, so quotes still point at the writer's
// own characters.
//
// Guards against turning an ordinary word into a sign: only the listed phrases; no
// character of a phrase of two runes or more that the lexicon reads may change (叫不行
// stays); at least one and at most half the characters (one of two or three) differ.

// respellMin and respellMax bound the phrases respelled, in runes.
const (
	respellMin = 2
	respellMax = 4
)

// respeller holds the sounds of the ideographs and the phrases by their first two
// sounds.
type respeller struct {
	syl     []uint16          // syl[r-cjkLo]: the first (commonest) reading, toneless; 0 = none
	ids     map[string]uint16 // a toneless reading → its number in syl
	nSyl    int
	pairBit []uint64           // bit a*nSyl+b set when some target starts with sounds a, b
	byPair  map[uint32][]int32 // a<<16|b → targets, longest first
	targets [][]rune
}

var (
	respellOnce sync.Once
	respellData *respeller
)

// respellTable returns the respeller built from the lexicon, on first use.
func respellTable() *respeller {
	respellOnce.Do(func() { respellData = newRespeller(lex()) })
	return respellData
}

// toneless turns a tone-marked reading (xuè) into its plain letters (xue).
var toneless = strings.NewReplacer(
	"ā", "a", "á", "a", "ǎ", "a", "à", "a", "ē", "e", "é", "e", "ě", "e", "è", "e",
	"ō", "o", "ó", "o", "ǒ", "o", "ò", "o", "ī", "i", "í", "i", "ǐ", "i", "ì", "i",
	"ū", "u", "ú", "u", "ǔ", "u", "ù", "u", "ü", "v", "ǘ", "v", "ǚ", "v", "ǜ", "v",
	"ń", "n", "ň", "n", "ǹ", "n", "ḿ", "m")

// newRespeller reads the sounds of the common ideographs from go-pinyin's table and
// indexes the lexicon's respell phrases by their first two.
func newRespeller(lx *lexicon) *respeller {
	sp := &respeller{syl: make([]uint16, cjkHi-cjkLo+1), ids: map[string]uint16{}, byPair: make(map[uint32][]int32)}
	ids := sp.ids
	for r := cjkLo; r <= cjkHi; r++ {
		readings, ok := pinyin.PinyinDict[r]
		if !ok {
			continue
		}
		first, _, _ := strings.Cut(readings, ",")
		p := toneless.Replace(first)
		id, ok := ids[p]
		if !ok {
			id = uint16(len(ids) + 1)
			ids[p] = id
		}
		sp.syl[r-cjkLo] = id
	}
	sp.nSyl = len(ids) + 1
	sp.pairBit = make([]uint64, (sp.nSyl*sp.nSyl+63)/64)
	for _, phrase := range lx.respell {
		t := []rune(phrase)
		idx := int32(len(sp.targets))
		sp.targets = append(sp.targets, t)
		a, b := sp.syl[t[0]-cjkLo], sp.syl[t[1]-cjkLo]
		k := int(a)*sp.nSyl + int(b)
		sp.pairBit[k/64] |= 1 << (k % 64)
		key := uint32(a)<<16 | uint32(b)
		sp.byPair[key] = append(sp.byPair[key], idx)
	}
	for _, list := range sp.byPair { // longest first
		sort.SliceStable(list, func(a, b int) bool { return len(sp.targets[list[a]]) > len(sp.targets[list[b]]) })
	}
	return sp
}

// sound returns the reading of r, or 0 for a rune that is not a common ideograph.
func (sp *respeller) sound(r rune) uint16 {
	if r < cjkLo || r > cjkHi {
		return 0
	}
	return sp.syl[r-cjkLo]
}

// apply respells rs in place.
func (sp *respeller) apply(rs []rune, lx *lexicon) {
	for i := 0; i+1 < len(rs); i++ {
		a, b := sp.sound(rs[i]), sp.sound(rs[i+1])
		if a == 0 || b == 0 {
			continue
		}
		if k := int(a)*sp.nSyl + int(b); sp.pairBit[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		if t := sp.match(rs, i, uint32(a)<<16|uint32(b)); t != nil && !readAt(rs, i, t, lx) {
			copy(rs[i:], t)
			i += len(t) - 1
		}
	}
}

// match returns the longest target under key that sounds like rs[i:] and differs from
// it in at least one and at most half of its characters (one of two or three), or nil.
func (sp *respeller) match(rs []rune, i int, key uint32) []rune {
	for _, idx := range sp.byPair[key] {
		t := sp.targets[idx]
		if len(t) > len(rs)-i {
			continue
		}
		diff, ok := 0, true
		for j, r := range t {
			if rs[i+j] == r {
				continue
			}
			if s := sp.sound(rs[i+j]); s == 0 || s != sp.sound(r) {
				ok = false
				break
			}
			diff++
		}
		if ok && diff >= 1 && diff <= max(1, len(t)/2) {
			return t
		}
	}
	return nil
}

// readAt reports whether respelling rs[i:] as t would change a character of a phrase
// of two runes or more that the lexicon reads there, or cut a measure word that begins
// inside the stretch and goes on after it: the writer's words are read as written (说不
// 清处 may become 说不清楚, 不行 never 不醒, 这边血压 never 这便血压).
func readAt(rs []rune, i int, t []rune, lx *lexicon) bool {
	for j := max(0, i-respellMax); j < i+len(t); j++ {
		for _, m := range [...]*matcher{&lx.words, &lx.signs} {
			idx := m.longest(rs, j)
			if idx < 0 {
				continue
			}
			l := len(m.entries[idx].runes)
			if l < 2 {
				continue
			}
			if j > i && j < i+len(t) && j+l > i+len(t) {
				if _, ok := m.entries[idx].has(kMeasure); ok {
					return true // 这边血压: the 血 of 血压 is not the end of 便血 (最歪了 is 嘴歪了)
				}
			}
			for p := max(i, j); p < min(i+len(t), j+l); p++ {
				if rs[p] != t[p-i] {
					return true
				}
			}
		}
	}
	return false
}
