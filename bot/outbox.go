package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"pingan/store"
)

// Queue keeps the outbox's messages in lanes, where a restart does not
// lose them. *store.Outbox implements it on Redis.
type Queue interface {
	// Push appends entries to their lanes, all or none.
	Push(ctx context.Context, entries ...store.OutboxEntry) error
	// PushAck adds an acknowledgement item to a group's next batch.
	PushAck(ctx context.Context, group string, item []byte, now time.Time, every time.Duration) error
	// Next returns the head of the most urgent non-empty lane, or a due
	// batch of acknowledgements; ok is false when nothing is due.
	Next(ctx context.Context, now time.Time) (p store.Picked, ok bool, err error)
	// Done removes what was picked.
	Done(ctx context.Context, p store.Picked, now time.Time, every time.Duration) error
	// Retry keeps what was picked in place, with data (a new attempt count).
	Retry(ctx context.Context, p store.Picked, data []byte, retryAt time.Time) error
	// Fail removes what was picked and keeps record among failed messages.
	Fail(ctx context.Context, p store.Picked, record []byte, now time.Time) error
	// Depths counts the messages waiting in each lane.
	Depths(ctx context.Context) (store.Depths, error)
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
	// AckEvery is the least time between two acknowledgement batches in
	// one group; 0 sends each acknowledgement as soon as the budget allows
	// (several waiting ones are still merged).
	AckEvery time.Duration
	// LocalFile keeps alarms on disk while the store is unreachable; ""
	// keeps them in memory only.
	LocalFile string
}

// AckRenderer turns a group's batch of acknowledgement items into the one
// message sent there.
type AckRenderer func(ctx context.Context, group string, items []AckItem) Outgoing

// Outbox is the one queue every outgoing message passes through. It keeps
// messages in lanes, sends the most urgent first, paces all of them
// together, retries what can be retried, and reports — never silently
// drops — what finally fails.
type Outbox struct {
	q    Queue
	t    Transport
	log  *slog.Logger
	opts OutboxOptions
	// Now tells the time for pacing and batches; default time.Now.
	Now func() time.Time
	// Sleep waits for d or until ctx ends; tests replace it.
	Sleep func(ctx context.Context, d time.Duration) error
	// OnFail is called for each message that is given up; may be nil.
	OnFail func(m Outgoing, err error)
	// AckText renders acknowledgement batches; default DefaultAckText.
	AckText AckRenderer

	local  *localQueue
	down   atomic.Int64 // unix ns until which the store is taken as down
	notify chan struct{}
	seq    atomic.Uint64
	m      *outboxMetrics

	mu        sync.Mutex // one sender at a time; guards the pacing state
	nextAt    time.Time  // gap and jitter after the last send
	holdUntil time.Time  // back-off after a failure or a throttle
	window    []time.Time
	attempts  map[string]int // failed sends of acknowledgement batches, by group
}

// NewOutbox returns an outbox sending through t, queueing in q. It fails
// only when the file of alarms kept during an outage cannot be read.
func NewOutbox(q Queue, t Transport, log *slog.Logger, opts OutboxOptions) (*Outbox, error) {
	if opts.MaxAttempts <= 0 {
		opts.MaxAttempts = 5
	}
	if opts.Backoff <= 0 {
		opts.Backoff = 2 * time.Second
	}
	if opts.MaxRunes <= 0 {
		opts.MaxRunes = DefaultMaxRunes
	}
	local, err := openLocal(opts.LocalFile)
	if err != nil {
		return nil, err
	}
	return &Outbox{q: q, t: t, log: log, opts: opts, Now: time.Now, Sleep: Sleep, local: local,
		notify: make(chan struct{}, 1), m: newOutboxMetrics(), attempts: map[string]int{}}, nil
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

// Options returns the outbox's effective options.
func (o *Outbox) Options() OutboxOptions { return o.opts }

// Sent is the number of messages delivered since start.
func (o *Outbox) Sent() int64 { return o.m.sentTotal.Load() }

// Failed is the number of messages given up since start.
func (o *Outbox) Failed() int64 { return o.m.failedTotal.Load() }

// Len is the number of messages waiting, in every lane.
func (o *Outbox) Len(ctx context.Context) (int64, error) {
	b, err := o.Backlog(ctx)
	return b.Total(), err
}

// Backlog says how many messages wait in each lane. With the store down it
// still counts the alarms waiting in the process, and returns the error.
func (o *Outbox) Backlog(ctx context.Context) (Backlog, error) {
	b := Backlog{Depth: map[Lane]int64{}, Local: o.local.len(), PerMinute: o.opts.PerMinute}
	d, err := o.q.Depths(ctx)
	for _, l := range Lanes {
		b.Depth[l] = d[string(l)]
	}
	return b, err
}

// prepare splits long texts and gives each part an id, a lane and the time queued.
func (o *Outbox) prepare(now time.Time, msgs []Outgoing) []Outgoing {
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
			c.Lane = laneOf(m)
			c.Queued = now
			c.ID = fmt.Sprintf("%d.%d.%d", now.UnixNano(), o.seq.Add(1), rand.Uint32())
			all = append(all, c)
		}
	}
	return all
}

