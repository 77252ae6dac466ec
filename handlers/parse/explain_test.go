package parse

import "testing"

// TestExplained sets aside a sign that the writer explains by a harmless cause, and
// only then.
func TestExplained(t *testing.T) {
	cases := []struct {
		text string
		want Alert
	}{
		{"王大爷嘴歪是刚拔了牙，麻药还没过", AlertNone},
		{"老李躺地上是在做仰卧起坐", AlertNone},
		{"说我妈晕倒了，那是她在沙发上打盹", AlertNone},
		{"摔了是因为突然头晕", AlertConfirm},     // the cause is a sign of its own
		{"胸口疼是一阵一阵的，出了一身汗", AlertAlarm}, // how it hurts, not why
		{"突然左手都是麻的", AlertAlarm},        // 都是 is no explanation
		{"楼道里全是烟，是从隔壁冒出来的", AlertAlarm},
		{"嘴歪是中风吗", AlertNone}, // a question in general, not an explanation
	}
	for _, c := range cases {
		if r := Parse(c.text); r.Alert != c.want {
			t.Errorf("Parse(%q).Alert = %s, want %s (%v)", c.text, r.Alert, c.want, r.Findings)
		}
	}
}
