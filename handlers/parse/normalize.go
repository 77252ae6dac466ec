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

// foldRunes is the first pass: it decodes s (dropping invalid bytes), folds width and
// case, turns Traditional characters Simplified, turns every kind of space and line
// break into ' ', and drops odd runes.
func foldRunes(dst []rune, s string) []rune {
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
		if r >= 0x4E00 && r <= 0x9FFF { // common ideographs: nothing to fold or drop
			dst = append(dst, toSimplified(r))
			continue
		}
		if r == utf8.RuneError && n <= 1 {
			continue
		}
		if r == '\n' || r == '\r' || r == '\t' || (r >= 0x80 && unicode.IsSpace(r)) {
			dst = append(dst, ' ')
			continue
		}
		if dropRune(r) {
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
	}
	return dst
}

// stripEmoji removes WeChat emoji codes ([玫瑰], [Emm]) or replaces them by their
// lexicon value when mapped is set.
func stripEmoji(rs []rune, lx *lexicon, mapped bool) []rune {
	out := rs[:0]
	for i := 0; i < len(rs); i++ {
		if rs[i] == '[' {
			if j := emojiEnd(rs, i); j > 0 {
				if to, ok := lx.emoji[string(rs[i+1:j])]; ok && mapped {
					out = append(out, []rune(to)...)
				}
				i = j
				continue
			}
		}
		out = append(out, rs[i])
	}
	return out
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

// isSep reports whether r separates clauses in parser text.
func isSep(r rune) bool {
	return r == sepComma || r == sepQuestion || r == sepColon
}

// punctuate is the last pass for parser text: every punctuation mark and space
// becomes one separator (',' or '?' or ':'), runs of them collapse, '.' and '/'
// between digits stay, '、' stays as a list joiner.
func punctuate(rs []rune) []rune {
	out := rs[:0]
	for i, r := range rs {
		var sep rune
		switch {
		case r == '?':
			sep = sepQuestion
		case r == ':':
			sep = sepColon
		case r == '、' || r == '+':
			out = append(out, r)
			continue
		case (r == '.' || r == '/') && i > 0 && i+1 < len(rs) && isDigit(rs[i-1]) && isDigit(rs[i+1]):
			out = append(out, r)
			continue
		case r == ' ' || unicode.IsPunct(r) || unicode.IsSymbol(r):
			sep = sepComma
		default:
			out = append(out, r)
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
		out = append(out, sep)
	}
	for len(out) > 0 && out[len(out)-1] == sepComma {
		out = out[:len(out)-1]
	}
	return out
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// rewrite applies the lexicon's dialect and typo rewrites.
func rewrite(rs []rune, lx *lexicon) []rune {
	var out []rune
	for i := 0; i < len(rs); {
		if idx := lx.rewrites.longest(rs, i); idx >= 0 {
			if out == nil {
				out = append(make([]rune, 0, len(rs)), rs[:i]...)
			}
			e := &lx.rewrites.entries[idx]
			out = append(out, []rune(e.means[0].value)...)
			i += len(e.runes)
			continue
		}
		if out != nil {
			out = append(out, rs[i])
		}
		i++
	}
	if out == nil {
		return rs
	}
	return out
}

// normalizeText is the parser's normalisation: the first maxInput bytes of s, folded,
// simplified, without emoji codes, with canonical separators and rewrites applied.
func normalizeText(s string) []rune {
	if len(s) > maxInput {
		s = s[:maxInput]
	}
	lx := lex()
	rs := foldRunes(make([]rune, 0, len(s)), s)
	rs = stripEmoji(rs, lx, true)
	rs = punctuate(rs)
	return rewrite(rs, lx)
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
	rs := foldRunes(make([]rune, 0, len(s)), s)
	rs = stripEmoji(rs, lex(), false)
	out := rs[:0]
	for _, r := range rs {
		if r == ' ' || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}
