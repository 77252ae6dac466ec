package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// Queue keeps the outbox's messages, in order, where a restart does not lose
// them. store.Outbox implements it on Redis.
type Queue interface {
	// Push appends messages to the tail, all or none.
	Push(ctx context.Context, msgs ...Outgoing) error
	// Head returns the oldest message without removing it; ok is false when empty.
	Head(ctx context.Context) (m Outgoing, ok bool, err error)
	// Done removes the head if it is the message with this id.
	Done(ctx context.Context, id string) error
	// Retry replaces the head (same id) with m, which carries a new attempt count.
	Retry(ctx context.Context, m Outgoing) error
	// Fail removes the head and keeps it, with the reason, among failed messages.
	Fail(ctx context.Context, m Outgoing, reason string) error
	// Len is the number of queued messages.
	Len(ctx context.Context) (int64, error)
}

// DefaultMaxRunes is the longest text sent as one message by default.
const DefaultMaxRunes = 1500

// OutboxOptions tunes the pacing. The zero value sends as fast as it can,
// which only the console and tests should do.
type OutboxOptions struct {
	// Gap is the least time between two sends (WeChat restricts fast senders).
	Gap time.Duration
	// Jitter is a random extra wait of up to this much after each send.
	Jitter time.Duration
	// PerMinute caps sends in any minute; 0 means no cap.
	PerMinute int
	// MaxAttempts is how many times one message is tried before it is given
	// up and reported; default 5.
	MaxAttempts int
	// Backoff is the first wait after a failed send; it doubles each attempt.
	// Default 2s.
	Backoff time.Duration
	// MaxRunes splits longer texts at line breaks; default 1500.
	MaxRunes int
}

// Outbox is the one queue every outgoing message passes through. It paces
// sends, retries what can be retried, and reports — never silently drops —
// what finally fails.
type Outbox struct {
	q    Queue
	t    Transport
	log  *slog.Logger
	opts OutboxOptions
	// Sleep waits for d or until ctx ends; tests replace it.
	Sleep func(ctx context.Context, d time.Duration) error
	// OnFail is called for each message that is given up; may be nil.
	OnFail func(m Outgoing, err error)

	mu       sync.Mutex // one sender at a time
	lastSend time.Time
	window   []time.Time // send times within the last minute
	notify   chan struct{}
	seq      atomic.Uint64

	sent   atomic.Int64
	failed atomic.Int64
}

// NewOutbox returns an outbox sending through t, queueing in q.
func NewOutbox(q Queue, t Transport, log *slog.Logger, opts OutboxOptions) *Outbox {
	if opts.MaxAttempts <= 0 {
		opts.MaxAttempts = 5
	}
	if opts.Backoff <= 0 {
		opts.Backoff = 2 * time.Second
	}
	if opts.MaxRunes <= 0 {
		opts.MaxRunes = DefaultMaxRunes
	}
	return &Outbox{q: q, t: t, log: log, opts: opts, Sleep: Sleep, notify: make(chan struct{}, 1)}
}

// Sleep waits for d, or until ctx ends (then it returns ctx's error).
func Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-tm.C:
		return nil
	}
}

// Sent is the number of messages delivered since start.
func (o *Outbox) Sent() int64 { return o.sent.Load() }

// Failed is the number of messages given up since start.
func (o *Outbox) Failed() int64 { return o.failed.Load() }

// Len is the number of messages waiting.
func (o *Outbox) Len(ctx context.Context) (int64, error) { return o.q.Len(ctx) }

// Enqueue queues messages in order, splitting long texts.
func (o *Outbox) Enqueue(ctx context.Context, now time.Time, msgs ...Outgoing) error {
	var all []Outgoing
	for _, m := range msgs {
		parts := []string{m.Text}
		if m.File == "" {
			parts = SplitText(m.Text, o.opts.MaxRunes)
		}
		for i, p := range parts {
			c := m
			c.Text = p
			if i > 0 {
				c.Mention = ""
			}
			c.Queued = now
			c.ID = fmt.Sprintf("%d.%d.%d", now.UnixNano(), o.seq.Add(1), rand.Uint32())
			all = append(all, c)
		}
	}
	if len(all) == 0 {
		return nil
	}
	if err := o.q.Push(ctx, all...); err != nil {
		return fmt.Errorf("queue outgoing: %w", err)
	}
	select {
	case o.notify <- struct{}{}:
	default:
	}
	return nil
}

