package store_test

import (
	"context"
	"flag"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"pingan/clock"
	"pingan/store"
	"pingan/store/storetest"
)

// BenchmarkLedgerMemory measures what the ledger costs in Redis: an office
// of n elders, a check-in round every morning and one reply a day from
// every elder for 30 simulated days, on a private redis-server without
// persistence. It reports the server's memory growth per elder (B/elder),
// what the kept contacts (history and journal) cost each (B/contact), and
// everything else per elder (other-B/elder); the log breaks it down by key.
// Redis's clock does not follow the simulated one: between two simulated
// days the benchmark takes a day off every expiry that could fall within
// the simulation, and deletes what would have expired.
//
//	go test ./store/ -run '^$' -bench 'LedgerMemory/elders=10000$' -benchtime 1x -v
//	go test ./store/ -run '^$' -bench 'LedgerMemory/elders=100000$' -benchtime 1x -timeout 30m -v
//
// The 100,000 case takes minutes and runs only when -bench names it.
func BenchmarkLedgerMemory(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		name := fmt.Sprintf("elders=%d", n)
		b.Run(name, func(b *testing.B) {
			if n > 10000 && !benchNamed(name) {
				b.Skipf("takes minutes: run it with -bench 'LedgerMemory/%s$'", name)
			}
			var m ledgerMemory
			for i := 0; i < b.N; i++ {
				m = simulateLedger(b, n, 30, nil)[0]
			}
			m.log(b)
			m.report(b)
		})
	}
}

// benchNamed reports whether the -bench pattern names sub explicitly.
func benchNamed(sub string) bool {
	f := flag.Lookup("test.bench")
	return f != nil && strings.Contains(f.Value.String(), sub)
}

// ledgerMemory is what one simulation measured.
type ledgerMemory struct {
	elders   int
	days     int
	contacts int64 // contacts the log holds
	used     int64 // growth of the server's used_memory
	byClass  map[string]int64
	keys     map[string]int
}

// kept is what the kept contacts cost: the histories and the log.
func (m ledgerMemory) kept() int64 { return m.byClass["history"] + m.byClass["journal"] }

func (m ledgerMemory) report(b *testing.B) {
	b.ReportMetric(float64(m.used)/float64(m.elders), "B/elder")
	b.ReportMetric(float64(m.kept())/float64(m.contacts), "B/contact")
	b.ReportMetric(float64(m.used-m.kept())/float64(m.elders), "other-B/elder")
}

func (m ledgerMemory) log(b *testing.B) {
	classes := make([]string, 0, len(m.byClass))
	for c := range m.byClass {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	b.Logf("after %d days: used_memory grew %d bytes for %d elders; %d contacts kept", m.days, m.used, m.elders, m.contacts)
	for _, c := range classes {
		b.Logf("  %-8s %6d keys %12d bytes %8.1f B/elder", c, m.keys[c], m.byClass[c], float64(m.byClass[c])/float64(m.elders))
	}
}

// benchTexts are replies as elders write them, short and long.
var benchTexts = []string{"1", "平安", "平安，三针都打了", "都好，就是腿有点疼，药还够吃"}

// benchGroups are the office's groups, one per branch.
var benchGroups = []string{"第一支部老同志群", "第二支部老同志群", "第三支部老同志群", "机关离退休干部群", "税务所退休职工群"}

// simulateLedger runs days of check-ins for n elders on a fresh private
// server, s made by mk (store.New by default), and measures the memory at
// the end of each of the days in at, and of the last day.
func simulateLedger(b *testing.B, n, days int, mk func(rdb redis.UniversalClient, clk *clock.Sim) *store.Store, at ...int) []ledgerMemory {
	b.Helper()
	srv := storetest.NewMemoryServer(b)
	rdb, err := store.NewClient(srv.URL())
	if err != nil {
		b.Fatal(err)
	}
	defer rdb.Close()
	ctx := context.Background()
	before := usedMemory(b, rdb)
	start := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	clk := clock.NewSim(start)
	if mk == nil {
		mk = func(rdb redis.UniversalClient, clk *clock.Sim) *store.Store { return store.New(rdb, "bench", clk) }
	}
	s := mk(rdb, clk)
	es, al := benchRoster(n)
	if err := s.SyncRoster(ctx, es, al); err != nil {
		b.Fatal(err)
	}
	const workers = 8
	spread := 3 * time.Hour / time.Duration(n) // replies come in over three hours
	var out []ledgerMemory
	measure := func(d int) {
		m := ledgerMemory{elders: n, days: d + 1, contacts: rdb.XLen(ctx, "pg:{bench}:contacts").Val(), used: usedMemory(b, rdb) - before}
		m.byClass, m.keys = memoryByClass(b, rdb, "bench")
		out = append(out, m)
	}
	for d := 0; d < days; d++ {
		if d > 0 {
			ageKeys(b, rdb, "bench", 24*time.Hour, time.Duration(days-d)*24*time.Hour)
		}
		open := start.AddDate(0, 0, d)
		clk.Set(open)
		r := store.Round{ID: store.RoundID(open), Opened: open, Closes: open.Add(8 * time.Hour)}
		if _, err := s.OpenRound(ctx, r, nil); err != nil {
			b.Fatal(err)
		}
		clk.Set(open.Add(3 * time.Hour))
		next := make(chan int)
		var wg sync.WaitGroup
		var failed error
		var mu sync.Mutex
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					if err := s.RecordContact(ctx, es[i], benchContact(d, n, i, open.Add(time.Duration(i)*spread)), &r); err != nil {
						mu.Lock()
						failed = err
						mu.Unlock()
					}
				}
			}()
		}
		for i := range es {
			next <- i
		}
		close(next)
		wg.Wait()
		if failed != nil {
			b.Fatal(failed)
		}
		for _, a := range at {
			if a == d+1 && a != days {
				measure(d)
			}
		}
	}
	measure(days - 1)
	return out
}

