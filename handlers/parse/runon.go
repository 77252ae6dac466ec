package parse

import "strings"

// Run-on and broken speech: voice-to-text gives long stretches without a stop (今天小区
// 解封了…明天去买排骨…对了昨天晚上起夜滑了一下…今天走路还有点疼), or a line break every two
// or three words (小刘啊 / 你上次 / 送来的 / … / 说话 / 怎么 / 不利索了 / 舌头 / 发硬). The
// first hides that the time changed inside a clause (the 明天 of the plan made the fall
// a plan); the second cuts every sign from its body part. So a long stretch is cut
// before a word that changes the time it tells, and the fragments of a message broken
// into many short lines are joined again.

// runOnMin is the length, in runes, from which a stretch without a separator is cut.
const runOnMin = 16

// timeClass sorts the time words that cut a run-on: a word cuts when the stretch
// already told another class of time. 对了 and 跟你说 (by the way, listen) always cut.
// A long-standing condition (心脏病好多年了, 老毛病) is a time of its own: 心脏病好多年了
// 刚才胸口疼得直冒汗 tells of now after it, and it always cuts (烧到三十九度二了…老伴走了好几年了:
// the years are the widowhood's).
var timeClass = map[string]int8{
	"前年": 1, "去年": 1, "那年": 1, "那次": 1, "一年前": 1, "两年前": 1, "三年前": 1, "四年前": 1, "五年前": 1,
	"几年前": 1, "十年前": 1, "半年前": 1, "多年前": 1, "上个月": 1, "上周": 1, "前几天": 1, "前两天": 1, "上次": 1, "上回": 1,
	"前天": 2, "昨天": 2, "昨晚": 2,
	"今天": 3, "今早": 3, "今晚": 3, "现在": 3, "刚才": 3, "刚刚": 3,
	"明天": 4, "后天": 4, "下周": 4, "过两天": 4, "过几天": 4,
	"对了": 0, "跟你说": 0, "跟你讲": 0,
	"到现在": 5, "至今": 5,
	"好多年": 6, "好几年": 6, "十几年": 6, "几十年": 6, "老毛病": 6,
	"二十年": 6, "三十年": 6, "四十年": 6, "五十年": 6, "六十年": 6, "七十年": 6, "八十年": 6,
	// what someone thought (我以为是压麻了) is a belief of its own stretch (timeClass 7):
	// it does not make the signs told after it a belief.
	"以为": 7, "我以为": 7, "还以为": 7, "原以为": 7, "本以为": 7, "都以为": 7,
	// a fear or a supposition (我真怕他哪天摔了, 万一) is of its own stretch too: what was
	// told before it happened
	"万一": 0, "要是": 0, "我怕": 0, "真怕": 0, "就怕": 0, "生怕": 0,
}

// refutes are the words that, after a belief in the same stretch, tell what turned out
// (我以为是压麻了甩了半天还是没有知觉): they cut the belief off.
var refutes = []string{"还是", "结果", "谁知", "哪知", "没想到", "可是"}

// untilNow are the time words that cut however short the stretch, when it told
// yesterday or before: 昨天摔了一跤腰到现在还疼 is a fall yesterday and a pain now.
var untilNow = map[string]bool{"到现在": true, "至今": true}

// timeWords holds the words of timeClass by their runes (a word of two ends in 0), so
// that a lookup builds no string.
var timeWords = func() map[[3]rune]string {
	m := map[[3]rune]string{}
	for w := range timeClass {
		var k [3]rune
		copy(k[:], []rune(w))
		m[k] = w
	}
	return m
}()

// timeWordAt returns the time word of timeClass that starts at rs[i], or "".
func timeWordAt(rs []rune, i int) string {
	for n := 3; n >= 2; n-- { // the longest first: 跟你说 before 对了
		if i+n <= len(rs) {
			var k [3]rune
			copy(k[:], rs[i:i+n])
			if w, ok := timeWords[k]; ok {
				return w
			}
		}
	}
	return ""
}

