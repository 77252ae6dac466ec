package parse

import (
	"strings"
	"sync"

	"github.com/mozillazg/go-pinyin"
)

// Pinyin: an elder who cannot find the characters types the sounds instead, toneless
// and spaced or not (xue ya 190 le, tou you dian yun; wo bu xiang huo le; xiaozhang kuai
// lai). A message whose letters are all pinyin syllables is read as the lexicon's
// phrases that sound like it: the longest run of syllables that sounds like a phrase
// (the commonest reading of each of its characters, as the respeller hears them)
// becomes that phrase; a syllable no phrase takes becomes its commonest word (wo 我,
// le 了) or stays as typed. English and initials (ok, bp, hi) are not pinyin and stay
// as they are.

// pinyinMaxRun is the longest phrase read, in syllables.
const pinyinMaxRun = 6

// pinyinCommon gives the everyday word of a syllable that no phrase of the lexicon
// takes: the pronouns, particles and verbs that carry a message between its signs.
var pinyinCommon = map[string]string{
	"wo": "我", "ni": "你", "ta": "他", "men": "们", "le": "了", "de": "的", "shi": "是", "bu": "不",
	"mei": "没", "you": "有", "zai": "在", "jiu": "就", "hen": "很", "ye": "也", "dou": "都",
	"ma": "吗", "a": "啊", "ba": "吧", "ne": "呢", "kuai": "快", "lai": "来", "qu": "去", "jia": "家",
	"ren": "人", "xiao": "小", "lao": "老", "zhang": "张", "li": "李", "wang": "王", "liu": "刘",
	"chen": "陈", "zhao": "赵", "yi": "一", "er": "二", "san": "三", "ge": "个", "zhe": "这", "na": "那",
	"jin": "今", "tian": "天", "gang": "刚", "cai": "才", "hai": "还", "dian": "点", "yao": "要",
	"xiang": "想", "hao": "好", "da": "大", "shang": "上", "xia": "下", "kan": "看",
	"shuo": "说", "zen": "怎", "me": "么", "ban": "办", "qing": "请", "bang": "帮", "mang": "忙",
	"jiao": "叫", "che": "车", "huo": "活", "lei": "累", "tai": "太", "tou": "头", "yun": "晕",
	"teng": "疼", "tong": "痛", "shou": "手", "tui": "腿", "xin": "心", "kou": "口",
}

// pinyinReader holds the syllables and the lexicon's phrases by their sounds.
type pinyinReader struct {
	syllables map[string]bool
	longest   int                 // letters in the longest syllable
	sounds    *respeller          // each ideograph's commonest reading, numbered
	phrases   map[soundKey][]rune // the readings' numbers of 血压 (xue ya) → 血压
	common    map[string][]rune   // "wo" → 我
}

var (
	pinyinOnce sync.Once
	pinyinData *pinyinReader
)

// pinyinTable returns the reader built from go-pinyin's table and the lexicon, on first
// use.
func pinyinTable() *pinyinReader {
	pinyinOnce.Do(func() { pinyinData = newPinyinReader(lex()) })
	return pinyinData
}

// newPinyinReader collects every toneless syllable and keys each phrase of the lexicon
// made only of common ideographs by the sounds of its characters, as the respeller
// hears them (the commonest reading); the phrases of the triage layer come first, so
// that they win a shared sound.
func newPinyinReader(lx *lexicon) *pinyinReader {
	pr := &pinyinReader{syllables: map[string]bool{}, sounds: respellTable(), phrases: map[soundKey][]rune{},
		common: map[string][]rune{}}
	for r, readings := range pinyin.PinyinDict {
		if r < cjkLo || r > cjkHi {
			continue
		}
		for _, reading := range strings.Split(readings, ",") {
			s := toneless.Replace(reading)
			pr.syllables[s] = true
			pr.longest = max(pr.longest, len(s))
		}
	}
	// the phrases that hide others come last: zhongfeng is 中风, the stroke, not the 中锋
	// (a football centre) the lexicon hides it with; 好人一生平安 is still that blessing
	for _, hiding := range []bool{false, true} {
		for _, m := range []*matcher{&lx.signs, &lx.words} {
			for _, e := range m.entries {
				if _, ignored := e.has(kIgnore); ignored && e.feats.empty() != hiding {
					continue
				}
				key, ok := pr.keyOf(e.runes)
				if _, taken := pr.phrases[key]; ok && !taken {
					pr.phrases[key] = e.runes
				}
			}
		}
	}
	for s, w := range pinyinCommon {
		pr.common[s] = []rune(w)
	}
	return pr
}

// soundKey is the reading numbers of up to pinyinMaxRun syllables, 0 after the last:
// a map key that costs no allocation to build.
type soundKey [pinyinMaxRun]uint16

// keyOf is the key of a phrase of one to pinyinMaxRun common ideographs; ok is false
// for any other phrase.
func (pr *pinyinReader) keyOf(phrase []rune) (soundKey, bool) {
	var key soundKey
	if len(phrase) == 0 || len(phrase) > pinyinMaxRun {
		return key, false
	}
	for i, r := range phrase {
		if key[i] = pr.sounds.sound(r); key[i] == 0 {
			return key, false
		}
	}
	return key, true
}

