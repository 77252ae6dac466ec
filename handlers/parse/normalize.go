package parse

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
	"golang.org/x/text/width"
)

// maxInput caps the bytes of a message that are read; the rest is ignored so that a
// pasted article cannot slow the bot down.
const maxInput = 8 << 10

// Separators in normalised parser text.
const (
	sepComma    = ','
	sepQuestion = '?'
	sepColon    = ':'
	listJoin    = '、'
)

var (
	t2sOnce sync.Once
	// tradBMP has a bit set for every BMP rune that t2s changes.
	tradBMP [0x10000 / 64]uint64
	// t2sChar maps each of those runes to its Simplified form.
	t2sChar map[rune]rune
)

// buildT2S reads opencc's Traditional→Simplified character dictionary once and keeps
// the character mapping. Matching needs characters only (身體 → 身体), and a table
// lookup is a hundred times cheaper than opencc's phrase segmentation per message.
func buildT2S() {
	t2sOnce.Do(func() {
		t2sChar = make(map[rune]rune, 4096)
		cc, err := opencc.New("t2s")
		if err != nil {
			return // no conversion; text is matched as written
		}
		for _, g := range cc.DictChains {
			for di, d := range g.Dicts {
				if di < len(g.Files) && !strings.Contains(g.Files[di], "Characters") {
					continue // phrases: every Traditional character also has a character entry
				}
				probe := func(lo, hi rune) {
					for r := lo; r <= hi; r++ {
						s := string(r)
						m, err := d.PrefixMatch(s)
						if err != nil || len(m[s]) == 0 || m[s][0] == s {
							continue
						}
						to := []rune(m[s][0])
						if len(to) != 1 {
							continue
						}
						tradBMP[r>>6] |= 1 << (uint(r) & 63)
						t2sChar[r] = to[0]
					}
				}
				probe(0x3400, 0x4DBF)
				probe(0x4E00, 0x9FFF)
				probe(0xF900, 0xFAFF)
			}
		}
	})
}

// isTrad reports whether r is a Traditional character that t2s changes.
func isTrad(r rune) bool {
	if r < 0x3400 || r >= 0x10000 {
		return false
	}
	buildT2S()
	return tradBMP[r>>6]&(1<<(uint(r)&63)) != 0
}

// toSimplified returns the Simplified form of r.
func toSimplified(r rune) rune {
	if isTrad(r) {
		return t2sChar[r]
	}
	return r
}

// dropRune reports whether r carries no meaning for matching: invisible format
// characters (ZWJ, BOM, RTL marks), combining marks, controls, emoji and other symbols.
func dropRune(r rune) bool {
	if r < 0x80 {
		return r < 0x20 || r == 0x7F
	}
	switch {
	case r == utf8.RuneError:
		return true
	case r == '℃':
		return false
	case unicode.Is(unicode.Cf, r), unicode.Is(unicode.Mn, r), unicode.Is(unicode.Me, r),
		unicode.Is(unicode.Cc, r), unicode.Is(unicode.Co, r), unicode.Is(unicode.Cs, r),
		unicode.Is(unicode.So, r), unicode.Is(unicode.Sk, r):
		return true
	}
	return false
}

// tracker, when not nil, keeps for every rune of a normalised text the index of the
// rune of the original message it came from, so that findings can quote the elder's
// own words. Each pass takes the tracker of its input and returns that of its output.
type tracker []int32

