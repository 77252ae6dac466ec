package store_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"pingan/clock"
	"pingan/store"
	"pingan/store/storetest"
)

// BenchmarkSyncRoster loads a roster of n elders into an empty office,
// then loads it again with one in a hundred elders changed and one in a
// hundred gone (a reload), on a private redis-server, while another client
// pings Redis without pause: ping-max-ms is the longest any ping waited,
// which is how long the sync held Redis at once.
//
//	go test ./store/ -run '^$' -bench 'SyncRoster/elders=10000$' -benchtime 3x
//	go test ./store/ -run '^$' -bench 'SyncRoster/elders=100000$' -benchtime 3x
func BenchmarkSyncRoster(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		name := fmt.Sprintf("elders=%d", n)
		b.Run(name, func(b *testing.B) {
			if n > 10000 && !benchNamed(name) {
				b.Skipf("run it with -bench 'SyncRoster/%s$'", name)
			}
			srv := storetest.NewMemoryServer(b)
			rdb, err := store.NewClient(srv.URL())
			if err != nil {
				b.Fatal(err)
			}
			defer rdb.Close()
			probe, err := store.NewClient(srv.URL())
			if err != nil {
				b.Fatal(err)
			}
			defer probe.Close()
			ctx := context.Background()
			es, al := benchRoster(n)
			changed := make([]store.Elder, 0, n)
			for i, e := range es {
				switch {
				case i%100 == 1:
					continue // gone
				case i%100 == 2:
					e.Phone = "13900000000"
				}
				changed = append(changed, e)
			}
			// The server logs every command that takes a millisecond or more.
			if err := rdb.ConfigSet(ctx, "slowlog-log-slower-than", "1000").Err(); err != nil {
				b.Fatal(err)
			}
			rdb.ConfigSet(ctx, "slowlog-max-len", "100000")
			rdb.Do(ctx, "SLOWLOG", "RESET")
			var first, reload, worst time.Duration
			for i := 0; i < b.N; i++ {
				s := store.New(rdb, fmt.Sprintf("bench%d", i), clock.NewSim(t0))
				for _, step := range []struct {
					es   []store.Elder
					took *time.Duration
				}{{es, &first}, {changed, &reload}} {
					stop := make(chan struct{})
					var wg sync.WaitGroup
					var longest time.Duration
					wg.Add(1)
					go func() {
						defer wg.Done()
						for {
							select {
							case <-stop:
								return
							default:
							}
							start := time.Now()
							if err := probe.Ping(ctx).Err(); err != nil {
								return
							}
							longest = max(longest, time.Since(start))
						}
					}()
					start := time.Now()
					if err := s.SyncRoster(ctx, step.es, al); err != nil {
						b.Fatal(err)
					}
					*step.took += time.Since(start)
					close(stop)
					wg.Wait()
					worst = max(worst, longest)
				}
			}
			b.ReportMetric(float64(first.Milliseconds())/float64(b.N), "first-ms")
			b.ReportMetric(float64(reload.Milliseconds())/float64(b.N), "reload-ms")
			b.ReportMetric(float64(worst.Microseconds())/1000, "ping-max-ms")
			slow, err := rdb.SlowLogGet(ctx, -1).Result()
			if err != nil {
				b.Fatal(err)
			}
			var slowest time.Duration
			for _, l := range slow {
				slowest = max(slowest, l.Duration)
			}
			if testing.Verbose() {
				byCmd := map[string][]time.Duration{}
				for _, l := range slow {
					c := fmt.Sprint(l.Args[0])
					if len(l.Args) > 1 && (c == "evalsha" || c == "eval") {
						c += " " + fmt.Sprint(l.Args[1])[:8]
					}
					byCmd[c] = append(byCmd[c], l.Duration)
				}
				for c, ds := range byCmd {
					slices.Sort(ds)
					b.Logf("%-20s %5d over 1 ms, median %v, longest %v", c, len(ds), ds[len(ds)/2], ds[len(ds)-1])
				}
			}
			b.ReportMetric(float64(slowest.Microseconds())/1000, "cmd-max-ms")
		})
	}
}
