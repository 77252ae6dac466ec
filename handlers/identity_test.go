package handlers_test

import (
	"strings"
	"testing"

	"pingan/bot"
	"pingan/bot/bottest"
	"pingan/store"
)

// namesakeConfig has two 张建国: E1 in 一支部 (李娜) and E7 in 二支部 (王强),
// and a third group, 三支部, where neither lives.
const namesakeConfig = `
office: OFFICE
name: 测试退管办
groups:
  - {name: 一支部群, branch: 一支部}
  - {name: 二支部群, branch: 二支部}
  - {name: 三支部群, branch: 三支部}
roster: roster.csv
staff:
  - {name: 李娜, remark: 联络员李娜, role: liaison, branch: 一支部}
  - {name: 王强, remark: 联络员王强, role: liaison, branch: 二支部}
  - {name: 陈主任, remark: 陈主任, role: admin}
ack: {mode: each}
`

const namesakeRoster = testRoster + `E7,张建国,南片老张,二支部,1944,否,否,王强,13800000007,儿子 张伟 13900000007
E8,赵德华,,三支部,1950,否,否,李娜,13800000008,
`

func namesakeOffice(t *testing.T) *office {
	return buildOffice(t, officeSetup{config: namesakeConfig, roster: namesakeRoster})
}

// TestNamesakes: two elders named 张建国 in two branches. Each one's reply
// and fall reach their own liaison with their own phone; where the group
// cannot tell them apart, a fall reaches both liaisons and the admins
// with both phones, and stays unmatched until a liaison says who it was —
// by id, since the name fits two.
func TestNamesakes(t *testing.T) {
	o := namesakeOffice(t)
	o.at(0, 9, 0)
	o.group("一支部群", "张建国", "平安")
	if st := o.status("E1"); st.Health != "well" {
		t.Errorf("E1 (一支部) = %+v", st)
	}
	if st := o.status("E7"); !st.Last.IsZero() {
		t.Errorf("the other 张建国 was recorded: %+v", st)
	}

	sent := o.group("二支部群", "张建国", "我摔倒了起不来")
	alarm := only(t, filterTo(sent, "联络员王强"), "联络员王强")
	mustContain(t, alarm, "张建国", "13800000007", "二支部群")
	mustNotContain(t, alarm, "13800000001")
	if len(bottest.To(sent, "联络员李娜")) != 0 {
		t.Errorf("the other branch's liaison was alarmed:\n%s", bottest.Dump(sent))
	}
	if st := o.status("E7"); st.Health != "urgent" {
		t.Errorf("E7 = %+v", st)
	}

	// In 三支部群 nothing tells them apart: both liaisons and the admin, both phones.
	sent = o.group("三支部群", "张建国", "我摔倒了起不来")
	for _, to := range []string{"联络员李娜", "联络员王强", "陈主任"} {
		got := bottest.To(sent, to)
		if len(got) != 1 {
			t.Fatalf("%s got %d alarms:\n%s", to, len(got), bottest.Dump(sent))
		}
		mustContain(t, got[0], "【紧急 #2】", "可能是以下几位之一", "张建国（一支部，E1）电话 13800000001", "张建国（二支部，E7）电话 13800000007", "/绑定 张建国")
	}
	groupSafe(t, sent)
	if un, _ := o.st.UnmatchedList(o.ctx); len(un) != 1 || un[0].Nick != "张建国" {
		t.Errorf("unmatched = %+v, want the ambiguous message kept under 张建国", un)
	}

	// Commands: a shared name asks for the id; the id works.
	got := only(t, o.private("联络员李娜", "/已联系 张建国 电话 平安"), "联络员李娜")
	mustContain(t, got, "名单里有 2 位「张建国」", "张建国（一支部，E1）", "张建国（二支部，E7）", "请用编号")
	got = only(t, o.private("联络员王强", "/已联系 e7 电话 平安"), "联络员王强")
	mustContain(t, got, "已记录：张建国")
	mustContain(t, only(t, o.private("联络员王强", "/查询 E7"), "联络员王强"), "张建国（E7，二支部）", "13800000007")
	// The liaison finds out it was E7 and attributes the kept message, without binding the shared name for good.
	got = only(t, o.private("联络员王强", "/绑定 张建国 E7"), "联络员王强")
	mustContain(t, got, "同名", "1 条回复已补记给 张建国（二支部，E7）")
	o.group("一支部群", "张建国", "今天也挺好")
	if h, _ := o.st.History(o.ctx, "E1", 5); len(h) != 2 {
		t.Errorf("E1 lost its name to the bind: %d contacts", len(h))
	}
}