func entries(msgs []Outgoing) ([]store.OutboxEntry, error) {
	out := make([]store.OutboxEntry, len(msgs))
	for i, m := range msgs {
		b, err := json.Marshal(m)
		if err != nil {
			return nil, err
		}
		out[i] = store.OutboxEntry{Lane: string(m.Lane), ID: m.ID, Data: b}
	}
	return out, nil
}

// storeProbe is how long the store is taken as down after it failed: no
// alarm waits on it meanwhile, and the sender tries it again after that.
const storeProbe = 5 * time.Second

// ErrStoreDown means the store failed moments ago and was not tried.
var ErrStoreDown = errors.New("store down")

// MarkStoreDown records that the store just failed: for a few seconds
// alarms go straight to the process's queue and the sender does not wait
// on the store.
func (o *Outbox) MarkStoreDown() { o.down.Store(o.Now().Add(storeProbe).UnixNano()) }

// MarkStoreUp records that the store answers again.
func (o *Outbox) MarkStoreUp() { o.down.Store(0) }

// storeDown reports whether the store failed moments ago.
func (o *Outbox) storeDown() bool { return o.Now().UnixNano() < o.down.Load() }

// Enqueue queues messages in their lanes, in order, splitting long texts.
// When the store cannot take them, alarms are kept in the process (and
// its file) and sent from there; other messages fail with the error.
func (o *Outbox) Enqueue(ctx context.Context, now time.Time, msgs ...Outgoing) error {
	all := o.prepare(now, msgs)
	if len(all) == 0 {
		return nil
	}
	es, err := entries(all)
	if err != nil {
		return err
	}
	if o.storeDown() {
		err = ErrStoreDown
	} else if err = o.q.Push(ctx, es...); err != nil {
		o.MarkStoreDown()
	}
	if err != nil {
		var alarms []Outgoing
		for _, m := range all {
			if m.Lane == LaneAlarm {
				alarms = append(alarms, m)
			}
		}
		if len(alarms) == 0 {
			return fmt.Errorf("queue outgoing: %w", err)
		}
		if lerr := o.local.push(alarms...); lerr != nil {
			return fmt.Errorf("queue outgoing: %w; keep alarms locally: %w", err, lerr)
		}
		o.log.Warn("outbox: store unreachable, alarms kept in the process", "alarms", len(alarms), "others_lost", len(all)-len(alarms), "err", err)
		o.wake()
		if len(alarms) < len(all) {
			return fmt.Errorf("queue outgoing (alarms kept locally): %w", err)
		}
		return nil
	}
	o.wake()
	return nil
}

// EnqueueWith queues messages through write, which stores the prepared
// entries together with a claim of its own (a round opened, a bulletin's
// copy sent) in one step, and reports whether the claim was new. Only
// then is the sender woken.
func (o *Outbox) EnqueueWith(ctx context.Context, now time.Time, write func(ctx context.Context, entries []store.OutboxEntry) (bool, error), msgs ...Outgoing) (bool, error) {
	es, err := entries(o.prepare(now, msgs))
	if err != nil {
		return false, err
	}
	ok, err := write(ctx, es)
	if ok {
		o.wake()
	}
	return ok, err
}

// Ack queues an acknowledgement of item in group: merged with the others
// heard there into one message per AckEvery.
func (o *Outbox) Ack(ctx context.Context, group string, item AckItem) error {
	b, err := json.Marshal(item)
	if err != nil {
		return err
	}
	if err := o.q.PushAck(ctx, group, b, o.Now(), o.opts.AckEvery); err != nil {
		return fmt.Errorf("queue acknowledgement: %w", err)
	}
	o.wake()
	return nil
}

// AckPush is what Ack stores for item in group — its encoding and the
// group's interval between batches — for a caller that stores it in a
// step of its own (store.RecordLooked, with the reply it acknowledges);
// the caller then calls Wake.
func (o *Outbox) AckPush(group string, item AckItem) (store.AckPush, error) {
	b, err := json.Marshal(item)
	if err != nil {
		return store.AckPush{}, err
	}
	return store.AckPush{Group: group, Item: b, Every: o.opts.AckEvery}, nil
}

// Wake tells the sender that something may have come due.
func (o *Outbox) Wake() { o.wake() }

func (o *Outbox) wake() {
	select {
	case o.notify <- struct{}{}:
	default:
	}
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

// Run sends queued messages until ctx ends. It wakes when a message is
// queued here and also polls every poll interval, so that messages queued
// by another process sharing the store, and acknowledgement batches that
// come due, are sent too.
func (o *Outbox) Run(ctx context.Context, poll time.Duration) error {
	for {
		next, err := o.Step(ctx)
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
		if !next.IsZero() {
			if err := o.Sleep(ctx, next.Sub(o.Now())); err != nil {
				return err
			}
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

// Flush sends everything due now, paced as usual, and returns when nothing
// more is due (acknowledgement batches wait for their time). The console
// and tests call it after each input line.
func (o *Outbox) Flush(ctx context.Context) error {
	for {
		next, err := o.Step(ctx)
		if err != nil {
			return err
		}
		if next.IsZero() {
			return nil
		}
		if err := o.Sleep(ctx, next.Sub(o.Now())); err != nil {
			return err
		}
	}
}
