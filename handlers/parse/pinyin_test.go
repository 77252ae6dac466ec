package parse

import "testing"

// TestReadPinyin reads messages typed in toneless pinyin as the phrases they sound
// like, and leaves English, initials and Chinese alone.
func TestReadPinyin(t *testing.T) {
	cases := []struct{ in, want string }{
		{"xue ya 190 le", "血压 190 了"},
		{"wo bu xiang huo le", "我不想活了"},
		{"xueya 200", "血压 200"},
		{"wo shuai le qi bu lai", "我摔了起不来"},
		{"hello 平安", "hello 平安"},
		{"ok", "ok"},
		{"my mom fell", "my mom fell"},
		{"平安", "平安"},
	}
	for _, c := range cases {
		rs, _ := readPinyin([]rune(c.in), nil)
		if got := string(rs); got != c.want {
			t.Errorf("readPinyin(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestReadPinyinQuotes keeps the evidence on the letters the writer typed.
func TestReadPinyinQuotes(t *testing.T) {
	r := Parse("xiao li, wo bu xiang huo le")
	if r.Alert != AlertAlarm || !r.Has(SignDespair) {
		t.Fatalf("alert %s, findings %v: want an alarm for despair", r.Alert, r.Findings)
	}
	if q := r.Raised()[0].Quote; q != "bu xiang huo le" {
		t.Errorf("quote %q, want the typed letters %q", q, "bu xiang huo le")
	}
}
