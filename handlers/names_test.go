package handlers

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
)

// findByScan is how names inside a text were found before the index: every
// name, longest first, looked for in the text and blanked out when found.
// The index must answer the same.
func findByScan(names []string, text string) []string {
	sorted := slices.Clone(names)
	sort.SliceStable(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
	return scanSorted(sorted, text)
}

// scanSorted is findByScan on names already sorted longest first.
func scanSorted(sorted []string, text string) []string {
	var out []string
	for _, n := range sorted {
		if slices.Contains(out, n) || !strings.Contains(text, n) {
			continue
		}
		out = append(out, n)
		text = strings.ReplaceAll(text, n, " ")
	}
	return out
}

func TestNameFinderAsScan(t *testing.T) {
	cases := []struct {
		names []string
		text  string
	}{
		{[]string{"张建国", "建国"}, "我是张建国的女儿"},
		{[]string{"张建国", "建国"}, "建国和张建国"},
		{[]string{"张建国", "国强"}, "张建国强"},
		{[]string{"哈哈", "哈哈哈"}, "哈哈哈哈"},
		{[]string{"哈哈"}, "哈哈哈"},
		{[]string{"王阿姨", "阿姨好"}, "王阿姨好"},
		{[]string{"ab", "bc", "abc"}, "xabcx"},
		{[]string{"刘德明", "德明", "刘德"}, "刘德明"},
		{[]string{"老张", "张老师"}, "老张老师"},
		{nil, "anything"},
		{[]string{"张建国"}, ""},
		{[]string{"张建国"}, "张"},
	}
	for _, c := range cases {
		got, want := newNameFinder(c.names).find(c.text), findByScan(c.names, c.text)
		if !slices.Equal(got, want) {
			t.Errorf("names %q in %q: index finds %q, the scan %q", c.names, c.text, got, want)
		}
	}
	// Random names and texts over a small alphabet, so that names overlap,
	// nest and repeat as they rarely do in life.
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("张建国王秀英李a")
	word := func(lo, hi int) string {
		rs := make([]rune, lo+rng.IntN(hi-lo+1))
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(rs)
	}
	for i := 0; i < 20000; i++ {
		var names []string
		for range 1 + rng.IntN(6) {
			if n := word(2, 4); !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
		text := word(0, 12)
		got, want := newNameFinder(names).find(text), findByScan(names, text)
		if !slices.Equal(got, want) {
			t.Fatalf("names %q in %q: index finds %q, the scan %q", names, text, got, want)
		}
	}
}

// BenchmarkNamedIn finds the names in a family member's message and
// nickname among a roster's: its cost follows the text.
//
//	go test ./handlers/ -run '^$' -bench NamedIn -benchmem
func BenchmarkNamedIn(b *testing.B) {
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
	given := []rune("建国秀英德明桂兰志强华玉珍淑芬海军文平丽红永刚春梅金凤宝荣庆林学成俊")
	texts := []string{"我是张建国的女儿我爸今天挺好的药也够吃", "张建国女儿", "王秀英家属：老人家平安，谢谢关心"}
	for _, n := range []int{500, 10000, 100000} {
		names := make([]string, n)
		for i := range names {
			names[i] = string([]rune{surnames[i%len(surnames)], given[(i/len(surnames))%len(given)], given[(i/len(surnames)/len(given))%len(given)]})
		}
		f := newNameFinder(names)
		b.Run(fmt.Sprintf("index/names=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				f.find(texts[i%len(texts)])
				i++
			}
		})
		sorted := slices.Clone(names)
		sort.SliceStable(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
		b.Run(fmt.Sprintf("scan/names=%d", n), func(b *testing.B) { // as before the index
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				scanSorted(sorted, texts[i%len(texts)])
				i++
			}
		})
	}
}
