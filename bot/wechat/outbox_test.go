package wechat_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"pingan/bot"
	"pingan/bot/wechat"
	"pingan/clock"
	"pingan/store"
	"pingan/store/storetest"
)

// queue is one office's Redis outbox queue; a second call with the same
// office sees the same messages, as a restarted process would.
func queue(t *testing.T) (*store.Outbox, func() *store.Outbox) {
	c := storetest.Client(t)
	office := storetest.Office(t, c)
	mk := func() *store.Outbox { return store.New(c, office, clock.Real{}).Outbox() }
	return mk(), mk
}

// outboxRun runs an outbox over tr until the test ends or stop is called.
type outboxRun struct {
	ob     *bot.Outbox
	stop   func()
	mu     sync.Mutex
	failed []string
	waits  []time.Duration
}

func runOutbox(t *testing.T, q bot.Queue, tr bot.Transport, opts bot.OutboxOptions) *outboxRun {
	ob, err := bot.NewOutbox(q, tr, testLog(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	o := &outboxRun{ob: ob}
	o.ob.OnFail = func(m bot.Outgoing, err error) {
		o.mu.Lock()
		o.failed = append(o.failed, m.Text+": "+err.Error())
		o.mu.Unlock()
	}
	sleep := o.ob.Sleep
	o.ob.Sleep = func(ctx context.Context, d time.Duration) error {
		o.mu.Lock()
		o.waits = append(o.waits, d)
		o.mu.Unlock()
		return sleep(ctx, d)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = o.ob.Run(ctx, 20*time.Millisecond) }()
	var once sync.Once
	o.stop = func() { once.Do(func() { cancel(); <-done }) }
	t.Cleanup(o.stop)
	return o
}

func (o *outboxRun) failures() []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return append([]string(nil), o.failed...)
}

func enqueue(t *testing.T, ob *bot.Outbox, group string, texts ...string) {
	t.Helper()
	for _, x := range texts {
		if err := ob.Enqueue(context.Background(), time.Now(), bot.Outgoing{Group: group, Text: x}); err != nil {
			t.Fatal(err)
		}
	}
}

func numbered(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%02d", prefix, i+1)
	}
	return out
}

// 20 queued messages leave no faster than the configured gap, in order, as
// the fake WeChat server recorded them.
func TestOutboxGapHeldOnTheWire(t *testing.T) {
	w := newWorld(t)
	r := w.loginByScan(t, newRecorder())
	q, _ := queue(t)
	const gap = 50 * time.Millisecond
	o := runOutbox(t, q, r.tr, bot.OutboxOptions{Gap: gap, Jitter: 5 * time.Millisecond})
	texts := numbered("通知", 20)
	enqueue(t, o.ob, "幸福里退休支部", texts...)
	sent, err := w.fake.WaitSent(ctxT(t), 20)
	if err != nil {
		t.Fatal(err)
	}
	minGap := time.Hour
	for i, s := range sent {
		if s.Text != texts[i] || s.Group != "幸福里退休支部" {
			t.Fatalf("message %d: %+v", i, s)
		}
		if i > 0 {
			minGap = min(minGap, s.At.Sub(sent[i-1].At))
		}
	}
	if minGap < gap {
		t.Fatalf("smallest gap on the wire %v, want ≥ %v", minGap, gap)
	}
	total := sent[19].At.Sub(sent[0].At)
	t.Logf("20 messages: smallest gap %v, first to last %v", minGap, total)
}

// Ret 1205 "operate too often" is a ThrottledError; the outbox waits at
// least ThrottleWait, backs off, and still delivers, in order.
func TestThrottleSlowsOutbox(t *testing.T) {
	w := newWorld(t)
	r := w.loginByScan(t, newRecorder())

	w.fake.Throttle(1)
	err := r.tr.Send(ctxT(t), bot.Outgoing{Group: "幸福里退休支部", Text: "x"})
	after, ok := bot.RetryAfter(err)
	if !ok || after != 30*time.Millisecond || bot.IsPermanent(err) {
		t.Fatalf("Ret 1205 gave %v (retry after %v, %v)", err, after, ok)
	}

	q, _ := queue(t)
	w.fake.Throttle(2)
	o := runOutbox(t, q, r.tr, bot.OutboxOptions{Backoff: 5 * time.Millisecond})
	start := time.Now()
	enqueue(t, o.ob, "幸福里退休支部", "一", "二")
	sent, err := w.fake.WaitSent(ctxT(t), 2)
	if err != nil {
		t.Fatal(err)
	}
	if sent[0].Text != "一" || sent[1].Text != "二" {
		t.Fatalf("sent %+v", sent)
	}
	// Two throttled attempts: the next one no sooner than ThrottleWait,
	// the one after no sooner than twice that, so the first delivery comes
	// at least 30 + 60 ms after the message was queued.
	if d := sent[0].At.Sub(start); d < 90*time.Millisecond {
		t.Fatalf("delivered %v after queueing, want ≥ 90ms (30ms, then doubled)", d)
	}
	if f := o.failures(); len(f) != 0 {
		t.Fatalf("gave up: %v", f)
	}
}