// TestElderWritesPrivately: an elder who writes to the bot in private is
// read like a group reply: an emergency alarms the liaison and the admins
// and the elder is answered plainly; a sender the bot knows by no roster
// name still opens a numbered request the admins own; only commands are
// refused.
func TestElderWritesPrivately(t *testing.T) {
	o := newAidOffice(t, nil)
	o.at(0, 10, 0)
	sent := o.private("王秀英", "我胸口疼得厉害，喘不上气")
	mustContain(t, only(t, filterTo(sent, liNa), liNa), "【紧急 #1】王秀英 私聊机器人说", "13800000002")
	if one(t, sent, "王秀英") != "已紧急通知工作人员！如情况危急，请立即拨打 120。" {
		t.Errorf("the elder was answered %q", one(t, sent, "王秀英"))
	}
	if st := o.status("E2"); st.Health != "urgent" {
		t.Errorf("E2 = %+v", st)
	}
	// Known by id too, as the bot's account may remark an elder 「E3」.
	o.private("E3", "平安，谢谢")
	if st := o.status("E3"); st.Health != "well" {
		t.Errorf("E3 by id = %+v", st)
	}
	// A stranger asks for food: #2, for the admins, listed.
	sent = o.private("楼下邻居", "家里没米了，能帮忙买点吗")
	mustContain(t, one(t, sent, chen), "【求助 #2】未识别成员「楼下邻居」", "私聊机器人")
	if one(t, sent, "楼下邻居") != "收到，已转告工作人员，会尽快与您联系。" {
		t.Errorf("the stranger was answered %q", one(t, sent, "楼下邻居"))
	}
	mustContain(t, only(t, o.private(chen, "/求助列表"), chen), "#2")
	// A command from someone not on the staff is refused.
	mustContain(t, only(t, o.private("王秀英", "/待办"), "王秀英"), "只接受工作人员的指令")
	// Someone with no remark cannot be answered (the answer could reach a
	// staff member whose remark their nickname copies), but is heard.
	sent = o.deliver(bot.Message{Kind: bot.KindText, From: bot.Sender{NickName: "联络员李娜"}, Text: "我摔倒了起不来"})
	for _, m := range sent {
		if m.To == liNa && !strings.Contains(m.Text, "【紧急") {
			t.Errorf("an answer went to the staff member whose remark the nickname copies: %q", m.Text)
		}
	}
	mustContain(t, one(t, sent, chen), "【紧急 #3】未识别成员")
}

// TestUnknownGroupEmergency: a group missing from the config still raises
// an emergency, naming the group, and the admins learn the group exists.
func TestUnknownGroupEmergency(t *testing.T) {
	o := newAidOffice(t, nil)
	o.at(0, 10, 0)
	sent := o.group("幸福里新群", "老张", "我摔倒了起不来")
	mustContain(t, only(t, filterTo(sent, liNa), liNa), "【紧急 #1】张建国 在未登记的群「幸福里新群」说", "13800000001")
	admin := bottest.To(sent, chen)
	if len(admin) != 2 || !strings.Contains(strings.Join(admin, "\n"), "不在配置里") {
		t.Errorf("the admin got %q, want the alarm and the note about the group", admin)
	}
	if g := bottest.To(sent, "[幸福里新群]"); len(g) != 1 || !strings.Contains(g[0], "120") {
		t.Errorf("the group was answered %q", g)
	}
	// An ordinary reply there changes nothing and says nothing.
	if sent := o.group("幸福里新群", "老张", "平安"); len(sent) != 0 {
		t.Errorf("an ordinary reply in an unknown group:\n%s", bottest.Dump(sent))
	}
}

// TestUnknownSenderAid: a nickname the roster does not know asks for
// food: the request gets a number and an owner, is listed, and reminds
// like any other; the group is told only what happened.
func TestUnknownSenderAid(t *testing.T) {
	o := newAidOffice(t, nil)
	o.at(0, 10, 0)
	sent := o.group("二支部群", "夕阳红", "家里没米了，能帮忙买点吗")
	notice := one(t, sent, chen)
	mustContain(t, notice, "【求助 #1】未识别成员「夕阳红」", "在群「二支部群」", "/绑定 夕阳红", "/认领 1")
	if g := one(t, sent, "[二支部群]"); g != "收到，已转告工作人员，会尽快与您联系。" {
		t.Errorf("group answer %q", g)
	}
	mustContain(t, only(t, o.private(chen, "/求助列表"), chen), "#1", "夕阳红")
	a, err := o.st.Aid(o.ctx, 1)
	if err != nil || a.Status != store.AidOpen || a.ElderID != "unmatched:夕阳红" {
		t.Fatalf("#1 = %+v (%v)", a, err)
	}
	if sent := o.at(0, 12, 0); !strings.Contains(strings.Join(bottest.To(sent, chen), ""), "#1") {
		t.Errorf("no reminder of #1 at 12:00:\n%s", bottest.Dump(sent))
	}
}

