package handlers_test

import (
	"context"
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"

	"pingan/bot/bottest"
	"pingan/store/storetest"
)

// snapshot is every key of an office with its serialised value, except the
// outbox (replies pass through it) and the inbound dedupe markers.
func snapshot(t *testing.T, rdb redis.UniversalClient, office string) map[string]string {
	t.Helper()
	ctx := context.Background()
	out := map[string]string{}
	for _, k := range storetest.Keys(t, rdb, office) {
		if strings.Contains(k, "}:outbox") || strings.Contains(k, "}:seen:") || strings.Contains(k, "}:dedupe:") {
			continue
		}
		v, err := rdb.Dump(ctx, k).Result()
		if err != nil {
			t.Fatal(err)
		}
		out[k] = v
	}
	return out
}

// TestMalformedCommands: a command with a missing, malformed or unknown
// argument is answered privately with what is wrong and how to write it,
// and changes nothing in Redis.
func TestMalformedCommands(t *testing.T) {
	rdb := storetest.Client(t)
	id := storetest.Office(t, rdb)
	o := newBulletinOffice(t, rdb, id, bulletinFiles)
	o.at(0, 9, 30)
	o.group("一支部群", "老张", "降压药快吃完了，能帮忙配药吗")            // #1, open
	o.private("陈主任", "/通知 降温提醒 | 上海发布 | 11:00 | 明起降温") // bulletin 1, pending

	cases := []struct {
		from, cmd string
		want      []string // the reply holds each
	}{
		{"联络员李娜", "/认领", []string{"用法：/认领 <编号>"}},
		{"联络员李娜", "/认领 ", []string{"用法：/认领 <编号>"}},
		{"联络员李娜", "/认领 abc", []string{"「abc」不是编号", "用法：/认领 <编号>"}},
		{"联络员李娜", "/认领 -1", []string{"「-1」不是编号", "用法"}},
		{"联络员李娜", "/认领 1.5", []string{"「1.5」不是编号", "用法"}},
		{"联络员李娜", "/认领 99999", []string{"没有 #99999 这个求助", "/求助列表"}},
		{"联络员李娜", "/完成", []string{"用法：/完成 <编号> [备注]"}},
		{"联络员李娜", "/完成 99999", []string{"没有 #99999 这个求助", "/求助列表"}},
		{"联络员李娜", "/完成 一", []string{"「一」不是编号", "用法"}},
		{"联络员李娜", "/取消 1", []string{"取消求助需要写明原因", "用法：/取消 <编号> <原因>"}},
		{"联络员李娜", "/取消", []string{"用法：/取消 <编号> <原因>"}},
		{"联络员李娜", "/求助", []string{"用法：/求助 <姓名>"}},
		{"联络员李娜", "/求助 张建国", []string{"用法：/求助 <姓名>"}},
		{"联络员李娜", "/求助 张建国 飞机", []string{"「飞机」不是可登记的需要", "用法"}},
		{"联络员李娜", "/求助 查无此人 配药", []string{"查无此人"}},
		{"联络员李娜", "/收到 abc", []string{"「abc」不是编号", "用法：/收到 [编号]"}},
		{"联络员李娜", "/收到 1", []string{"#1 是求助，不是紧急情况"}},
		{"联络员李娜", "/解除", []string{"用法：/解除 <编号> <说明>"}},
		{"联络员李娜", "/解除 1", []string{"解除需要写明说明", "用法"}},
		{"联络员李娜", "/解除 99999 误报", []string{"没有 #99999 这个紧急情况"}},
		{"陈主任", "/通知", []string{"用法：/通知 标题 | 来源 | 时间 | 正文"}},
		{"陈主任", "/通知 标题", []string{"用法：/通知 标题 | 来源 | 时间 | 正文"}},
		{"陈主任", "/通知 标题 | 上海发布 | 立即", []string{"用法：/通知"}},
		{"陈主任", "/通知 标题 | 上海发布 |  | 正文", []string{"用法：/通知"}},
		{"陈主任", "/通知 标题 | 上海发布 | 后天 | 正文", []string{"看不懂时间「后天」"}},
		{"陈主任", "/通知 标题 | 上海发布 | 08:00 | 正文", []string{"已过"}},
		{"陈主任", "/通知 标题 | 谣言网 | 立即 | 正文", []string{"来源「谣言网」不在允许的官方来源内"}},
		{"刘科长", "/批准", []string{"用法：/批准 <通知编号>"}},
		{"刘科长", "/批准 x", []string{"「x」", "用法：/批准 <通知编号>"}},
		{"刘科长", "/批准 cold", []string{"cold", "无需批准"}},
		{"刘科长", "/批准 99", []string{"没有编号为 99 的通知", "/通知列表"}},
		{"刘科长", "/批准 1 2", []string{"用法：/批准 <通知编号>"}},
		{"联络员李娜", "/批准 1", []string{"管理员"}},
		{"联络员李娜", "/通知 标题 | 上海发布 | 立即 | 正文", []string{"管理员"}},
	}
	for _, c := range cases {
		before := snapshot(t, rdb, id)
		sent := o.private(c.from, c.cmd)
		if len(sent) != 1 || sent[0].To != c.from {
			t.Errorf("%s: want one private reply, got:\n%s", c.cmd, bottest.Dump(sent))
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(sent[0].Text, w) {
				t.Errorf("%s: reply lacks %q:\n%s", c.cmd, w, sent[0].Text)
			}
		}
		after := snapshot(t, rdb, id)
		for k, v := range after {
			if before[k] != v {
				t.Errorf("%s changed %s", c.cmd, k)
			}
		}
		for k := range before {
			if _, ok := after[k]; !ok {
				t.Errorf("%s removed %s", c.cmd, k)
			}
		}
	}
}
