package handlers_test

import (
	"errors"
	"strings"
	"testing"

	"pingan/alert"
	"pingan/bot"
	"pingan/bot/bottest"
	"pingan/store"
)

// TestEmergencyRepeatsUntilAck: an emergency alerts the liaison and the
// admin at once, repeats at +5m and +10m, widens to all staff at +15m,
// stops when someone acknowledges, and the second channel gets the same.
func TestEmergencyRepeatsUntilAck(t *testing.T) {
	h := newHooks(t)
	o := newAidOffice(t, h)
	var all []bot.Outgoing
	keep := func(msgs []bot.Outgoing) []bot.Outgoing { all = append(all, msgs...); return msgs }
	defer func() { groupSafe(t, all) }()
	keep(o.at(0, 10, 0))

	// At handling time, not at the next job.
	sent := keep(o.group("一支部群", "老张", "我摔倒了起不来"))
	if targets(sent) != "联络员李娜,陈主任,[一支部群]" {
		t.Fatalf("first alert (staff first, then the answer in the group):\n%s", bottest.Dump(sent))
	}
	if g := one(t, sent, "[一支部群]"); g != "已紧急通知工作人员！如情况危急，请立即拨打 120。" {
		t.Errorf("group reply = %q", g)
	}
	first := one(t, sent, liNa)
	mustContain(t, first, "【紧急 #1】张建国 在群「一支部群」说：\n「我摔倒了起不来」", "电话：13800000001",
		"家属：女儿 张丽 13900000001", "/收到 1")
	if one(t, sent, chen) != first {
		t.Error("the admin's alert differs")
	}
	wecom, sms := h.wait(t, 2)
	// The robot's group may hold more than staff: it gets the number, the liaison and
	// what to do, not the elder's name, words or phone.
	if len(wecom) != 1 || !strings.Contains(wecom[0], "【紧急 #1】联络员李娜名下一位老人需要马上联系") ||
		!strings.Contains(wecom[0], "/收到 1") || strings.Contains(wecom[0], "张建国") ||
		strings.Contains(wecom[0], "我摔倒了起不来") || strings.Contains(wecom[0], "13800000001") {
		t.Errorf("wecom got %q", wecom)
	}
	if len(sms) != 1 {
		t.Fatalf("sms got %+v", sms)
	}
	if a := sms[0]; a.ID != 1 || a.Event != alert.EventAlert || a.Round != 1 || a.Elder != "张建国" || a.Text != "我摔倒了起不来" ||
		a.Phone != "13800000001" || a.Group != "一支部群" || len(a.Family) != 1 || strings.Join(a.Recipients, ",") != "李娜,陈主任" {
		t.Errorf("sms payload = %+v", a)
	}

	// Repeats to the same people at +5m and +10m, nothing in between.
	for _, step := range []struct {
		mm, round int
		targets   string
		mark      string
	}{
		{4, 0, "", ""},
		{5, 2, "联络员李娜,陈主任", "第2次提醒"},
		{9, 0, "", ""},
		{10, 3, "联络员李娜,陈主任", "第3次提醒"},
		{14, 0, "", ""},
		{15, 4, "联络员李娜,联络员王强,志愿者小刘,陈主任", "第4次提醒·已通知全体工作人员"},
	} {
		sent := keep(o.at(0, 10, step.mm))
		if targets(sent) != step.targets {
			t.Fatalf("10:%02d want %q, got:\n%s", step.mm, step.targets, bottest.Dump(sent))
		}
		if step.mark != "" {
			mustContain(t, sent[0].Text, step.mark, "我摔倒了起不来", "/收到 1")
			_, sms := h.wait(t, 2)
			if len(sms) != 1 || sms[0].Event != alert.EventRepeat || sms[0].Round != step.round || len(sms[0].Recipients) != len(strings.Split(step.targets, ",")) {
				t.Errorf("10:%02d sms %+v", step.mm, sms)
			}
		}
	}

	// 王强, alerted at the widening, acknowledges without a number.
	keep(o.at(0, 10, 17))
	sent = keep(o.private(wangQiang, "收到"))
	mustContain(t, one(t, sent, wangQiang), "已确认 #1：张建国。提醒已停止")
	for _, who := range []string{liNa, xiaoLiu, chen} {
		mustContain(t, one(t, sent, who), "【已确认 #1】王强 已于 11-24 10:17 收到 张建国 的紧急情况")
	}
	wecom, sms = h.wait(t, 2)
	if len(sms) != 1 || sms[0].Event != alert.EventAck || sms[0].AckBy != "王强" {
		t.Errorf("ack sms = %+v", sms)
	}
	if len(wecom) != 1 || !strings.Contains(wecom[0], "【紧急 #1】已由王强确认，正在处理。") || strings.Contains(wecom[0], "张建国") {
		t.Errorf("ack wecom = %q", wecom)
	}
	em, _ := o.st.Emergency(o.ctx, 1)
	if em.Status != store.EmergencyAcked || em.AckBy != "王强" || em.Round != 4 || len(em.Alerted) != 4 {
		t.Errorf("Redis holds %+v", em)
	}

	// Then it stops.
	if sent := keep(o.at(0, 10, 40)); len(sent) != 0 {
		t.Fatalf("after ack:\n%s", bottest.Dump(sent))
	}
	mustContain(t, one(t, o.private(liNa, "/收到 1"), liNa), "#1 张建国 的紧急情况已由 王强 于 11-24 10:17 确认")
	mustContain(t, one(t, o.private(liNa, "收到"), liNa), "没有等待您确认的紧急情况")

	// Closed with a note.
	mustContain(t, one(t, o.private(liNa, "/解除 1"), liNa), "解除需要写明说明")
	sent = keep(o.private(liNa, "/解除 1 已送医，家属陪同"))
	mustContain(t, one(t, sent, liNa), "已解除 #1：张建国。说明：已送医，家属陪同")
	mustContain(t, one(t, sent, wangQiang), "【已解除 #1】")
	h.wait(t, 2)
	if act, _ := o.st.ActiveEmergencies(o.ctx); len(act) != 0 {
		t.Errorf("active after resolve: %+v", act)
	}
	mustContain(t, one(t, o.private(chen, "/解除 1 误报"), chen), "#1 已由 李娜 解除：已送医，家属陪同")
}

