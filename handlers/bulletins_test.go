package handlers_test

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/redis/go-redis/v9"

	"pingan/bot"
	"pingan/bot/bottest"
	"pingan/config"
	"pingan/store"
	"pingan/store/storetest"
)

const bulletinConfig = `
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
  - {name: 刘科长, remark: 刘科长, role: admin}
checkin: {schedule: "0 9 * * *", window: 8h}
jobs: {reminders: "0 16 * * *", report: "30 17 * * *"}
bulletins:
  dir: bulletins
  allowed_sources: [上海发布, 国家税务总局]
  allowed_domains: [gov.cn]
  approval: true
  rumour_hint: true
`

var bulletinFiles = fstest.MapFS{
	"cold.md":  {Data: []byte("---\nid: cold\ntitle: 寒潮预警\nsource: 上海发布\npublish_at: 2026-11-24 10:00\ngroups: all\nimage: cold.png\n---\n明起降温，请注意保暖。\n详情：[上海发布](https://www.shanghai.gov.cn/cold)\n")},
	"cold.png": {Data: []byte("png")},
	"tax.md": {Data: []byte("---\nid: tax\ntitle: 养老金免税说明\nsource: 国家税务总局\npublish_at: 2026-11-24 14:00\ngroups: [一支部群, 三支部群]\n---\n" +
		strings.Repeat("基本养老金免征个人所得税，无需申报。\n", 120))},
	"weekly.md": {Data: []byte("---\nid: weekly\ntitle: 防诈骗提醒\nsource: 上海发布\nschedule: \"0 15 * * 2\"\ngroups: all\n---\n不点陌生链接，不向陌生账户转账。\n")},
}

// newBulletinOffice is an office with three groups, two admins and the
// given bulletin files, on rdb's office id (a fresh one when id is "").
func newBulletinOffice(t *testing.T, rdb redis.UniversalClient, id string, files fstest.MapFS) *office {
	t.Helper()
	o := buildOffice(t, officeSetup{config: bulletinConfig, rdb: rdb, id: id, bulletins: files, instance: "test-" + id})
	return o
}

func groupTexts(msgs []bot.Outgoing) map[string][]string {
	out := map[string][]string{}
	for _, m := range msgs {
		if m.Group != "" {
			text := m.Text
			if m.File != "" {
				text = "[图片] " + m.File
			}
			out[m.Group] = append(out[m.Group], text)
		}
	}
	return out
}

