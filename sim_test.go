package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"pingan/office"
	"strings"
	"sync"
	"testing"
	"time"

	"pingan/bot"
	"pingan/bot/wechat"
	"pingan/bot/wechat/fakewechat"
	"pingan/clock"
	"pingan/config"
)

// A simulated office on the real openwechat client and the fake WeChat
// server, with the production pacing, driven on a simulated clock: the
// test injects inbound messages at their simulated times and steps the
// outbox as its Run loop would, so that minutes of pacing take
// milliseconds and every send has an exact simulated time.

// simGroup is the big group of the simulated office.
const simGroup = "幸福里一支部群"

// simNames returns n distinct elder names.
func simNames(n int) []string {
	surnames := []rune("赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜")
	given := []string{"建国", "秀英", "桂兰", "志强", "德明", "玉兰", "国华", "淑珍"}
	var out []string
	for _, s := range surnames {
		for _, g := range given {
			if len(out) == n {
				return out
			}
			out = append(out, string(s)+g)
		}
	}
	return out
}

// simOffice writes a config of one group of n elders (two liaisons, one
// admin, production pacing) into a temporary directory and loads it.
func simOffice(t *testing.T, officeID string, n int, extra string) *config.Config {
	t.Helper()
	dir := t.TempDir()
	var roster strings.Builder
	roster.WriteString("id,name,aliases,branch,birth_year,lives_alone,serious_illness,liaison,phone,family\n")
	for i, name := range simNames(n) {
		liaison := "李娜"
		if i%2 == 1 {
			liaison = "王强"
		}
		fmt.Fprintf(&roster, "e%03d,%s,,一支部,1945,否,否,%s,1380000%04d,\n", i+1, name, liaison, i+1)
	}
	cfg := `office: ` + officeID + `
name: 幸福里退管办
groups:
  - {name: ` + simGroup + `, branch: 一支部}
roster: roster.csv
staff:
  - {name: 李娜, remark: 联络员李娜, role: liaison, branch: 一支部}
  - {name: 王强, remark: 联络员王强, role: liaison, branch: 一支部}
  - {name: 陈主任, remark: 陈主任, role: admin}
` + extra
	for name, body := range map[string]string{"pingan.yaml": cfg, "roster.csv": roster.String()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	c, err := office.LoadConfig(filepath.Join(dir, "pingan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// sentAt is one message as it left, with the simulated time.
type sentAt struct {
	at time.Time
	m  bot.Outgoing
}

// recorder is the transport the app sends through: the real WeChat
// transport, with each successful send noted at the simulated time.
type recorder struct {
	bot.Transport
	clk  *clock.Sim
	mu   sync.Mutex
	sent []sentAt
}

func (r *recorder) Send(ctx context.Context, m bot.Outgoing) error {
	err := r.Transport.Send(ctx, m)
	if err == nil {
		r.mu.Lock()
		r.sent = append(r.sent, sentAt{r.clk.Now(), m})
		r.mu.Unlock()
	}
	return err
}

func (r *recorder) all() []sentAt {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]sentAt(nil), r.sent...)
}

// wechatWorld is a fake WeChat server with the office's groups and staff,
// and a logged-in WeChat transport on it.
type wechatWorld struct {
	fake *fakewechat.Server
	tr   *wechat.Transport
	rec  *recorder
}

func newWechatWorld(t *testing.T, ctx context.Context, cfg *config.Config, clk *clock.Sim) *wechatWorld {
	t.Helper()
	fake := fakewechat.New(fakewechat.Options{})
	t.Cleanup(fake.Close)
	for _, g := range cfg.Groups {
		fake.AddGroup(g.Name, true)
	}
	for _, s := range cfg.Staff {
		fake.AddFriend(s.Name, s.Remark)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	tr := wechat.New(wechat.Options{SessionFile: filepath.Join(t.TempDir(), "s.json"), QROut: io.Discard, Groups: cfg.GroupNames(),
		HTTPTransport: fake.Transport(), Clock: clk, SyncBackoff: 20 * time.Millisecond, LoginBackoff: 50 * time.Millisecond}, log)
	go func() { _ = tr.Run(ctx, bot.HandlerFunc(func(context.Context, bot.Message) {})) }()
	waitFor(t, ctx, func() bool { return tr.State() == wechat.StateWaitingScan })
	if err := fake.ScanAndConfirm(ctx); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, func() bool { return tr.State() == wechat.StateOnline })
	return &wechatWorld{fake: fake, tr: tr, rec: &recorder{Transport: tr, clk: clk}}
}

// event is an inbound message due at a simulated time.
type event struct {
	at time.Time
	m  bot.Message
}

// drive delivers events at their times and steps the outbox as Run does
// (polling every 2 s when nothing is due) until the events are spent and
// nothing waits, or until limit.
func drive(t *testing.T, ctx context.Context, app *office.App, clk *clock.Sim, events []event, limit time.Time) {
	t.Helper()
	h := app.Handler()
	for {
		for len(events) > 0 && !events[0].at.After(clk.Now()) {
			m := events[0].m
			m.Time = events[0].at
			h.Handle(ctx, m)
			events = events[1:]
		}
		next, err := app.Outbox.Step(ctx)
		if err != nil {
			t.Logf("outbox step: %v", err)
		}
		now := clk.Now()
		switch {
		case !next.IsZero() && !next.After(now):
			continue // sent one; more may be ready
		case next.IsZero():
			n, _ := app.Outbox.Len(ctx) // with the store down: the alarms waiting in the process
			switch {
			case n > 0:
				next = now.Add(2 * time.Second) // Run's poll: an acknowledgement batch comes due
			case len(events) == 0:
				return
			default:
				next = events[0].at
			}
		}
		if len(events) > 0 && events[0].at.Before(next) {
			next = events[0].at
		}
		if next.After(limit) {
			t.Fatalf("still sending at %s", limit.Format("15:04:05"))
		}
		app.AdvanceTo(ctx, next) // jobs due on the way run too
	}
}

// maxPerMinute is the most sends in any minute-long window.
func maxPerMinute(sent []sentAt) int {
	most := 0
	for i := range sent {
		n := 0
		for j := i; j < len(sent) && sent[j].at.Sub(sent[i].at) < time.Minute; j++ {
			n++
		}
		most = max(most, n)
	}
	return most
}
