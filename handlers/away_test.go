package handlers_test

import (
	"strings"
	"testing"

	"pingan/bot/bottest"
)

// TestAwayElder: an elder in hospital for three days is out of the
// digests and escalations, shows as away in /待办, /查询 and /状态, and
// comes back on the fourth day, when the liaison is told.
func TestAwayElder(t *testing.T) {
	o := newOffice(t)
	o.at(0, 9, 0)
	got := only(t, o.private("联络员李娜", "/外出 张建国 至 11-26 住院 市六医院"), "联络员李娜")
	mustContain(t, got, "已登记：张建国 住院至 11-26（市六医院）", "11-27 上午会回到待联系名单")
	for _, bad := range []string{"/外出 张建国 至 11-20", "/外出 张建国 至 明天", "/外出 张建国 至 2027-09-30"} {
		if got := only(t, o.private("联络员李娜", bad), "联络员李娜"); strings.Contains(got, "已登记") {
			t.Errorf("%s was accepted: %s", bad, got)
		}
	}
	todo := only(t, o.private("联络员李娜", "/待办"), "联络员李娜")
	mustContain(t, todo, "外出/住院 1 位", "张建国【住院至 11-26（市六医院）】")
	if strings.Count(todo, "张建国") != 1 {
		t.Errorf("张建国 is also on the list to contact:\n%s", todo)
	}
	mustContain(t, only(t, o.private("联络员李娜", "/查询 张建国"), "联络员李娜"), "外出：住院至 11-26（市六医院）（李娜 登记）")
	mustContain(t, only(t, o.private("陈主任", "/状态"), "陈主任"), "外出/住院：1 人")

	for day := 0; day < 3; day++ {
		for _, m := range o.at(day, 16, 0) { // the digests and escalations
			if strings.Contains(m.Text, "张建国") {
				t.Errorf("day %d: 张建国 in a digest to %s:\n%s", day, m.Target(), m.Text)
			}
		}
	}
	sent := o.at(3, 8, 1)
	mustContain(t, one(t, sent, "联络员李娜"), "【外出到期】张建国", "住院至 11-26", "13800000001")
	digest := strings.Join(bottest.To(o.at(3, 16, 0), "联络员李娜"), "\n")
	mustContain(t, digest, "张建国")
}

// TestAwayOffered: a family member says the elder is in hospital; the
// liaison is offered the command, ready to send, and nothing is set.
func TestAwayOffered(t *testing.T) {
	o := newOffice(t)
	o.at(0, 9, 0)
	sent := o.group("一支部群", "张建国女儿", "我爸前天住院了，在市六医院，挺稳定的")
	offer := ""
	for _, x := range bottest.To(sent, "联络员李娜") {
		if strings.Contains(x, "【可能外出】") {
			offer = x
		}
	}
	mustContain(t, offer, "张建国", "/外出 E1 至 11-30 住院")
	todo := only(t, o.private("联络员李娜", "/待办"), "联络员李娜")
	mustNotContain(t, todo, "外出/住院")
	// Said again the same day: offered once.
	for _, x := range bottest.To(o.group("一支部群", "张建国女儿", "还在住院"), "联络员李娜") {
		if strings.Contains(x, "【可能外出】") {
			t.Error("offered twice in a day")
		}
	}
}
