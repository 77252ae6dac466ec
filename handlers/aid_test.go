package handlers_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"pingan/bot"
	"pingan/bot/bottest"
	"pingan/config"
	"pingan/store"
)

const (
	liNa      = "联络员李娜"
	wangQiang = "联络员王强"
	xiaoLiu   = "志愿者小刘"
	chen      = "陈主任"
)

// TestAidLifecycle runs several requests through a day and the next with
// two liaisons, a volunteer and an admin: notices, a folded duplicate, a
// liaison's /求助, claims, refusals, reminders to the minute, the list,
// status and report — and checks what Redis holds.
func TestAidLifecycle(t *testing.T) {
	o := newAidOffice(t, nil)
	var all []bot.Outgoing
	keep := func(msgs []bot.Outgoing) []bot.Outgoing { all = append(all, msgs...); return msgs }
	defer func() { groupSafe(t, all) }()
	keep(o.at(0, 10, 0))

	// 10:00 an elder asks for medicine: #1 to her liaison and the volunteer.
	sent := keep(o.group("一支部群", "老张", "家里降压药快吃完了，能帮忙配一下吗"))
	if targets(sent) != "联络员李娜,志愿者小刘,[一支部群]" {
		t.Fatalf("want liaison, volunteer, then the group's answer; got:\n%s", bottest.Dump(sent))
	}
	if g := one(t, sent, "[一支部群]"); g != "收到，已转告工作人员，会尽快与您联系。" {
		t.Errorf("group ack = %q", g)
	}
	notice := one(t, sent, liNa)
	mustContain(t, notice, "【求助 #1】张建国（高风险）需要：配药（降压药）", "原话：「家里降压药快吃完了，能帮忙配一下吗」",
		"本人在群「一支部群」", "电话：13800000001", "家属：女儿 张丽 13900000001", "/认领 1", "/完成 1", "/取消 1")
	if one(t, sent, xiaoLiu) != notice {
		t.Error("the volunteer's notice differs from the liaison's")
	}

	// 10:05 the same need again: added to #1, not a #2.
	keep(o.at(0, 10, 5))
	sent = keep(o.group("一支部群", "老张", "降压药还没配到，麻烦快点"))
	mustContain(t, one(t, sent, liNa), "【求助 #1 补充】张建国 又说：「降压药还没配到，麻烦快点」")
	one(t, sent, xiaoLiu)
	if act, _ := o.st.ActiveAids(o.ctx); len(act) != 1 || len(act[0].Texts) != 2 || act[0].Detail != "降压药" {
		t.Fatalf("after the duplicate, active = %+v", act)
	}

	// 10:10 another branch's elder asks for food: #2 to 王强 and the volunteer.
	keep(o.at(0, 10, 10))
	sent = keep(o.group("二支部群", "陈阿姨", "帮忙买点菜"))
	mustContain(t, one(t, sent, wangQiang), "【求助 #2】陈桂兰")
	one(t, sent, xiaoLiu)
	if len(bottest.To(sent, liNa)) != 0 {
		t.Errorf("李娜 told of another branch's request:\n%s", bottest.Dump(sent))
	}

	// 10:20 王强 logs a call about 王秀英 (李娜's elder): #3, 李娜 and the volunteer told.
	keep(o.at(0, 10, 20))
	sent = keep(o.private(wangQiang, "/求助 王秀英 就医 下午要去医院复诊"))
	mustContain(t, one(t, sent, wangQiang), "已登记 #3 王秀英 就医（下午要去医院复诊）")
	mustContain(t, one(t, sent, liNa), "【求助 #3】王秀英", "王强 电话登记")
	one(t, sent, xiaoLiu)
	mustContain(t, one(t, o.private(wangQiang, "/求助 王秀英 跳舞"), wangQiang), "「跳舞」不是可登记的需要")

	// 10:25 the volunteer claims #2; the liaison hears of it.
	keep(o.at(0, 10, 25))
	sent = keep(o.private(xiaoLiu, "/认领 2"))
	if got := one(t, sent, xiaoLiu); got != "已认领 #2：陈桂兰 买菜/食品（菜）。完成后请发 /完成 2" {
		t.Errorf("claim reply = %q", got)
	}
	mustContain(t, one(t, sent, wangQiang), "#2 陈桂兰 买菜/食品（菜） 由 小刘 认领")

	// Illegal moves are refused with the reason, and change nothing.
	mustContain(t, one(t, o.private(liNa, "认领 #2"), liNa), "#2 已由 小刘 认领")
	mustContain(t, one(t, o.private(wangQiang, "/完成 2"), wangQiang), "#2 由 小刘 认领，只有认领人或管理员可以完成或取消")
	mustContain(t, one(t, o.private(xiaoLiu, "/认领 2"), xiaoLiu), "#2 您已认领")
	mustContain(t, one(t, o.private(liNa, "/认领 99"), liNa), "没有 #99 这个求助")
	mustContain(t, one(t, o.private(liNa, "/认领 abc"), liNa), "「abc」不是编号")
	mustContain(t, one(t, o.private(liNa, "/取消 3"), liNa), "取消求助需要写明原因")
	if a, _ := o.st.Aid(o.ctx, 2); a.Status != store.AidClaimed || a.Claimer != "小刘" {
		t.Errorf("#2 = %+v", a)
	}

	// The list: oldest first, with state and age.
	list := one(t, o.private(chen, "/求助列表"), chen)
	i1, i2, i3 := strings.Index(list, "#1 张建国"), strings.Index(list, "#2 陈桂兰"), strings.Index(list, "#3 王秀英")
	if i1 < 0 || i2 < i1 || i3 < i2 {
		t.Errorf("list order:\n%s", list)
	}
	mustContain(t, list, "未完成的求助 3 件", "#1 张建国 配药（降压药）｜待认领｜25分钟前", "小刘 已认领")

	// Unclaimed reminders to the minute: nothing at 11:59, #1 at 12:00, #3 at 12:20.
	if sent := keep(o.at(0, 11, 59)); len(sent) != 0 {
		t.Fatalf("before claim_within:\n%s", bottest.Dump(sent))
	}
	sent = keep(o.at(0, 12, 0))
	if targets(sent) != "联络员李娜,志愿者小刘" {
		t.Fatalf("12:00 want the liaison and the volunteer, got:\n%s", bottest.Dump(sent))
	}
	mustContain(t, sent[0].Text, "【求助待认领 #1 张建国 配药（降压药）】已等 2小时", "/认领 1")
	if sent := keep(o.at(0, 12, 19)); len(sent) != 0 {
		t.Fatalf("12:19:\n%s", bottest.Dump(sent))
	}
	sent = keep(o.at(0, 12, 20))
	if targets(sent) != "联络员李娜,志愿者小刘" || !strings.Contains(sent[0].Text, "#3 王秀英") {
		t.Fatalf("12:20:\n%s", bottest.Dump(sent))
	}
	// Twice claim_within: the admins, at 14:00 exactly.
	if sent := keep(o.at(0, 13, 59)); len(sent) != 0 {
		t.Fatalf("13:59:\n%s", bottest.Dump(sent))
	}
	sent = keep(o.at(0, 14, 0))
	mustContain(t, one(t, sent, chen), "【求助超时 #1 张建国 配药（降压药）】已等 4小时 仍无人认领（联络员 李娜）")
	if len(sent) != 1 {
		t.Fatalf("14:00:\n%s", bottest.Dump(sent))
	}
	// The job run again, and by a second process, sends nothing twice.
	at := o.clock.Now()
	twin := o.twin()
	var wg sync.WaitGroup
	for _, run := range []func(){func() { _ = o.svc.Escalate(o.ctx, at) }, func() { _ = twin.Escalate(o.ctx, at) }} {
		wg.Add(1)
		go func() { defer wg.Done(); run() }()
	}
	wg.Wait()
	if sent := keep(o.flush()); len(sent) != 0 {
		t.Fatalf("escalation re-run sent:\n%s", bottest.Dump(sent))
	}
	if a, _ := o.st.Aid(o.ctx, 1); len(a.Sent) != 2 {
		t.Errorf("#1 stages sent = %v", a.Sent)
	}

	// 14:30 李娜 claims #1 and finishes it; cancels #3 with a reason.
	keep(o.at(0, 14, 30))
	mustContain(t, one(t, keep(o.private(liNa, "/认领 1")), liNa), "已认领 #1：张建国 配药（降压药）。完成后请发 /完成 1")
	sent = keep(o.private(liNa, "/完成 1 药已送到家"))
	if one(t, sent, liNa) != "已完成 #1：张建国 配药（降压药）。谢谢！" || len(sent) != 1 {
		t.Errorf("done:\n%s", bottest.Dump(sent))
	}
	sent = keep(o.private(liNa, "/取消 3 家属已陪同就医"))
	mustContain(t, one(t, sent, liNa), "已取消 #3：王秀英 就医。原因：家属已陪同就医")
	mustContain(t, one(t, o.private(xiaoLiu, "/认领 3"), xiaoLiu), "#3 已由 李娜 取消（家属已陪同就医），不能再操作")
	mustContain(t, one(t, o.private(chen, "/完成 1"), chen), "#1 已由 李娜 完成，不能再操作")

	// A new need from the same elder after #1 is done opens #4.
	sent = keep(o.group("一支部群", "老张", "需要买菜，家里没菜了"))
	mustContain(t, one(t, sent, liNa), "【求助 #4】张建国")

	// Status and to-do carry aid.
	st := one(t, o.private(chen, "/状态"), chen)
	mustContain(t, st, "求助：今日新增 4，认领 2，完成 1，取消 1；未完成 2 件（待认领 1，办理中 1）", "最早未完成：#2 陈桂兰")
	todo := one(t, o.private(liNa, "/待办"), liNa)
	mustContain(t, todo, "求助 #4 买菜/食品 待认领")
	mustNotContain(t, todo, "#2")
	mustContain(t, one(t, o.private(chen, "/待办"), chen), "求助 #2 买菜/食品 小刘 已认领")

	// 17:30 report has the day's aid figures.
	report := reportFor(t, keep(o.at(0, 17, 30)), chen)
	mustContain(t, report, "求助：今日新增 4，认领 2，完成 1，取消 1")
	mustNotContain(t, report, "零报告")

	// The claimer of #2 (10:25) is reminded at 10:25 the next day, not before.
	for _, m := range keep(o.at(1, 10, 24)) {
		if m.To == xiaoLiu && strings.Contains(m.Text, "求助未完成") {
			t.Fatalf("done reminder early: %s", m.Text)
		}
	}
	sent = keep(o.at(1, 10, 25))
	mustContain(t, one(t, sent, xiaoLiu), "【求助未完成 #2 陈桂兰 买菜/食品（菜）】您认领已 24小时，还没有完成。办好后请发 /完成 2")

	// Redis: two active requests, indexed; #1 and #3 out of the indexes.
	act, err := o.st.ActiveAids(o.ctx)
	if err != nil || len(act) != 2 || act[0].ID != 2 || act[1].ID != 4 {
		t.Errorf("active = %+v %v", act, err)
	}
	due, _ := o.st.DueAids(o.ctx, o.clock.Now().Add(1000*time.Hour))
	for _, a := range due {
		if a.ID == 1 || a.ID == 3 {
			t.Errorf("closed #%d still due", a.ID)
		}
	}
	a1, _ := o.st.Aid(o.ctx, 1)
	if a1.Status != store.AidDone || a1.Claimer != "李娜" || a1.Note != "药已送到家" || a1.AskedAs != store.AskedByElder || len(a1.Log) < 5 {
		t.Errorf("#1 = %+v", a1)
	}
}

