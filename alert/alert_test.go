package alert_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"pingan/alert"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

type server struct {
	*httptest.Server
	mu     sync.Mutex
	bodies [][]byte
	answer func(n int) (int, string) // status and body for the n-th request (from 0)
}

func newServer(t *testing.T, answer func(n int) (int, string)) *server {
	s := &server{answer: answer}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		if ct := r.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" || r.Method != http.MethodPost {
			t.Errorf("%s with content type %q", r.Method, ct)
		}
		s.mu.Lock()
		n := len(s.bodies)
		s.bodies = append(s.bodies, b)
		s.mu.Unlock()
		code, body := s.answer(n)
		w.WriteHeader(code)
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *server) got() [][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bodies
}

var sample = alert.Alert{ID: 7, Event: alert.EventAlert, Round: 1, Office: "demo", Elder: "张建国", Text: "我摔倒了起不来",
	Group: "一支部群", Phone: "13800000001", Family: []string{"女儿 张丽"}, Recipients: []string{"李娜", "陈主任"},
	Content: "【紧急 #7】张建国 在群「一支部群」说：我摔倒了起不来"}

// TestWeComPayloadAndRetry: the robot gets the WeCom text message; a 502
// and a non-zero errcode are retried, then it succeeds.
func TestWeComPayloadAndRetry(t *testing.T) {
	srv := newServer(t, func(n int) (int, string) {
		switch n {
		case 0:
			return 502, "bad gateway"
		case 1:
			return 200, `{"errcode":-1,"errmsg":"system busy"}`
		}
		return 200, `{"errcode":0,"errmsg":"ok"}`
	})
	d := alert.New(alert.Options{WeComURL: srv.URL + "/send?key=secret", Retries: 3, Backoff: time.Millisecond}, quiet)
	d.Send(context.Background(), sample)
	d.Wait()
	bodies := srv.got()
	if len(bodies) != 3 || d.Sent() != 1 || d.Failed() != 0 {
		t.Fatalf("posts %d sent %d failed %d", len(bodies), d.Sent(), d.Failed())
	}
	var m struct {
		MsgType string            `json:"msgtype"`
		Text    map[string]string `json:"text"`
	}
	if err := json.Unmarshal(bodies[2], &m); err != nil || m.MsgType != "text" || m.Text["content"] != sample.Content {
		t.Errorf("wecom body %s (%v)", bodies[2], err)
	}
}

// TestWeComBrief: the robot gets the brief notice unless it is set to get the
// details (a robot group of staff only).
func TestWeComBrief(t *testing.T) {
	a := sample
	a.Brief = "【紧急 #7】联络员李娜名下一位老人需要马上联系。"
	for _, details := range []bool{false, true} {
		srv := newServer(t, func(int) (int, string) { return 200, `{"errcode":0}` })
		d := alert.New(alert.Options{WeComURL: srv.URL, WeComDetails: details}, quiet)
		d.Send(context.Background(), a)
		d.Wait()
		var m struct {
			Text map[string]string `json:"text"`
		}
		bodies := srv.got()
		if len(bodies) != 1 || json.Unmarshal(bodies[0], &m) != nil {
			t.Fatalf("details %v: bodies %q", details, bodies)
		}
		want := a.Brief
		if details {
			want = a.Content
		}
		if m.Text["content"] != want {
			t.Errorf("details %v: content %q, want %q", details, m.Text["content"], want)
		}
	}
}

// TestWebhookPayload: the generic webhook gets the emergency's fields.
func TestWebhookPayload(t *testing.T) {
	srv := newServer(t, func(int) (int, string) { return 204, "" })
	d := alert.New(alert.Options{WebhookURL: srv.URL}, quiet)
	d.Send(context.Background(), sample)
	d.Wait()
	bodies := srv.got()
	if len(bodies) != 1 {
		t.Fatalf("%d posts", len(bodies))
	}
	var got map[string]any
	if err := json.Unmarshal(bodies[0], &got); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]any{"id": 7.0, "event": "alert", "round": 1.0, "elder": "张建国", "text": "我摔倒了起不来",
		"group": "一支部群", "phone": "13800000001", "office": "demo"} {
		if got[k] != want {
			t.Errorf("%s = %v, want %v", k, got[k], want)
		}
	}
}

// TestGiveUp: a 4xx is not retried; a 5xx is retried Retries times; both
// are counted as failed.
func TestGiveUp(t *testing.T) {
	bad := newServer(t, func(int) (int, string) { return 400, "no such key" })
	down := newServer(t, func(int) (int, string) { return 503, "down" })
	d := alert.New(alert.Options{WeComURL: bad.URL, WebhookURL: down.URL, Retries: 2, Backoff: time.Millisecond}, quiet)
	d.Send(context.Background(), sample)
	d.Wait()
	if len(bad.got()) != 1 || len(down.got()) != 3 || d.Failed() != 2 || d.Sent() != 0 {
		t.Errorf("bad %d posts, down %d posts, failed %d, sent %d", len(bad.got()), len(down.got()), d.Failed(), d.Sent())
	}
}

// TestTimeoutDoesNotBlock: Send returns at once even when the endpoint
// hangs; the attempt is cut by the timeout.
func TestTimeoutDoesNotBlock(t *testing.T) {
	release := make(chan struct{})
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer hang.Close()
	defer close(release)
	d := alert.New(alert.Options{WebhookURL: hang.URL, Timeout: 300 * time.Millisecond, Retries: 0}, quiet)
	// The endpoint hangs until the test ends: Send must return anyway.
	sent := make(chan struct{})
	go func() { d.Send(context.Background(), sample); close(sent) }()
	select {
	case <-sent:
	case <-time.After(5 * time.Second):
		t.Fatal("Send blocked on a hanging endpoint")
	}
	d.Wait()
	if d.Failed() != 1 {
		t.Errorf("failed = %d, want 1 (timed out)", d.Failed())
	}
}

// TestNoEndpoints: no URL, no dispatcher; a nil dispatcher ignores Send.
func TestNoEndpoints(t *testing.T) {
	d := alert.New(alert.Options{}, quiet)
	if d != nil {
		t.Fatal("want nil")
	}
	d.Send(context.Background(), sample)
	d.Wait()
}
