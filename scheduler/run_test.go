package scheduler_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"pingan/clock"
	"pingan/config"
	"pingan/scheduler"
	"pingan/store"
)

// memLocker is an in-memory Locker for the real-clock loop test, which
// runs in a synctest bubble where real Redis I/O does not belong.
type memLocker struct {
	mu    sync.Mutex
	ticks map[string]bool
	runs  map[string]store.JobRun
	once  map[string]bool
}

func newMemLocker() *memLocker {
	return &memLocker{ticks: map[string]bool{}, runs: map[string]store.JobRun{}, once: map[string]bool{}}
}

func (m *memLocker) ClaimTick(_ context.Context, job string, tick time.Time, _ string, _ time.Duration) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := job + tick.String()
	if m.ticks[k] {
		return false, nil
	}
	m.ticks[k] = true
	return true, nil
}

func (m *memLocker) SetJobRun(_ context.Context, job string, r store.JobRun) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.runs[job] = r
	return nil
}

func (m *memLocker) JobRuns(context.Context) (map[string]store.JobRun, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[string]store.JobRun{}
	for k, v := range m.runs {
		out[k] = v
	}
	return out, nil
}

func (m *memLocker) Once(_ context.Context, what string, _ time.Duration) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	first := !m.once[what]
	m.once[what] = true
	return first, nil
}

// TestRunSlowJobSkipsOwnTicksOnly runs the real-clock loop (in a synctest
// bubble, so ten minutes take no time): a job that takes 90s at every
// minute never overlaps itself — the tick that comes while it runs is
// skipped and counted busy — and a fast job beside it fires at every
// minute exactly on time.
func TestRunSlowJobSkipsOwnTicksOnly(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		every, _ := config.ParseCron("* * * * *")
		var fast []time.Time
		var slowRuns, inSlow, overlap atomic.Int32
		var mu sync.Mutex
		jobs := []scheduler.Job{
			{Name: "slow", Spec: "* * * * *", Schedule: every, Run: func(ctx context.Context, tick time.Time) error {
				if inSlow.Add(1) > 1 {
					overlap.Add(1)
				}
				defer inSlow.Add(-1)
				slowRuns.Add(1)
				time.Sleep(90 * time.Second)
				return nil
			}},
			{Name: "fast", Spec: "* * * * *", Schedule: every, Run: func(ctx context.Context, tick time.Time) error {
				mu.Lock()
				fast = append(fast, time.Now())
				mu.Unlock()
				return nil
			}},
		}
		s := scheduler.New(jobs, time.UTC, newMemLocker(), clock.Real{}, quiet, "p")
		reg := prometheus.NewRegistry()
		m, err := scheduler.NewMetrics(reg)
		if err != nil {
			t.Fatal(err)
		}
		s.Metrics = m
		start := time.Now() // 2000-01-01 00:00 UTC in the bubble
		ctx, cancel := context.WithCancel(context.Background())
		if err := s.Start(ctx); err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		go func() { _ = s.Run(ctx); close(done) }()
		time.Sleep(10*time.Minute + 30*time.Second)
		cancel()
		<-done
		if len(fast) != 10 {
			t.Fatalf("fast ran %d times in 10 minutes, want 10", len(fast))
		}
		for i, at := range fast {
			if want := start.Add(time.Duration(i+1) * time.Minute); !at.Equal(want) {
				t.Errorf("fast run %d at %s, want %s: the slow job delayed it", i+1, at.Format("15:04:05"), want.Format("15:04:05"))
			}
		}
		// Slow runs at minutes 1, 3, 5, 7 and 9; each ends at :30 past the
		// next minute, whose tick it skips.
		if n := slowRuns.Load(); n != 5 {
			t.Errorf("slow ran %d times, want 5", n)
		}
		if busy := metricOf(t, reg, "slow", scheduler.OutcomeBusy); busy < 4 {
			t.Errorf("slow: %v ticks counted busy, want at least 4", busy)
		}
		if overlap.Load() != 0 {
			t.Error("the slow job overlapped itself")
		}
	})
}