// TestAidFamily: a family member's request says so; no
// detail ever reaches a group.
func TestAidFamily(t *testing.T) {
	o := newAidOffice(t, nil)
	sent := o.group("一支部群", "张建国女儿", "我爸的降压药和胰岛素都没了，麻烦帮忙配一下")
	groupSafe(t, sent)
	mustContain(t, one(t, sent, liNa), "家属「张建国女儿」在群「一支部群」代报", "降压药")
	for _, m := range sent {
		if m.Group != "" {
			mustNotContain(t, m.Text, "降压药", "张建国", "#")
		}
	}
}

// TestAidConfigMovedDeadline: after claim_within is raised (a restart with
// a new config), the old due entry is re-indexed, not sent early.
func TestAidConfigMovedDeadline(t *testing.T) {
	o := newAidOffice(t, nil)
	o.at(0, 10, 0)
	o.group("一支部群", "老张", "帮忙买点菜")
	o.cfg.Aid.ClaimWithin = config.Duration(3 * time.Hour)
	if sent := o.at(0, 12, 0); len(sent) != 0 {
		t.Fatalf("sent at the old deadline:\n%s", bottest.Dump(sent))
	}
	if due, _ := o.st.DueAids(o.ctx, o.clock.Now().Add(59*time.Minute)); len(due) != 0 {
		t.Errorf("still indexed at the old deadline: %+v", due)
	}
	if sent := o.at(0, 13, 0); targets(sent) != "联络员李娜,志愿者小刘" {
		t.Errorf("13:00:\n%s", bottest.Dump(sent))
	}
}
