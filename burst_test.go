package main

import (
	"context"
	"io"
	"log/slog"
	"pingan/office"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"pingan/bot"
	"pingan/bot/bottest"
	"pingan/clock"
	"pingan/store/storetest"
)

// TestMorningBurst: 150 elders of one group answer the morning prompt
// within 45 s, one of them with a fall, and a liaison asks for her list in
// the middle of it — on the production pacing (1.5 s gap, up to 1 s
// jitter, 20 a minute) over the real WeChat client and the fake server.
// The fall reaches the liaison within 15 s; the liaison's answer goes
// before the acknowledgements still waiting; the group gets one message
// for five replies at most; no minute holds more than 20 sends; everyone
// heard is acknowledged in some list.
func TestMorningBurst(t *testing.T) {
	rdb := storetest.Client(t)
	cfg := simOffice(t, storetest.Office(t, rdb), 150, "")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	nine := time.Date(2026, 11, 24, 9, 0, 0, 0, cfg.Location)
	clk := clock.NewSim(nine.Add(-time.Minute))
	w := newWechatWorld(t, ctx, cfg, clk)
	app, err := office.New(ctx, office.Options{Cfg: cfg, Clock: clk, Redis: rdb, Transport: w.rec, Instance: "burst",
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Outbox: office.OutboxOptions(cfg)})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	if o := app.Outbox.Options(); o.Gap != 1500*time.Millisecond || o.Jitter != time.Second || o.PerMinute != 20 || o.AckEvery != 3*time.Minute {
		t.Fatalf("not the production pacing: %+v", o)
	}
	if err := app.Scheduler.Start(ctx); err != nil {
		t.Fatal(err)
	}
	app.AdvanceTo(ctx, nine) // the prompt is queued

	names := simNames(150)
	const fallen = 60
	fallText := "我在卫生间摔倒了，起不来，快来人"
	var events []event
	for i, name := range names {
		text := []string{"平安", "1", "挺好的，谢谢关心", "都好，三针都打了", "平安平安"}[i%5]
		switch {
		case i == fallen:
			text = fallText
		case i%37 == 5:
			text = "有点咳嗽，不发烧"
		case i%71 == 9:
			text = "家里没菜了，能帮忙买点吗"
		}
		at := nine.Add(time.Duration(i) * 300 * time.Millisecond) // 150 replies in 45 s
		events = append(events, event{at, bottest.Group("b"+strconv.Itoa(i), simGroup, name, text)})
	}
	fallAt := events[fallen].at
	askAt := nine.Add(20 * time.Second)
	events = append(events[:67], append([]event{{askAt, bottest.Private("ask", "联络员李娜", "/待办")}}, events[67:]...)...)

	drive(t, ctx, app, clk, events, nine.Add(30*time.Minute))
	sent := w.rec.all()

	// The fall reached her liaison within 15 s.
	liaison := "联络员李娜"
	if fallen%2 == 1 {
		liaison = "联络员王强"
	}
	var alarmAt time.Time
	for _, s := range sent {
		if s.m.To == liaison && strings.Contains(s.m.Text, "【紧急") && strings.Contains(s.m.Text, names[fallen]) {
			alarmAt = s.at
			break
		}
	}
	if alarmAt.IsZero() {
		t.Fatalf("the liaison was never alarmed; sent:\n%s", dumpSent(sent))
	}
	if d := alarmAt.Sub(fallAt); d > 15*time.Second {
		t.Errorf("the alarm left %s after the fall, want within 15s", d)
	}
	t.Logf("fall at %s, alarm to the liaison at %s (+%s)", fallAt.Format("15:04:05.0"), alarmAt.Format("15:04:05.0"), alarmAt.Sub(fallAt))

	// The liaison's /待办 went before the acknowledgements still waiting.
	var answerAt, nextAckAfterAsk time.Time
	for _, s := range sent {
		if s.m.To == "联络员李娜" && strings.Contains(s.m.Text, "待办") && answerAt.IsZero() && !s.at.Before(askAt) {
			answerAt = s.at
		}
		if s.m.Group == simGroup && s.m.Lane == bot.LaneCourtesy && s.at.After(askAt) && nextAckAfterAsk.IsZero() {
			nextAckAfterAsk = s.at
		}
	}
	if answerAt.IsZero() || (!nextAckAfterAsk.IsZero() && !answerAt.Before(nextAckAfterAsk)) {
		t.Errorf("/待办 asked at %s answered at %s; the next acknowledgement went at %s", askAt.Format("15:04:05"), answerAt.Format("15:04:05.0"), nextAckAfterAsk.Format("15:04:05.0"))
	}

	// One group message for five replies at most; no minute over the cap.
	var group []sentAt
	for _, s := range sent {
		if s.m.Group == simGroup {
			group = append(group, s)
		}
	}
	if len(group) > 150/5 {
		t.Errorf("the group received %d messages for 150 replies:\n%s", len(group), dumpSent(group))
	}
	if n := maxPerMinute(sent); n > 20 {
		t.Errorf("%d sends within one minute, cap 20", n)
	}

	// Everyone heard is in some list (names, or counted in 「等 N 位」);
	// the fall and the requests for help were answered personally instead.
	listed := map[string]bool{}
	counted := 0
	more := regexp.MustCompile(`等 (\d+) 位`)
	for _, s := range group {
		if !strings.HasPrefix(s.m.Text, "【报平安接龙】") {
			continue
		}
		mustNotHave(t, s.m.Text, "咳嗽", "摔", "菜")
		if m := more.FindStringSubmatch(s.m.Text); m != nil {
			n, _ := strconv.Atoi(m[1])
			counted += n
			continue
		}
		for _, name := range names {
			if strings.Contains(s.m.Text, name) {
				listed[name] = true
			}
		}
	}
	personal := 0
	for _, s := range group {
		if strings.HasPrefix(s.m.Text, "@") || s.m.Mention != "" {
			personal++
		}
	}
	aid := 0
	for i := range names {
		if i != fallen && i%37 != 5 && i%71 == 9 {
			aid++
		}
	}
	if got := len(listed) + counted; got != 150-1-aid {
		t.Errorf("acknowledged %d in lists, want %d (150 less the fall and %d requests for help)", got, 150-1-aid, aid)
	}
	if personal != 1+aid {
		t.Errorf("%d personal answers in the group, want %d", personal, 1+aid)
	}
	// /metrics measured it: the alarms to the liaison and the admin and the
	// answer to the elder, each within 15 s.
	mfs, err := app.Registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() == "pingan_alarm_delay_seconds" {
			h := mf.GetMetric()[0].GetHistogram()
			if h.GetSampleCount() != 3 || h.GetSampleSum() > 45 {
				t.Errorf("alarm delay histogram: %d samples, sum %.1fs; want 3 within 15s each", h.GetSampleCount(), h.GetSampleSum())
			}
		}
	}
	if len(w.fake.Sent()) != len(sent) {
		t.Errorf("the fake WeChat recorded %d messages, the app sent %d", len(w.fake.Sent()), len(sent))
	}
	t.Logf("%d messages in all, %d to the group, busiest minute %d:\n%s", len(sent), len(group), maxPerMinute(sent), dumpSent(sent))
}

func mustNotHave(t *testing.T, text string, words ...string) {
	t.Helper()
	for _, w := range words {
		if strings.Contains(text, w) {
			t.Errorf("group message carries %q: %s", w, text)
		}
	}
}

func dumpSent(sent []sentAt) string {
	var b strings.Builder
	for _, s := range sent {
		b.WriteString(s.at.Format("15:04:05.0") + " [" + string(s.m.Lane) + "] " + s.m.Target() + ": " + strings.ReplaceAll(s.m.Text, "\n", " / ") + "\n")
	}
	return b.String()
}
