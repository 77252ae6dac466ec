package main

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"pingan/office"
	"strings"
	"testing"
	"time"

	"pingan/bot/wechat"
	"pingan/bot/wechat/fakewechat"
	"pingan/clock"
	"pingan/config"
	"pingan/store/storetest"
)

// TestWeChatEndToEnd runs the whole app on the real openwechat client
// against the fake WeChat server: a check-in reply reaches the ledger and
// the acknowledgement the right group; a liaison's /待办 is answered
// privately; a stranger copying her nickname is not answered as staff; a
// sticker is a sign of life; a member who renames themself is still known;
// when the session is lost and back, the admins are told.
func TestWeChatEndToEnd(t *testing.T) {
	fake := fakewechat.New(fakewechat.Options{})
	t.Cleanup(fake.Close)
	for _, g := range []string{"一支部老同志群", "二支部老同志群", "三支部老同志群"} {
		fake.AddGroup(g, true)
	}
	liaison := fake.AddFriend("娜娜", "联络员-李娜")
	fake.AddFriend("陈", "退管办-陈主任")
	copycat := fake.AddStranger("联络员-李娜")
	fake.AddGroupMember("一支部老同志群", "张的微信", "老张")
	fake.AddGroupMember("一支部老同志群", "王的微信", "王阿姨")
	fake.AddMember("一支部老同志群", liaison, "联络员李娜")

	cfg, err := office.LoadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	rdb := storetest.Client(t)
	cfg.Office = storetest.Office(t, rdb)
	cfg.Ack.Mode = config.AckEach // one acknowledgement per reply, as soon as it can go (TestMorningBurst runs batches)
	clk := clock.NewSim(time.Date(2026, 11, 24, 8, 55, 0, 0, cfg.Location))
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	tr := wechat.New(wechat.Options{SessionFile: filepath.Join(t.TempDir(), "s.json"), QROut: io.Discard, Groups: cfg.GroupNames(),
		HTTPTransport: fake.Transport(), Clock: clk, SyncBackoff: 20 * time.Millisecond, LoginBackoff: 50 * time.Millisecond}, log)
	app, err := office.New(context.Background(), office.Options{Cfg: cfg, Clock: clk, Redis: rdb, Transport: tr, Log: log, Instance: "e2e"})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- app.Run(ctx) }()
	defer func() { cancel(); <-done }()
	go watchSession(ctx, app, tr, 10*time.Millisecond)

	waitFor(t, ctx, func() bool { return tr.State() == wechat.StateWaitingScan })
	if err := fake.ScanAndConfirm(ctx); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, func() bool { return tr.State() == wechat.StateOnline })

	n := 0
	next := func(want int) []fakewechat.Sent {
		t.Helper()
		sent, err := fake.WaitSent(ctx, n+want)
		if err != nil {
			t.Fatal(err)
		}
		out := sent[n:]
		n = len(sent)
		return out
	}

	app.AdvanceTo(ctx, time.Date(2026, 11, 24, 9, 0, 0, 0, cfg.Location))
	if s := next(3); s[0].Group != "一支部老同志群" || !strings.Contains(s[0].Text, "1 = 平安") {
		t.Fatalf("prompt: %+v", s)
	}

	fake.PushGroupText("一支部老同志群", "老张", "平安，三针都打了")
	if s := next(1); s[0].Group != "一支部老同志群" || s[0].Text != "@老张\u2005收到，祝您安康！" {
		t.Errorf("ack: %+v", s)
	}
	if st, _ := app.Store.StatusOf(ctx, "E01"); st.Health != "well" || st.Doses != 3 {
		t.Errorf("E01 = %+v", st)
	}

	fake.PushPrivateTextFrom(liaison, "/待办")
	if s := next(1); s[0].To != "联络员-李娜" || !strings.Contains(s[0].Text, "待办") || !strings.Contains(s[0].Text, "王秀英") {
		t.Errorf("todo: %+v", s)
	}

	// The copycat has no remark: not answered at all (an answer by that
	// name would reach the real liaison), and nothing changes.
	fake.PushPrivateTextFrom(copycat, "/待办")
	fake.PushGroupSticker("一支部老同志群", "王阿姨")
	s := next(1)
	if s[0].Group != "一支部老同志群" {
		t.Errorf("after the copycat, want only the sticker's ack, got %+v", s)
	}
	if st, _ := app.Store.StatusOf(ctx, "E02"); st.Last.IsZero() || !st.Flag {
		t.Errorf("sticker: E02 = %+v", st)
	}

	// 老张 renames himself to his real name and answers again: still him.
	fake.RenameMember("一支部老同志群", "老张", "张建国")
	fake.PushGroupText("一支部老同志群", "张建国", "今天也挺好")
	next(1)
	if h, _ := app.Store.History(ctx, "E01", 10); len(h) != 2 || h[0].Source != "reply" {
		t.Errorf("after rename E01 history = %+v", h)
	}

	// The session drops and comes back (hot login): the admin is told.
	fake.ForceLogout(1101)
	waitFor(t, ctx, func() bool { return tr.State() != wechat.StateOnline })
	waitFor(t, ctx, func() bool { return tr.State() == wechat.StateOnline })
	s = next(1)
	if s[0].To != "退管办-陈主任" || !strings.Contains(s[0].Text, "已恢复") {
		t.Errorf("session notice: %+v", s)
	}

	// /metrics, as pingan run serves it, has the app's and the transport's series.
	h, err := wechat.HealthHandler(tr, app.Registry, app.Outbox)
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	for _, series := range []string{"pingan_outbox_given_up_total", "pingan_job_ticks_total", "pingan_spool_messages", "pingan_wechat_logged_in",
		`pingan_outbox_lane_depth{lane="alarm"} 0`, `pingan_outbox_sent_total{lane="courtesy"}`, "pingan_alarm_delay_seconds_count 0", "pingan_outbox_sends_last_minute"} {
		if !strings.Contains(rec.Body.String(), series) {
			t.Errorf("/metrics lacks %s", series)
		}
	}
}

func waitFor(t *testing.T, ctx context.Context, cond func() bool) {
	t.Helper()
	for !cond() {
		select {
		case <-ctx.Done():
			t.Fatal("timed out waiting")
		case <-time.After(5 * time.Millisecond):
		}
	}
}