// foldRunes is the first pass: it decodes s (dropping invalid bytes), folds width and
// case, turns Traditional characters Simplified, turns every kind of space and line
// break into ' ', and drops odd runes. When mapped is set (the parser's reading, not
// names), laughing emoji become 哈哈 and 🆘 救命.
func foldRunes(dst []rune, s string, pos tracker, mapped bool) ([]rune, tracker) {
	track := pos != nil
	for i, ri := 0, int32(-1); i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = decodeRune(s[i:])
		}
		i += n
		ri++
		if r >= 0x4E00 && r <= 0x9FFF { // common ideographs: nothing to fold or drop
			dst = append(dst, toSimplified(r))
			if track {
				pos = append(pos, ri)
			}
			continue
		}
		if r == utf8.RuneError && n <= 1 {
			continue
		}
		if r == '\n' || r == '\r' || r == '\t' || (r >= 0x80 && unicode.IsSpace(r)) {
			dst = append(dst, ' ')
			if track {
				pos = append(pos, ri)
			}
			continue
		}
		if mapped && laughing(r) {
			dst = append(dst, '哈', '哈')
			if track {
				pos = append(pos, ri, ri)
			}
			continue
		}
		if mapped && r == 0x1F198 { // 🆘: a cry for help, as 救命
			dst = append(dst, '救', '命', ' ')
			if track {
				pos = append(pos, ri, ri, ri)
			}
			continue
		}
		if dropRune(r) {
			if mapped && unicode.Is(unicode.So, r) && len(dst) > 0 && isHan(dst[len(dst)-1]) && hanNext(s[i:]) {
				dst = append(dst, ' ') // 摔了😭站不起来: an emoji between two stretches of words ends the first
				if track {
					pos = append(pos, ri)
				}
			}
			continue
		}
		if r >= 0x80 {
			if f := width.LookupRune(r).Folded(); f != 0 {
				r = f
			}
			if r == '℃' {
				r = '度'
			}
		}
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		} else if r >= 0x80 {
			r = toSimplified(unicode.ToLower(r))
		}
		dst = append(dst, r)
		if track {
			pos = append(pos, ri)
		}
	}
	return dst, pos
}

// decodeRune is utf8.DecodeRuneInString with the three-byte runes (every Chinese
// character) decoded inline: the library decodes them out of line, and the parser
// decodes one for every rune of a message and every word it looks for. It returns
// what utf8.DecodeRuneInString returns for any s.
func decodeRune(s string) (rune, int) {
	if len(s) >= 3 && s[0]&0xF0 == 0xE0 && s[1]&0xC0 == 0x80 && s[2]&0xC0 == 0x80 {
		r := rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
		if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) { // not overlong, no surrogate
			return r, 3
		}
	}
	return utf8.DecodeRuneInString(s)
}

// hanNext reports whether s, after any more runes that are dropped, goes on with a Han
// character.
func hanNext(s string) bool {
	for _, r := range s {
		if !dropRune(r) {
			return isHan(r)
		}
	}
	return false
}

// laughing reports whether r is an emoji of laughing out loud (😂 🤣 😹): it makes a
// cry of 救命 or 想跳楼 a joke. A smile (😄) is no joke.
func laughing(r rune) bool {
	switch r {
	case 0x1F602, 0x1F923, 0x1F639:
		return true
	}
	return false
}

// stripEmoji removes WeChat emoji codes ([玫瑰], [Emm]) or replaces them by their
// lexicon value when mapped is set.
func stripEmoji(rs []rune, lx *lexicon, mapped bool, pos tracker) ([]rune, tracker) {
	out := rs[:0]
	var po tracker
	if pos != nil {
		po = pos[:0]
	}
	for i := 0; i < len(rs); i++ {
		if rs[i] == '[' {
			if j := emojiEnd(rs, i); j > 0 {
				to, ok := lx.emoji[string(rs[i+1:j])]
				if ok && mapped {
					for _, r := range to {
						out = append(out, r)
						if pos != nil {
							po = append(po, pos[i])
						}
					}
				}
				if to == "" && mapped && len(out) > 0 && isHan(out[len(out)-1]) && j+1 < len(rs) && isHan(rs[j+1]) {
					// 咳出来一大口血[流泪]之前只是…: a face between two stretches of words ends the first
					out = append(out, ' ')
					if pos != nil {
						po = append(po, pos[i])
					}
				}
				i = j
				continue
			}
		}
		out = append(out, rs[i])
		if pos != nil {
			po = append(po, pos[i])
		}
	}
	return out, po
}

// emojiEnd returns the index of the ']' closing a code that starts at rs[i], or 0.
func emojiEnd(rs []rune, i int) int {
	for j := i + 1; j < len(rs) && j <= i+9; j++ {
		r := rs[j]
		if r == ']' {
			if j == i+1 {
				return 0
			}
			return j
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return 0
		}
	}
	return 0
}

// isQuote reports whether r is a quotation mark; it is dropped, not a separator.
func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '「', '」', '『', '』', '＂':
		return true
	}
	return false
}

