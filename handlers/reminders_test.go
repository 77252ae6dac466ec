package handlers_test

import (
	"strings"
	"testing"

	"pingan/bot/bottest"
)

// TestEscalationReachesAdmins: elders silent past escalate_after × their
// interval go to the admins; before that only their liaison hears.
func TestEscalationReachesAdmins(t *testing.T) {
	o := newOffice(t)
	o.at(0, 9, 0)
	for _, nick := range []string{"老张", "刘老"} {
		o.group("一支部群", nick, "平安")
	}
	o.group("二支部群", "陈阿姨", "平安")
	o.group("二支部群", "老杨", "平安")
	o.group("二支部群", "老周", "平安")

	// Day 0, 16:00: 王秀英 (high tier, never heard from) is overdue: liaison only.
	sent := o.at(0, 16, 0)
	text := only(t, sent, "联络员李娜")
	mustContain(t, text, "王秀英", "高风险·独居")

	// Day 1, 16:00: 张建国 (high, last heard day 0 09:00) is overdue again;
	// 王秀英 has been silent 24h past her interval: escalated to the admin.
	sent = o.at(1, 16, 0)
	var esc string
	for _, m := range bottest.To(sent, "陈主任") {
		if strings.Contains(m, "【超时升级】") {
			esc = m
		}
	}
	if esc == "" {
		t.Fatalf("no escalation to the admin:\n%s", bottest.Dump(sent))
	}
	mustContain(t, esc, "王秀英", "联络员 李娜")
	mustNotContain(t, esc, "张建国", "刘德明")
	liaison := bottest.To(sent, "联络员李娜")
	if len(liaison) != 1 {
		t.Fatalf("liaison got %d messages:\n%s", len(liaison), bottest.Dump(sent))
	}
	mustContain(t, liaison[0], "张建国", "王秀英")
	mustNotContain(t, liaison[0], "刘德明") // normal tier: 72h
	if got := bottest.To(sent, "联络员王强"); len(got) != 0 {
		t.Errorf("王强's elders are within their interval, got %v", got)
	}
}

// TestZeroReport: a day where everyone answered well says so.
func TestZeroReport(t *testing.T) {
	o := newOffice(t)
	o.at(0, 9, 0)
	for g, nicks := range map[string][]string{"一支部群": {"老张", "王阿姨", "刘老"}, "二支部群": {"陈阿姨", "老杨", "老周"}} {
		for _, n := range nicks {
			o.group(g, n, "平安，身体很好")
		}
	}
	if sent := o.at(0, 16, 0); len(sent) != 0 {
		t.Errorf("reminders with nobody overdue:\n%s", bottest.Dump(sent))
	}
	report := reportText(t, o.at(0, 17, 30), "陈主任")
	mustContain(t, report, "6/6（100%）", "平安 6", "今日零报告")
	mustNotContain(t, report, "身体不适：")
}
