package parse

import (
	"strings"
	"testing"
)

// benchMix is a representative mix of replies, as they arrive after a prompt.
var benchMix = []string{
	"平安", "1", "平安！谢谢组织关心[抱拳]", "身體很好，謝謝領導關心", "蛮好", "好着呢，放心吧",
	"平安，已打三针，核酸阴性", "都好，疫苗打了两针", "加强针打过了，身体好着呢", "三针都打了",
	"昨天核酸陰性，身體挺好", "還沒做核酸，身體都好", "上周阳了，现在转阴了，身体也恢复了",
	"沒發燒，不咳嗽，挺好的", "我爸挺好的", "我是張老師的女兒，我爸身體挺好，三針都打了",
	"我妈今天有点发烧，37度8", "老伴有点咳嗽，其他还好", "2 头晕，血压有点高", "有點感冒，流鼻涕，問題不大",
	"以前摔过一跤，现在好了，走路没问题", "没摔倒，刚才是手机掉地上了，虚惊一场，人好好的",
	"今天阴天，腿有点疼，老寒腿又犯了", "还可以，就是睡眠不太好", "1\n打了3针\n核酸阴性",
	"3，降压药快吃完了", "急需买菜，家里只剩几个土豆了", "平安，三针都打完了，前天核酸阴性，就是降压药只剩三天的了",
	"想去打疫苗，能不能安排车接送一下？", "帮我去驿站取个快递可以吗？我出不了门", "身体好，不缺药，就是缺菜",
	"摔倒了起不来", "胸口疼，喘不上气", "老伴昏过去了，快来人！", "打了120，救护车还没到，老头子心脏病犯了",
	"心脏难受，喘不过气来，快帮我叫救护车", "早上好[太阳]", "[动画表情]", "收到", "谢谢组织关心[抱拳]",
	"要做核酸吗？", "【转发】紧急通知：今晚12点起全市封控，请大家提前囤好米面油！", "好人一生平安[玫瑰]",
	"今天阴天，大家出门记得带伞", "大家要积极乐观，保持好心态", "我爸让我谢谢组织的关心",
}

// BenchmarkParseCorpus parses the mix; msgs/s is the figure to hold above 200,000.
func BenchmarkParseCorpus(b *testing.B) { benchParse(b, benchMix) }

// benchParse parses msgs in turn and reports messages a second.
func benchParse(b *testing.B, msgs []string) {
	Parse("平安") // build the tables outside the timing
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		Parse(msgs[n%len(msgs)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "msgs/s")
}

// benchEnglish is a mix of English replies from children abroad and carers (the
// English is stemmed and rewritten before it is read).
var benchEnglish = []string{
	"mum is fine today, no fever, all good", "dad had his 3rd dose yesterday, antigen negative",
	"can someone help mum buy veggies pls, she's running low", "grandma's BP 150 over 90 this morning, feels ok",
	"Ma'am cannot breathe properly, lips are blue, pls come", "my father collapsed in the bathroom and is not responding",
	"what if dad falls at night, who do we call?", "my friend's mother had a stroke last week, so sad",
	"dad fell last Sunday, bruised his hip, walking ok now", "Thank you all for looking after my parents 🙏",
}

// BenchmarkParseEnglish parses the English mix.
func BenchmarkParseEnglish(b *testing.B) { benchParse(b, benchEnglish) }

// BenchmarkParsePlain is the most common reply; it must not allocate.
func BenchmarkParsePlain(b *testing.B) {
	Parse("平安")
	b.ReportAllocs()
	for b.Loop() {
		Parse("平安")
	}
}

func TestPlainReplyDoesNotAllocate(t *testing.T) {
	for _, s := range []string{"平安", "1", " 平安 \n"} {
		if n := testing.AllocsPerRun(200, func() { Parse(s) }); n != 0 {
			t.Errorf("Parse(%q) allocates %.0f times, want 0", s, n)
		}
	}
}

// BenchmarkParseHuge is a 50 KB message: only its head is read.
func BenchmarkParseHuge(b *testing.B) {
	huge := strings.Repeat("胸口疼喘不上气，", 3000)
	b.ReportAllocs()
	for b.Loop() {
		Parse(huge)
	}
}
