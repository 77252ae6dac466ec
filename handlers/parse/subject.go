package parse

import (
	"slices"
	"strings"
)

// Whose clause it is: a relative, a friend or a stranger whose story runs on, a child
// writing of a parent who tells of their own body, a floor word that tells where.

// aside is whom an illness told of someone not the elder was told of.
type aside uint8

const (
	asideNone   aside = iota
	asideKin          // a relative not the elder (女儿, 我姐)
	asideOthers       // others (隔壁, 大家)
)

// parentWord reports whether a family word names a parent or grandparent of the writer
// (我妈, 婆婆, 外公), not a spouse (老头子, 老伴).
func parentWord(w string) bool {
	for _, k := range []string{"爸", "妈", "父", "母", "公公", "婆婆", "岳", "外公", "外婆", "爷爷", "奶奶", "娘", "爹", "姥"} {
		if strings.Contains(w, k) {
			return true
		}
	}
	return false
}

// writerFirst reports whether the clause rs[lo:hi] starts with the writer as its
// subject, after a joining word (倒是我自己…, 我这两天…, 不过我也…), not 我们 or 我家.
func writerFirst(rs []rune, lo, hi int) bool {
	i := lo
	for i < hi && isSep(rs[i]) {
		i++
	}
	for _, w := range writerJoiners {
		if runesAt(rs, i, w) {
			i += len(w)
			break
		}
	}
	if i >= hi || rs[i] != '我' {
		return false
	}
	return i+1 >= hi || !strings.ContainsRune("们俩家的爸妈", rs[i+1])
}

// writerJoiners are the joining words a clause about the writer may start with.
var writerJoiners = runesOf("倒是", "可是", "但是", "就是", "不过", "只是", "而")

// distantKin reports whether a kin word names someone whose illness is a story of
// their own, told on through the clauses after it: a sibling or cousin, a friend or
// colleague, a stranger seen (我姐, 表哥, 朋友, 看见个人). A grandchild, a carer or a
// pet is named as often in the elder's own story (孙子来了…就是我胸口疼; 保姆说她溜出去了).
func distantKin(w string) bool {
	for _, k := range []string{"哥", "姐", "弟", "妹", "朋友", "同事", "同学", "战友", "看见", "看到", "小伙子", "年轻人", "小年轻", "小姑娘", "小哥", "亲戚"} {
		if strings.Contains(w, k) {
			return true
		}
	}
	return false
}

// placeAt reports whether an others word is a place after 在, 从 or 到 (在楼下摔了,
// 从楼上下来): the word of a floor tells where, not who.
func placeAt(rs []rune, lo int, t token) bool {
	if t.start <= lo {
		return false
	}
	switch rs[t.start-1] {
	case '在', '从', '到', '去':
		w := string(rs[t.start:t.end])
		return w == "楼下" || w == "楼上"
	}
	return false
}

// kinActs are what a relative does for the elder (送他, 陪她): a clause where a sibling or
// a child does them tells of the elder, not of the relative.
var kinActs = []string{"送他", "送她", "带他", "带她", "陪他", "陪她", "接他", "接她", "扶他", "扶她", "照顾他", "照顾她"}

// tellsOfOther reports whether a relative in the clause tells, after 说, of someone of
// the other sex (他闺女说他走丢了, 她孙子打来说刚才视频她瘫在椅子上), or a helper of anyone
// (保姆说她把药全吃了): the relative or the helper passes the news on.
func tellsOfOther(rs []rune) bool {
	say := slices.IndexFunc(rs, func(r rune) bool { return r == '说' || r == '讲' })
	if say < 0 {
		return false
	}
	before, after := rs[:say], rs[say+1:]
	he, she := slices.Contains(after, '他'), slices.Contains(after, '她')
	return he && containsAny(before, "女儿", "闺女", "姐", "妹", "儿媳", "孙女", "侄女") ||
		she && containsAny(before, "儿子", "哥", "弟", "女婿", "孙子", "侄子") ||
		// 保姆说她把药全吃了, 护工讲伊嘴唇发乌 (伊: he or she in Wu and Min): the helper tells of the elder
		(he || she || slices.Contains(after, '伊')) && containsAny(before, carerWords...)
}

// carerWords name the paid carers who look after an elder.
var carerWords = []string{"保姆", "护工", "钟点工", "家政", "住家阿姨", "护理员"}
