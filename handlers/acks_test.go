package handlers_test

import (
	"strings"
	"testing"

	"pingan/bot/bottest"
)

// batchConfig is the harness office with the default acknowledgements:
// one list per group every 3 minutes.
var batchConfig = strings.Replace(testConfig, "ack: {mode: each}\n", "", 1)

// TestBatchAcknowledgements: the first reply in a quiet group is
// acknowledged at once; replies within the next three minutes wait and go
// as one list naming who was heard, with the group's count, and no health
// word; an admin's /状态 shows what waits; an emergency is answered at once.
func TestBatchAcknowledgements(t *testing.T) {
	o := buildOffice(t, officeSetup{config: batchConfig})
	o.at(0, 9, 0)
	sent := o.group("一支部群", "老张", "平安")
	if got := only(t, sent, "[一支部群]"); got != "【报平安接龙】收到 张建国的回复，谢谢大家！\n今天已有 1/3 位报平安。" {
		t.Errorf("first list = %q", got)
	}
	sent = o.group("一支部群", "王阿姨", "我有点发烧，头疼")
	if targets(sent) != "联络员李娜" {
		t.Errorf("within the interval only the liaison hears, got:\n%s", bottest.Dump(sent))
	}
	if sent := o.group("一支部群", "刘老", "1"); len(sent) != 0 {
		t.Errorf("within the interval nothing goes:\n%s", bottest.Dump(sent))
	}
	status := only(t, o.private("陈主任", "/状态"), "陈主任")
	mustContain(t, status, "发送队列：紧急 0，工作 0，群发 0，回执 2")
	if lia := only(t, o.private("联络员李娜", "/状态"), "联络员李娜"); strings.Contains(lia, "发送队列") {
		t.Errorf("a liaison's /状态 shows the queue: %s", lia)
	}
	// An emergency does not wait for the list.
	sent = o.group("二支部群", "老杨", "我摔倒了起不来")
	if g := bottest.To(sent, "[二支部群]"); len(g) != 1 || !strings.Contains(g[0], "120") || sent[len(sent)-1].Mention != "老杨" {
		t.Errorf("the emergency's answer: %q", g)
	}
	sent = o.at(0, 9, 4)
	list := only(t, sent, "[一支部群]")
	if list != "【报平安接龙】收到 王秀英、刘德明的回复，谢谢大家！\n今天已有 3/3 位报平安。" {
		t.Errorf("second list = %q", list)
	}
	mustNotContain(t, list, "发烧", "头疼", "不适")
}

// TestAcknowledgementsOff: with ack.mode off the group hears nothing of
// ordinary replies; a request for help is still answered.
func TestAcknowledgementsOff(t *testing.T) {
	o := buildOffice(t, officeSetup{config: strings.Replace(testConfig, "ack: {mode: each}", "ack: {mode: off}", 1)})
	o.at(0, 9, 0)
	if sent := o.group("一支部群", "老张", "平安"); len(sent) != 0 {
		t.Errorf("ack off, yet:\n%s", bottest.Dump(sent))
	}
	sent := o.group("一支部群", "王阿姨", "家里没菜了，能帮忙买点吗")
	if g := bottest.To(sent, "[一支部群]"); len(g) != 1 || !strings.Contains(g[0], "已转告工作人员") {
		t.Errorf("a request for help was not answered: %q", g)
	}
}
