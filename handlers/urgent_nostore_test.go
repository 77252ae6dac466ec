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
// applied (it will be spooled), but the second channel hears of the
// emergency at once, and only once however often it is replayed.
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
	svc := handlers.New(cfg, st, bot.NewOutbox(st.Outbox(), bottest.New(), log, bot.OutboxOptions{}), clk, log)
	d := alert.New(alert.Options{WeComURL: cfg.Urgent.WeComWebhook, WebhookURL: cfg.Urgent.Webhook, Backoff: time.Millisecond}, log)
	svc.UseAlerts(d)

	m := bottest.Group("down-1", "一支部群", "老张", "我摔倒了起不来")
	m.Time = clk.Now()
	for i := 0; i < 3; i++ {
		if err := svc.Process(context.Background(), m); !errors.Is(err, handlers.ErrStore) {
			t.Fatalf("Process = %v, want ErrStore", err)
		}
	}
	wecom, sms := h.wait(t, 2)
	d.Wait()
	if d.Sent() != 2 {
		t.Errorf("dispatcher sent %d, want 2 (one per endpoint, once)", d.Sent())
	}
	if len(wecom) != 1 || !strings.Contains(wecom[0], "【紧急·系统存储故障，暂无编号】张建国") || !strings.Contains(wecom[0], "13800000001") {
		t.Errorf("wecom got %q", wecom)
	}
	if len(sms) != 1 || sms[0].ID != 0 || sms[0].Elder != "张建国" || sms[0].Text != "我摔倒了起不来" || strings.Join(sms[0].Recipients, ",") != "李娜,陈主任" {
		t.Errorf("sms got %+v", sms)
	}
	// A message that is not an emergency sends nothing.
	calm := bottest.Group("down-2", "一支部群", "老张", "平安")
	calm.Time = clk.Now()
	_ = svc.Process(context.Background(), calm)
	d.Wait()
	if d.Sent() != 2 {
		t.Errorf("a calm message alerted: sent %d", d.Sent())
	}
}
