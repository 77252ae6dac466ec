package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"pingan/office"
	"strings"
	"syscall"
	"testing"
	"time"

	"pingan/bot"
	"pingan/bot/bottest"
	"pingan/clock"
	"pingan/store/storetest"
)

// reloadOffice is the simulated office of sim_test.go, with its files in a
// directory a test may change, running on the test transport.
func reloadOffice(t *testing.T, extra string) (*office.App, *bottest.Transport, string) {
	t.Helper()
	rdb := storetest.Client(t)
	cfg := simOffice(t, storetest.Office(t, rdb), 6, extra)
	clk := clock.NewSim(time.Date(2026, 11, 24, 9, 0, 0, 0, cfg.Location))
	tr := bottest.New()
	app, err := office.New(context.Background(), office.Options{Cfg: cfg, Clock: clk, Redis: rdb, Transport: tr, Instance: "reload",
		ConfigPath: cfg.File, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(app.Close)
	return app, tr, filepath.Dir(cfg.File)
}

// say hands a message to the app and sends what it queued.
func say(t *testing.T, app *office.App, tr *bottest.Transport, m bot.Message) []bot.Outgoing {
	t.Helper()
	m.Time = app.Clock.Now()
	app.Handler().Handle(context.Background(), m)
	if err := app.Outbox.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	return tr.Take()
}

// TestReloadRoster: the roster changes on disk; SIGHUP applies it at once
// and tells the admin the difference; a roster with a bad row changes
// nothing, and the admin gets the file:line error.
func TestReloadRoster(t *testing.T) {
	app, tr, dir := reloadOffice(t, "")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	defer app.ReloadOnHangup(ctx)()

	names := simNames(6)
	roster := filepath.Join(dir, "roster.csv")
	b, _ := os.ReadFile(roster)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	// Add one, remove 赵秀英 (e002), change 赵桂兰's phone.
	lines = append(lines[:2], lines[3:]...)
	lines[2] = strings.Replace(lines[2], "13800000003", "13911112222", 1)
	lines = append(lines, "e101,钱新民,,一支部,1946,否,否,李娜,13800000101,")
	os.WriteFile(roster, []byte(strings.Join(lines, "\n")+"\n"), 0o600)

	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	var told string
	deadline := time.Now().Add(10 * time.Second)
	for told == "" && time.Now().Before(deadline) {
		_ = app.Outbox.Flush(ctx)
		for _, m := range tr.Take() {
			if m.To == "陈主任" {
				told = m.Text
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	mustContainAll(t, told, "【已重新加载】", "新增 1 位（钱新民）", "移除 1 位（"+names[1]+"）", "电话变更 1 位（"+names[2]+"）", "共 6 位")

	// The new elder is known at once; the removed one no longer is.
	say(t, app, tr, bottest.Group("n1", simGroup, "钱新民", "平安"))
	if st, err := app.Store.StatusOf(ctx, "e101"); err != nil || st.Health != "well" {
		t.Errorf("the new elder's reply: %+v %v", st, err)
	}
	mustContainAll(t, only1(t, say(t, app, tr, bottest.Private("q1", "联络员李娜", "/查询 "+names[2])), "联络员李娜"), "13911112222")

	// A bad row: nothing changes; the admin hears why, with file and line.
	os.WriteFile(roster, []byte(strings.Join(append(lines, "e102,孙大明,,一支部,19x6,否,否,李娜,1,"), "\n")+"\n"), 0o600)
	sent := say(t, app, tr, bottest.Private("r1", "陈主任", "/重新加载"))
	var reply, notice string
	for _, m := range sent {
		if strings.HasPrefix(m.Text, "【重新加载失败】") {
			notice = m.Text
		} else {
			reply = m.Text
		}
	}
	mustContainAll(t, notice, "仍按原配置运行", "roster.csv:8: birth_year: \"19x6\" is not a year")
	mustContainAll(t, reply, "未重新加载")
	mustContainAll(t, only1(t, say(t, app, tr, bottest.Private("q2", "联络员李娜", "/查询 钱新民")), "联络员李娜"), "e101")
	// A liaison may not reload.
	mustContainAll(t, only1(t, say(t, app, tr, bottest.Private("r2", "联络员李娜", "/重新加载")), "联络员李娜"), "只有管理员")
}

// TestBadBulletinAtStart: a bulletin file that fails validation does not
// stop the bot: it starts without it, and the admins are told why; check
// still fails on it.
func TestBadBulletinAtStart(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "bulletins"), 0o700)
	os.WriteFile(filepath.Join(dir, "bulletins", "good.md"), []byte("---\nid: good\ntitle: 防诈骗提醒\nsource: 上海发布\nschedule: \"0 15 * * 2\"\ngroups: all\n---\n不轻信陌生来电。\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "bulletins", "bad.md"), []byte("---\nid: bad\ntitle: 谣言\nsource: 某公众号\npublish_at: 2026-11-24 10:00\ngroups: all\n---\n转发！\n"), 0o600)
	cfg, _ := os.ReadFile("examples/office/pingan.yaml")
	cfgText := strings.Replace(string(cfg), "dir: ../bulletins", "dir: bulletins", 1)
	os.WriteFile(filepath.Join(dir, "pingan.yaml"), []byte(cfgText), 0o600)
	os.WriteFile(filepath.Join(dir, "roster.csv"), mustRead(t, "examples/office/roster.csv"), 0o600)
	os.WriteFile(filepath.Join(dir, "day.txt"), []byte("!clock 2026-11-24T08:55:00+08:00\n!wait 1m\n"), 0o600)

	code, _, errs := runCmd(t, "", "check", "--config", filepath.Join(dir, "pingan.yaml"))
	if code != 1 || !strings.Contains(errs, "bad.md") || !strings.Contains(errs, "某公众号") {
		t.Errorf("check: exit %d, %s", code, errs)
	}
	code, out, errs := runCmd(t, "", "demo", "--config", filepath.Join(dir, "pingan.yaml"), "--script", filepath.Join(dir, "day.txt"))
	if code != 0 {
		t.Fatalf("the bot did not start: exit %d: %s", code, errs)
	}
	mustContainAll(t, out, "【系统提示】启动时以下通知文件有误，已跳过", "bad.md", "某公众号")
}

func mustContainAll(t *testing.T, text string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(text, p) {
			t.Errorf("text lacks %q:\n%s", p, text)
		}
	}
}

func only1(t *testing.T, msgs []bot.Outgoing, to string) string {
	t.Helper()
	if len(msgs) != 1 || msgs[0].Target() != to {
		t.Fatalf("want one message to %s, got %s", to, bottest.Dump(msgs))
	}
	return msgs[0].Text
}

// TestRosterSentInChat: an admin sends the roster workbook in private
// chat: it is checked and the difference shown; /确认导入 writes it over
// the roster file (the old one kept) and reloads. A file with a bad row
// changes nothing and says where; a liaison cannot import.
func TestRosterSentInChat(t *testing.T) {
	app, tr, dir := reloadOffice(t, "")
	ctx := context.Background()
	roster := filepath.Join(dir, "roster.csv")
	old, _ := os.ReadFile(roster)
	sent := func(name, body string) bot.Message {
		p := filepath.Join(t.TempDir(), name)
		os.WriteFile(p, []byte(body), 0o600)
		return bot.Message{ID: "f-" + name + body[len(body)-3:], Kind: bot.KindFile, From: bot.Sender{Remark: "陈主任"}, File: p, FileName: name}
	}
	newRoster := strings.TrimSpace(string(old)) + "\ne201,冯新华,,一支部,1947,否,否,王强,13800000201,\n"

	got := only1(t, say(t, app, tr, sent("名单.csv", newRoster)), "陈主任")
	mustContainAll(t, got, "名单「名单.csv」检查通过", "新增 1 位（冯新华）", "共 7 位", "/确认导入")
	if now, _ := os.ReadFile(roster); string(now) != string(old) {
		t.Fatal("the roster changed before /确认导入")
	}
	sentMsgs := say(t, app, tr, bottest.Private("c1", "陈主任", "/确认导入"))
	var notice string
	for _, m := range sentMsgs {
		if strings.HasPrefix(m.Text, "【已重新加载】") {
			notice = m.Text
		}
	}
	mustContainAll(t, notice, "新增 1 位（冯新华）")
	if now, _ := os.ReadFile(roster); string(now) != newRoster {
		t.Error("the roster file was not replaced")
	}
	if baks, _ := filepath.Glob(roster + ".bak-*"); len(baks) != 1 {
		t.Errorf("backups: %v", baks)
	}
	say(t, app, tr, bottest.Group("n2", simGroup, "冯新华", "平安"))
	if st, err := app.Store.StatusOf(ctx, "e201"); err != nil || st.Health != "well" {
		t.Errorf("the imported elder's reply: %+v %v", st, err)
	}

	// A bad row: refused with file and line; nothing waits, nothing changes.
	got = only1(t, say(t, app, tr, sent("坏名单.csv", newRoster+"e202,孙大明,,一支部,19x6,否,否,李娜,1,\n")), "陈主任")
	mustContainAll(t, got, "名单有误，没有导入（原名单不变）", "坏名单.csv:9: birth_year: \"19x6\" is not a year")
	mustContainAll(t, only1(t, say(t, app, tr, bottest.Private("c2", "陈主任", "/确认导入")), "陈主任"), "没有待确认的名单")
	if now, _ := os.ReadFile(roster); string(now) != newRoster {
		t.Error("a bad file changed the roster")
	}
	// Another format than the configured file's, and a liaison.
	mustContainAll(t, only1(t, say(t, app, tr, sent("名单.xlsx", "PK..")), "陈主任"), "配置里的名单是 csv 文件")
	m := sent("名单2.csv", newRoster)
	m.From.Remark = "联络员李娜"
	mustContainAll(t, only1(t, say(t, app, tr, m), "联络员李娜"), "只有管理员可以导入名单")
}
