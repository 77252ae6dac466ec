package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"pingan/store"
)

// picked is what Step sends: a message, and where it came from.
type picked struct {
	m     Outgoing
	p     store.Picked // from the store; zero for a local alarm
	local bool
	items int // acknowledgement items merged into m
}

// Step sends at most one message: the oldest of the most urgent lane, if
// the pacing allows a send now. It returns when to call it again: now or
// later when more is waiting (the pacing's next slot, a back-off), or the
// zero time when nothing is due. Run and Flush are loops around Step; a
// test can drive it on a simulated clock.
func (o *Outbox) Step(ctx context.Context) (time.Time, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	now := o.Now()
	pk, ok, err := o.pick(ctx, now)
	if err != nil || !ok {
		return time.Time{}, err
	}
	if at := o.readyAt(now); at.After(now) {
		return at, nil // picked again then: an alarm that came meanwhile goes first
	}
	if pk.p.Batch() {
		pk = o.batch(ctx, pk.p)
	}
	return o.send(ctx, now, pk)
}

// readyAt is the earliest time the pacing allows the next send: the gap
// and jitter after the last send, a back-off, and the per-minute cap. It
// is a pure function of the pacing state and now.
func (o *Outbox) readyAt(now time.Time) time.Time {
	at := o.nextAt
	if o.holdUntil.After(at) {
		at = o.holdUntil
	}
	if o.opts.PerMinute > 0 {
		cut := now.Add(-time.Minute)
		i := 0
		for i < len(o.window) && !o.window[i].After(cut) {
			i++
		}
		o.window = o.window[i:]
		if len(o.window) >= o.opts.PerMinute {
			if w := o.window[len(o.window)-o.opts.PerMinute].Add(time.Minute); w.After(at) {
				at = w
			}
		}
	}
	return at
}

// pick takes, without removing, what goes next: alarms kept in the process
// while the store was down come first; then the store's lanes.
func (o *Outbox) pick(ctx context.Context, now time.Time) (picked, bool, error) {
	if m, ok := o.local.head(); ok {
		return picked{m: m, local: true}, true, nil
	}
	if o.storeDown() {
		return picked{}, false, nil // tried again when the probe interval has passed
	}
	for {
		p, ok, err := o.q.Next(ctx, now)
		if err != nil {
			o.MarkStoreDown()
			return picked{}, false, err
		}
		if !ok {
			return picked{}, false, nil
		}
		if p.Batch() {
			return picked{p: p}, true, nil // rendered when it goes
		}
		var m Outgoing
		if err := json.Unmarshal(p.Data, &m); err != nil {
			o.log.Error("outbox: undecodable message moved to failed", "lane", p.Lane, "id", p.ID, "err", err)
			if err := o.q.Fail(ctx, p, p.Data, now); err != nil {
				return picked{}, false, err
			}
			continue
		}
		if m.Lane == LaneAlarm && o.local.wasSent(m.ID) {
			// Kept locally while the store seemed down, yet it reached the store too.
			if err := o.q.Done(ctx, p, now, o.opts.AckEvery); err != nil {
				return picked{}, false, err
			}
			continue
		}
		return picked{m: m, p: p}, true, nil
	}
}

// batch renders a group's acknowledgement items as one message.
func (o *Outbox) batch(ctx context.Context, p store.Picked) picked {
	items := make([]AckItem, 0, len(p.Items))
	for _, raw := range p.Items {
		var it AckItem
		if json.Unmarshal(raw, &it) == nil {
			items = append(items, it)
		}
	}
	render := o.AckText
	if render == nil {
		render = DefaultAckText
	}
	m := render(ctx, p.Group, items)
	m.Group, m.Lane, m.ID = p.Group, LaneCourtesy, p.ID
	if len(items) > 0 {
		m.Queued = items[0].At
	}
	m.Attempts = o.attempts[p.Group]
	return picked{m: m, p: p, items: len(p.Items)}
}

// DefaultAckText renders a batch plainly: one item as 「@名 收到」, several
// as a list of names.
func DefaultAckText(_ context.Context, _ string, items []AckItem) Outgoing {
	if len(items) == 1 {
		return Outgoing{Mention: items[0].Mention, Text: "收到，祝您安康！"}
	}
	names := make([]string, len(items))
	for i, it := range items {
		names[i] = it.Name
	}
	return Outgoing{Text: fmt.Sprintf("收到 %d 位的回复：%v", len(items), names)}
}

