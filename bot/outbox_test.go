package bot_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"pingan/bot"
	"pingan/bot/bottest"
	"pingan/clock"
	"pingan/store"
	"pingan/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

type harness struct {
	ob     *bot.Outbox
	tr     *bottest.Transport
	q      *store.Outbox
	clock  *clock.Sim
	sleeps []time.Duration
	failed []string
}

// newOutbox is an outbox on the test Redis whose waits move a simulated
// clock (and are recorded) instead of passing.
func newOutbox(t *testing.T, opts bot.OutboxOptions) *harness {
	c := storetest.Client(t)
	clk := clock.NewSim(time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC))
	s := store.New(c, storetest.Office(t, c), clk)
	h := &harness{tr: bottest.New(), q: s.Outbox(), clock: clk}
	ob, err := bot.NewOutbox(h.q, h.tr, slog.New(slog.NewTextHandler(io.Discard, nil)), opts)
	if err != nil {
		t.Fatal(err)
	}
	h.ob = ob
	h.ob.Now = clk.Now
	h.ob.Sleep = func(ctx context.Context, d time.Duration) error {
		if d > 0 {
			h.sleeps = append(h.sleeps, d)
			clk.Advance(d)
		}
		return ctx.Err()
	}
	h.ob.OnFail = func(m bot.Outgoing, err error) { h.failed = append(h.failed, m.Text+": "+err.Error()) }
	return h
}

