package store_test

import (
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"pingan/clock"
	"pingan/store"
)

// BenchmarkLedgerRetention shows that the ledger stops growing once its
// retention is reached: 10,000 elders, one reply a day each, a retention of
// a week; Redis bytes per elder after 15 and after 30 simulated days
// (BenchmarkLedgerMemory says how it is measured).
//
//	go test ./store/ -run '^$' -bench LedgerRetention -benchtime 1x -v
func BenchmarkLedgerRetention(b *testing.B) {
	const n = 10000
	week := func(rdb redis.UniversalClient, clk *clock.Sim) *store.Store {
		return store.New(rdb, "bench", clk, store.WithRetention(7*24*time.Hour))
	}
	var ms []ledgerMemory
	for i := 0; i < b.N; i++ {
		ms = simulateLedger(b, n, 30, week, 15)
	}
	for _, m := range ms {
		m.log(b)
	}
	ms[1].report(b)
	b.ReportMetric(float64(ms[0].used)/n, "B/elder@15d")
}