// send delivers pk and records the outcome; it returns when to step again.
func (o *Outbox) send(ctx context.Context, now time.Time, pk picked) (time.Time, error) {
	m := pk.m
	err := o.t.Send(ctx, m)
	if err == nil {
		o.sentAt(o.Now(), m) // the gap runs from the end of this send
		if pk.local {
			return now, o.local.take(m.ID, nil, true)
		}
		delete(o.attempts, pk.p.Group)
		return now, o.q.Done(ctx, pk.p, now, o.opts.AckEvery)
	}
	if errors.Is(err, ErrUnavailable) && !IsPermanent(err) {
		// Not an attempt: the transport is offline. Keep everything queued.
		o.log.Debug("outbox: transport unavailable, holding queue", "queued_for", m.Target(), "err", err)
		o.holdUntil = now.Add(o.opts.Backoff)
		return o.holdUntil, nil
	}
	m.Attempts++
	wait, throttled := RetryAfter(err)
	switch {
	case IsPermanent(err) || m.Attempts >= o.opts.MaxAttempts:
		o.m.failedTotal.Add(1)
		o.log.Error("outbox: message given up", "to", m.Target(), "lane", m.Lane, "attempts", m.Attempts, "err", err)
		if o.OnFail != nil {
			o.OnFail(m, err)
		}
		delete(o.attempts, pk.p.Group)
		if pk.local {
			return now, o.local.take(m.ID, nil, false)
		}
		rec, _ := json.Marshal(FailedMessage{Outgoing: m, Reason: err.Error()})
		return now, o.q.Fail(ctx, pk.p, rec, now)
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
	o.holdUntil = now.Add(wait)
	switch {
	case pk.local:
		err = o.local.take(m.ID, &m, false)
	case pk.p.Batch():
		o.attempts[pk.p.Group] = m.Attempts
		err = o.q.Retry(ctx, pk.p, nil, o.holdUntil)
	default:
		b, merr := json.Marshal(m)
		if merr != nil {
			return o.holdUntil, merr
		}
		err = o.q.Retry(ctx, pk.p, b, o.holdUntil)
	}
	return o.holdUntil, err
}

// sentAt records a delivery in the pacing state and the metrics.
func (o *Outbox) sentAt(now time.Time, m Outgoing) {
	o.window = append(o.window, now)
	o.nextAt = now.Add(o.opts.Gap)
	if o.opts.Jitter > 0 {
		o.nextAt = o.nextAt.Add(rand.N(o.opts.Jitter))
	}
	o.m.observe(now, m)
}

// FailedMessage is a message the outbox gave up, with why.
type FailedMessage struct {
	Outgoing
	Reason string `json:"reason"`
}

// FailedMessages lists the messages given up, oldest first.
func FailedMessages(ctx context.Context, st *store.Outbox) ([]FailedMessage, error) {
	raws, err := st.Failed(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]FailedMessage, 0, len(raws))
	for _, r := range raws {
		var f FailedMessage
		if json.Unmarshal(r, &f) == nil {
			out = append(out, f)
		}
	}
	return out, nil
}

// MigrateLegacy moves messages left in the single queue of an earlier
// version into their lanes, and acknowledgements an earlier version kept
// all in one hash into their groups' lists, keeping their order, and
// returns how many.
func MigrateLegacy(ctx context.Context, st *store.Outbox) (int, error) {
	acks, err := st.MoveLegacyAcks(ctx)
	if err != nil {
		return acks, fmt.Errorf("move acknowledgements into their groups' lists: %w", err)
	}
	raws, err := st.Legacy(ctx)
	if err != nil || len(raws) == 0 {
		return acks, err
	}
	var es []store.OutboxEntry
	for _, r := range raws {
		var m Outgoing
		if json.Unmarshal(r, &m) != nil || m.ID == "" {
			continue
		}
		m.Lane = laneOf(m)
		b, err := json.Marshal(m)
		if err != nil {
			return 0, err
		}
		es = append(es, store.OutboxEntry{Lane: string(m.Lane), ID: m.ID, Data: b})
	}
	ok, err := st.MoveLegacy(ctx, len(raws), es)
	if err != nil {
		return acks, fmt.Errorf("move queued messages into lanes: %w", err)
	}
	if !ok {
		return acks, errors.New("move queued messages into lanes: the old queue changed meanwhile; try again")
	}
	return acks + len(es), nil
}