// isSep reports whether r separates clauses in parser text.
func isSep(r rune) bool {
	return r == sepComma || r == sepQuestion || r == sepColon
}

// punctuate is the last pass for parser text: every punctuation mark and space
// becomes one separator (',' or '?' or ':'), runs of them collapse, '.' and '/'
// between digits stay, '、' stays as a list joiner.
func punctuate(rs []rune, pos tracker) ([]rune, tracker) {
	out := rs[:0]
	var po tracker
	if pos != nil {
		po = pos[:0]
	}
	keep := func(i int, r rune) {
		out = append(out, r)
		if pos != nil {
			po = append(po, pos[i])
		}
	}
	for i, r := range rs {
		if r >= 0x4E00 && r <= 0x9FFF { // common ideographs: never punctuation
			keep(i, r)
			continue
		}
		var sep rune
		switch {
		case r == '?':
			sep = sepQuestion
		case r == ':' || r == '】' || r == '》': // 【转】, 【物业通知】, 《急救小常识》: a header ends like 转:
			sep = sepColon
		case isQuote(r): // 被“公检法”骗了, 发的“救命”: a quote is read with its clause
			continue
		case r == '、' || r == '+':
			keep(i, r)
			continue
		case (r == '.' || r == '/') && i > 0 && i+1 < len(rs) && isDigit(rs[i-1]) && isDigit(rs[i+1]):
			keep(i, r)
			continue
		case r == ' ' || unicode.IsPunct(r) || unicode.IsSymbol(r):
			sep = sepComma
		default:
			keep(i, r)
			continue
		}
		if n := len(out); n > 0 && isSep(out[n-1]) {
			if sep == sepQuestion || (sep == sepColon && out[n-1] == sepComma) {
				out[n-1] = sep
			}
			continue
		}
		if len(out) == 0 {
			continue
		}
		keep(i, sep)
	}
	for len(out) > 0 && out[len(out)-1] == sepComma {
		out = out[:len(out)-1]
		if pos != nil {
			po = po[:len(po)-1]
		}
	}
	return out, po
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// spokenDigitsOverSlash writes a blood pressure told digit by digit in Chinese (一九二/一零五)
// in Arabic digits, in place: two or three such digits on each side of a slash.
func spokenDigitsOverSlash(rs []rune) {
	spoken := func(i int) bool { d := cnDigit(rs[i]); return d >= 0 && d <= 9 }
	run := func(from, step int) int { // how many spoken digits from rs[from], walking by step
		n := 0
		for i := from; i >= 0 && i < len(rs) && spoken(i); i += step {
			n++
		}
		return n
	}
	for i, r := range rs {
		if r != '/' {
			continue
		}
		l, rr := run(i-1, -1), run(i+1, 1)
		if l < 2 || l > 3 || rr < 2 || rr > 3 {
			continue
		}
		for k := i - l; k < i+1+rr; k++ {
			if k != i {
				rs[k] = rune('0' + cnDigit(rs[k]))
			}
		}
	}
}

// rewrite applies the lexicon's dialect and typo rewrites. A replacement's runes
// are tracked to the runes of the phrase they replace, one for one, the surplus to its
// last rune.
func rewrite(rs []rune, lx *lexicon, pos tracker) ([]rune, tracker) {
	var out []rune
	var po tracker
	for i := 0; i < len(rs); {
		if idx := lx.rewrites.longest(rs, i); idx >= 0 && wordAt(rs, i, len(lx.rewrites.entries[idx].runes)) {
			if out == nil {
				out = append(make([]rune, 0, len(rs)+8), rs[:i]...)
				if pos != nil {
					po = append(make(tracker, 0, len(rs)+8), pos[:i]...)
				}
			}
			e := &lx.rewrites.entries[idx]
			for _, r := range e.means[0].value {
				out = append(out, r)
			}
			if pos != nil {
				n := len([]rune(e.means[0].value))
				for k := 0; k < n; k++ {
					at := i + min(k, len(e.runes)-1)
					if k == n-1 {
						at = i + len(e.runes) - 1 // fell → 摔倒: the quote ends where the word ends
					}
					po = append(po, pos[at])
				}
			}
			i += len(e.runes)
			continue
		}
		if out != nil {
			out = append(out, rs[i])
			if pos != nil {
				po = append(po, pos[i])
			}
		}
		i++
	}
	if out == nil {
		return rs, pos
	}
	return out, po
}

// wordAt reports whether rs[i:i+n] may be rewritten: a Latin word only whole (fell,
// not the fell of fellow); anything else anywhere.
func wordAt(rs []rune, i, n int) bool {
	if !isLatin(rs[i]) {
		return true
	}
	return (i == 0 || !isLatin(rs[i-1])) && (i+n >= len(rs) || !isLatin(rs[i+n]))
}

// isLatin reports whether r is an ASCII letter.
func isLatin(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// normalizeText is the parser's normalisation: the first maxInput bytes of s, folded,
// simplified, without emoji codes, with canonical separators and rewrites applied.
func normalizeText(s string) []rune { return normalizeInto(nil, s) }

// normalizeInto is normalizeText writing into dst's array when it is large enough.
func normalizeInto(dst []rune, s string) []rune {
	rs, _ := normalizeTracked(dst, s, nil)
	return rs
}

// normalizeTracked is normalizeInto that also maps each rune of its result to the
// index of the rune of s it came from, when pos is not nil (give it a non-nil empty
// tracker).
func normalizeTracked(dst []rune, s string, pos tracker) ([]rune, tracker) {
	if len(s) > maxInput {
		s = s[:maxInput]
	}
	lx := lex()
	if cap(dst) < len(s)+4 {
		dst = make([]rune, 0, len(s)+4)
	}
	rs, pos := foldRunes(dst[:0], s, pos, true)
	rs, pos = stripEmoji(rs, lx, true, pos)
	rs, pos = joinApostrophes(rs, pos)
	if !lx.english.hasKnownWord(rs) {
		rs, pos = readPinyin(rs, pos)
	} else {
		rs, pos = readPinyinInEnglish(rs, pos, lx.english)
	}
	joinEnglish(rs)
	rs, pos = englishNumbers(rs, pos)
	rs, pos = overSlash(rs, pos)
	spokenDigitsOverSlash(rs)
	rs, pos = joinFragments(rs, pos)
	rs, pos = punctuate(rs, pos)
	rs, pos = stemEnglish(rs, lx.english, pos)
	rs, pos = rewrite(rs, lx, pos)
	rs, pos = dropJoins(rs, pos)
	respellTable().apply(rs, lx)
	return splitRunOns(rs, pos)
}

// Normalize returns s as the parser sees it, for matching names and aliases: full
// and half width folded, Traditional turned Simplified, lower-case, WeChat emoji codes,
// emoji, invisible and combining characters removed, and spaces and punctuation
// dropped, so that "張 老師🌹" and "张老师" both give "张老师" and "ＬＩＭｉｎｇ" gives
// "liming". Digits, letters and ideographs are kept as they are.
func Normalize(s string) string {
	if len(s) > maxInput {
		s = s[:maxInput]
	}
	rs, _ := foldRunes(make([]rune, 0, len(s)), s, nil, false)
	rs, _ = stripEmoji(rs, lex(), false, nil)
	out := rs[:0]
	for _, r := range rs {
		if r == ' ' || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// wordJoin stands for the space between two English words: it keeps a sentence one
// clause (face droops on one side and she cant lift her arm), where a space between
// Chinese words or lines becomes a separator.
const wordJoin = 'ˍ' // U+02CD, a modifier letter: no punctuation, no separator

// joinEnglish turns each space between a letter and a letter, a digit or an ideograph,
// and each hyphen between two letters, into wordJoin, in place (temp 39.2, 2 days ago,
// mother-in-law, fainted in the 核酸 queue stay one clause; dropJoins later removes the
// joins left beside Chinese). Pinyin is read before it,
// so the letters left are English, initials or names.
func joinEnglish(rs []rune) {
	wordRune := func(r rune) bool { return isLatin(r) || isDigit(r) || r >= cjkLo && r <= cjkHi }
	for i := 1; i+1 < len(rs); i++ {
		a, b := rs[i-1], rs[i+1]
		if (rs[i] == ' ' || rs[i] == '-' && isLatin(a) && isLatin(b)) && (isLatin(a) || isLatin(b)) && wordRune(a) && wordRune(b) {
			rs[i] = wordJoin
		}
	}
}
