package parse

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalizeNames(t *testing.T) {
	cases := []struct{ in, want string }{
		{"張 老師🌹", "张老师"},
		{"ＬＩＭｉｎｇ", "liming"},
		{"张老师", "张老师"},
		{"王\u200d阿姨\ufeff", "王阿姨"}, // ZWJ, BOM
		{"\u202e李明\u202c", "李明"},   // RTL override and pop
		{"刘e\u0301", "刘e"},         // combining acute accent
		{"陈[玫瑰]大爷[强]", "陈大爷"},      // WeChat emoji codes
		{"赵\t老\n师", "赵老师"},         // control characters and spaces
		{"孙·老师（退休）", "孙老师退休"},      // punctuation
		{"", ""},
	}
	for _, c := range cases {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNormalizeText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"平安！！！", "平安"},
		{"好……谢谢~~", "好,谢谢"},
		{"真的吗？？？", "真的吗?"},
		{"１，三针", "1,三针"},
		{"身體很好", "身体很好"},
		{"體溫36.5", "体温36.5"},
		{"血压120/80", "血压120/80"},
		{"1\n打了3针", "1,打了3针"},
		{"没发烧 不咳嗽", "没发烧,不咳嗽"},
		{"无发热、咳嗽", "无发热、咳嗽"},
		{"早安🌹🌹🌹", "早安"},
		{"冇事，好好哋", "没事,好好的"}, // dialect rewrites
		{"木有事", "没有事"},
		{"通知：本周六", "通知:本周六"},
		{"38.5℃", "38.5度"},
		{"\xff\xfe平安", "平安"}, // invalid UTF-8 dropped
		{"[动画表情]", ""},
		{"[生病]", "生病"}, // mapped emoji code
	}
	for _, c := range cases {
		if got := string(normalizeText(c.in)); got != c.want {
			t.Errorf("normalizeText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNormalizeCapsInput(t *testing.T) {
	long := strings.Repeat("很好", 50000)
	if n := len(normalizeText(long)); n > maxInput {
		t.Errorf("normalised %d runes of a %d-byte message", n, len(long))
	}
}

func TestScanNumber(t *testing.T) {
	cases := []struct {
		in   string
		ok   bool
		num  float64
		unit unit
	}{
		{"三针", true, 3, unitDose},
		{"两针", true, 2, unitDose},
		{"第四针", true, 4, unitDose},
		{"3针", true, 3, unitDose},
		{"十二针", true, 12, unitDose},
		{"37度8", true, 37.8, unitDegree},
		{"38.5度", true, 38.5, unitDegree},
		{"120", true, 120, unitNone},
		{"三天", false, 0, unitNone}, // a Chinese numeral counts only before a unit
		{"一切", false, 0, unitNone},
		{"第3", false, 0, unitNone},
	}
	for _, c := range cases {
		tok, ok := scanNumber([]rune(c.in), 0)
		if ok != c.ok || (ok && (tok.num != c.num || tok.unit != c.unit)) {
			t.Errorf("scanNumber(%q) = %v %v %v, want %v %v %v", c.in, ok, tok.num, tok.unit, c.ok, c.num, c.unit)
		}
	}
}

// TestDecodeRuneMatchesUTF8: the inline decoder returns what utf8.DecodeRuneInString
// returns for every three-byte sequence that starts like a three-byte rune (overlong
// forms and surrogates included), and for short or other input.
func TestDecodeRuneMatchesUTF8(t *testing.T) {
	check := func(s string) {
		r, n := decodeRune(s)
		wr, wn := utf8.DecodeRuneInString(s)
		if r != wr || n != wn {
			t.Fatalf("decodeRune(% x) = %U, %d; utf8 says %U, %d", s, r, n, wr, wn)
		}
	}
	for b0 := 0xE0; b0 <= 0xEF; b0++ {
		for b1 := 0; b1 <= 0xFF; b1++ {
			for b2 := 0; b2 <= 0xFF; b2 += 7 {
				check(string([]byte{byte(b0), byte(b1), byte(b2)}))
				check(string([]byte{byte(b0), byte(b1), byte(b2), 'x'}))
			}
		}
	}
	for _, s := range []string{"", "a", "\xe4", "\xe4\xbd", "平安", "é", "😀", "\xf0\x9f"} {
		check(s)
	}
}
