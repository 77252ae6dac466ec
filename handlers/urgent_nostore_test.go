package handlers_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"pingan/alert"
	"pingan/bot"
	"pingan/bot/bottest"
	"pingan/clock"
	"pingan/config"
	"pingan/handlers"
	"pingan/store"
)

// TestUrgentWhileRedisDown: with the store unreachable the message is not
// applied (it will be spooled), but every emergency of the outage reaches
// staff at once on WeChat, from the outbox's in-process queue, and on the
// second channel — once each, however often the same message comes.
func TestUrgentWhileRedisDown(t *testing.T) {
	h := newHooks(t)
	cfg, err := config.Load([]byte(strings.Replace(aidConfig(h.srv.URL), "OFFICE", "down-office", 1)), "test.yaml",
		func(string) ([]byte, string, error) { return []byte(testRoster), "roster.csv", nil })
	if err != nil {
		t.Fatal(err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1", MaxRetries: -1, DialerRetries: 1, DialerRetryTimeout: time.Millisecond, DialTimeout: 100 * time.Millisecond})
	defer rdb.Close()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	clk := clock.NewSim(day0)
	st := store.New(rdb, "down-office", clk)
	tr := bottest.New()
	out, err := bot.NewOutbox(st.Outbox(), tr, log, bot.OutboxOptions{})
	if err != nil {
		t.Fatal(err)
	}
	out.Now = clk.Now
	svc := handlers.New(cfg, st, out, clk, log)
	d := alert.New(alert.Options{WeComURL: cfg.Urgent.WeComWebhook, WebhookURL: cfg.Urgent.Webhook, Backoff: time.Millisecond}, log)
	svc.UseAlerts(d)
	ctx := context.Background()

	m := bottest.Group("down-1", "一支部群", "老张", "我摔倒了起不来")
	m.Time = clk.Now()
	if err := svc.Process(ctx, m); !errors.Is(err, handlers.ErrStore) {
		t.Fatalf("Process = %v, want ErrStore", err)
	}
	for i := 0; i < 3; i++ {
		if !svc.AlarmWithoutStore(ctx, m) {
			t.Fatal("an emergency was not alarmed while the store is down")
		}
	}
	wecom, sms := h.wait(t, 2)
	d.Wait()
	if d.Sent() != 2 {
		t.Errorf("dispatcher sent %d, want 2 (one per endpoint, once)", d.Sent())
	}
	if len(wecom) != 1 || !strings.Contains(wecom[0], "【紧急·系统存储故障，暂无编号】联络员李娜名下一位老人需要马上联系") ||
		strings.Contains(wecom[0], "13800000001") {
		t.Errorf("wecom got %q", wecom)
	}
	if len(sms) != 1 || sms[0].ID != 0 || sms[0].Elder != "张建国" || sms[0].Text != "我摔倒了起不来" || strings.Join(sms[0].Recipients, ",") != "李娜,陈主任" {
		t.Errorf("sms got %+v", sms)
	}
	// On WeChat too, although the outbox's lanes live in Redis.
	_ = out.Flush(ctx)
	sent := tr.Take()
	for _, to := range []string{"联络员李娜", "陈主任"} {
		if got := bottest.To(sent, to); len(got) != 1 || !strings.Contains(got[0], "张建国") || !strings.Contains(got[0], "13800000001") {
			t.Errorf("%s got %q", to, got)
		}
	}
	if got := bottest.To(sent, "[一支部群]"); len(got) != 1 || !strings.Contains(got[0], "120") {
		t.Errorf("the group got %q, want one answer to the person in danger", got)
	}
	// The next emergency of the outage is alarmed too; a calm message is not.
	second := bottest.Group("down-3", "二支部群", "老杨", "老伴晕倒了叫不醒")
	second.Time = clk.Now()
	if !svc.AlarmWithoutStore(ctx, second) {
		t.Error("the second emergency of the outage was not alarmed")
	}
	calm := bottest.Group("down-2", "一支部群", "老张", "平安")
	calm.Time = clk.Now()
	if svc.AlarmWithoutStore(ctx, calm) {
		t.Error("a calm message was alarmed")
	}
	h.wait(t, 2)
	_ = out.Flush(ctx)
	if got := bottest.To(tr.Take(), "联络员王强"); len(got) != 1 || !strings.Contains(got[0], "杨志强") {
		t.Errorf("the second emergency's liaison got %q", got)
	}
}
