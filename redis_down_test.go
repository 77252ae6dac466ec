package main

import (
	"pingan/handlers/parse"

	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"pingan/office"
	"strings"
	"sync"
	"testing"
	"time"

	"pingan/alert"
	"pingan/bot/bottest"
	"pingan/clock"
	"pingan/store"
	"pingan/store/storetest"
)

// webhook is a local HTTPS-less stand-in for the second channel
// (urgent.webhook): it keeps the alerts posted to it.
type webhook struct {
	srv    *httptest.Server
	mu     sync.Mutex
	alerts []alert.Alert
}

func newWebhook(t *testing.T) *webhook {
	w := &webhook{}
	w.srv = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		var a alert.Alert
		b, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(b, &a); err != nil {
			t.Errorf("webhook body %s: %v", b, err)
		}
		w.mu.Lock()
		w.alerts = append(w.alerts, a)
		w.mu.Unlock()
	}))
	t.Cleanup(w.srv.Close)
	return w
}

func (w *webhook) got() []alert.Alert {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]alert.Alert(nil), w.alerts...)
}

// TestRedisDownMidDay stops a private redis-server in the middle of the
// morning. Two emergencies in the outage reach their liaisons on WeChat
// (the outbox's lanes live in Redis: these go from the process) and on
// the webhook, each; the elders get their answer. When Redis is back the
// spool is replayed: the ledger holds every reply in order, staff get the
// cases' numbers, and nothing is sent twice.
func TestRedisDownMidDay(t *testing.T) {
	srv := storetest.NewServer(t)
	hook := newWebhook(t)
	cfg := simOffice(t, "downday", 20, "urgent: {webhook: \""+hook.srv.URL+"/sms\", retries: 1}\n")
	cfg.Redis.URL = srv.URL()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	nine := time.Date(2026, 11, 24, 9, 0, 0, 0, cfg.Location)
	clk := clock.NewSim(nine.Add(-time.Minute))
	w := newWechatWorld(t, ctx, cfg, clk)
	app, err := office.New(ctx, office.Options{Cfg: cfg, Clock: clk, Transport: w.rec, Instance: "down",
		SpoolFile: filepath.Join(t.TempDir(), "spool.jsonl"), Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Outbox: office.OutboxOptions(cfg)})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	if err := app.Scheduler.Start(ctx); err != nil {
		t.Fatal(err)
	}
	app.AdvanceTo(ctx, nine)
	names := simNames(20)
	at := func(min, sec int) time.Time {
		return nine.Add(time.Duration(min)*time.Minute + time.Duration(sec)*time.Second)
	}
	reply := func(id string, i int, text string, when time.Time) event {
		return event{when, bottest.Group(id, simGroup, names[i], text)}
	}
	drive(t, ctx, app, clk, []event{reply("r1", 0, "平安", at(1, 0))}, at(30, 0))

	srv.Stop()
	if app.StoreHealth(ctx) == nil {
		t.Error("/healthz would call the store healthy while it is down")
	}
	drive(t, ctx, app, clk, []event{
		reply("r2", 1, "我在卫生间摔倒了，起不来，快来人", at(10, 0)),
		reply("r3", 2, "有点咳嗽", at(10, 5)),
		reply("r4", 0, "下午也挺好", at(10, 10)),
		reply("r5", 3, "老伴叫不醒了，怎么办", at(10, 20)),
	}, at(40, 0))
	outage := w.rec.all()
	for i, want := range map[int]string{1: "联络员王强", 3: "联络员王强"} {
		found := false
		for _, s := range outage {
			found = found || (s.m.To == want && strings.Contains(s.m.Text, "【紧急·系统存储故障") && strings.Contains(s.m.Text, names[i]) &&
				strings.Contains(s.m.Text, "1380000"))
		}
		if !found {
			t.Errorf("%s was not alarmed on WeChat of %s's emergency during the outage; sent:\n%s", want, names[i], dumpSent(outage))
		}
	}
	waitFor(t, ctx, func() bool { return len(hook.got()) >= 2 })
	if a := hook.got(); a[0].Elder != names[1] || a[1].Elder != names[3] {
		t.Errorf("webhook got %+v, want both emergencies of the outage", a)
	}

	srv.Start()
	// The client's pool tries the server again about once a second after failed dials.
	waitFor(t, ctx, func() bool { return app.Store.Ping(ctx) == nil })
	if n, err := app.ReplaySpool(ctx); err != nil || n != 4 {
		t.Fatalf("replayed %d, %v; want the 4 messages of the outage", n, err)
	}
	drive(t, ctx, app, clk, nil, at(60, 0))
	all := w.rec.all()

	// Nothing twice: no message repeats another to the same person or group.
	seen := map[string]bool{}
	for _, s := range all {
		k := s.m.Target() + "\x00" + s.m.Mention + "\x00" + s.m.Text
		if seen[k] {
			t.Errorf("sent twice to %s: %s", s.m.Target(), s.m.Text)
		}
		seen[k] = true
	}
	numbered := 0
	for _, s := range all[len(outage):] {
		if strings.Contains(s.m.Text, "补登编号") {
			numbered++
		}
		if strings.Contains(s.m.Text, "【紧急 #") && !strings.Contains(s.m.Text, "补登编号") {
			t.Errorf("alarmed again after the store came back: %s", s.m.Text)
		}
	}
	if numbered != 4 { // two cases, to the liaison and the admin each
		t.Errorf("%d case-number notices after the outage, want 4:\n%s", numbered, dumpSent(all[len(outage):]))
	}
	time.Sleep(50 * time.Millisecond) // any stray webhook post would be in flight by now
	if n := len(hook.got()); n != 2 {
		t.Errorf("webhook got %d alerts, want 2", n)
	}

	// The ledger holds every reply, in order.
	h, err := app.Store.History(ctx, "e001", 10)
	if err != nil || len(h) != 2 || h[0].Text != "下午也挺好" || h[1].Text != "平安" {
		t.Errorf("e001 history %+v (%v), want both replies, newest first", h, err)
	}
	for id, health := range map[string]parse.Health{"e002": parse.HealthUrgent, "e003": parse.HealthUnwell} {
		if st, err := app.Store.StatusOf(ctx, id); err != nil || st.Health != health {
			t.Errorf("%s status %+v (%v), want %s", id, st, err, health)
		}
	}
	ems, err := app.Store.ActiveEmergencies(ctx)
	if err != nil || len(ems) != 2 || ems[0].ElderID != "e002" || ems[1].ElderID != "e004" || ems[0].Status != store.EmergencyAlerting {
		t.Errorf("open emergencies %+v (%v)", ems, err)
	}
}

