package handlers_test

import (
	"strings"
	"testing"

	"pingan/bot"
	"pingan/bot/bottest"
)

// TestCheckinDay runs a whole day: prompt at 09:00, replies, a family reply,
// an unmatched sender bound later, a duplicate message, a stranger's
// command, reminders at 16:00 and the 17:30 report.
func TestCheckinDay(t *testing.T) {
	o := newOffice(t)
	var groupTexts []string
	keepGroup := func(msgs []bot.Outgoing) []bot.Outgoing {
		for _, m := range msgs {
			if m.Group != "" {
				groupTexts = append(groupTexts, m.Text)
			}
		}
		return msgs
	}

	// 09:00 the prompt goes to every group, once.
	sent := keepGroup(o.at(0, 9, 0))
	if len(sent) != 2 || sent[0].Group != "一支部群" || sent[1].Group != "二支部群" {
		t.Fatalf("prompt: want one message per group, got:\n%s", bottest.Dump(sent))
	}
	mustContain(t, sent[0].Text, "1 = 平安")

	// An elder answers well.
	o.clock.Set(o.clock.Now().Add(5 * 60e9))
	sent = keepGroup(o.group("一支部群", "老张", "平安，三针都打了"))
	if got := only(t, sent, "[一支部群]"); got != "收到，祝您安康！" || sent[0].Mention != "老张" {
		t.Errorf("ack = %q mention %q", got, sent[0].Mention)
	}
	if st := o.status("E1"); st.Health != "well" || st.Doses != 3 || st.LastText != "平安，三针都打了" {
		t.Errorf("E1 status = %+v", st)
	}

	// An elder is unwell: the group hears an acknowledgement, the liaison the details.
	sent = keepGroup(o.group("一支部群", "王阿姨", "我有点发烧，头疼"))
	if len(sent) != 2 {
		t.Fatalf("unwell: want a group ack and a private note, got:\n%s", bottest.Dump(sent))
	}
	mustNotContain(t, bottest.To(sent, "[一支部群]")[0], "发烧", "王秀英", "头疼")
	note := bottest.To(sent, "联络员李娜")
	if len(note) != 1 {
		t.Fatalf("liaison got %d notes:\n%s", len(note), bottest.Dump(sent))
	}
	mustContain(t, note[0], "王秀英", "发烧", "13800000002")

	// A daughter answers for her mother, with her own nickname.
	sent = keepGroup(o.group("二支部群", "陈桂兰女儿", "我妈今天挺好的"))
	only(t, sent, "[二支部群]")
	if st := o.status("E4"); st.Health != "well" || st.LastSource != "family" {
		t.Errorf("E4 status = %+v", st)
	}

	// Someone the roster does not know answers: kept, not dropped.
	sent = keepGroup(o.group("二支部群", "夕阳红", "平安"))
	only(t, sent, "[二支部群]")
	if st := o.status("E5"); !st.Last.IsZero() {
		t.Fatalf("unmatched reply must not land on anyone yet: %+v", st)
	}
	if got := only(t, o.private("联络员王强", "/未识别"), "联络员王强"); !strings.Contains(got, "夕阳红") {
		t.Errorf("/未识别 = %q", got)
	}

	// A sticker is a sign of life with unknown status, flagged for the liaison.
	sent = keepGroup(o.deliver(bot.Message{Kind: bot.KindSticker, Group: "二支部群", From: bot.Sender{DisplayName: "老周"}}))
	only(t, sent, "[二支部群]")
	if st := o.status("E6"); st.Last.IsZero() || !st.Flag || st.Health != "unknown" {
		t.Errorf("sticker: E6 status = %+v", st)
	}

	// The same message delivered twice is applied once.
	dup := bottest.Group("wx-123", "二支部群", "老周", "身体挺好")
	if sent := o.deliver(dup); len(sent) != 1 {
		t.Fatalf("first delivery: %s", bottest.Dump(sent))
	}
	if sent := o.deliver(dup); len(sent) != 0 {
		t.Errorf("second delivery sent:\n%s", bottest.Dump(sent))
	}
	if h, _ := o.st.History(o.ctx, "E6", 10); len(h) != 2 {
		t.Errorf("E6 history has %d contacts, want 2 (sticker + one reply)", len(h))
	}

	// A stranger's command, and one who copies a liaison's nickname, change nothing.
	// A friend who is not staff gets one short refusal.
	sent = o.deliver(bottest.Private("s1", "路人甲", "/绑定 夕阳红 张建国"))
	if len(sent) != 1 || sent[0].To != "路人甲" || !strings.Contains(sent[0].Text, "只接受工作人员的指令") {
		t.Errorf("stranger got:\n%s", bottest.Dump(sent))
	}
	// and only one a day, however often they write.
	if sent := o.deliver(bottest.Private("s3", "路人甲", "/待办")); len(sent) != 0 {
		t.Errorf("second refusal the same day:\n%s", bottest.Dump(sent))
	}
	// A non-friend whose nickname copies a liaison's remark gets nothing:
	// an answer addressed by that name would reach the real liaison.
	if sent := o.deliver(bot.Message{ID: "s2", Kind: bot.KindText, From: bot.Sender{NickName: "联络员王强"}, Text: "/绑定 夕阳红 张建国"}); len(sent) != 0 {
		t.Errorf("copycat got:\n%s", bottest.Dump(sent))
	}
	if st := o.status("E1"); st.LastText != "平安，三针都打了" {
		t.Errorf("a stranger's bind changed E1: %+v", st)
	}

	// The liaison binds the nickname: the earlier reply is attributed.
	got := only(t, o.private("联络员王强", "/绑定 夕阳红 杨志强"), "联络员王强")
	mustContain(t, got, "夕阳红", "杨志强", "1 条")
	if st := o.status("E5"); st.Health != "well" || st.LastText != "平安" {
		t.Errorf("bound: E5 status = %+v", st)
	}
	keepGroup(o.group("二支部群", "夕阳红", "今天也挺好"))
	if h, _ := o.st.History(o.ctx, "E5", 10); len(h) != 2 {
		t.Errorf("after bind E5 has %d contacts, want 2", len(h))
	}

	// 16:00 reminders name exactly the silent elder, to her liaison only.
	sent = o.at(0, 16, 0)
	text := only(t, sent, "联络员李娜")
	mustContain(t, text, "刘德明", "13800000003")
	mustNotContain(t, text, "张建国", "王秀英", "陈桂兰", "杨志强", "周国华")

	// The liaison's to-do: overdue first, then the unwell.
	todo := only(t, o.private("联络员李娜", "待办"), "联络员李娜")
	if i, j := strings.Index(todo, "刘德明"), strings.Index(todo, "王秀英"); i < 0 || j < 0 || i > j {
		t.Errorf("todo order wrong:\n%s", todo)
	}
	mustNotContain(t, todo, "陈桂兰")

	// She phones him: logged, parsed, no longer overdue.
	got = only(t, o.private("联络员李娜", "/已联系 刘德明 电话 平安，药够吃"), "联络员李娜")
	mustContain(t, got, "刘德明", "电话", "平安")
	if st := o.status("E3"); st.Health != "well" || st.LastSource != "call" {
		t.Errorf("E3 after call = %+v", st)
	}

	// 17:30 the admin gets the day's figures.
	report := reportText(t, o.at(0, 17, 30), "陈主任")
	mustContain(t, report, "【日报】", "6/6", "身体不适：王秀英", "超时未联系：0 人")
	mustNotContain(t, report, "零报告")

	// Nothing but acknowledgements and the prompt ever went into a group.
	for _, g := range groupTexts {
		if g != "收到，祝您安康！" && g != "收到，已转告联络员，请多保重。" && !strings.Contains(g, "1 = 平安") {
			t.Errorf("unexpected group text %q", g)
		}
	}
}
