package parse

import "testing"

// TestRespell reads the discriminators' words typed with other characters of the same
// sound, and leaves ordinary words alone.
func TestRespell(t *testing.T) {
	cases := []struct{ in, want string }{
		{"雪压一百九", "血压一百九"},               // 雪 xuě for 血 xuè: tones aside
		{"我爸咳嗽咳出学来了", "我爸咳嗽咳出血来了"},       // the longest phrase that sounds alike
		{"楼上着伙了", "楼上着火了"},               //
		{"老头子在厕所云倒了", "老头子在厕所晕倒了"},       //
		{"说话说不清处", "说话说不清楚"},             // 说不清 is read, and keeps its characters
		{"我被片了", "我被骗了"},                 //
		{"雪氧91", "血氧91"},                 //
		{"叫不行", "叫不行"},                   // 不行 is a word the lexicon reads: never 不醒
		{"学堂", "学堂"},                     // both characters differ: not 血糖
		{"昨天看了个中锋打球的视频", "昨天看了个中锋打球的视频"}, // 中锋 is in the lexicon (ignore)
		{"去医院拍了片子", "去医院拍了片子"},           // 骗子 is not respelled
		{"血压一百九", "血压一百九"},               // already right
		{"xue ya", "xue ya"},             //
	}
	for _, c := range cases {
		rs := []rune(c.in)
		respellTable().apply(rs, lex())
		if got := string(rs); got != c.want {
			t.Errorf("respell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestRespellParse reads whole messages through the respeller, and quotes the
// writer's own characters.
func TestRespellParse(t *testing.T) {
	checkCases(t, []parseCase{
		{"雪压一百九头疼得要裂开了", "urgent urgent - unknown - no"},
		{"楼上着伙了，烟往我家窗户里灌", "urgent unknown - unknown - no"},
		{"我被片了，钱都转走了", "urgent unknown - unknown - no"},
		{"今天早上量了雪压一百二十八，八十二，挺好的", "checkin well - unknown - no"},
	})
	r := Parse("老头子在厕所云倒了，叫他也不答应")
	if r.Alert != AlertAlarm || len(r.Findings) == 0 {
		t.Fatalf("云倒: %+v", r)
	}
	if q := r.Findings[0].Quote; q != "云倒了，叫他也不答应" {
		t.Errorf("quote %q, want the writer's own words 云倒了，叫他也不答应", q)
	}
}

// TestRespellLexicon refuses respell phrases the lexicon cannot use.
func TestRespellLexicon(t *testing.T) {
	for _, c := range []struct{ yaml, want string }{
		{"respell: [偏瘫]\ngroups: []\n", `lexicon: respell "偏瘫": not a phrase of the lexicon`},
		{"respell: [血]\ngroups: []\n", `lexicon: respell "血": want 2 to 4 ideographs`},
	} {
		_, err := loadLexicon([]byte(c.yaml))
		if err == nil || err.Error() != c.want {
			t.Errorf("loadLexicon(%q) = %v, want %s", c.yaml, err, c.want)
		}
	}
}
