package parse

import (
	"math"
	"strings"
)

// Reading figures: the number after a measure word, in digits or Chinese numerals, in
// the units the thresholds use, and the figures linked to it (185/115, 一百九到两百).

// figureReach is how many runes may stand between a measure word and its figure
// (血压量了三次都是195/110); English words between them do not count (pulse has been
// sitting around 46), up to figureReachEnglish runes in all.
const (
	figureReach        = 8
	figureReachEnglish = 40
)

// reachUsed counts the runes of rs[from:i] that are not English letters or joins.
func reachUsed(rs []rune, from, i int) int {
	n := 0
	for _, r := range rs[from:i] {
		if !isLatin(r) && r != wordJoin {
			n++
		}
	}
	return n
}

// inUnits converts a figure told in American units to the ones the thresholds use: a
// temperature from 93 to 110 is Fahrenheit (fever 103°F, temp 102.5), a blood sugar
// followed by mg (48 mg/dL), or above 40, is in milligrams per decilitre. end moves
// past the unit.
func inUnits(rs []rune, k vitalKind, v float64, end int) (float64, int) {
	switch {
	case k == vTemp && v >= 93 && v <= 110:
		v = math.Round((v-32)*5/9*10) / 10
		if j := skipJoin(rs, end); j < len(rs) && rs[j] == 'f' && wordAt(rs, j, 1) {
			end = j + 1
		}
	case k == vSugar && v >= 20:
		if j := skipJoin(rs, afterAbout(rs, end)); j+1 < len(rs) && rs[j] == 'm' && rs[j+1] == 'g' {
			v = math.Round(v/18*10) / 10
			end = j + 2
		} else if v > 40 && v <= 700 { // glucose 340: no meter reads that many mmol/L
			v = math.Round(v/18*10) / 10
		}
	}
	return v, end
}

// skipJoin returns the index after a wordJoin or space at rs[i], or i.
func skipJoin(rs []rune, i int) int {
	if i < len(rs) && (rs[i] == wordJoin || rs[i] == ' ') {
		return i + 1
	}
	return i
}

// shownAt returns the length of a word that introduces a meter's reading (显示, 机器显示,
// 测出来是) at rs[i], or 0.
func shownAt(rs []rune, i int) int {
	for _, w := range [...]string{"机器显示", "仪器显示", "血糖仪显示", "测出来是", "显示", "结果是"} {
		if i+len([]rune(w)) <= len(rs) && string(rs[i:i+len([]rune(w))]) == w {
			return len([]rune(w))
		}
	}
	return 0
}

// copulaAt returns the length of a word that introduces a figure at the head of a
// clause (都是, 还是, 是), or 0.
func copulaAt(rs []rune, i int) int {
	for _, w := range copulas {
		if runesAt(rs, i, w) {
			return len(w)
		}
	}
	return 0
}

var copulas = runesOf("都是", "还是", "是")

// readVital finds the first plausible figure of kind k in rs[from:], within
// figureReach runes and before a clause separator, unless the next clause starts with
// the figure (血糖很高，二十多). Lexicon phrases in between are skipped whole
// (血压一直很高: 一直 is no figure); counts (三次, 两天) are skipped.
func readVital(rs []rune, k vitalKind, from, _ int) (vital, bool) {
	lx := lex()
	hi := len(rs)
	for i := from; i < hi && (i-from <= figureReach || i-from <= figureReachEnglish && reachUsed(rs, from, i) <= figureReach); {
		r := rs[i]
		if isSep(r) {
			if i+1 < hi && (isDigit(rs[i+1]) || cnDigit(rs[i+1]) > 0 || rs[i+1] == 'h') {
				i++
				continue
			}
			if n := copulaAt(rs, i+1); n > 0 && i+1+n < hi && (isDigit(rs[i+1+n]) || cnDigit(rs[i+1+n]) > 0) {
				i += 1 + n // 血压量了三回，都是一百九: the figure in the next clause, after 都是
				continue
			}
			if n := shownAt(rs, i+1); k == vSugar && n > 0 { // 测血糖，机器显示HI
				i += 1 + n
				continue
			}
			break
		}
		if k == vSugar && r == 'h' && i+1 < hi && rs[i+1] == 'i' && wordAt(rs, i, 2) { // HI, not his
			return vital{kind: k, high: true, end: i + 2}, true
		}
		if r == '一' && i+1 < hi && notNumeralAfterYi[rs[i+1]] {
			i += 2 // 血糖仪一直显示HI: 一直, 一下, 一样 are words, not the figure 1
			continue
		}
		if isDigit(r) || cnDigit(r) >= 0 || r == '百' {
			v, end, ok := readFigure(rs, i, hi)
			v, end = inUnits(rs, k, v, end)
			if ok && !countFollows(rs, end) && plausible(k, v) && !ageBefore(rs, i) {
				out := vital{kind: k, value: v, end: end}
				if k == vBP && end+1 < hi && (rs[end] == '/' || isSep(rs[end])) {
					// 188/112; spoken, 一百九 一百一: a lower figure alone in the next clause
					if d, dend, ok := readFigure(rs, end+1, hi); ok && plausible(vDia, d) && d < v &&
						(rs[end] == '/' || dend == hi || isSep(rs[dend])) {
						out.dia, out.end = d, dend
					}
				}
				if out.dia == 0 {
					out = laterFigure(rs, out, hi)
				}
				return out, true
			}
			if end > i {
				i = end
				continue
			}
		}
		if idx := lx.words.longest(rs, i); idx >= 0 {
			i += len(lx.words.entries[idx].runes)
			continue
		}
		i++
	}
	return vital{}, false
}

