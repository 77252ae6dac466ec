package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"pingan/clock"
	"pingan/store"
	"pingan/store/storetest"
)

// BenchmarkOutboxNext measures the sender's pick-next (the head of the most
// urgent non-empty lane, acknowledgement batches considered) with n
// messages waiting in the least urgent lanes, where every lane above them
// must be looked at first. Its cost does not follow n:
//
//	go test -run '^$' -bench OutboxNext -benchmem ./store/
func BenchmarkOutboxNext(b *testing.B) {
	for _, n := range []int{100, 10000} {
		b.Run(fmt.Sprintf("queued=%d", n), func(b *testing.B) {
			c := storetest.Client(b)
			s := store.New(c, storetest.Office(b, c), clock.Real{})
			q := s.Outbox()
			ctx := context.Background()
			now := time.Now()
			var batch []store.OutboxEntry
			for i := 0; i < n; i++ {
				lane := store.LaneBroadcast
				if i%2 == 1 {
					lane = store.LaneCourtesy
				}
				batch = append(batch, store.OutboxEntry{Lane: lane, ID: fmt.Sprintf("m%d", i), Data: []byte(`{"group":"一支部群","text":"各位老同志早上好！今天请报个平安"}`)})
				if len(batch) == 500 {
					if err := q.Push(ctx, batch...); err != nil {
						b.Fatal(err)
					}
					batch = batch[:0]
				}
			}
			if err := q.Push(ctx, batch...); err != nil {
				b.Fatal(err)
			}
			for i := 0; i < 50; i++ { // groups with acknowledgements not yet due
				_ = q.PushAck(ctx, fmt.Sprintf("群%d", i), []byte(`{"n":"张建国"}`), now.Add(time.Hour), 0)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, ok, err := q.Next(ctx, now); err != nil || !ok {
					b.Fatal(ok, err)
				}
			}
		})
	}
}
