package parse

import (
	"math"
	"strings"
)

// Figures without a measure word: a body temperature or a blood sugar told as a bare
// number, which the vitals read as if the measure had been named.

// bareTemperature reports whether a number with no unit is a body temperature: one
// decimal from 35.0 to 42.9, with no unit or digit against it and no weight or price
// before it (爷爷39.4，喝水聊天都正常; Grandpa has 39.4).
func bareTemperature(rs []rune, t token) bool {
	if !t.isNum || t.num < 35 || t.num >= 43 || t.end-t.start != 4 || rs[t.start+2] != '.' {
		return false
	}
	if t.start > 0 {
		if r := rs[t.start-1]; isDigit(r) || r == '/' || r == '.' || r == '$' || r == '¥' {
			return false
		}
	}
	if t.end < len(rs) {
		if r := rs[t.end]; isDigit(r) || isLatin(r) && !englishAfter(rs, t.end) || r == '%' || r == '/' || r == '.' || r >= cjkLo && r <= cjkHi && !strings.ContainsRune("了啊呢吧度，", r) {
			return false // 36.5元, 38.5公斤, 35.5kg, 39.5万 (39.5 since afternoon is a fever)
		}
	}
	before := string(rs[max(0, t.start-4):t.start])
	return !strings.ContainsAny(before, "重价钱元块斤号楼码")
}

// englishAfter reports whether the letters at rs[i] are an English word of three
// letters or more that is not a unit (39.5 since afternoon, not 35.5kg or 38.5 lbs).
func englishAfter(rs []rune, i int) bool {
	_, j := latinWord(rs, i)
	switch w := string(rs[i:j]); {
	case j-i < 3:
		return false
	case w == "kgs" || w == "lbs" || w == "mmol" || w == "rmb" || w == "usd" || w == "sgd" || w == "hkd" || w == "myr" || w == "yuan" || w == "dollar":
		return false
	}
	return true
}

// bareBP reports whether a number with no unit is a blood pressure told as a pair: a
// whole number from 70 to 260, a slash and one from 40 to 160, with no other slash or
// digit against them, in a Chinese message or one that tells of measuring or of when
// (量了 185/100, 180/105，头不疼, 180/95 again this evening; not 2022/12/25, 3/4 or "Is
// 150/90 too high").
func bareBP(rs []rune, t token) bool {
	if !t.isNum || t.num < 70 || t.num > 260 || t.num != float64(int(t.num)) || t.end >= len(rs) || rs[t.end] != '/' ||
		containsAny(rs, "血压", "高压", "低压", "bp") || !containsAny(rs, "量", "测", "cuff", "read", "at rest", "repeat", "recheck", "again", "this morning", "this evening", "tonight", "today") && hasLatin(rs) {
		// with its measure word the figure is read there (a list after 血压：); in English
		// with no measuring told, a pair of figures may be anything
		return false
	}
	if t.start > 0 && (isDigit(rs[t.start-1]) || rs[t.start-1] == '/' || rs[t.start-1] == '.') {
		return false
	}
	j := t.end + 1
	for j < len(rs) && isDigit(rs[j]) {
		j++
	}
	if j-(t.end+1) < 2 || j-(t.end+1) > 3 || j < len(rs) && (rs[j] == '/' || rs[j] == '.' && j+1 < len(rs) && isDigit(rs[j+1])) {
		return false
	}
	n := 0
	for _, r := range rs[t.end+1 : j] {
		n = n*10 + int(r-'0')
	}
	return n >= 40 && n <= 160
}

// bareFahrenheit reports whether a number with no unit is a body temperature in
// Fahrenheit: 95 to 108, one decimal or none, with F right after it (running 102.6 F).
func bareFahrenheit(rs []rune, t token) bool {
	if !t.isNum || t.num < 95 || t.num > 108 {
		return false
	}
	j := skipJoin(rs, t.end)
	return j < len(rs) && rs[j] == 'f' && (j+1 == len(rs) || !isLatin(rs[j+1]))
}