// A forced logout (synccheck retcode 1101) is survived: the transport logs
// in again (push login confirmed on the phone), and messages queued while
// it was down are delivered, none lost or given up.
func TestForcedLogoutSurvivedWithoutLosingQueue(t *testing.T) {
	w := newWorld(t)
	rec := newRecorder()
	r := w.loginByScan(t, rec)
	q, _ := queue(t)
	o := runOutbox(t, q, r.tr, bot.OutboxOptions{Backoff: 10 * time.Millisecond, MaxAttempts: 2})

	w.fake.SetPushLogin(true, false) // the phone shows the prompt; nobody taps yet
	w.fake.ForceLogout(1101)
	waitFor(t, "push login pending", w.fake.PendingPush)
	if st := r.tr.State(); st == wechat.StateOnline {
		t.Fatalf("state %s while logged out", st)
	}
	texts := numbered("掉线期间", 5)
	enqueue(t, o.ob, "幸福里退休支部", texts...)
	waitFor(t, "send refused while offline", func() bool { return r.tr.Status(context.Background(), nil).SendFailures > 0 })
	if err := r.tr.Send(ctxT(t), bot.Outgoing{Group: "幸福里退休支部", Text: "x"}); !errors.Is(err, bot.ErrUnavailable) || bot.IsPermanent(err) {
		t.Fatalf("send while offline: %v", err)
	}

	w.fake.ConfirmPush()
	sent, err := w.fake.WaitSent(ctxT(t), len(texts))
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range sent {
		if s.Text != texts[i] {
			t.Fatalf("after re-login sent %+v", sent)
		}
	}
	if f := o.failures(); len(f) != 0 {
		t.Fatalf("gave up while offline: %v", f)
	}
	if st := w.fake.Stats(); st.NewLogins != 2 || st.QRLogins != 1 || st.PushLogins < 1 {
		t.Fatalf("re-login was not by push: %+v", st)
	}
	// The new session delivers inbound messages too.
	rec.wait(t, w.fake.PushGroupText("幸福里退休支部", "周建国", "又能收到了"))
}

// A process restart while logged out loses no queued message: they stay in
// Redis, and a new Transport and Outbox deliver them after the next login.
func TestRestartWhileLoggedOutLosesNothing(t *testing.T) {
	w := newWorld(t)
	r := w.loginByScan(t, newRecorder())
	q, reopen := queue(t)
	o := runOutbox(t, q, r.tr, bot.OutboxOptions{Backoff: 10 * time.Millisecond, MaxAttempts: 1})

	w.fake.SetPushLogin(false, false) // push refused: only a scan will do
	w.fake.ForceLogout(1102)
	waitFor(t, "waiting for a scan", func() bool { return r.tr.State() == wechat.StateWaitingScan })
	texts := numbered("重启前", 3)
	enqueue(t, o.ob, "幸福里退休支部", texts...)
	waitFor(t, "send refused while offline", func() bool { return r.tr.Status(context.Background(), nil).SendFailures > 0 })
	o.stop()
	r.stop()

	q2 := reopen()
	if d, err := q2.Depths(context.Background()); err != nil || d.Total() != 3 {
		t.Fatalf("queue after stop: %v, %v", d, err)
	}
	if f, _ := q2.Failed(context.Background()); len(f) != 0 {
		t.Fatalf("messages given up: %+v", f)
	}

	r2 := start(t, w.options(), newRecorder())
	runOutbox(t, q2, r2.tr, bot.OutboxOptions{Backoff: 10 * time.Millisecond})
	waitState(t, r2.tr, wechat.StateWaitingScan)
	if err := w.fake.ScanAndConfirm(ctxT(t)); err != nil {
		t.Fatal(err)
	}
	sent, err := w.fake.WaitSent(ctxT(t), 3)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range sent {
		if s.Text != texts[i] {
			t.Fatalf("after restart sent %+v", sent)
		}
	}
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting: %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