// TestStartsWithoutRedis: `pingan run` starts while Redis is unreachable:
// an emergency is alarmed from the process at once, the health check says
// what is down, and when Redis answers the roster is loaded and the
// spooled messages applied.
func TestStartsWithoutRedis(t *testing.T) {
	srv := storetest.NewServer(t)
	srv.Stop()
	cfg := simOffice(t, "nostart", 6, "")
	cfg.Redis.URL = srv.URL()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	clk := clock.NewSim(time.Date(2026, 11, 24, 9, 0, 0, 0, cfg.Location))
	tr := bottest.New()
	app, err := office.New(ctx, office.Options{Cfg: cfg, Clock: clk, Transport: tr, Instance: "nostart", StoreRetry: 10 * time.Millisecond,
		SpoolFile: filepath.Join(t.TempDir(), "spool.jsonl"), Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatalf("the app would not start without Redis: %v", err)
	}
	defer app.Close()
	if app.Ready() {
		t.Fatal("ready without a store")
	}
	if err := app.StoreHealth(ctx); err == nil || !strings.Contains(err.Error(), "unreachable") {
		t.Errorf("store health = %v", err)
	}
	done := make(chan error, 1)
	runCtx, stop := context.WithCancel(ctx)
	go func() { done <- app.Run(runCtx) }()
	defer func() { stop(); <-done }()

	m := bottest.Group("s1", simGroup, simNames(6)[2], "我摔倒了起不来")
	m.Time = clk.Now()
	app.Handler().Handle(ctx, m)
	waitFor(t, ctx, func() bool { return len(bottest.To(tr.Sent(), "联络员李娜")) == 1 })

	srv.Start()
	waitFor(t, ctx, func() bool { return app.Ready() })
	waitFor(t, ctx, func() bool { n, _ := app.SpoolLen(), error(nil); return n == 0 })
	if err := app.StoreHealth(ctx); err != nil {
		t.Errorf("store health after it came back = %v", err)
	}
	if st, err := app.Store.StatusOf(ctx, "e003"); err != nil || st.Health != "urgent" {
		t.Errorf("the spooled emergency was not applied: %+v %v", st, err)
	}
	waitFor(t, ctx, func() bool {
		for _, x := range bottest.To(tr.Sent(), "联络员李娜") {
			if strings.Contains(x, "补登编号") {
				return true
			}
		}
		return false
	})
}
