package bot

import (
	"context"
	"hash/fnv"
	"sync"
	"sync/atomic"
)

// Ordered hands inbound messages to a number of workers: every message of
// one sender (SenderKey) to the same worker, so that each sender's
// messages are handled in the order they came — an elder's 「我摔倒了」 and
// then 「没事了」, a liaison's commands — while different senders' are
// handled at once, each waiting on Redis by itself.
//
// A worker's queue holds at most depth messages; past that, Handle waits,
// so a burst slows the transport down instead of filling the process.
// A message queued is handled even when the context it came with ends
// meanwhile (it has left the transport, nobody else has it): with that
// context's values, without its cancellation. Close waits until every
// queued message is handled.
type Ordered struct {
	h      Handler
	queues []chan queued
	wg     sync.WaitGroup
	mu     sync.RWMutex // held to read while queuing, to write by Close
	closed bool
	queued atomic.Int64
}

type queued struct {
	ctx context.Context
	m   Message
}

// NewOrdered starts workers (at least one) that hand messages to h, each
// with a queue of depth (at least one).
func NewOrdered(h Handler, workers, depth int) *Ordered {
	workers, depth = max(workers, 1), max(depth, 1)
	o := &Ordered{h: h, queues: make([]chan queued, workers)}
	for i := range o.queues {
		q := make(chan queued, depth)
		o.queues[i] = q
		o.wg.Add(1)
		go func() {
			defer o.wg.Done()
			for it := range q {
				o.h.Handle(it.ctx, it.m)
				o.queued.Add(-1)
			}
		}()
	}
	return o
}

// Handle queues m for its sender's worker, waiting while that worker's
// queue is full. After Close it handles m itself.
func (o *Ordered) Handle(ctx context.Context, m Message) {
	o.mu.RLock()
	defer o.mu.RUnlock()
	if o.closed {
		o.h.Handle(context.WithoutCancel(ctx), m)
		return
	}
	o.queued.Add(1)
	o.queues[worker(SenderKey(m), len(o.queues))] <- queued{ctx: context.WithoutCancel(ctx), m: m}
}

// Queued is how many messages wait or are being handled.
func (o *Ordered) Queued() int64 { return o.queued.Load() }

// Close waits until every queued message is handled and stops the
// workers; messages handed to Handle afterwards are handled at once.
func (o *Ordered) Close() {
	o.mu.Lock()
	if !o.closed {
		o.closed = true
		for _, q := range o.queues {
			close(q)
		}
	}
	o.mu.Unlock()
	o.wg.Wait()
}

// SenderKey says who sent m, as far as the order of messages goes: in a
// group, the group and the member's group nickname (or WeChat nickname);
// in private chat, the remark the bot's account gave them (or nickname).
func SenderKey(m Message) string {
	if m.Private() {
		if m.From.Remark != "" {
			return "p\x00" + m.From.Remark
		}
		return "p\x00\x00" + m.From.NickName
	}
	name := m.From.DisplayName
	if name == "" {
		name = m.From.NickName
	}
	return "g\x00" + m.Group + "\x00" + name
}

// worker is the worker of a sender key among n.
func worker(key string, n int) int {
	h := fnv.New32a()
	_, _ = h.Write([]byte(key))
	return int(h.Sum32() % uint32(n))
}