// TestBulletinDay: a file from a source not allowed is refused at load
// with file:line; the others go out over a day to their groups — once
// each, long bodies in titled parts, the picture after — and neither a
// restart with the config reloaded nor a second process sends any again.
func TestBulletinDay(t *testing.T) {
	rdb := storetest.Client(t)
	id := storetest.Office(t, rdb)
	bad := fstest.MapFS{"rumor.md": {Data: []byte("---\nid: rumor\ntitle: 震惊\nsource: 某公众号\npublish_at: 2026-11-24 11:00\ngroups: all\n---\n转发！http://rumor.example.com/x\n")}}
	for k, v := range bulletinFiles {
		bad[k] = v
	}
	cfg, _ := config.Load([]byte(strings.Replace(bulletinConfig, "OFFICE", id, 1)), "test.yaml",
		func(string) ([]byte, string, error) { return []byte(testRoster), "roster.csv", nil })
	err := config.LoadBulletins(cfg, bad, "bulletins")
	want := "bulletins/rumor.md:4: source: \"某公众号\" is not an allowed source; bulletins.allowed_sources allows 上海发布, 国家税务总局\n" +
		"bulletins/rumor.md:8: body: link \"http://rumor.example.com/x\" is outside the allowed domains; bulletins.allowed_domains allows gov.cn"
	if err == nil || err.Error() != want {
		t.Fatalf("load error:\n got %v\nwant %s", err, want)
	}

	o := newBulletinOffice(t, rdb, id, bulletinFiles)
	if got := groupTexts(o.at(0, 9, 59)); len(got["一支部群"]) != 1 || !strings.Contains(got["一支部群"][0], "报个平安") {
		t.Fatalf("before 10:00 only the prompt: %v", got)
	}
	got := groupTexts(o.at(0, 10, 0))
	for _, g := range []string{"一支部群", "二支部群", "三支部群"} {
		want := []string{"【通知】寒潮预警\n明起降温，请注意保暖。\n详情：上海发布 https://www.shanghai.gov.cn/cold\n——来源：上海发布", "[图片] bulletins/cold.png"}
		if strings.Join(got[g], "|") != strings.Join(want, "|") {
			t.Errorf("%s at 10:00 got %q, want %q", g, got[g], want)
		}
	}
	got = groupTexts(o.at(0, 14, 0))
	if len(got) != 2 || len(got["一支部群"]) != 3 || len(got["三支部群"]) != 3 || got["二支部群"] != nil {
		t.Fatalf("tax at 14:00 to 一支部群 and 三支部群 in 3 parts: %v", got)
	}
	for i, p := range got["一支部群"] {
		mustContain(t, p, "【通知】养老金免税说明（"+string(rune('1'+i))+"/3）")
		if n := len([]rune(p)); n > 1100 || strings.HasSuffix(p, "无需") {
			t.Errorf("part %d: %d runes, cut mid-line?", i+1, n)
		}
	}
	mustContain(t, got["一支部群"][2], "——来源：国家税务总局")
	if got := groupTexts(o.at(0, 15, 0)); len(got) != 3 || !strings.Contains(got["二支部群"][0], "防诈骗提醒") {
		t.Fatalf("weekly at 15:00: %v", got)
	}

	// Redis holds one delivery per group.
	for id, n := range map[string]int{"cold": 3, "tax": 2, "weekly": 3} {
		ds, err := o.st.Deliveries(o.ctx, id)
		if err != nil || len(ds) != n {
			t.Errorf("%s: %d deliveries (%v), want %d", id, len(ds), err, n)
		}
	}

	// A restart with the config reloaded, and a second process, at 15:30:
	// the bulletins job and a direct run send nothing again.
	p := newBulletinOffice(t, rdb, id, bulletinFiles)
	p.clock.Set(at(0, 15, 30))
	if err := p.svc.Bulletins(p.ctx, at(0, 15, 0)); err != nil {
		t.Fatal(err)
	}
	if sent := groupTexts(p.at(0, 17, 0)); len(sent) != 0 {
		t.Errorf("after restart sent again: %v", sent)
	}

	list := only(t, o.private("陈主任", "/通知列表"), "陈主任")
	mustContain(t, list, "已发送：", "cold「寒潮预警」上海发布", "已发 3/3 个群", "✓ 二支部群 11-24 10:00", "定期：", "周期 0 15 * * 2，下次 12-01 15:00", "上次 11-24 15:00 发往 3 个群")
	jobs := only(t, o.private("陈主任", "/任务"), "陈主任")
	mustContain(t, jobs, "官方通知（bulletins，* * * * *）", "上次：11-24 17:00 成功", "下次：11-24 15:01", "日报（report，30 17 * * *）\n  上次：尚未运行")
	if r := only(t, o.private("联络员李娜", "/任务"), "联络员李娜"); r != "这个指令只有管理员可以使用。" {
		t.Errorf("liaison /任务 = %q", r)
	}
}

// TestBulletinApproval: a notice added in chat waits for a second admin;
// its author cannot approve it; a refused source is refused with the
// reason; once approved it goes out at once, and a second approval is refused.
func TestBulletinApproval(t *testing.T) {
	o := newBulletinOffice(t, storetest.Client(t), "", nil)
	o.at(0, 9, 30)

	refused := only(t, o.private("陈主任", "/通知 震惊 | 某公众号 | 立即 | 快转发"), "陈主任")
	if refused != "未发布：来源「某公众号」不在允许的官方来源内（上海发布、国家税务总局）。" {
		t.Errorf("refused = %q", refused)
	}
	refused = only(t, o.private("陈主任", "/通知 降温 | 上海发布 | 立即 | 详见 http://news.example.com/a"), "陈主任")
	mustContain(t, refused, "未发布：链接 http://news.example.com/a 不在允许的网站内（gov.cn）")

	sent := o.private("陈主任", "/通知 降温提醒 | 上海发布 | 立即 | 一支部群、三支部群 | 明起降温，注意保暖。")
	if len(sent) != 2 || len(groupTexts(sent)) != 0 {
		t.Fatalf("pending notice must reach nobody in groups:\n%s", bottest.Dump(sent))
	}
	mustContain(t, bottest.To(sent, "陈主任")[0], "已提交通知 1「降温提醒」", "另一位管理员批准")
	mustContain(t, bottest.To(sent, "刘科长")[0], "【待批准通知】陈主任 提交了通知 1", "/批准 1")

	if got := only(t, o.private("陈主任", "/批准 1"), "陈主任"); got != "不能批准自己提交的通知，请另一位管理员批准。" {
		t.Errorf("self-approval = %q", got)
	}
	mustContain(t, only(t, o.private("刘科长", "/通知列表"), "刘科长"), "待批准：", "1「降温提醒」上海发布，陈主任 提交", "（/批准 1）")
	if got := o.at(0, 9, 45); len(groupTexts(got)) != 0 {
		t.Fatalf("the job sent a pending notice: %s", bottest.Dump(got))
	}

	sent = o.private("刘科长", "/批准 1")
	g := groupTexts(sent)
	if len(g) != 2 || g["一支部群"][0] != "【通知】降温提醒\n明起降温，注意保暖。\n——来源：上海发布" || g["二支部群"] != nil {
		t.Fatalf("approved notice:\n%s", bottest.Dump(sent))
	}
	mustContain(t, bottest.To(sent, "刘科长")[0], "已批准通知 1「降温提醒」，已发往 2 个群。")
	mustContain(t, bottest.To(sent, "陈主任")[0], "已由 刘科长 批准")
	b, err := o.st.Bulletin(o.ctx, "1")
	if err != nil || b.State != store.BulletinApproved || b.ApprovedBy != "刘科长" || b.Author != "陈主任" {
		t.Errorf("stored = %+v, %v", b, err)
	}
	mustContain(t, only(t, o.private("陈主任", "/批准 1"), "陈主任"), "已经批准过了（刘科长）")
	if got := o.at(0, 12, 0); len(groupTexts(got)) != 0 {
		t.Errorf("sent twice: %s", bottest.Dump(got))
	}
}