// bareSugar reports whether a number with no unit is a blood sugar: one decimal from
// 1.0 to 33.3, measured (测了, 测的, 一测) just before it, or in a message about
// insulin or diabetes (打完胰岛素没吃上饭 测了3.4).
func bareSugar(rs []rune, t token) bool {
	if t.isNum && t.num >= 20 && t.num <= 700 && mgPerDL(rs, skipJoin(rs, afterAbout(rs, t.end))) {
		return true // 600多mg/dL is a sugar in American units (500mg is a pill)
	}
	if t.isNum && t.num >= 1 && t.num <= 33 && t.num == math.Trunc(t.num) && t.end+1 < len(rs) && rs[t.end] == '点' &&
		strings.ContainsRune("多几", rs[t.end+1]) && (strings.Contains(string(rs[max(0, t.start-3):t.start]), "测") || sugarTalk(rs)) {
		return true // 测了18点多, 二十一点几: a sugar told roughly
	}
	if !t.isNum || t.num < 1 || t.num > 33.3 || t.end-t.start < 3 || rs[t.end-2] != '.' {
		return false
	}
	if t.end < len(rs) && runesAt(rs, skipJoin(rs, t.end), mmolRunes) {
		return true // 3.1 mmol is a sugar
	}
	if t.end < len(rs) && (isDigit(rs[t.end]) || isLatin(rs[t.end]) || rs[t.end] == '%' || rs[t.end] == '.') {
		return false
	}
	before := string(rs[max(0, t.start-3):t.start])
	if strings.Contains(before, "测") {
		return true
	}
	return sugarTalk(rs)
}

// afterAbout returns the index after a 多 at rs[i] (600多mg), or i.
func afterAbout(rs []rune, i int) int {
	if i < len(rs) && rs[i] == '多' {
		return i + 1
	}
	return i
}

// mgPerDL reports whether rs[i:] opens with milligrams per decilitre (mg/dL, mg dl).
func mgPerDL(rs []rune, i int) bool {
	if !runesAt(rs, i, []rune("mg")) {
		return false
	}
	j := i + 2
	for j < len(rs) && (isSep(rs[j]) || rs[j] == '/' || rs[j] == ' ' || rs[j] == wordJoin) {
		j++
	}
	return runesAt(rs, j, []rune("dl"))
}

// sugarTalk reports whether a message is about insulin, diabetes or its pills.
func sugarTalk(rs []rune) bool {
	return containsAny(rs, "胰岛素", "糖尿病", "降糖药", "低血糖")
}

// dayWords name a day or a part of one: a figure in degrees right after them is the
// day's weather (今日又系四十度), not anyone's temperature.
var dayWords = runesOf("今天", "今日", "明天", "后天", "昨天", "白天", "中午", "下午", "这几天", "天天", "每天", "最近")

// feverWords tell of a fever or a thermometer: with them a figure in degrees is a
// temperature, whatever day it follows (烧了两天了，今天还是39度3).
var feverWords = []string{"烧", "体温", "发热", "量", "测", "温度计"}

// dayDegree reports whether the degree figure t, in the clause starting at lo, is the
// weather: it follows a day word with only 又, 是, 都, 也, 还, 就 between, and the
// message says nothing of fever, a thermometer or a measuring.
func dayDegree(rs []rune, lo int, t token) bool {
	if containsAny(rs, feverWords...) {
		return false
	}
	i := t.start
	for i > lo && strings.ContainsRune("又是系都也还就有", rs[i-1]) {
		i--
	}
	for _, w := range dayWords {
		if i-len(w) >= lo && runesAt(rs, i-len(w), w) {
			return true
		}
	}
	return false
}

// mmolRunes is the unit that makes a bare figure a blood sugar.
var mmolRunes = []rune("mmol")

// hasLatin reports whether rs holds a Latin letter.
func hasLatin(rs []rune) bool {
	i, _ := latinWord(rs, 0)
	return i < len(rs)
}