// notNumeralAfterYi holds the runes that make 一 a word rather than a figure: 一直,
// 一下, 一样, 一般, 一起, 一定, 一些, 一阵, 一会, 一切, 一共, 一向, 一旦, 一路.
var notNumeralAfterYi = map[rune]bool{
	'直': true, '下': true, '样': true, '般': true, '起': true, '定': true, '些': true, '阵': true,
	'会': true, '切': true, '共': true, '向': true, '旦': true, '路': true, '测': true, '量': true,
}

// figureTurns join a figure to the one it became (从97掉到93: 93 is the reading);
// figureLists join figures told side by side (91、92, 91到93之间: the worst counts).
var (
	figureTurns = runesOf("掉到", "降到", "升到", "涨到", "飙到", "变成", "降至", "升至")
	figureLists = runesOf("、", "到", "~", "～")
)

// runesOf converts words to runes once.
func runesOf(ws ...string) [][]rune {
	out := make([][]rune, len(ws))
	for i, w := range ws {
		out[i] = []rune(w)
	}
	return out
}

// laterFigure follows a figure's links: the figure it became, or the worse of two
// told side by side. For blood pressure, 一百九十五、一百二十 is the upper and the lower.
func laterFigure(rs []rune, v vital, hi int) vital {
	for {
		f, end, turn, ok := linkedFigure(rs, v, hi)
		if !ok {
			return v
		}
		switch {
		case v.kind == vBP && !turn:
			if f < v.value && plausible(vDia, f) {
				v.dia, v.end = f, end
			}
			return v
		case turn || worse(v.kind, f, v.value):
			v.value = f
		}
		v.end = end
	}
}

// linkedFigure reads the figure linked to v's, and whether the link is a turn.
func linkedFigure(rs []rune, v vital, hi int) (float64, int, bool, bool) {
	for i, links := range [2][][]rune{figureTurns, figureLists} {
		for _, lr := range links {
			j := v.end
			if j+len(lr) >= hi || !runesAt(rs, j, lr) {
				continue
			}
			f, end, ok := readFigure(rs, j+len(lr), hi)
			if ok && end > j+len(lr) && !countFollows(rs, end) && plausible(v.kind, f) {
				return f, end, i == 0, true
			}
		}
	}
	return 0, 0, false, false
}

// worse reports whether figure a is further from health than b.
func worse(k vitalKind, a, b float64) bool {
	switch k {
	case vSpO2:
		return a < b
	case vSugar:
		return math.Abs(a-6) > math.Abs(b-6)
	case vPulse:
		return math.Abs(a-75) > math.Abs(b-75)
	}
	return a > b
}

// countFollows reports whether the number ending at rs[end] counts something else:
// 三次, 两天, 3个, 10点钟, 20分钟, 一刻钟.
func countFollows(rs []rune, end int) bool {
	if end >= len(rs) {
		return false
	}
	switch rs[end] {
	case '次', '天', '个', '遍', '回', '年', '岁', '分', '小', '周', '月', '号', '斤', '块', '元', '楼', '层', '钟', '刻',
		'片', '粒', '颗', '瓶', '口', '步', '张', '位', '人':
		return true
	}
	return false
}