// TestAckWithoutNumber: /收到 alone takes the newest unacknowledged
// emergency the sender was alerted to; an aid number is refused.
func TestAckWithoutNumber(t *testing.T) {
	o := newAidOffice(t, nil)
	o.at(0, 11, 0)
	o.group("二支部群", "陈阿姨", "胸口疼得厉害，喘不上气") // #1: 王强 and 陈主任
	o.at(0, 11, 1)
	o.group("一支部群", "老张", "我摔倒了起不来") // #2: 李娜 and 陈主任
	o.group("一支部群", "王阿姨", "帮忙买点菜")  // #3: aid

	mustContain(t, one(t, o.private(liNa, "收到"), liNa), "已确认 #2")
	mustContain(t, one(t, o.private(chen, "收到"), chen), "已确认 #1")
	mustContain(t, one(t, o.private(wangQiang, "收到"), wangQiang), "没有等待您确认的紧急情况")
	mustContain(t, one(t, o.private(wangQiang, "/收到 3"), wangQiang), "#3 是求助，不是紧急情况")
	mustContain(t, one(t, o.private(wangQiang, "/认领 1"), wangQiang), "#1 是紧急情况，不是求助")
	if sent := o.at(0, 11, 30); len(sent) != 0 {
		t.Errorf("acked emergencies still repeat:\n%s", bottest.Dump(sent))
	}
}

// TestEmergencyTwoProcesses: two services on one Redis, each running the
// escalation job for the same minute, send each repeat once.
func TestEmergencyTwoProcesses(t *testing.T) {
	o := newAidOffice(t, nil)
	o.at(0, 10, 0)
	o.group("一支部群", "老张", "我摔倒了起不来")
	twin := o.twin()
	at := o.clock.Now().Add(5 * 60e9)
	o.clock.Set(at)
	for i := 0; i < 3; i++ {
		_ = twin.Escalate(o.ctx, at)
		_ = o.svc.Escalate(o.ctx, at)
	}
	if sent := o.flush(); targets(sent) != "联络员李娜,陈主任" {
		t.Errorf("want one repeat each, got:\n%s", bottest.Dump(sent))
	}
}

// TestEmergencyWhenWeChatIsDown: every WeChat send fails, yet the second
// channel gets the alert and its repeats, retrying a failing endpoint.
func TestEmergencyWhenWeChatIsDown(t *testing.T) {
	h := newHooks(t)
	o := newAidOffice(t, h)
	o.at(0, 10, 0)
	o.tr.FailWith(1<<30, errors.New("wechat: session lost"))
	h.mu.Lock()
	h.failNext = 2 // the first two posts get a 502 and are retried
	h.mu.Unlock()
	if sent := o.group("一支部群", "老张", "我摔倒了起不来"); len(sent) != 0 {
		t.Fatalf("nothing can go out on WeChat, got:\n%s", bottest.Dump(sent))
	}
	wecom, sms := h.wait(t, 2)
	if len(wecom) != 1 || len(sms) != 1 || sms[0].Event != alert.EventAlert || !strings.Contains(wecom[0], "【紧急 #1】") {
		t.Fatalf("second channel got wecom %q sms %+v", wecom, sms)
	}
	o.at(0, 10, 5)
	_, sms = h.wait(t, 2)
	if len(sms) != 1 || sms[0].Event != alert.EventRepeat || sms[0].Round != 2 {
		t.Errorf("repeat sms %+v", sms)
	}
	o.alerts.Wait()
	if o.alerts.Sent() != 4 || o.alerts.Failed() != 0 {
		t.Errorf("dispatcher sent %d failed %d", o.alerts.Sent(), o.alerts.Failed())
	}
	if o.out.Failed() == 0 {
		t.Error("the WeChat sends should have failed")
	}
}

// TestUrgentUnknownSender: an emergency from a nickname nobody has
// bound alerts the admins with a number, and repeats like any other.
func TestUrgentUnknownSender(t *testing.T) {
	o := newAidOffice(t, nil)
	o.at(0, 10, 0)
	sent := o.group("二支部群", "夕阳红", "我摔倒了起不来")
	groupSafe(t, sent)
	if targets(sent) != "陈主任,[二支部群]" {
		t.Fatalf("want the admin, then the group's answer:\n%s", bottest.Dump(sent))
	}
	mustContain(t, sent[0].Text, "【紧急 #1】未识别成员「夕阳红」 在群「二支部群」说", "/绑定 夕阳红 老同志姓名", "/收到 1")
	if sent := o.at(0, 10, 5); targets(sent) != "陈主任" {
		t.Fatalf("10:05:\n%s", bottest.Dump(sent))
	}
	o.at(0, 10, 10)
	if sent := o.at(0, 10, 15); targets(sent) != "联络员李娜,联络员王强,志愿者小刘,陈主任" {
		t.Fatalf("10:15:\n%s", bottest.Dump(sent))
	}
	mustContain(t, one(t, o.private(xiaoLiu, "收到"), xiaoLiu), "已确认 #1")
	if sent := o.at(0, 10, 30); len(sent) != 0 {
		t.Errorf("after ack:\n%s", bottest.Dump(sent))
	}
}
