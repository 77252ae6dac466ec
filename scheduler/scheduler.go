// Package scheduler runs pingan's cron jobs on an injected clock: the real
// one in production, a simulated one in the demo and in tests, where moving
// the clock from 08:55 to 18:00 fires every job due in between, in order.
// Each run claims a Redis lock keyed by job and scheduled time, so several
// bot processes on one Redis fire each job once.
package scheduler

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/robfig/cron/v3"

	"pingan/clock"
	"pingan/store"
)

// Job is one scheduled job.
type Job struct {
	// Name identifies the job in locks, logs and /jobs.
	Name string
	// Spec is the cron expression, for display.
	Spec string
	// Schedule says when the job fires.
	Schedule cron.Schedule
	// Grace is how late a missed run may still be caught up at start;
	// 0 means the same day.
	Grace time.Duration
	// Run does the work for the scheduled time tick.
	Run func(ctx context.Context, tick time.Time) error
}

// Locker is the store's side of the scheduler.
type Locker interface {
	ClaimTick(ctx context.Context, job string, tick time.Time, instance string, ttl time.Duration) (bool, error)
	SetJobRun(ctx context.Context, job string, r store.JobRun) error
	JobRuns(ctx context.Context) (map[string]store.JobRun, error)
	// Once reports whether this is the first time what happened within
	// ttl, across processes; it keeps failure notices to one a day.
	Once(ctx context.Context, what string, ttl time.Duration) (bool, error)
}

// Scheduler fires jobs when they are due.
type Scheduler struct {
	jobs     []Job
	loc      *time.Location
	lock     Locker
	clock    clock.Clock
	log      *slog.Logger
	instance string

	mu      sync.Mutex    // one Start or AdvanceTo at a time
	cursor  time.Time     // every tick at or before cursor has been handled
	running []atomic.Bool // per job: a run is going on in this process

	noticeMu sync.Mutex
	noticed  map[string]string // job → office day its failure was last told

	// OnFail is told about a failed job at most once per job per office
	// day, across processes; may be nil. Every failure is logged and counted.
	OnFail func(job string, tick time.Time, err error)
	// Metrics, when not nil, counts every tick's outcome and run time.
	Metrics *Metrics
}

// New returns a scheduler for jobs in loc; instance names this process in locks.
func New(jobs []Job, loc *time.Location, lock Locker, c clock.Clock, log *slog.Logger, instance string) *Scheduler {
	return &Scheduler{jobs: jobs, loc: loc, lock: lock, clock: c, log: log, instance: instance,
		running: make([]atomic.Bool, len(jobs)), noticed: map[string]string{}}
}

// NextTimes returns the next n fire times of a job after t, in the office's zone.
func NextTimes(j Job, t time.Time, loc *time.Location, n int) []time.Time {
	out := make([]time.Time, 0, n)
	t = t.In(loc)
	for len(out) < n {
		t = j.Schedule.Next(t)
		if t.IsZero() {
			break
		}
		out = append(out, t)
	}
	return out
}

type due struct {
	job  int
	tick time.Time
}

// Start sets the scheduler's cursor at now and catches up, once, the latest
// run each job missed while no process was running, if it is within the
// job's grace (same day when the grace is 0); older misses are logged and
// skipped.
func (s *Scheduler) Start(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.clock.Now().In(s.loc)
	runs, err := s.lock.JobRuns(ctx)
	if err != nil {
		return fmt.Errorf("read job history: %w", err)
	}
	var todo []due
	for i, j := range s.jobs {
		last, ok := runs[j.Name]
		if !ok {
			continue // a new job starts from now
		}
		var missed time.Time
		for t := j.Schedule.Next(last.Tick.In(s.loc)); !t.IsZero() && !t.After(now); t = j.Schedule.Next(t) {
			missed = t
		}
		if missed.IsZero() {
			continue
		}
		late := now.Sub(missed)
		if (j.Grace > 0 && late <= j.Grace) || (j.Grace == 0 && sameDay(missed, now)) {
			s.log.Info("catching up a run missed while down", "job", j.Name, "tick", missed, "late", late)
			todo = append(todo, due{i, missed})
		} else {
			s.log.Warn("skipped a run missed while down: too late", "job", j.Name, "tick", missed, "late", late, "grace", graceText(j.Grace))
			s.Metrics.tick(j.Name, OutcomeLate)
		}
	}
	sortDue(todo)
	for _, d := range todo {
		s.fire(ctx, d.job, d.tick)
	}
	s.cursor = now
	return nil
}