// TestBulletinMissed: a one-off bulletin due while the bot was
// down is sent at start within the grace (1h), and skipped — shown as
// missed — when older.
func TestBulletinMissed(t *testing.T) {
	rdb := storetest.Client(t)
	id := storetest.Office(t, rdb)
	o := newBulletinOffice(t, rdb, id, bulletinFiles)
	o.at(0, 9, 50) // then down
	p := newBulletinOffice(t, rdb, id, bulletinFiles)
	p.clock.Set(at(0, 10, 40))
	if err := p.sched.Start(p.ctx); err != nil {
		t.Fatal(err)
	}
	if g := groupTexts(p.flush()); len(g) != 3 {
		t.Errorf("10:00 bulletin at a 10:40 start (within 1h): %v", g)
	}
	q := newBulletinOffice(t, rdb, id, bulletinFiles) // down again from 10:40 to 15:30
	q.clock.Set(at(0, 15, 30))
	if err := q.sched.Start(q.ctx); err != nil {
		t.Fatal(err)
	}
	if g := groupTexts(q.flush()); len(g) != 3 || !strings.Contains(g["三支部群"][0], "防诈骗") {
		t.Errorf("at 15:30: only the 15:00 weekly within its grace: %v", g)
	}
	list := only(t, q.private("陈主任", "/通知列表"), "陈主任")
	mustContain(t, list, "已错过：", "tax「养老金免税说明」", "应于 11-24 14:00 发送，重启后已超过宽限 1h0m0s，未发（已发 0/2 个群）")
}

// TestRumourHint: a link from outside the allowed domains in a group gets
// one gentle pointer per group per day, naming nobody.
func TestRumourHint(t *testing.T) {
	o := newBulletinOffice(t, storetest.Client(t), "", nil)
	sent := o.group("一支部群", "老张", "大家快看 http://health.example.com/偏方")
	if only(t, sent, "[一支部群]") != "温馨提示：网上转发的消息真假难辨，请以官方发布为准。权威信息请看「上海发布」「国家税务总局」，有疑问可以问问您的联络员。" || sent[0].Mention != "" {
		t.Errorf("hint = %+v", sent)
	}
	if sent := o.group("一支部群", "老刘", "还有这个 www.example.net/a"); len(sent) != 0 {
		t.Errorf("second hint the same day: %s", bottest.Dump(sent))
	}
	if sent := o.group("二支部群", "老杨", "官方的 https://www.shanghai.gov.cn/x"); len(sent) != 0 {
		t.Errorf("an allowed link got a hint: %s", bottest.Dump(sent))
	}
	o.clock.Set(at(1, 8, 0))
	if sent := o.group("一支部群", "老刘", "再看 http://x.example.com"); len(sent) != 1 {
		t.Errorf("next day: %s", bottest.Dump(sent))
	}
}

func at(day, hh, mm int) time.Time {
	return time.Date(2026, 11, 24+day, hh, mm, 0, 0, day0.Location())
}
