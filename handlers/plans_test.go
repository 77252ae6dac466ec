package handlers_test

import (
	"strings"
	"testing"

	"pingan/bot/bottest"
	"pingan/config"
)

// planRoster gives 刘德明 (E3) his own plan: every 12 hours, through the
// family, a note for staff, and 王强 as helper.
var planRoster = strings.Replace(testRoster, "family\n", "family,contact_every,prefer,notes,helper\n", 1) +
	"E9,孙桂芝,,一支部,1936,是,是,李娜,13800000009,女儿 孙丽 13900000009,12h,家属,耳背，先打女儿电话,王强\n"

// TestOnePlanPerPerson: a plan's 12-hour interval makes the elder overdue
// at 21:00 after a 09:00 reply; /待办 shows the way and the note (never a
// group); the helper gets the elder's aid notice; /计划 changes it.
func TestOnePlanPerPerson(t *testing.T) {
	o := buildOffice(t, officeSetup{roster: planRoster})
	o.at(0, 9, 0)
	sent := o.group("一支部群", "孙桂芝", "平安")
	groupSafe(t, sent)
	mustNotContain(t, strings.Join(bottest.To(sent, "[一支部群]"), ""), "耳背")
	o.at(0, 20, 59)
	if todo := only(t, o.private("联络员李娜", "/待办"), "联络员李娜"); strings.Contains(todo, "孙桂芝【超时未联系】") {
		t.Errorf("overdue before 12 hours:\n%s", todo)
	}
	o.at(0, 21, 0)
	todo := only(t, o.private("联络员李娜", "/待办"), "联络员李娜")
	mustContain(t, todo, "孙桂芝【超时未联系】", "宜家属：耳背，先打女儿电话")
	mustContain(t, only(t, o.private("联络员李娜", "/查询 孙桂芝"), "联络员李娜"), "计划：每 12 小时 联系；方式：家属；帮手：王强；备注：耳背，先打女儿电话")

	// The helper hears of her requests.
	sent = o.group("一支部群", "孙桂芝", "家里没菜了，能帮忙买点吗")
	mustContain(t, one(t, sent, "联络员王强"), "【求助 #1】孙桂芝")

	// /计划 changes the interval; she is no longer overdue.
	got := only(t, o.private("联络员李娜", "/计划 孙桂芝 每 2天"), "联络员李娜")
	mustContain(t, got, "已更新 孙桂芝 的计划：每 2 天 联系", "备注：耳背")
	if todo := only(t, o.private("联络员李娜", "/待办"), "联络员李娜"); strings.Contains(todo, "孙桂芝【超时未联系】") {
		t.Errorf("still overdue after the plan changed:\n%s", todo)
	}
	for cmd, want := range map[string]string{
		"/计划 孙桂芝 每 10m": "1 小时到 30 天",
		"/计划 孙桂芝 微信":    "看不懂「微信」",
		"/计划 孙桂芝 帮手 路人": "帮手必须是配置里的工作人员",
		"/计划 孙桂芝":       "每 2 天 联系",
	} {
		mustContain(t, only(t, o.private("联络员李娜", cmd), "联络员李娜"), want)
	}
	mustContain(t, only(t, o.private("联络员李娜", "/计划 孙桂芝 清除"), "联络员李娜"), "已恢复", "每 12 小时")
}

// TestEveryJobIsOneDeclaration: each job of config.JobSpecs has its work,
// a Chinese label and a default schedule, and /任务 lists it when it is on.
func TestEveryJobIsOneDeclaration(t *testing.T) {
	o := newOffice(t)
	for _, j := range config.JobSpecs {
		if o.svc.JobFunc(j.Name) == nil {
			t.Errorf("job %s has no work in handlers.Service.JobFunc", j.Name)
		}
		if j.Label == "" || config.JobLabel(j.Name) != j.Label {
			t.Errorf("job %s has no label", j.Name)
		}
		if _, err := config.ParseCron(j.Default); err != nil {
			t.Errorf("job %s: default %q: %v", j.Name, j.Default, err)
		}
	}
	// /任务 (registered by the office, as in production) lists every job on.
	list := only(t, o.private("陈主任", "/任务"), "陈主任")
	for _, j := range config.JobSpecs {
		if j.On(o.cfg) != strings.Contains(list, j.Label) {
			t.Errorf("/任务 and %s (on: %v):\n%s", j.Label, j.On(o.cfg), list)
		}
	}
}
