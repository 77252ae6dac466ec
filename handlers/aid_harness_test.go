package handlers_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"pingan/alert"
	"pingan/bot"
	"pingan/bot/bottest"
	"pingan/handlers"
)

// hooks is a local server standing in for the WeCom robot (/wecom) and an
// SMS gateway (/sms); it keeps what arrives.
type hooks struct {
	srv *httptest.Server

	mu       sync.Mutex
	wecom    []string      // text contents
	sms      []alert.Alert // JSON bodies
	failNext int           // answer 500 to this many requests first
	arrived  chan struct{}
}

func newHooks(t *testing.T) *hooks {
	h := &hooks{arrived: make(chan struct{}, 1000)}
	h.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		h.mu.Lock()
		defer h.mu.Unlock()
		if h.failNext > 0 {
			h.failNext--
			http.Error(w, "busy", http.StatusBadGateway)
			return
		}
		switch r.URL.Path {
		case "/wecom":
			var m struct {
				MsgType string `json:"msgtype"`
				Text    struct {
					Content string `json:"content"`
				} `json:"text"`
			}
			if err := json.Unmarshal(b, &m); err != nil || m.MsgType != "text" {
				t.Errorf("wecom body %s: %v", b, err)
			}
			h.wecom = append(h.wecom, m.Text.Content)
			_, _ = w.Write([]byte(`{"errcode":0,"errmsg":"ok"}`))
		case "/sms":
			var a alert.Alert
			if err := json.Unmarshal(b, &a); err != nil {
				t.Errorf("sms body %s: %v", b, err)
			}
			h.sms = append(h.sms, a)
		default:
			http.NotFound(w, r)
			return
		}
		h.arrived <- struct{}{}
	}))
	t.Cleanup(h.srv.Close)
	return h
}

// wait waits (on real I/O, not on time) until n more posts have arrived,
// then returns everything received so far and forgets it.
func (h *hooks) wait(t *testing.T, n int) ([]string, []alert.Alert) {
	t.Helper()
	for i := 0; i < n; i++ {
		select {
		case <-h.arrived:
		case <-time.After(10 * time.Second):
			t.Fatalf("only %d of %d webhook posts arrived", i, n)
		}
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	w, s := h.wecom, h.sms
	h.wecom, h.sms = nil, nil
	return w, s
}

// aidConfig is the harness office plus a volunteer and the second channel.
func aidConfig(hookURL string) string {
	cfg := strings.Replace(testConfig, "  - {name: 陈主任,", "  - {name: 小刘, remark: 志愿者小刘, role: liaison}\n  - {name: 陈主任,", 1)
	cfg += "aid: {volunteers: [志愿者小刘], show: [phone, family]}\n"
	if hookURL != "" {
		cfg += "urgent: {wecom_webhook: \"" + hookURL + "/wecom\", webhook: \"" + hookURL + "/sms\", retries: 2}\n"
	}
	return cfg
}

// aidOffice is newOffice on aidConfig, with the alert dispatcher (if any)
// wired as app.go wires it.
type aidOffice struct {
	*office
	alerts *alert.Dispatcher
	log    *slog.Logger
}

func newAidOffice(t *testing.T, h *hooks) *aidOffice {
	t.Helper()
	url := ""
	if h != nil {
		url = h.srv.URL
	}
	o := buildOffice(t, officeSetup{config: aidConfig(url)})
	o.out.Sleep = func(_ context.Context, d time.Duration) error { o.clock.Advance(d); return nil }
	ao := &aidOffice{office: o, log: o.log}
	cfg := o.cfg
	ao.alerts = alert.New(alert.Options{WeComURL: cfg.Urgent.WeComWebhook, WebhookURL: cfg.Urgent.Webhook,
		Timeout: cfg.Urgent.Timeout.D(), Retries: cfg.Urgent.RetryCount(), Backoff: time.Millisecond}, o.log)
	if ao.alerts != nil {
		o.svc.UseAlerts(ao.alerts)
		t.Cleanup(ao.alerts.Wait)
	}
	return ao
}

// twin is a second service on the same Redis, as a second process would be.
func (o *aidOffice) twin() *handlers.Service {
	s := handlers.New(o.cfg, o.st, o.out, o.clock, o.log)
	if o.alerts != nil {
		s.UseAlerts(o.alerts)
	}
	return s
}

// to returns the texts sent to target and fails unless there is exactly one.
func one(t *testing.T, msgs []bot.Outgoing, target string) string {
	t.Helper()
	got := bottest.To(msgs, target)
	if len(got) != 1 {
		t.Fatalf("want one message to %s, got %d:\n%s", target, len(got), bottest.Dump(msgs))
	}
	return got[0]
}

// targets lists who got messages, in order.
func targets(msgs []bot.Outgoing) string {
	var out []string
	for _, m := range msgs {
		out = append(out, m.Target())
	}
	return strings.Join(out, ",")
}

// groupSafe fails if any group message carries more than an acknowledgement.
func groupSafe(t *testing.T, msgs []bot.Outgoing) {
	t.Helper()
	allowed := map[string]bool{"收到，祝您安康！": true, "收到，已转告联络员，请多保重。": true,
		"收到，已转告工作人员，会尽快与您联系。": true, "已紧急通知工作人员！如情况危急，请立即拨打 120。": true}
	for _, m := range msgs {
		if m.Group != "" && !allowed[m.Text] && !strings.Contains(m.Text, "1 = 平安") {
			t.Errorf("group %s got %q", m.Group, m.Text)
		}
	}
}
