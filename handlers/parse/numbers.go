package parse

import (
	"strconv"
	"strings"
)

// English numbers: a figure spelt out (sats eighty eight, a hundred and ninety six over
// one one eight, one-eighty-five over one-twenty, thirty nine point five) becomes its
// digits, so the vitals read it as they read 88 or 196/118.

// numberWord gives the value of an English number word, -1 for none.
var numberWord = map[string]int{
	"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// spelt is one word of a run of number words: its value, or hundred, point, and.
type spelt struct {
	v        int
	hundred  bool
	point    bool
	and      bool
	from, to int // the word is rs[from:to]
}

// englishNumbers rewrites each run of English number words in rs as digits. A run is
// read only when it says ten or more, or has two number words or more: "one" alone
// (no one, one day) stays a word. It runs after joinEnglish, whose joins separate the
// words.
func englishNumbers(rs []rune, pos tracker) ([]rune, tracker) {
	sp := splicer{rs: rs, pos: pos}
	var buf [16]byte
	for i := 0; i < len(rs); {
		from, to := latinWord(rs, i)
		if from == len(rs) {
			break
		}
		var run []spelt
		for k := from; k < len(rs); {
			a, b := k, k
			for b < len(rs) && isLatin(rs[b]) {
				b++
			}
			if a == b || b-a > len(buf) {
				break
			}
			w := string(appendLetters(buf[:0], rs[a:b]))
			s := spelt{v: -1, from: a, to: b}
			switch {
			case w == "hundred":
				s.hundred = true
			case w == "point" && len(run) > 0:
				s.point = true
			case w == "and" && len(run) > 0 && run[len(run)-1].hundred:
				s.and = true
			case w == "a" && len(run) == 0 && nextIs(rs, b, "hundred"):
				s.v = 1
			default:
				v, ok := numberWord[w]
				if !ok || w == "oh" && len(run) == 0 {
					break
				}
				s.v = v
			}
			if s.v < 0 && !s.hundred && !s.point && !s.and {
				break
			}
			run = append(run, s)
			if b >= len(rs) || rs[b] != wordJoin {
				break
			}
			k = b + 1
		}
		for len(run) > 0 && (run[len(run)-1].and || run[len(run)-1].point) {
			run = run[:len(run)-1] // a hundred and: the and belongs to what follows
		}
		digits, ok := readSpelt(run)
		if ok && countedAfter(rs, run[len(run)-1].to) {
			ok = false // ten minutes later, twenty years: a count, for the rewrites to read
		}
		if !ok {
			i = to
			continue
		}
		end := run[len(run)-1].to
		sp.replace(from, end, digits)
		i = end
	}
	return sp.result()
}

// nextIs reports whether the word after the join at rs[b] is w.
func nextIs(rs []rune, b int, w string) bool {
	if b >= len(rs) || rs[b] != wordJoin {
		return false
	}
	k := b + 1
	for _, r := range w {
		if k >= len(rs) || rs[k] != r {
			return false
		}
		k++
	}
	return k == len(rs) || !isLatin(rs[k])
}

// readSpelt gives the digits of a run of number words, and whether the run is read:
// "a hundred and ninety six" 196, "one one eight" 118, "one eighty five" 185 (a
// blood pressure as said aloud), "thirty nine point five" 39.5, "eighty eight" 88.
func readSpelt(run []spelt) (string, bool) {
	if len(run) == 0 {
		return "", false
	}
	whole, frac := run, []spelt(nil)
	for k, s := range run {
		if s.point {
			whole, frac = run[:k], run[k+1:]
			break
		}
	}
	n, ok := spokenInt(whole)
	if !ok {
		return "", false
	}
	if len(run) == 1 && n < 10 {
		return "", false // one, three: a word, not a figure
	}
	s := strconv.Itoa(n)
	if len(frac) > 0 {
		s += "."
		for _, f := range frac {
			if f.v < 0 || f.v > 9 {
				return "", false
			}
			s += strconv.Itoa(f.v)
		}
	}
	return s, true
}

// spokenInt reads the whole part of a spelt figure.
func spokenInt(ws []spelt) (int, bool) {
	if len(ws) == 0 {
		return 0, false
	}
	// one one eight: single digits said one by one
	singles := len(ws) >= 2
	for _, w := range ws {
		if w.v < 0 || w.v > 9 {
			singles = false
		}
	}
	if singles {
		n := 0
		for _, w := range ws {
			n = n*10 + w.v
		}
		return n, true
	}
	// one eighty five, one twenty: a hundreds digit, then the tens said as a number
	if len(ws) >= 2 && ws[0].v >= 1 && ws[0].v <= 2 && ws[1].v >= 10 && !ws[1].hundred {
		rest, ok := tensUnits(ws[1:])
		return ws[0].v*100 + rest, ok
	}
	n, k := 0, 0
	if len(ws) >= 2 && ws[1].hundred && ws[0].v >= 1 && ws[0].v <= 9 {
		n, k = ws[0].v*100, 2
		if k < len(ws) && ws[k].and {
			k++
		}
		if k == len(ws) {
			return n, true
		}
	}
	rest, ok := tensUnits(ws[k:])
	return n + rest, ok
}

// tensUnits reads a number under a hundred: ninety, ninety six, twelve, six.
func tensUnits(ws []spelt) (int, bool) {
	switch {
	case len(ws) == 1 && ws[0].v >= 0:
		return ws[0].v, true
	case len(ws) == 2 && ws[0].v >= 20 && ws[0].v%10 == 0 && ws[1].v >= 1 && ws[1].v <= 9:
		return ws[0].v + ws[1].v, true
	}
	return 0, false
}

// counted are the words a count of which is no reading.
var counted = []string{"minute", "hour", "day", "week", "month", "year", "time", "floor", "people", "person",
	"kid", "child", "grand", "pill", "tablet", "dose", "jab", "shot", "yuan", "dollar", "pound", "rmb", "k", "unit"}

// countedAfter reports whether the English word at rs[end], after a join or not,
// counts something (minutes, years, pills, units): the number before it is a count, not
// a figure (increase 2 units).
func countedAfter(rs []rune, end int) bool {
	if end >= len(rs) || rs[end] != wordJoin && !isLatin(rs[end]) {
		return false
	}
	from := end
	if rs[end] == wordJoin {
		from = end + 1
	}
	to := from
	for to < len(rs) && isLatin(rs[to]) {
		to++
	}
	w := string(rs[from:to])
	for _, c := range counted {
		if strings.HasPrefix(w, c) {
			return true
		}
	}
	return false
}
