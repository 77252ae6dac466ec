package handlers_test

import (
	"strings"
	"testing"

	"pingan/bot"
)

// TestBadInput: oversized, odd-Unicode and malformed input gets a clear
// short answer or none, and changes nothing.
func TestBadInput(t *testing.T) {
	o := newOffice(t)
	o.at(0, 9, 0)

	// A huge message is read by its head and tail, and kept cut, with a mark.
	huge := strings.Repeat("平安", 25*1024) // 150 KB
	only(t, o.group("一支部群", "老张", huge), "[一支部群]")
	if st := o.status("E1"); st.Health != "well" || !strings.Contains(st.LastText, "省略") || len(st.LastText) > bot.MaxTextBytes {
		t.Errorf("oversized group message recorded as %s, %d bytes", st.Health, len(st.LastText))
	}
	if got := only(t, o.private("联络员李娜", "/查询 "+huge), "联络员李娜"); got != "消息太长，无法处理，请分几条发送。" {
		t.Errorf("oversized command answered %q", got)
	}

	// Zero-width characters, full-width text and invalid UTF-8 are read, not choked on.
	only(t, o.group("一支部群", "老\u200b张", "平\u200b安\xff\xfe"), "[一支部群]")
	if st := o.status("E1"); st.Health != "well" {
		t.Errorf("odd-Unicode reply: %+v", st)
	}
	only(t, o.group("一支部群", "ＬＡＯ ＬＩＵ\u202e", "1"), "[一支部群]") // unknown sender: kept unmatched
	if got := only(t, o.private("联络员李娜", "/未识别"), "联络员李娜"); !strings.Contains(got, "laoliu") {
		t.Errorf("unmatched list: %q", got)
	}

	for cmd, want := range map[string]string{
		"/已联系":    "用法：/已联系",
		"/查询":     "用法：/查询",
		"/查询 无名氏": "名单里没有「无名氏」",
		"/绑定 夕阳红": "用法：/绑定",
		"/不存在的指令": "没有这个指令",
		"/日报":     "只有管理员",
		"你好":      "发送 /帮助",
		"／待办":     "待办",
		"/查询 国":   "对应多位老同志", // 张建国, 周国华
	} {
		got := only(t, o.private("联络员李娜", cmd), "联络员李娜")
		if !strings.Contains(got, want) {
			t.Errorf("%q → %q, want it to contain %q", cmd, got, want)
		}
	}
	// A family message that names nobody and comes from no known nickname is kept, not guessed.
	before, _ := o.st.Statuses(o.ctx)
	o.group("二支部群", "热心邻居", "我爸今天挺好的")
	after, _ := o.st.Statuses(o.ctx)
	if len(after) != len(before) {
		t.Errorf("an unattributable family reply changed the ledger: %d → %d statuses", len(before), len(after))
	}
	// A group the office does not serve: nothing said there, nothing
	// recorded; the admins hear once a day that it exists.
	before, _ = o.st.Statuses(o.ctx)
	sent := o.deliver(bot.Message{Kind: bot.KindText, Group: "别的群", From: bot.Sender{DisplayName: "老张"}, Text: "平安"})
	mustContain(t, only(t, sent, "陈主任"), "「别的群」不在配置里", "{name: 别的群, branch: 支部名}")
	if sent := o.deliver(bot.Message{Kind: bot.KindText, Group: "别的群", From: bot.Sender{DisplayName: "老张"}, Text: "都好"}); len(sent) != 0 {
		t.Errorf("told again, or answered the foreign group: %v", sent)
	}
	if after, _ := o.st.Statuses(o.ctx); after["E1"].LastText != before["E1"].LastText {
		t.Error("a foreign group's reply changed the ledger")
	}
}

// TestNicknameCarryingAName: a nickname with the elder's name is the elder,
// unless it says it is a relative.
func TestNicknameCarryingAName(t *testing.T) {
	o := newOffice(t)
	o.at(0, 9, 0)
	o.group("一支部群", "张建国（一支部）", "平安")
	if st := o.status("E1"); st.LastSource != "reply" {
		t.Errorf("elder's own nickname read as %q", st.LastSource)
	}
	o.group("一支部群", "刘德明女儿小刘", "挺好的")
	if st := o.status("E3"); st.LastSource != "family" || st.Health != "well" {
		t.Errorf("daughter's nickname: %+v", st)
	}
}
