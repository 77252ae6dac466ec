package store_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/redis/go-redis/v9"

	"pingan/clock"
	"pingan/store"
	"pingan/store/storetest"
)

// failScripts makes the client's next n script calls fail before they reach
// Redis, as a dropped connection would.
type failScripts struct{ n atomic.Int32 }

func (f *failScripts) DialHook(next redis.DialHook) redis.DialHook { return next }
func (f *failScripts) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return next
}
func (f *failScripts) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		if strings.HasPrefix(strings.ToLower(cmd.Name()), "eval") && f.n.Add(-1) >= 0 {
			err := errors.New("connection reset")
			cmd.SetErr(err)
			return err
		}
		return next(ctx, cmd)
	}
}

// TestQueueBulletinClaimsAndQueuesTogether: a group's copy is claimed and
// queued in one write — claimed once across callers, and never claimed
// without being queued (the crash window of a claim then a push).
func TestQueueBulletinClaimsAndQueuesTogether(t *testing.T) {
	c := storetest.Client(t)
	hook := &failScripts{}
	c.AddHook(hook)
	s := store.New(c, storetest.Office(t, c), clock.NewSim(t0))
	ctx := context.Background()
	msgs := []store.OutboxEntry{{Lane: store.LaneBroadcast, ID: "m1", Data: []byte("【通知】寒潮（1/2）")}, {Lane: store.LaneBroadcast, ID: "m2", Data: []byte("【通知】寒潮（2/2）")}}

	// A failure on the way to Redis leaves neither a claim nor a message.
	hook.n.Store(1)
	if ok, err := s.QueueBulletin(ctx, "cold", "一支部群", t0, msgs); err == nil || ok {
		t.Fatalf("failing write: ok=%v err=%v", ok, err)
	}
	if ds, _ := s.Deliveries(ctx, "cold"); len(ds) != 0 {
		t.Fatalf("claim left after a failed write: %+v", ds)
	}
	if d, _ := s.Outbox().Depths(ctx); d.Total() != 0 {
		t.Fatalf("messages queued by a failed write: %v", d)
	}

	// The retry, raced by eight callers: one wins, both messages queued once.
	var wg sync.WaitGroup
	var wins atomic.Int32
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok, err := s.QueueBulletin(ctx, "cold", "一支部群", t0, msgs)
			if err != nil {
				t.Error(err)
			}
			if ok {
				wins.Add(1)
			}
		}()
	}
	wg.Wait()
	if wins.Load() != 1 {
		t.Errorf("%d callers queued the copy, want 1", wins.Load())
	}
	if d, _ := s.Outbox().Depths(ctx); d[store.LaneBroadcast] != 2 || d.Total() != 2 {
		t.Errorf("outbox holds %v, want 2 broadcasts", d)
	}
	head, ok, err := s.Outbox().Next(ctx, t0)
	if err != nil || !ok || string(head.Data) != string(msgs[0].Data) || head.ID != "m1" {
		t.Errorf("head = %+v %v %v", head, ok, err)
	}
	ds, _ := s.Deliveries(ctx, "cold")
	if len(ds) != 1 || ds[0].Group != "一支部群" || !ds[0].At.Equal(t0) {
		t.Errorf("deliveries = %+v", ds)
	}
}
