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

// BenchmarkOpenAid opens a request for a new elder each time (one HMGET,
// one INCR, one script).
func BenchmarkOpenAid(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := newAid(fmt.Sprintf("E%d", i), "medicine")
		if _, _, err := s.OpenAid(ctx, a, aidTimes); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDueAids reads the due requests among 2,000 active ones when
// only 5 are due: the cost follows the answer, not the 2,000.
func BenchmarkDueAids(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	for i := 0; i < 2000; i++ {
		a := newAid(fmt.Sprintf("E%d", i), "food")
		a.Opened = t0.Add(time.Duration(i) * time.Minute)
		if _, _, err := s.OpenAid(ctx, a, aidTimes); err != nil {
			b.Fatal(err)
		}
	}
	at := t0.Add(2*time.Hour + 4*time.Minute)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		due, err := s.DueAids(ctx, at)
		if err != nil || len(due) != 5 {
			b.Fatalf("%d due, %v", len(due), err)
		}
	}
}

func benchStore(b *testing.B) *store.Store {
	c := storetest.Client(b)
	return store.New(c, storetest.Office(b, c), clock.NewSim(t0))
}
