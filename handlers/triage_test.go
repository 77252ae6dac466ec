package handlers_test

import (
	"testing"

	"pingan/bot/bottest"
	"pingan/store"
)

// TestConfirmBecomesAlarm: a reading that may be serious goes to the
// liaison at once (staff lane), quoting the words and the sign found,
// asking for /收到; nobody confirms in 10 minutes, and it becomes an alarm
// to the liaison and the admins, with repeats and the second channel.
func TestConfirmBecomesAlarm(t *testing.T) {
	h := newHooks(t)
	o := newAidOffice(t, h)
	o.at(0, 10, 0)
	sent := o.group("一支部群", "老张", "血糖很高，二十多")
	ask := only(t, filterTo(sent, liNa), liNa)
	mustContain(t, ask, "【请确认 #1】张建国", "判读依据：指标危险：血糖很高，二十多", "/收到 1", "10分钟内无人确认将升级")
	if len(bottest.To(sent, chen)) != 0 {
		t.Errorf("the admin was alarmed before the liaison had a chance:\n%s", bottest.Dump(sent))
	}
	if m := filterTo(sent, liNa)[0]; m.Lane != "staff" {
		t.Errorf("a confirm went in the %s lane", m.Lane)
	}
	if g := one(t, sent, "[一支部群]"); g != "收到，已转告联络员，会尽快和您联系。" {
		t.Errorf("group answer %q", g)
	}
	if sent := o.at(0, 10, 9); len(sent) != 0 {
		t.Errorf("before 10 minutes:\n%s", bottest.Dump(sent))
	}
	sent = o.at(0, 10, 10)
	for _, to := range []string{liNa, chen} {
		mustContain(t, one(t, sent, to), "【紧急 #1·10分钟内无人确认，已升级】", "血糖很高")
	}
	if _, sms := h.wait(t, 2); len(sms) != 1 || sms[0].ID != 1 {
		t.Errorf("second channel after the promotion: %+v", sms)
	}
	if sent := o.at(0, 10, 15); targets(sent) != liNa+","+chen {
		t.Errorf("no repeat 5 minutes after the promotion:\n%s", bottest.Dump(sent))
	}
	mustContain(t, only(t, filterTo(o.private(liNa, "/收到 1"), liNa), liNa), "已确认 #1")
	em, _ := o.st.Emergency(o.ctx, 1)
	if em.Status != store.EmergencyAcked || em.Confirm || em.Promoted.IsZero() {
		t.Errorf("#1 = %+v", em)
	}
	// /查询 shows the reading's evidence and the case.
	mustContain(t, only(t, o.private(liNa, "/查询 张建国"), liNa), "判读：需确认（指标危险：血糖很高，二十多）", "#1 需确认")
}

// TestConfirmedInTime: the liaison confirms; nothing escalates.
func TestConfirmedInTime(t *testing.T) {
	o := newAidOffice(t, nil)
	o.at(0, 10, 0)
	o.group("一支部群", "老张", "有点胸闷，这两天老这样")
	mustContain(t, only(t, filterTo(o.private(liNa, "/收到"), liNa), liNa), "已确认 #1")
	if sent := o.at(0, 10, 30); len(sent) != 0 {
		t.Errorf("escalated after the liaison confirmed:\n%s", bottest.Dump(sent))
	}
}

// TestResemblanceAsksToConfirm: words no rule reads, that the resemblance
// model weighs like an emergency, reach the liaison as a confirm quoting the
// message; the group hears only that the liaison was told. Words it is sure of,
// told now, are an alarm to the liaison and the admins.
func TestResemblanceAsksToConfirm(t *testing.T) {
	o := newAidOffice(t, nil)
	o.at(0, 10, 0)
	sent := o.group("一支部群", "老张", "奶奶三天没正经吃饭了，就喝几口水")
	ask := only(t, filterTo(sent, liNa), liNa)
	mustContain(t, ask, "【请确认 #1】张建国", "判读依据：与急症描述相近：奶奶三天没正经吃饭了", "/收到 1")
	g := one(t, sent, "[一支部群]")
	mustNotContain(t, g, "喝几口水", "急情")
	if em, err := o.st.Emergency(o.ctx, 1); err != nil || !em.Confirm {
		t.Errorf("#1 = %+v, %v", em, err)
	}
	// words the model is sure of as an emergency, told now, are an alarm at once
	sent = o.group("二支部群", "老杨", "老伴刚才突然身子一挺，手脚一下一下地打挺")
	mustContain(t, one(t, sent, "联络员王强"), "【紧急 #2】", "与急症描述相近：老伴刚才突然身子一挺")
	mustContain(t, one(t, sent, chen), "【紧急 #2】")
	mustNotContain(t, one(t, sent, "[二支部群]"), "打挺")
}

// TestAcuteAndPromoted: an emergency of the chronically ill outside the other
// discriminators is an alarm naming it; a rule's confirm the model is sure of
// is an alarm, with both readings in the notice.
func TestAcuteAndPromoted(t *testing.T) {
	o := newAidOffice(t, nil)
	o.at(0, 10, 0)
	sent := o.group("一支部群", "老张", "两次透析没做了，憋得慌，尿一滴也没有")
	mustContain(t, one(t, sent, liNa), "【紧急 #1】张建国", "判读依据：其他急症：透析没做了")
	mustContain(t, one(t, sent, chen), "【紧急 #1】")
	sent = o.group("二支部群", "老杨", "姥爷嗓子眼像被堵死了，喘一口歇半天，手指甲盖都发蓝了")
	mustContain(t, one(t, sent, "联络员王强"), "【紧急 #2】", "与急症描述相近")
}

// TestDespairAndFraud: despair and fraud are alarms; staff get the
// hotlines, the group a warm, plain answer without them.
func TestDespairAndFraud(t *testing.T) {
	o := newAidOffice(t, nil)
	o.at(0, 10, 0)
	sent := o.group("一支部群", "老张", "活着没意思")
	mustContain(t, one(t, sent, liNa), "【紧急 #1】张建国", "判读依据：轻生念头：活着没意思", "心理援助热线 12356")
	g := one(t, sent, "[一支部群]")
	mustContain(t, g, "挂念")
	mustNotContain(t, g, "12356", "120", "轻生")

	sent = o.group("二支部群", "老杨", "我被骗了，钱都转走了")
	mustContain(t, one(t, sent, "联络员王强"), "疑似被骗", "报警 110", "反诈专线 96110")
	g = one(t, sent, "[二支部群]")
	mustNotContain(t, g, "110", "96110", "被骗")

	// threatened at home: the staff notice names the danger and the police; the group
	// hears that staff were told, and to get somewhere safe, nothing of what happened
	sent = o.group("一支部群", "老张", "女婿喝多了抄起菜刀在屋里乱砍，我躲在厕所里不敢出来")
	mustContain(t, one(t, sent, liNa), "【紧急 #3】张建国", "人身危险", "报警 110")
	g = one(t, sent, "[一支部群]")
	mustContain(t, g, "安全的地方")
	mustNotContain(t, g, "110", "菜刀", "女婿")
}