// ageKeys moves the office's expiries on by step, as Redis would see it if
// its clock followed the simulated one: a key that expires within step is
// deleted, one that expires within horizon (the simulated time left) has
// step taken off; a later expiry cannot fall within the simulation.
func ageKeys(b *testing.B, rdb redis.UniversalClient, office string, step, horizon time.Duration) {
	b.Helper()
	ctx := context.Background()
	var batch []string
	flush := func() {
		pipe := rdb.Pipeline()
		ttls := make([]*redis.DurationCmd, len(batch))
		for i, k := range batch {
			ttls[i] = pipe.PTTL(ctx, k)
		}
		if _, err := pipe.Exec(ctx); err != nil && err != redis.Nil {
			b.Fatal(err)
		}
		pipe = rdb.Pipeline()
		for i, k := range batch {
			switch ttl := ttls[i].Val(); {
			case ttl <= 0 || ttl > horizon: // none, gone, or beyond the simulation
			case ttl <= step:
				pipe.Del(ctx, k)
			default:
				pipe.PExpire(ctx, k, ttl-step)
			}
		}
		if _, err := pipe.Exec(ctx); err != nil && err != redis.Nil {
			b.Fatal(err)
		}
		batch = batch[:0]
	}
	iter := rdb.Scan(ctx, 0, "pg:{"+office+"}:*", 1000).Iterator()
	for iter.Next(ctx) {
		batch = append(batch, iter.Val())
		if len(batch) == 1000 {
			flush()
		}
	}
	if err := iter.Err(); err != nil {
		b.Fatal(err)
	}
	flush()
}

// benchContact is elder i's reply on day d: one in ten from family.
func benchContact(d, n, i int, at time.Time) store.Contact {
	c := store.Contact{At: at, Source: store.SourceReply, By: fmt.Sprintf("老同志%d", i), Group: benchGroups[i%len(benchGroups)],
		Text: benchTexts[(i+d)%len(benchTexts)], Health: "well", Doses: 3, Test: "unknown",
		MsgID: strconv.FormatInt(5_000_000_000_000_000_000+int64(d*n+i), 10)}
	if i%10 == 3 {
		c.Source, c.By = store.SourceFamily, fmt.Sprintf("老同志%d的女儿", i)
	}
	if (i+d)%len(benchTexts) == 3 {
		c.Health, c.Doses = "unwell", -1
	}
	return c
}

func usedMemory(b *testing.B, rdb redis.UniversalClient) int64 {
	b.Helper()
	info, err := rdb.InfoMap(context.Background(), "memory").Result()
	if err != nil {
		b.Fatal(err)
	}
	v, err := strconv.ParseInt(info["Memory"]["used_memory"], 10, 64)
	if err != nil {
		b.Fatal(err)
	}
	return v
}

// memoryByClass sums MEMORY USAGE over the office's keys by kind.
func memoryByClass(b *testing.B, rdb redis.UniversalClient, office string) (map[string]int64, map[string]int) {
	b.Helper()
	ctx := context.Background()
	prefix := "pg:{" + office + "}:"
	bytes, keys := map[string]int64{}, map[string]int{}
	var batch []string
	flush := func() {
		pipe := rdb.Pipeline()
		cmds := make([]*redis.IntCmd, len(batch))
		for i, k := range batch {
			cmds[i] = pipe.MemoryUsage(ctx, k, 0)
		}
		if _, err := pipe.Exec(ctx); err != nil && err != redis.Nil {
			b.Fatal(err)
		}
		for i, k := range batch {
			c := keyClass(strings.TrimPrefix(k, prefix))
			bytes[c] += cmds[i].Val()
			keys[c]++
		}
		batch = batch[:0]
	}
	iter := rdb.Scan(ctx, 0, prefix+"*", 1000).Iterator()
	for iter.Next(ctx) {
		batch = append(batch, iter.Val())
		if len(batch) == 1000 {
			flush()
		}
	}
	if err := iter.Err(); err != nil {
		b.Fatal(err)
	}
	flush()
	return bytes, keys
}

// keyClass groups the store's keys for the memory breakdown.
func keyClass(k string) string {
	switch {
	case strings.HasPrefix(k, "hist:"):
		return "history"
	case k == "contacts":
		return "journal"
	case strings.HasPrefix(k, "seen:"), strings.HasPrefix(k, "dedupe:"):
		return "dedupe"
	case strings.HasPrefix(k, "round"):
		return "rounds"
	case k == "elders", k == "aliases":
		return "roster"
	}
	return "ledger" // status, due, escalate, flags, …
}