func sameDay(a, b time.Time) bool { return a.Year() == b.Year() && a.YearDay() == b.YearDay() }

func sortDue(d []due) {
	sort.SliceStable(d, func(i, j int) bool {
		if !d[i].tick.Equal(d[j].tick) {
			return d[i].tick.Before(d[j].tick)
		}
		return d[i].job < d[j].job
	})
}

// AdvanceTo fires, in order, every job due after the cursor up to and
// including to. set, when not nil, moves a simulated clock to each tick
// before its job runs, so the job sees the time it was scheduled for.
func (s *Scheduler) AdvanceTo(ctx context.Context, to time.Time, set func(time.Time)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	to = to.In(s.loc)
	for ctx.Err() == nil {
		var next []due
		for i, j := range s.jobs {
			t := j.Schedule.Next(s.cursor.In(s.loc))
			if t.IsZero() || t.After(to) {
				continue
			}
			next = append(next, due{i, t})
		}
		if len(next) == 0 {
			break
		}
		sortDue(next)
		first := next[0].tick
		for _, d := range next {
			if !d.tick.Equal(first) {
				break
			}
			if set != nil {
				set(d.tick)
			}
			s.fire(ctx, d.job, d.tick)
		}
		s.cursor = first
	}
	if to.After(s.cursor) {
		s.cursor = to
	}
	if set != nil {
		set(to)
	}
}

// fire runs job i for one tick if this process wins the tick's lock and
// the job is not still running here. A failing or panicking job is logged,
// counted and reported; the others go on.
func (s *Scheduler) fire(ctx context.Context, i int, tick time.Time) {
	j := s.jobs[i]
	if !s.running[i].CompareAndSwap(false, true) {
		s.log.Warn("skipped a tick: the job's previous run is still going", "job", j.Name, "tick", tick)
		s.Metrics.tick(j.Name, OutcomeBusy)
		return
	}
	defer s.running[i].Store(false)
	ok, err := s.lock.ClaimTick(ctx, j.Name, tick, s.instance, 48*time.Hour)
	if err != nil {
		s.log.Error("job lock", "job", j.Name, "tick", tick, "err", err)
		s.Metrics.tick(j.Name, OutcomeLockError)
		s.report(ctx, j.Name, tick, err)
		return
	}
	if !ok {
		s.log.Debug("job already run by another process", "job", j.Name, "tick", tick)
		s.Metrics.tick(j.Name, OutcomeElsewhere)
		return
	}
	started := time.Now()
	err = safeRun(ctx, j, tick)
	took := time.Since(started)
	s.Metrics.took(j.Name, took.Seconds())
	run := store.JobRun{Tick: tick, Started: s.clock.Now(), Took: took, Instance: s.instance}
	if err != nil {
		run.Err = err.Error()
		s.log.Error("job failed", "job", j.Name, "tick", tick, "err", err)
		s.Metrics.tick(j.Name, OutcomeFailed)
		s.report(ctx, j.Name, tick, err)
	} else {
		s.log.Info("job ran", "job", j.Name, "tick", tick.In(s.loc).Format("2006-01-02 15:04"), "took", took)
		s.Metrics.tick(j.Name, OutcomeOK)
	}
	if err := s.lock.SetJobRun(ctx, j.Name, run); err != nil {
		s.log.Error("record job run", "job", j.Name, "err", err)
	}
}

// report tells OnFail about a failure once per job per office day: this
// process remembers the day, and a Redis marker keeps other processes quiet.
func (s *Scheduler) report(ctx context.Context, job string, tick time.Time, err error) {
	if s.OnFail == nil {
		return
	}
	day := tick.In(s.loc).Format("20060102")
	s.noticeMu.Lock()
	told := s.noticed[job] == day
	s.noticed[job] = day
	s.noticeMu.Unlock()
	if told {
		return
	}
	first, lerr := s.lock.Once(ctx, "jobfail:"+job+":"+day, 48*time.Hour)
	if lerr != nil {
		s.log.Error("failure notice marker", "job", job, "err", lerr)
		first = true // better twice than never
	}
	if first {
		s.OnFail(job, tick, err)
	}
}

func safeRun(ctx context.Context, j Job, tick time.Time) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return j.Run(ctx, tick)
}

func graceText(g time.Duration) string {
	if g == 0 {
		return "same day"
	}
	return g.String()
}
