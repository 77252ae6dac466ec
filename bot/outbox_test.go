package bot_test

import (
	"context"
	"errors"
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
