package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"pingan/office"
	"strings"
	"sync"
	"testing"
	"time"

	"pingan/bot"
	"pingan/bot/bottest"
	"pingan/clock"
	"pingan/config"
	"pingan/store"
	"pingan/store/storetest"
)

// TestRedisDownLosesNothing stops Redis in the middle of the morning:
// replies that arrive meanwhile wait in the spool and land, in order, when
// Redis is back.
func TestRedisDownLosesNothing(t *testing.T) {
	srv := storetest.NewServer(t)
	cfg, err := office.LoadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Redis.URL = srv.URL()
	ctx := context.Background()
	clk := clock.NewSim(time.Date(2026, 11, 24, 8, 55, 0, 0, cfg.Location))
	tr := bottest.New()
	app, err := office.New(ctx, office.Options{Cfg: cfg, Clock: clk, Transport: tr, Instance: "t",
		SpoolFile: filepath.Join(t.TempDir(), "spool.jsonl"), Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	if err := app.Scheduler.Start(ctx); err != nil {
		t.Fatal(err)
	}
	app.AdvanceTo(ctx, time.Date(2026, 11, 24, 9, 0, 0, 0, cfg.Location))
	h := app.Handler()
	deliver := func(m bot.Message) {
		m.Time = clk.Now()
		h.Handle(ctx, m)
	}

	srv.Stop()
	deliver(bottest.Group("w1", "一支部老同志群", "老张", "我有点咳嗽"))
	deliver(bottest.Group("w2", "一支部老同志群", "老张", "好了，没事了，平安"))
	deliver(bottest.Group("w3", "二支部老同志群", "老马", "平安"))
	if n, _ := app.SpoolLen(), error(nil); n != 3 {
		t.Fatalf("spool holds %d messages, want 3", n)
	}
	if _, err := app.ReplaySpool(ctx); err == nil {
		t.Fatal("replay succeeded while Redis is down")
	}

	srv.Start()
	// A message arriving before the replay joins the spool, behind the others.
	deliver(bottest.Group("w4", "二支部老同志群", "老马", "今天有点头晕"))
	n, err := app.ReplaySpool(ctx)
	if err != nil || n != 4 {
		t.Fatalf("replayed %d, err %v", n, err)
	}
	for id, want := range map[string]struct{ health, text string }{
		"E01": {"well", "好了，没事了，平安"},
		"E11": {"unwell", "今天有点头晕"},
	} {
		st, err := app.Store.StatusOf(ctx, id)
		if err != nil || string(st.Health) != want.health || st.LastText != want.text {
			t.Errorf("%s status = %+v (%v), want %s %q", id, st, err, want.health, want.text)
		}
	}
	if h, _ := app.Store.History(ctx, "E01", 10); len(h) != 2 {
		t.Errorf("E01 has %d contacts, want 2", len(h))
	}
	// Replaying again applies nothing twice.
	if n, _ := app.ReplaySpool(ctx); n != 0 {
		t.Errorf("second replay applied %d", n)
	}
	if err := app.Outbox.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	// The prompt, then one acknowledgement naming 张建国 once for both replies.
	if got := bottest.To(tr.Sent(), "[一支部老同志群]"); len(got) != 2 || strings.Count(got[1], "张建国") != 1 {
		t.Errorf("group one got %q", got)
	}
	var _ = store.ErrNotFound
}

// TestRedisDownManySendersAtOnce: replies from many senders, handled at
// once by the app's inbound workers while Redis is down, wait in the spool
// with each sender's in the order sent, and land so when it is back.
func TestRedisDownManySendersAtOnce(t *testing.T) {
	srv := storetest.NewServer(t)
	cfg, err := office.LoadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Redis.URL = srv.URL()
	ctx := context.Background()
	clk := clock.NewSim(time.Date(2026, 11, 24, 8, 55, 0, 0, cfg.Location))
	app, err := office.New(ctx, office.Options{Cfg: cfg, Clock: clk, Transport: bottest.New(), Instance: "t", Workers: 8,
		SpoolFile: filepath.Join(t.TempDir(), "spool.jsonl"), Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	texts := []string{"我有点咳嗽", "今天头晕", "好多了", "还行", "平安，没事了"}
	elders := cfg.Elders[:10]
	deliverAll := func(from, to int) {
		in := app.Inbound()
		var wg sync.WaitGroup
		for _, e := range elders {
			wg.Add(1)
			go func() { // each sender from its own goroutine, in order
				defer wg.Done()
				for i := from; i < to; i++ {
					m := bottest.Group(fmt.Sprintf("%s-%d", e.ID, i), groupOf(cfg, e.Branch), e.Name, texts[i])
					m.Time = clk.Now().Add(time.Duration(i) * time.Second)
					in.Handle(ctx, m)
				}
			}()
		}
		wg.Wait()
		in.Close()
	}
	deliverAll(0, 1) // Redis up
	srv.Stop()
	deliverAll(1, 4)
	if n := app.SpoolLen(); n != 3*len(elders) {
		t.Fatalf("spool holds %d messages, want %d", n, 3*len(elders))
	}
	srv.Start()
	deliverAll(4, 5) // join the spool, behind the others
	if n, err := app.ReplaySpool(ctx); err != nil || n != 4*len(elders) {
		t.Fatalf("replayed %d, err %v", n, err)
	}
	for _, e := range elders {
		h, err := app.Store.History(ctx, e.ID, 10)
		if err != nil || len(h) != len(texts) {
			t.Fatalf("%s: %d contacts, %v", e.ID, len(h), err)
		}
		for i, c := range h { // newest first
			if want := texts[len(texts)-1-i]; c.Text != want {
				t.Errorf("%s: contact %d is %q, want %q", e.ID, i, c.Text, want)
			}
		}
		if st, _ := app.Store.StatusOf(ctx, e.ID); st.LastText != texts[len(texts)-1] || string(st.Health) != "well" {
			t.Errorf("%s: status %+v", e.ID, st)
		}
	}
}

// groupOf is the configured group of a branch.
func groupOf(cfg *config.Config, branch string) string {
	for _, g := range cfg.Groups {
		if g.Branch == branch {
			return g.Name
		}
	}
	return ""
}