// TestWhoMayClose: /收到 and /解除 are for the people the alert reached;
// anyone else gets the reason and nothing changes; /查询 names who closed.
func TestWhoMayClose(t *testing.T) {
	o := newAidOffice(t, nil)
	o.at(0, 10, 0)
	o.group("一支部群", "老张", "我摔倒了起不来") // #1: 李娜 and 陈主任
	for _, cmd := range []string{"/收到 1", "/解除 1 误报"} {
		got := only(t, o.private("联络员王强", cmd), "联络员王强")
		mustContain(t, got, "没有发给您", "李娜、陈主任")
	}
	if em, _ := o.st.Emergency(o.ctx, 1); em.Status != store.EmergencyAlerting {
		t.Fatalf("a refused close changed #1: %+v", em)
	}
	mustContain(t, only(t, filterTo(o.private(liNa, "/解除 1 已电话确认，摔了一下无大碍"), liNa), liNa), "已解除 #1")
	mustContain(t, only(t, o.private("联络员王强", "/查询 张建国"), "联络员王强"), "#1 紧急", "已由 李娜", "解除（已电话确认，摔了一下无大碍）")
	// Once widened to all staff, anyone may take it.
	o.group("二支部群", "老杨", "我摔倒了起不来") // #2: 王强 and 陈主任
	o.at(0, 10, 16)
	mustContain(t, only(t, filterTo(o.private(liNa, "/收到 2"), liNa), liNa), "已确认 #2")
}

// TestLongMessageEndingInAFall: a 6 KB message is read by its head and
// tail; the fall at its end raises the alarm; it is kept cut, marked.
func TestLongMessageEndingInAFall(t *testing.T) {
	o := newAidOffice(t, nil)
	o.at(0, 10, 0)
	text := strings.Repeat("今天小区发了菜，邻居们都挺热心的。", 150) + "我在卫生间摔倒了起不来"
	if len(text) < 6000 {
		t.Fatalf("text is %d bytes", len(text))
	}
	sent := o.group("一支部群", "老张", text)
	mustContain(t, only(t, filterTo(sent, liNa), liNa), "【紧急 #1】张建国", "摔倒了起不来")
	st := o.status("E1")
	if st.Health != "urgent" || len(st.LastText) > bot.MaxTextBytes || !strings.Contains(st.LastText, "省略") || !strings.HasSuffix(st.LastText, "起不来") {
		t.Errorf("kept as %s, %d bytes, ends %q", st.Health, len(st.LastText), st.LastText[len(st.LastText)-30:])
	}
}

// filterTo keeps the messages to one target (a remark, or "[群名]").
func filterTo(msgs []bot.Outgoing, target string) []bot.Outgoing {
	var out []bot.Outgoing
	for _, m := range msgs {
		if m.Target() == target {
			out = append(out, m)
		}
	}
	return out
}

// TestWordingANewUserFound: what the bot says reads right.
func TestWordingANewUserFound(t *testing.T) {
	o := newOffice(t)
	o.at(0, 9, 0)
	got := only(t, o.private("联络员李娜", "/已联系 张建国 家属 平安"), "联络员李娜")
	mustContain(t, got, "已记录：张建国，联系了家属")
	mustNotContain(t, got, "联系家属联系")
	got = only(t, o.private("联络员李娜", "/查询 王秀英"), "联络员李娜")
	mustContain(t, got, "最新情况：从未联系\n")
	mustNotContain(t, got, "（从未）")
	// The liaison logs a request herself and there is no volunteer: nobody else was told.
	got = only(t, o.private("联络员李娜", "/求助 刘德明 配药 降压药"), "联络员李娜")
	mustContain(t, got, "没有其他需要通知的人")
	mustNotContain(t, got, "志愿者。")
	// A daughter reports her father unwell: the answer is for her.
	sent := o.group("一支部群", "张建国女儿", "我爸今天有点发烧")
	mustContain(t, one(t, sent, "[一支部群]"), "请代我们问候老人家")
	mustContain(t, one(t, sent, "联络员李娜"), "张建国（家属「张建国女儿」代报）")
	// The elder's own account writing about him is not "family 老杨".
	sent = o.group("二支部群", "老杨", "我老伴说我今天咳嗽得厉害")
	if n := bottest.To(sent, "联络员王强"); len(n) == 1 {
		mustNotContain(t, n[0], "家属「老杨」")
	}
}
