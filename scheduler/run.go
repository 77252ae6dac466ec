package scheduler

import (
	"context"
	"sync"
	"time"
)

// Run fires jobs on the real clock until ctx ends; call Start first. Each
// job has its own goroutine, so a slow job never delays another's tick;
// a tick that comes while the same job is still running is skipped with a
// log line (and counted as busy), so a job never overlaps with itself.
// A simulated clock is driven by AdvanceTo instead, sequentially and in order.
func (s *Scheduler) Run(ctx context.Context) error {
	s.mu.Lock()
	from := s.cursor
	s.mu.Unlock()
	if from.IsZero() {
		from = s.clock.Now()
	}
	var wg sync.WaitGroup
	for i := range s.jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.loop(ctx, i, from)
		}()
	}
	wg.Wait()
	return ctx.Err()
}

// loop runs job i at each of its ticks after last until ctx ends.
func (s *Scheduler) loop(ctx context.Context, i int, last time.Time) {
	j := s.jobs[i]
	for {
		next := j.Schedule.Next(last.In(s.loc))
		if next.IsZero() {
			<-ctx.Done()
			return
		}
		for {
			wait := next.Sub(s.clock.Now())
			if wait <= 0 {
				break
			}
			if wait > time.Minute {
				wait = time.Minute // re-check: the wall clock may jump
			}
			t := time.NewTimer(wait)
			select {
			case <-ctx.Done():
				t.Stop()
				return
			case <-t.C:
			}
		}
		s.fire(ctx, i, next)
		last = next
		// Ticks that came while the job ran are not run late: skipped.
		now := s.clock.Now()
		for t := j.Schedule.Next(last.In(s.loc)); !t.IsZero() && !t.After(now); t = j.Schedule.Next(t) {
			s.log.Warn("skipped a tick: the job's previous run was still going", "job", j.Name, "tick", t)
			s.Metrics.tick(j.Name, OutcomeBusy)
			last = t
		}
		if ctx.Err() != nil {
			return
		}
	}
}
