package parse

import "strings"

// unit tells what a number counts.
type unit uint8

const (
	unitNone   unit = iota
	unitDose        // 三针, 第3剂
	unitDegree      // 37度8, 38.5℃
	unitTimes       // 三次: a dose count only beside 疫苗 or 接种
)

// token is one lexicon phrase, number or separator in normalised text.
type token struct {
	start, end int
	e          *entry  // the phrase, or nil
	sep        rune    // a separator or '、' when e is nil and !isNum
	isNum      bool    // a number
	num        float64 // its value
	unit       unit    // what it counts
	ordinal    bool    // written with 第
	ascii      bool    // written with digits
}

// tokenize cuts rs into tokens: at each position the longest lexicon phrase, else a
// number, else the rune is skipped as filler.
func tokenize(rs []rune, lx *lexicon, toks []token) []token {
	for i := 0; i < len(rs); {
		r := rs[i]
		if isSep(r) || r == listJoin || r == '+' {
			toks = append(toks, token{start: i, end: i + 1, sep: r})
			i++
			continue
		}
		if idx := lx.words.longest(rs, i); idx >= 0 && !dayRune(rs, i) {
			e := &lx.words.entries[idx]
			toks = append(toks, token{start: i, end: i + len(e.runes), e: e})
			i += len(e.runes)
			continue
		}
		if t, ok := scanNumber(rs, i); ok {
			toks = append(toks, t)
			i = t.end
			continue
		}
		i++
	}
	return toks
}

// dayRune reports whether rs[i] is the 天 of a day word before it (今天, 明天, 每天): a
// word starting there (天气) would take it from the day, as in 今天气色不错 (today's
// colour, not the weather) or 今天气温低.
func dayRune(rs []rune, i int) bool {
	return rs[i] == '天' && i > 0 && strings.ContainsRune("今明昨前后每当", rs[i-1])
}

// cnDigit is the value of a Chinese numeral rune, or -1.
func cnDigit(r rune) int {
	switch r {
	case '零', '〇':
		return 0
	case '一':
		return 1
	case '二', '两':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	case '十':
		return 10
	}
	return -1
}

// scanNumber reads a number at rs[i]: ASCII digits with an optional decimal part, or
// Chinese numerals up to 99, optionally after 第, followed by a unit. Chinese
// numerals count only before a unit, so that 一切 or 三天 stay words.
func scanNumber(rs []rune, i int) (token, bool) {
	t := token{start: i}
	j := i
	if rs[j] == '第' {
		t.ordinal = true
		j++
	}
	switch {
	case j < len(rs) && isDigit(rs[j]):
		t.ascii = true
		v, k := 0.0, j
		for k < len(rs) && isDigit(rs[k]) && k-j < 9 {
			v = v*10 + float64(rs[k]-'0')
			k++
		}
		for k < len(rs) && isDigit(rs[k]) { // absurdly long: keep the prefix value
			k++
		}
		if k+1 < len(rs) && rs[k] == '.' && isDigit(rs[k+1]) {
			k++
			v += float64(rs[k]-'0') / 10
			for k < len(rs) && isDigit(rs[k]) {
				k++
			}
		}
		t.num, j = v, k
	case j < len(rs) && cnDigit(rs[j]) >= 0:
		v, k := 0, j
		for k < len(rs) && k-j < 3 {
			d := cnDigit(rs[k])
			if d < 0 {
				break
			}
			switch {
			case d == 10 && v == 0:
				v = 10
			case d == 10:
				v *= 10
			default:
				v += d
			}
			k++
		}
		t.num, j = float64(v), k
	default:
		return t, false
	}
	if j < len(rs) {
		switch rs[j] {
		case '针', '剂':
			t.unit = unitDose
			j++
		case '次':
			t.unit = unitTimes
			j++
		case '度':
			t.unit = unitDegree
			j++
			if j < len(rs) && isDigit(rs[j]) && t.num == float64(int(t.num)) {
				t.num += float64(rs[j]-'0') / 10 // 37度8
				j++
			}
		}
	}
	if t.unit == unitNone && (!t.ascii || t.ordinal) {
		return t, false
	}
	t.isNum, t.end = true, j
	return t, true
}

// measureWords follow a number that is a quantity, not a menu choice (3点, 2天).
var measureWords = map[rune]bool{
	'点': true, '天': true, '个': true, '号': true, '次': true, '岁': true, '楼': true, '月': true,
	'栋': true, '斤': true, '盒': true, '瓶': true, '人': true, '位': true, '块': true, '元': true,
	'床': true, '层': true, '小': true, '分': true, '年': true, '周': true, '遍': true, '包': true,
	'粒': true, '片': true, '袋': true, '箱': true, '门': true, '单': true, '室': true, '毛': true,
	'期': true, '组': true, '排': true, '条': true, '道': true, '顿': true, '口': true, '下': true,
}

// menuChoices reads the check-in menu numbers (1 = well, 2 = unwell, 3 = help) at the
// start of a message: "1", "2 头晕", "3，降压药快吃完了", "2+3，发烧了".
func menuChoices(rs []rune, toks []token) (choices [4]bool, n int) {
	if roomNumber(toks) {
		return choices, 0 // 2-3-101到2-3-602都问过了: a building, a unit and a room, not menu choices
	}
	k := 0
	for k < len(toks) {
		t := toks[k]
		if (k == 0 && t.start != 0) || !t.isNum || t.unit != unitNone || t.num != float64(int(t.num)) || t.num < 1 || t.num > 3 || t.end-t.start != 1 {
			break
		}
		if t.end < len(rs) && measureWords[rs[t.end]] {
			break
		}
		choices[int(t.num)] = true
		n++
		k++
		if k < len(toks) && toks[k].e == nil && !toks[k].isNum && (toks[k].sep == '+' || toks[k].sep == listJoin) && k+1 < len(toks) && toks[k+1].isNum {
			k++
			continue
		}
		break
	}
	return choices, n
}

// roomNumber reports whether the message opens with numbers joined by single
// separators, one of them over 9 (2-3-101, 9-1-402): an address, not menu choices.
func roomNumber(toks []token) bool {
	nums := 0
	big := false
	for k, t := range toks {
		if k > 0 && t.start != toks[k-1].end {
			return nums >= 2 && big // 1 from 402: words between, not one address
		}
		switch {
		case t.isNum && t.unit == unitNone:
			nums++
			big = big || t.num > 9
		case t.e == nil && !t.isNum && k > 0 && toks[k-1].isNum && t.sep != 0:
			continue
		default:
			return nums >= 2 && big
		}
	}
	return nums >= 2 && big
}