func (h *harness) enqueue(t *testing.T, texts ...string) {
	for _, x := range texts {
		if err := h.ob.Enqueue(context.Background(), h.clock.Now(), bot.Outgoing{To: "李娜", Text: x}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestOutboxPacesWithGap(t *testing.T) {
	h := newOutbox(t, bot.OutboxOptions{Gap: time.Second})
	h.enqueue(t, "1", "2", "3")
	if err := h.ob.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := bottest.To(h.tr.Sent(), "李娜"); strings.Join(got, ",") != "1,2,3" {
		t.Errorf("sent %v", got)
	}
	// Two waits of the gap.
	if len(h.sleeps) != 2 || h.sleeps[0] != time.Second || h.sleeps[1] != time.Second {
		t.Errorf("waits = %v, want two of 1s", h.sleeps)
	}
}

func TestOutboxRetriesThenReports(t *testing.T) {
	h := newOutbox(t, bot.OutboxOptions{MaxAttempts: 3, Backoff: time.Second})
	h.enqueue(t, "a", "b")
	h.tr.FailWith(2, errors.New("network down"))
	if err := h.ob.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := bottest.To(h.tr.Sent(), "李娜"); strings.Join(got, ",") != "a,b" {
		t.Errorf("after two failures sent %v, want a,b in order", got)
	}
	if len(h.sleeps) != 2 || h.sleeps[0] != time.Second || h.sleeps[1] != 2*time.Second {
		t.Errorf("backoff = %v, want [1s 2s]", h.sleeps)
	}
	// A message that keeps failing is given up after MaxAttempts, reported, kept.
	h.enqueue(t, "c", "d")
	h.tr.FailWith(3, errors.New("still down"))
	_ = h.ob.Flush(context.Background())
	if len(h.failed) != 1 || !strings.HasPrefix(h.failed[0], "c:") || h.ob.Failed() != 1 {
		t.Errorf("failed = %v", h.failed)
	}
	f, _ := bot.FailedMessages(context.Background(), h.q)
	if len(f) != 1 || f[0].Text != "c" || f[0].Attempts != 3 {
		t.Errorf("failed list = %+v", f)
	}
	if got := bottest.To(h.tr.Sent(), "李娜"); got[len(got)-1] != "d" {
		t.Errorf("the next message was not sent after a give-up: %v", got)
	}
}

func TestOutboxPermanentAndThrottled(t *testing.T) {
	h := newOutbox(t, bot.OutboxOptions{Backoff: time.Second})
	h.enqueue(t, "x")
	h.tr.FailWith(1, bot.ErrUnknownRecipient)
	_ = h.ob.Flush(context.Background())
	if len(h.failed) != 1 || len(h.sleeps) != 0 {
		t.Errorf("unknown recipient: failed %v sleeps %v", h.failed, h.sleeps)
	}
	h.enqueue(t, "y")
	h.tr.FailWith(1, &bot.ThrottledError{After: 30 * time.Second, Err: errors.New("1205")})
	_ = h.ob.Flush(context.Background())
	if len(h.sleeps) != 1 || h.sleeps[0] != 30*time.Second || len(h.tr.Sent()) != 1 {
		t.Errorf("throttled: sleeps %v sent %v", h.sleeps, h.tr.Sent())
	}
}

func TestOutboxPerMinuteCap(t *testing.T) {
	h := newOutbox(t, bot.OutboxOptions{PerMinute: 2})
	h.enqueue(t, "1", "2", "3")
	_ = h.ob.Flush(context.Background())
	if len(h.sleeps) != 1 || h.sleeps[0] != time.Minute {
		t.Errorf("third message within a minute waited %v, want 1m", h.sleeps)
	}
}

func TestSplitText(t *testing.T) {
	long := strings.Repeat("张建国 平安\n", 300)
	parts := bot.SplitText(long, 100)
	if strings.Join(parts, "\n") != strings.TrimRight(long, "\n") {
		t.Error("split lost or changed text")
	}
	for _, p := range parts {
		if n := utf8.RuneCountInString(p); n > 100 {
			t.Errorf("part of %d runes", n)
		}
		if strings.HasPrefix(p, "\n") {
			t.Error("part starts with a line break")
		}
	}
	one := strings.Repeat("字", 250)
	if parts := bot.SplitText(one, 100); len(parts) != 3 || utf8.RuneCountInString(parts[2]) != 50 {
		t.Errorf("one long line split into %d parts", len(parts))
	}
}

// TestOutboxRestartDrainsByPriority: messages queued in every lane by one
// process are sent by the next one, most urgent lane first, each lane in
// its order, with the acknowledgements merged last.
func TestOutboxRestartDrainsByPriority(t *testing.T) {
	h := newOutbox(t, bot.OutboxOptions{AckEvery: 3 * time.Minute})
	ctx := context.Background()
	now := h.clock.Now()
	queue := []bot.Outgoing{
		{Group: "一支部群", Text: "b1"}, // a group message without a lane is a broadcast
		{To: "李娜", Text: "s1"},      // a private one a staff notice
		{To: "李娜", Text: "a1", Lane: bot.LaneAlarm},
		{Group: "一支部群", Text: "b2", Lane: bot.LaneBroadcast},
		{To: "陈主任", Text: "s2", Lane: bot.LaneStaff},
		{To: "陈主任", Text: "a2", Lane: bot.LaneAlarm},
	}
	for i, m := range queue {
		if i == 3 {
			for _, n := range []string{"张建国", "王秀英"} {
				if err := h.ob.Ack(ctx, "一支部群", bot.AckItem{Name: n, At: now}); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := h.ob.Enqueue(ctx, now, m); err != nil {
			t.Fatal(err)
		}
	}
	// A new process on the same store: nothing was sent yet.
	next, err := bot.NewOutbox(h.q, h.tr, slog.New(slog.NewTextHandler(io.Discard, nil)), bot.OutboxOptions{AckEvery: 3 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	next.Now = h.clock.Now
	b, _ := next.Backlog(ctx)
	if b.Depth[bot.LaneAlarm] != 2 || b.Depth[bot.LaneStaff] != 2 || b.Depth[bot.LaneBroadcast] != 2 || b.Depth[bot.LaneCourtesy] != 2 {
		t.Fatalf("after restart the lanes hold %v", b.Depth)
	}
	if err := next.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range h.tr.Sent() {
		got = append(got, m.Text)
	}
	if len(got) != 7 || strings.Join(got[:6], ",") != "a1,a2,s1,s2,b1,b2" || !strings.Contains(got[6], "张建国") || !strings.Contains(got[6], "王秀英") {
		t.Errorf("sent %q, want alarms, staff, broadcasts in order, then one acknowledgement naming both", got)
	}
}

// TestOutboxAlarmJumpsQueueNotLimits: an alarm queued behind a backlog of
// broadcasts goes at the next free slot, and the gap still holds.
func TestOutboxAlarmJumpsQueueNotLimits(t *testing.T) {
	h := newOutbox(t, bot.OutboxOptions{Gap: 3 * time.Second, PerMinute: 10})
	ctx := context.Background()
	for i := 0; i < 30; i++ {
		_ = h.ob.Enqueue(ctx, h.clock.Now(), bot.Outgoing{Group: "一支部群", Text: fmt.Sprintf("通知%02d", i)})
	}
	sentAt := map[string]time.Time{}
	var times []time.Time
	for step := 0; len(h.tr.Sent()) < 31 && step < 1000; step++ {
		if len(h.tr.Sent()) == 12 && sentAt["alarm"].IsZero() {
			_ = h.ob.Enqueue(ctx, h.clock.Now(), bot.Outgoing{To: "李娜", Text: "alarm", Lane: bot.LaneAlarm})
			sentAt["alarm"] = h.clock.Now()
		}
		n := len(h.tr.Sent())
		next, err := h.ob.Step(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(h.tr.Sent()) > n {
			times = append(times, h.clock.Now())
		}
		if next.After(h.clock.Now()) {
			h.clock.Set(next)
		}
	}
	sent := h.tr.Sent()
	if len(sent) != 31 || sent[12].Text != "alarm" {
		t.Fatalf("the alarm went as message %d of %d", indexOf(sent, "alarm"), len(sent))
	}
	for i := 1; i < len(times); i++ {
		if d := times[i].Sub(times[i-1]); d < 3*time.Second {
			t.Errorf("send %d came %s after the one before, gap 3s", i, d)
		}
	}
	for i := range times {
		n := 0
		for j := i; j < len(times) && times[j].Sub(times[i]) < time.Minute; j++ {
			n++
		}
		if n > 10 {
			t.Errorf("%d sends within a minute from send %d, cap 10", n, i)
		}
	}
}

func indexOf(msgs []bot.Outgoing, text string) int {
	for i, m := range msgs {
		if m.Text == text {
			return i
		}
	}
	return -1
}

// TestOutboxMergesAcknowledgementsWhenBehind: one acknowledgement per
// reply while sending keeps up; when it falls behind, those waiting for
// one group go as one message — courtesy gives way, alarms never merge.
func TestOutboxMergesAcknowledgementsWhenBehind(t *testing.T) {
	h := newOutbox(t, bot.OutboxOptions{PerMinute: 1})
	ctx := context.Background()
	ack := func(name string) {
		if err := h.ob.Ack(ctx, "一支部群", bot.AckItem{Name: name, Mention: name, At: h.clock.Now()}); err != nil {
			t.Fatal(err)
		}
	}
	ack("张建国")
	if _, err := h.ob.Step(ctx); err != nil {
		t.Fatal(err)
	}
	if got := h.tr.Take(); len(got) != 1 || got[0].Mention != "张建国" {
		t.Fatalf("the first acknowledgement went as %+v", got)
	}
	// The minute's budget is spent: two alarms and three acknowledgements wait.
	for _, n := range []string{"王秀英", "刘德明", "陈桂兰"} {
		ack(n)
	}
	_ = h.ob.Enqueue(ctx, h.clock.Now(), bot.Outgoing{To: "李娜", Text: "a1", Lane: bot.LaneAlarm}, bot.Outgoing{To: "陈主任", Text: "a2", Lane: bot.LaneAlarm})
	if err := h.ob.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	got := h.tr.Take()
	if len(got) != 3 || got[0].Text != "a1" || got[1].Text != "a2" {
		t.Fatalf("sent %s", bottest.Dump(got))
	}
	for _, n := range []string{"王秀英", "刘德明", "陈桂兰"} {
		if !strings.Contains(got[2].Text, n) {
			t.Errorf("the merged acknowledgement lacks %s: %q", n, got[2].Text)
		}
	}
}