// SplitText cuts text into parts of at most max runes, at line breaks where
// it can and inside a line only when one line alone is too long.
func SplitText(text string, max int) []string {
	if utf8.RuneCountInString(text) <= max {
		return []string{text}
	}
	var parts []string
	var cur strings.Builder
	curN := 0
	flush := func() {
		if curN > 0 {
			parts = append(parts, strings.TrimRight(cur.String(), "\n"))
			cur.Reset()
			curN = 0
		}
	}
	for _, line := range strings.SplitAfter(text, "\n") {
		n := utf8.RuneCountInString(line)
		if curN+n > max {
			flush()
		}
		for n > max { // one line longer than max: cut it
			r := []rune(line)
			parts = append(parts, string(r[:max]))
			line = string(r[max:])
			n -= max
		}
		cur.WriteString(line)
		curN += n
	}
	flush()
	return parts
}

// Run sends queued messages until ctx ends. It wakes when Enqueue is called
// and also polls every poll interval, so messages queued by another process
// sharing the store are sent too.
func (o *Outbox) Run(ctx context.Context, poll time.Duration) error {
	for {
		sentAny, err := o.sendOne(ctx)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			o.log.Warn("outbox", "err", err)
			if o.Sleep(ctx, o.opts.Backoff) != nil {
				return ctx.Err()
			}
			continue
		}
		if sentAny {
			continue
		}
		t := time.NewTimer(poll)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-o.notify:
		case <-t.C:
		}
		t.Stop()
	}
}

// Flush sends everything queued now, paced as usual, and returns when the
// queue is empty. The console and tests call it after each input line.
func (o *Outbox) Flush(ctx context.Context) error {
	for {
		more, err := o.sendOne(ctx)
		if err != nil {
			return err
		}
		if !more {
			return nil
		}
	}
}

// sendOne sends the head of the queue, if any, and reports whether there was one.
func (o *Outbox) sendOne(ctx context.Context) (bool, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	m, ok, err := o.q.Head(ctx)
	if err != nil || !ok {
		return false, err
	}
	if err := o.pace(ctx); err != nil {
		return true, err
	}
	err = o.t.Send(ctx, m)
	o.lastSend = time.Now()
	if err == nil {
		o.window = append(o.window, o.lastSend)
		o.sent.Add(1)
		return true, o.q.Done(ctx, m.ID)
	}
	if errors.Is(err, ErrUnavailable) && !IsPermanent(err) {
		// Not an attempt: the transport is offline. Keep the message queued.
		o.log.Debug("outbox: transport unavailable, holding queue", "queued_for", m.Target(), "err", err)
		if errors.Is(o.Sleep(ctx, o.opts.Backoff), context.Canceled) {
			return true, ctx.Err()
		}
		return true, nil
	}
	m.Attempts++
	wait, throttled := RetryAfter(err)
	switch {
	case IsPermanent(err) || m.Attempts >= o.opts.MaxAttempts:
		o.failed.Add(1)
		o.log.Error("outbox: message given up", "to", m.Target(), "attempts", m.Attempts, "err", err)
		if o.OnFail != nil {
			o.OnFail(m, err)
		}
		return true, o.q.Fail(ctx, m, err.Error())
	case throttled:
		o.log.Warn("outbox: throttled by chat service", "wait", wait, "err", err)
		if wait < o.opts.Backoff {
			wait = o.opts.Backoff
		}
		wait <<= min(m.Attempts-1, 5)
	default:
		wait = o.opts.Backoff << min(m.Attempts-1, 5)
		o.log.Warn("outbox: send failed, will retry", "to", m.Target(), "attempt", m.Attempts, "wait", wait, "err", err)
	}
	if err := o.q.Retry(ctx, m); err != nil {
		return true, err
	}
	if errors.Is(o.Sleep(ctx, wait), context.Canceled) {
		return true, ctx.Err()
	}
	return true, nil
}

// pace waits until the gap, jitter and per-minute cap allow the next send.
func (o *Outbox) pace(ctx context.Context) error {
	if o.lastSend.IsZero() {
		return nil
	}
	wait := o.opts.Gap - time.Since(o.lastSend)
	if o.opts.Jitter > 0 {
		wait += rand.N(o.opts.Jitter)
	}
	if o.opts.PerMinute > 0 {
		cut := time.Now().Add(-time.Minute)
		i := 0
		for i < len(o.window) && o.window[i].Before(cut) {
			i++
		}
		o.window = o.window[i:]
		if len(o.window) >= o.opts.PerMinute {
			if w := time.Until(o.window[0].Add(time.Minute)); w > wait {
				wait = w
			}
		}
	}
	if o.opts.Gap == 0 && o.opts.PerMinute == 0 {
		o.window = o.window[:0]
	}
	return o.Sleep(ctx, wait)
}
