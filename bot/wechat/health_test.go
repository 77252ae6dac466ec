package wechat_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"pingan/bot"
	"pingan/bot/wechat"
)

// /healthz reports the login state, last sync and outbox length; /metrics
// exposes the counters on the registry passed in.
func TestHealthAndMetrics(t *testing.T) {
	w := newWorld(t)
	rec := newRecorder()
	r := w.loginByScan(t, rec)
	q, _ := queue(t)
	ob, err := bot.NewOutbox(q, r.tr, testLog(t), bot.OutboxOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rec.wait(t, w.fake.PushGroupText("幸福里退休支部", "周建国", "好"))
	waitFor(t, "a good sync", func() bool { return !r.tr.LastSync().IsZero() })

	reg := prometheus.NewRegistry()
	var redisErr error
	h, err := wechat.HealthHandler(r.tr, reg, ob, wechat.Check{Name: "redis", Err: func(context.Context) error { return redisErr }})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)

	resp, err := http.Get(srv.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	var st wechat.Status
	_ = json.NewDecoder(resp.Body).Decode(&st)
	resp.Body.Close()
	if resp.StatusCode != 200 || st.State != wechat.StateOnline || !st.Healthy || st.OutboxLen != 0 ||
		st.MessagesIn != 1 || st.Account != "报平安助手" || st.LastSync.IsZero() {
		t.Fatalf("healthz %d %+v", resp.StatusCode, st)
	}

	resp, err = http.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{
		"pingan_wechat_messages_in_total 1", "pingan_wechat_messages_out_total 0",
		"pingan_wechat_send_failures_total 0", "pingan_wechat_logged_in 1",
		"pingan_wechat_last_sync_timestamp_seconds", "pingan_outbox_length 0",
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}

	healthz := func() (int, wechat.Status) {
		t.Helper()
		resp, err := http.Get(srv.URL + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var st wechat.Status
		_ = json.NewDecoder(resp.Body).Decode(&st)
		return resp.StatusCode, st
	}
	// Redis down, WeChat up: 503 naming Redis.
	redisErr = errors.New("dial tcp 10.0.0.5:6379: connection refused")
	if code, st := healthz(); code != http.StatusServiceUnavailable || st.Healthy || st.Checks["redis"] != redisErr.Error() ||
		strings.Join(st.Problems, ";") != "redis: "+redisErr.Error() {
		t.Errorf("healthz with Redis down: %d %+v", code, st)
	}
	redisErr = nil

	w.fake.SetPushLogin(false, false)
	w.fake.ForceLogout(1101)
	waitFor(t, "offline", func() bool { return r.tr.State() != wechat.StateOnline })
	if code, st := healthz(); code != http.StatusServiceUnavailable || len(st.Problems) != 1 || !strings.HasPrefix(st.Problems[0], "wechat: ") || st.Checks["redis"] != "ok" {
		t.Fatalf("healthz while logged out: %d %+v", code, st)
	}
}