// splitRunOns cuts every stretch longer than runOnMin before a time word that tells
// another time than the stretch told so far, and before 对了; not right after 从, 打,
// 自 or 到 (从昨天起, 到现在: one stretch of time), nor within four runes of the
// stretch's start.
func splitRunOns(rs []rune, pos tracker) ([]rune, tracker) {
	if !hasRunOn(rs) && !hasUntilNow(rs) {
		return rs, pos
	}
	out := make([]rune, 0, len(rs)+8)
	var po tracker
	if pos != nil {
		po = make(tracker, 0, len(rs)+8)
	}
	start, last := 0, int8(-1) // the stretch's start, the class of time it told (-1: none)
	believed := false          // the stretch tells a belief (我以为…)
	for i, r := range rs {
		if isSep(r) {
			start, last, believed = i+1, -1, false
		} else if w, refute := timeWordAt(rs, i), believed && refuteAt(rs, i); w != "" || refute || comparesTo(rs, i) {
			c := timeClass[w]
			switch {
			case w != "":
			case refute: // 还是, 结果 after a belief: what turned out
				c, believed = 0, false
			default: // 跟那年心梗之前一模一样: a time compared with, its own stretch
				c = 0
			}
			if c == 7 {
				c, believed = 0, true
			}
			cut := i-start >= 4 && stretchEnd(rs, start)-start > runOnMin &&
				(c == 0 || c == 6 || last >= 0 && c != last) && !strings.ContainsRune("从打自到", rs[i-1]) && !knowsOf(rs, i) ||
				untilNow[w] && i-start >= 2 && (last == 1 || last == 2) && !strings.ContainsRune("从打自", rs[i-1])
			if cut {
				out = append(out, sepComma)
				if pos != nil {
					po = append(po, pos[i])
				}
				start = i
			}
			if c != 0 && c != 5 {
				last = c
			}
		}
		out = append(out, r)
		if pos != nil {
			po = append(po, pos[i])
		}
	}
	return out, po
}

// comparesTo reports whether rs[i] compares with a time before (跟那年…一样, 和上次一样).
func comparesTo(rs []rune, i int) bool {
	if i+1 >= len(rs) || !strings.ContainsRune("跟和像同", rs[i]) {
		return false
	}
	c, ok := timeClass[timeWordAt(rs, i+1)]
	return ok && (c == 1 || c == 2)
}

// refuteAt reports whether a word of refutes starts at rs[i].
func refuteAt(rs []rune, i int) bool { return prefixIn(rs[i:], refutes) != "" }

// knowsOf reports whether the time word at rs[i] is what someone knows or not (不知道今天
// 几号, 记不得今天星期几): the object of the clause, not a new time.
func knowsOf(rs []rune, i int) bool {
	if i < 2 {
		return false
	}
	switch string(rs[i-2 : i]) {
	case "知道", "记得", "晓得", "不清", "得清":
		return true
	}
	return false
}

// hasUntilNow reports whether rs has a word of untilNow.
func hasUntilNow(rs []rune) bool {
	for i := range rs {
		if (rs[i] == '到' || rs[i] == '至') && untilNow[timeWordAt(rs, i)] {
			return true
		}
	}
	return false
}

// hasRunOn reports whether rs has a stretch without a separator longer than runOnMin.
func hasRunOn(rs []rune) bool {
	n := 0
	for _, r := range rs {
		if isSep(r) {
			n = 0
			continue
		}
		if n++; n > runOnMin {
			return true
		}
	}
	return false
}

// stretchEnd returns where the stretch that starts at rs[start] ends.
func stretchEnd(rs []rune, start int) int {
	for i := start; i < len(rs); i++ {
		if isSep(rs[i]) {
			return i
		}
	}
	return len(rs)
}

// joinFragments joins the lines of a message broken into many short ones: with five
// fragments or more (between spaces, which line breaks have become), most of them
// (four in five) of at most three runes, or with three or more all that short and two
// of one rune, a space between two ideographs is dropped.
// Spaces next to a digit or a letter stay (血压 130 80).
func joinFragments(rs []rune, pos tracker) ([]rune, tracker) {
	frags, short, single, n := 0, 0, 0, 0
	for i, r := range rs {
		if r != ' ' {
			n++
		}
		if (r == ' ' || i == len(rs)-1) && n > 0 {
			frags++
			if n <= 3 {
				short++
			}
			if n == 1 {
				single++
			}
			n = 0
		}
	}
	// 憋 气 上不来: three or more short ones, with a word broken to single characters, do too
	if (frags < 5 || short*5 < frags*4) && (frags < 3 || short < frags || single < 2) {
		return rs, pos
	}
	return dropRunes(rs, pos, func(i int) bool {
		return rs[i] == ' ' && i > 0 && i+1 < len(rs) && isHan(rs[i-1]) && isHan(rs[i+1])
	})
}

// isHan reports whether r is a common ideograph.
func isHan(r rune) bool { return r >= cjkLo && r <= cjkHi }