// syllable is one syllable read, at rs[start:end].
type syllable struct {
	text       string
	start, end int
}

// readPinyin turns a message typed in pinyin into the characters it sounds like; any
// other message comes back as it is. It runs before the punctuation pass: spaces
// still separate the typed words.
func readPinyin(rs []rune, pos tracker) ([]rune, tracker) {
	letters := 0
	for _, r := range rs {
		if r >= 'a' && r <= 'z' {
			letters++
		}
	}
	if letters < 4 {
		return rs, pos
	}
	pr := pinyinTable()
	var syls []syllable
	for i := 0; i < len(rs); {
		if rs[i] < 'a' || rs[i] > 'z' {
			i++
			continue
		}
		j := i
		for j < len(rs) && rs[j] >= 'a' && rs[j] <= 'z' {
			j++
		}
		word, ok := pr.segment(rs, i, j)
		if !ok {
			return rs, pos // a word that is not pinyin: English, initials, a name
		}
		syls = append(syls, word...)
		i = j
	}
	if len(syls) < 2 {
		return rs, pos
	}
	ed := newEdit(len(rs), pos)
	k := 0 // the next syllable
	for i := 0; i < len(rs); {
		if k < len(syls) && i == syls[k].start {
			n, w := pr.match(rs, syls[k:])
			if p := pluralPronoun(rs, syls[k:]); p != nil {
				n, w = 2, p // wo men 我们, not 我 and the 闷 of a stuffy chest
			}
			if n == 0 {
				w, n = pr.common[syls[k].text], 1
				if w == nil {
					w = rs[syls[k].start:syls[k].end]
				}
			}
			ed.emit(w, pos, i, syls[k+n-1].end)
			i = syls[k+n-1].end
			k += n
			for i < len(rs) && rs[i] == ' ' && k < len(syls) && syls[k].start == i+1 {
				i++ // the space between two typed words: one run of speech
			}
			continue
		}
		ed.emit(rs[i:i+1], pos, i, i+1)
		i++
	}
	return ed.out, ed.po
}

// pluralPronoun returns 我们, 你们, 他们 or 咱们 when syls open with wo, ni, ta or zan
// and men, nil otherwise.
func pluralPronoun(rs []rune, syls []syllable) []rune {
	if len(syls) < 2 || syls[1].text != "men" || !gapOnlySpace(rs, syls[0].end, syls[1].start) {
		return nil
	}
	switch syls[0].text {
	case "wo":
		return []rune("我们")
	case "ni":
		return []rune("你们")
	case "ta":
		return []rune("他们")
	case "zan":
		return []rune("咱们")
	}
	return nil
}

// segment cuts the letters rs[i:j] into syllables, the longest first (xueya: xue ya);
// ok is false when they do not cut.
func (pr *pinyinReader) segment(rs []rune, i, j int) ([]syllable, bool) {
	var out []syllable
	for i < j {
		n := min(pr.longest, j-i)
		for ; n > 0; n-- {
			if pr.syllables[string(rs[i:i+n])] {
				break
			}
		}
		if n == 0 {
			return nil, false
		}
		out = append(out, syllable{text: string(rs[i : i+n]), start: i, end: i + n})
		i += n
	}
	return out, true
}

// match returns how many syllables of syls (joined by nothing but single spaces) the
// longest phrase that sounds like them takes, and the phrase; 0 when none does.
func (pr *pinyinReader) match(rs []rune, syls []syllable) (int, []rune) {
	run := 1
	for run < len(syls) && run < pinyinMaxRun && gapOnlySpace(rs, syls[run-1].end, syls[run].start) {
		run++
	}
	var key soundKey
	known := 0
	for _, s := range syls[:run] {
		id := pr.sounds.ids[s.text]
		if id == 0 {
			break // no ideograph's commonest reading: no phrase goes past it
		}
		key[known] = id
		known++
	}
	for n := known; n > 0; n-- {
		if w, ok := pr.phrases[key]; ok {
			return n, w
		}
		key[n-1] = 0
	}
	return 0, nil
}

// gapOnlySpace reports whether rs[a:b] is empty or one space.
func gapOnlySpace(rs []rune, a, b int) bool {
	return b == a || b == a+1 && rs[a] == ' '
}

// edit is a message being rewritten: the runes written so far and, when the original's
// positions are tracked, the position each comes from.
type edit struct {
	out []rune
	po  tracker
}

// newEdit starts an edit of a message of n runes.
func newEdit(n int, pos tracker) edit {
	e := edit{out: make([]rune, 0, n)}
	if pos != nil {
		e.po = make(tracker, 0, n)
	}
	return e
}

// emit writes w in place of the original's rs[from:to]; each of its runes maps to a
// position of that span (pos as normalizeTracked gives it; nil when not tracked).
func (e *edit) emit(w []rune, pos tracker, from, to int) {
	e.out = append(e.out, w...)
	if pos == nil {
		return
	}
	for j := range w {
		at := from + j*(to-from)/len(w)
		if j == len(w)-1 {
			at = to - 1
		}
		e.po = append(e.po, pos[at])
	}
}