// readFigure reads a number at rs[i]: ASCII digits with a decimal part (185, 3.2,
// 39度5) or Chinese numerals with 百, 十, 点 (两百一 = 210, 三点二 = 3.2, 三十九度五 =
// 39.5). A trailing 多 or 几 means more than the figure and adds a half (一百二十多 =
// 120.5, over a pulse threshold of 120; 十八点几 = 18.5). It returns the value, the
// end of what it read, and whether it read a number.
func readFigure(rs []rune, i, hi int) (float64, int, bool) {
	if i >= hi {
		return 0, i, false
	}
	var v float64
	j := i
	if isDigit(rs[j]) {
		for j < hi && isDigit(rs[j]) && j-i < 6 {
			v = v*10 + float64(rs[j]-'0')
			j++
		}
		for j < hi && isDigit(rs[j]) {
			j++ // absurdly long: keep the prefix
		}
	} else if n, ok := spelledDigits(rs, j, hi); ok {
		v, j = float64(n), j+3 // 一八八 = 188: three figures told one by one
	} else {
		n, k := readCNInt(rs, j, hi)
		if k == j {
			return 0, i, false
		}
		v, j = float64(n), k
	}
	// a decimal part: 3.2, 三点二, 39度5, 三十九度五
	if j+1 < hi && (rs[j] == '.' || rs[j] == '点' || rs[j] == '度') {
		if d, ok := digitValue(rs[j+1]); ok && !(rs[j] == '度' && !isDigit(rs[j+1]) && j+2 < hi && measureWords[rs[j+2]]) {
			// (39度一个人在家: the 一 counts the person, it is no tenth)
			v += float64(d) / 10
			j += 2
			for j < hi && isDigit(rs[j]) {
				j++
			}
		} else if rs[j] == '度' || (rs[j] == '点' && rs[j+1] == '几') {
			j++ // 39度, 十八点几
			if j < hi && rs[j] == '几' {
				v += 0.5
				j++
			}
		}
	} else if j < hi && rs[j] == '度' {
		j++
	}
	if j+1 < hi && rs[j] == '好' && rs[j+1] == '几' {
		j++ // 一百二十好几
	}
	if j < hi && (rs[j] == '多' || rs[j] == '几') {
		v += 0.5 // 一百二十多, 80几: more than that
		for j < hi && (rs[j] == '多' || rs[j] == '几') {
			j++
		}
	}
	return v, j, true
}

// spelledDigits reads three Chinese digits told one by one at rs[i] (一八八 = 188, 一〇五 =
// 105), with no unit or further digit after them (not 一百八, not 三四天's range).
func spelledDigits(rs []rune, i, hi int) (int, bool) {
	if i+3 > hi {
		return 0, false
	}
	n := 0
	for _, r := range rs[i : i+3] {
		d := cnDigit(r)
		if d < 0 || d > 9 {
			return 0, false
		}
		n = n*10 + d
	}
	if i+3 < hi && (cnDigit(rs[i+3]) >= 0 || strings.ContainsRune("百千万点", rs[i+3])) { // cnDigit reads 十 too
		return 0, false
	}
	return n, n >= 100
}

// digitValue is the value of an ASCII or Chinese digit 0-9.
func digitValue(r rune) (int, bool) {
	if isDigit(r) {
		return int(r - '0'), true
	}
	if d := cnDigit(r); d >= 0 && d <= 9 {
		return d, true
	}
	return 0, false
}

// readCNInt reads a Chinese integer up to the hundreds at rs[i:hi]: 八十五, 一百二
// (= 120), 两百一 (= 210), 一百零五, 二百多. It returns the value and where it ended
// (i when there is none).
func readCNInt(rs []rune, i, hi int) (int, int) {
	total, digit, last := 0, -1, 0
	zero := false
	j := i
	for ; j < hi; j++ {
		r := rs[j]
		switch {
		case r == '百':
			if digit < 0 {
				digit = 1
			}
			total += digit * 100
			digit, last = -1, 100
		case r == '十':
			if digit < 0 {
				digit = 1
			}
			total += digit * 10
			digit, last = -1, 10
		case r == '零' || r == '〇':
			zero = true
			digit = 0
		case cnDigit(r) >= 1 && cnDigit(r) <= 9:
			if digit > 0 { // 一百五六: 150 to 160, about 155; 一二: stop
				if last == 100 && !zero {
					if cnDigit(r) == digit+1 {
						return total + digit*10 + 5, j + 1
					}
					return total + digit*10, j + 1
				}
				return total + digit, j
			}
			digit = cnDigit(r)
		default:
			goto done
		}
	}
done:
	if j == i {
		return 0, i
	}
	if digit > 0 {
		if last == 100 && !zero {
			total += digit * 10 // 一百二 = 120
		} else {
			total += digit
		}
	}
	return total, j
}

// ageWords end the words before a figure that is an age, not a reading: normal oxygen
// for someone of 85 (给别人of85), for a man aged 85, 岁数85.
var ageWords = [][]rune{[]rune("人of"), []rune("aged"), []rune("age"), []rune("岁数"), []rune("年纪"), []rune("年龄"), []rune("高龄")}

// ageBefore reports whether the figure at rs[i] follows an age word (spaces and word
// joins between them allowed).
func ageBefore(rs []rune, i int) bool {
	for i > 0 && (rs[i-1] == wordJoin || rs[i-1] == ' ') {
		i--
	}
	for _, w := range ageWords {
		if i >= len(w) && runesAt(rs, i-len(w), w) {
			return true
		}
	}
	return false
}
