package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"pingan/store"
)

// roster of n elders, one in ten in the high tier.
func benchRoster(n int) ([]store.Elder, map[string]string) {
	es := make([]store.Elder, n)
	al := make(map[string]string, n)
	for i := range es {
		e := store.Elder{ID: fmt.Sprintf("E%05d", i), Name: fmt.Sprintf("老同志%d", i), Liaison: "李娜", Tier: "normal",
			ContactEvery: 72 * time.Hour, EscalateAfter: 144 * time.Hour}
		if i%10 == 0 {
			e.Tier, e.ContactEvery, e.EscalateAfter = "high", 24*time.Hour, 48*time.Hour
		}
		es[i] = e
		al[e.Name] = e.ID
	}
	return es, al
}

// BenchmarkRecordContact measures one reply's atomic write (status,
// history, indexes, round, journal, dedupe) on the real Redis.
func BenchmarkRecordContact(b *testing.B) {
	s, _ := newStore(b)
	ctx := context.Background()
	es, al := benchRoster(500)
	if err := s.SyncRoster(ctx, es, al); err != nil {
		b.Fatal(err)
	}
	r := store.Round{ID: "r", Opened: t0, Closes: t0.Add(8 * time.Hour)}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		e := es[i%len(es)]
		c := store.Contact{At: t0.Add(time.Duration(i) * time.Second), Source: store.SourceReply, Text: "平安，三针都打了",
			Health: "well", Doses: 3, Test: "unknown", MsgID: fmt.Sprintf("m%d", i)}
		if err := s.RecordContact(ctx, e, c, &r); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkOverdue reads the overdue elders of an office where a given
// share is overdue: its cost follows the answer, not the roster.
func BenchmarkOverdue(b *testing.B) {
	for _, n := range []int{500, 20000} {
		b.Run(fmt.Sprintf("roster=%d/overdue=50", n), func(b *testing.B) {
			s, _ := newStore(b)
			ctx := context.Background()
			es, al := benchRoster(n)
			if err := s.SyncRoster(ctx, es, al); err != nil {
				b.Fatal(err)
			}
			// Everyone answered at t0 except the first 50.
			for _, e := range es[50:] {
				c := store.Contact{At: t0, Source: store.SourceReply, Health: "well", Doses: -1, Test: "unknown"}
				if err := s.RecordContact(ctx, e, c, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			for b.Loop() {
				od, err := s.Overdue(ctx, t0.Add(time.Hour))
				if err != nil || len(od) != 50 {
					b.Fatalf("%d overdue, %v", len(od), err)
				}
			}
		})
	}
}
