package parse

// Pinyin inside English: a family abroad or an elder who writes English puts the
// Chinese words they know in pinyin (xueya 200/115, xin kou very tight, laoban zou diu
// le, bu xiang huo le). In a message the English words mark as English, a run of words
// that are all pinyin syllables, none of them an English word, is read as a phrase of
// the lexicon when two syllables or more of it sound like one; the rest stays as typed.

// pinyinLookalikes are English words that are also pinyin syllables (he, she, can,
// long): they never start or join a run of pinyin.
var pinyinLookalikes = map[string]bool{
	"a": true, "an": true, "ai": true, "he": true, "she": true, "me": true, "men": true, "you": true,
	"hen": true, "man": true, "can": true, "long": true, "die": true, "tie": true, "lie": true,
	"ban": true, "fan": true, "pan": true, "ran": true, "tan": true, "sun": true, "bin": true,
	"pin": true, "ding": true, "hang": true, "bang": true, "gang": true, "song": true, "ken": true,
	"wan": true, "gun": true, "zen": true, "gen": true, "ben": true, "change": true, "women": true,
	"china": true, "nina": true, "anna": true, "dan": true, "sue": true, "lin": true, "ling": true,
	"ping": true, "pong": true, "ha": true, "o": true, "e": true, "en": true, "er": true, "den": true,
	"tita": true, "tito": true,
}

// readPinyinInEnglish reads the runs of pinyin words in an English message as the
// lexicon's phrases they sound like (see readPinyin); pos maps as there.
func readPinyinInEnglish(rs []rune, pos tracker, es *englishStems) ([]rune, tracker) {
	pr := pinyinTable()
	if !pr.anyPinyinWord(rs, es) {
		return rs, pos // the common case: nothing to read, nothing allocated
	}
	ed := newEdit(len(rs), pos)
	changed := false
	emit := func(w []rune, from, to int) { ed.emit(w, pos, from, to) } // w stands for rs[from:to]
	copyRunes := func(from, to int) {
		for k := from; k < to; k++ {
			emit(rs[k:k+1], k, k+1)
		}
	}
	var run []syllable // the syllables of the pinyin words read since the last flush
	flush := func() int {
		for k := 0; k < len(run); {
			if n, w := pr.match(rs, run[k:]); n >= 2 {
				emit(w, run[k].start, run[k+n-1].end)
				changed = true
				k += n
				continue
			}
			next := run[k].end
			if k+1 < len(run) {
				next = run[k+1].start
			}
			copyRunes(run[k].start, next)
			k++
		}
		end := run[len(run)-1].end
		run = run[:0]
		return end
	}
	for i := 0; i < len(rs); {
		if isLatin(rs[i]) {
			j := i
			for j < len(rs) && isLatin(rs[j]) {
				j++
			}
			if syls, ok := pr.segment(rs, i, j); ok && pinyinWord(rs[i:j], es) {
				run = append(run, syls...)
				i = j
				continue
			}
			if len(run) > 0 {
				i = flush() // then the space and this word, as typed
				continue
			}
			copyRunes(i, j)
			i = j
			continue
		}
		if len(run) > 0 {
			if rs[i] == ' ' && i+1 < len(rs) && isLatin(rs[i+1]) {
				i++ // a space between two words: the run may go on
				continue
			}
			i = flush()
			continue
		}
		copyRunes(i, i+1)
		i++
	}
	if len(run) > 0 {
		flush()
	}
	if !changed {
		return rs, pos
	}
	return ed.out, ed.po
}

// pinyinWord reports whether a word that cuts into pinyin syllables is no English word
// the lexicon knows (or one that only looks like pinyin: he, can, long); words longer
// than pinyinWordMax letters are English.
func pinyinWord(w []rune, es *englishStems) bool {
	if len(w) > pinyinWordMax {
		return false
	}
	var buf [pinyinWordMax]byte
	b := appendLetters(buf[:0], w)
	return !pinyinLookalikes[string(b)] && !es.known[string(b)] && !es.stems[es.cachedStem(b)]
}

// pinyinWordMax is the longest run of letters read as pinyin words.
const pinyinWordMax = 24

// anyPinyinWord reports, without allocating, whether rs has a word of two syllables or
// more, or two words in a row, that cut into pinyin and are no English words: only
// then is the message worth reading for pinyin.
func (pr *pinyinReader) anyPinyinWord(rs []rune, es *englishStems) bool {
	var buf [pinyinWordMax]byte
	prev := -1 // where the last pinyin word ended
	for i, j := latinWord(rs, 0); i < len(rs); i, j = latinWord(rs, j) {
		if j-i > pinyinWordMax {
			prev = -1
			continue
		}
		n := pr.syllableCount(appendLetters(buf[:0], rs[i:j]))
		if n == 0 || !pinyinWord(rs[i:j], es) {
			prev = -1
			continue
		}
		if n >= 2 || prev >= 0 && i == prev+1 {
			return true
		}
		prev = j
	}
	return false
}

// syllableCount is how many pinyin syllables the letters b cut into, the longest first;
// 0 when they do not cut.
func (pr *pinyinReader) syllableCount(b []byte) int {
	count := 0
	for i := 0; i < len(b); count++ {
		n := min(pr.longest, len(b)-i)
		for ; n > 0; n-- {
			if pr.syllables[string(b[i:i+n])] {
				break
			}
		}
		if n == 0 {
			return 0
		}
		i += n
	}
	return count
}
