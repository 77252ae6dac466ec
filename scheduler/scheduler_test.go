package scheduler_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"pingan/clock"
	"pingan/scheduler"
)

// TestRestartMidDay: a process runs through the morning and dies at 06:30;
// another starts at 09:40. The 09:00 check-in (grace 1h) is caught up
// once, with its own tick; the 07:00 job (grace 1h) is skipped, logged and
// counted late; nothing that ran before the crash runs again; the day goes
// on normally, and a third start does not repeat the catch-up.
func TestRestartMidDay(t *testing.T) {
	ctx := context.Background()
	rec := newRecorder()
	st := newStore(t, clock.NewSim(at(-1, 6, 50)))
	jobs := func() []scheduler.Job {
		return []scheduler.Job{
			rec.job(t, "early", "0 6 * * *", 0, nil),
			rec.job(t, "morning", "0 7 * * *", time.Hour, nil),
			rec.job(t, "checkin", "0 9 * * *", time.Hour, nil),
			rec.job(t, "report", "30 17 * * *", 0, nil),
		}
	}
	a := newProcess(t, st, jobs(), at(-1, 6, 50), "a")
	if err := a.sched.Start(ctx); err != nil {
		t.Fatal(err)
	}
	a.advance(ctx, at(0, 6, 30)) // yesterday's jobs and today's 06:00, then the crash

	b := newProcess(t, st, jobs(), at(0, 9, 40), "b")
	if err := b.sched.Start(ctx); err != nil {
		t.Fatal(err)
	}
	want := []string{"morning@11-23 07:00", "checkin@11-23 09:00", "report@11-23 17:30",
		"early@11-24 06:00", "checkin@11-24 09:00"}
	if got := rec.ran(); !slices.Equal(got, want) {
		t.Fatalf("runs after the restart:\n got %v\nwant %v", got, want)
	}
	if rec.count("morning", at(0, 7, 0)) != 0 || b.metric(t, "morning", scheduler.OutcomeLate) != 1 {
		t.Errorf("the 07:00 run, 2h40m late with a 1h grace, must be skipped and counted late")
	}
	runs, err := st.JobRuns(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r := runs["checkin"]; !r.Tick.Equal(at(0, 9, 0)) || r.Instance != "b" || !r.Started.Equal(at(0, 9, 40)) {
		t.Errorf("checkin's record = %+v, want tick 09:00 run by b at 09:40", r)
	}

	// Another restart a few minutes later catches nothing up again.
	c := newProcess(t, st, jobs(), at(0, 9, 45), "c")
	if err := c.sched.Start(ctx); err != nil {
		t.Fatal(err)
	}
	c.advance(ctx, at(0, 18, 0))
	want = append(want, "report@11-24 17:30")
	if got := rec.ran(); !slices.Equal(got, want) {
		t.Errorf("runs to 18:00:\n got %v\nwant %v", got, want)
	}
}

// TestTwoProcessesOneRedis runs two schedulers side by side on one Redis
// office, each on its own clock, advancing through the same morning on
// two goroutines at once: every job fires exactly once per tick.
func TestTwoProcessesOneRedis(t *testing.T) {
	ctx := context.Background()
	rec := newRecorder()
	st := newStore(t, clock.NewSim(at(0, 8, 55)))
	jobs := func() []scheduler.Job {
		return []scheduler.Job{
			rec.job(t, "minute", "* * * * *", time.Hour, nil),
			rec.job(t, "five", "*/5 * * * *", time.Hour, nil),
			rec.job(t, "checkin", "0 9 * * *", time.Hour, nil),
			rec.job(t, "report", "30 11 * * *", 0, nil),
		}
	}
	var procs []*process
	for _, name := range []string{"p1", "p2"} {
		p := newProcess(t, st, jobs(), at(0, 8, 55), name)
		if err := p.sched.Start(ctx); err != nil {
			t.Fatal(err)
		}
		procs = append(procs, p)
	}
	var wg sync.WaitGroup
	for _, p := range procs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for m := 0; m <= 185; m += 5 { // in steps, as a real process would
				p.advance(ctx, at(0, 8, 55).Add(time.Duration(m)*time.Minute))
			}
		}()
	}
	wg.Wait()
	want := map[string]int{}
	for tk := at(0, 8, 56); !tk.After(at(0, 12, 0)); tk = tk.Add(time.Minute) {
		want[rec.key("minute", tk)] = 1
		if tk.Minute()%5 == 0 {
			want[rec.key("five", tk)] = 1
		}
	}
	want[rec.key("checkin", at(0, 9, 0))] = 1
	want[rec.key("report", at(0, 11, 30))] = 1
	rec.mu.Lock()
	got := rec.runs
	rec.mu.Unlock()
	if len(got) != len(want) {
		t.Errorf("%d (job, tick) pairs ran, want %d", len(got), len(want))
	}
	for k, n := range got {
		if n != 1 || want[k] != 1 {
			t.Errorf("%s ran %d times (want %d)", k, n, want[k])
		}
	}
	ran := procs[0].metric(t, "minute", scheduler.OutcomeOK) + procs[1].metric(t, "minute", scheduler.OutcomeOK)
	lost := procs[0].metric(t, "minute", scheduler.OutcomeElsewhere) + procs[1].metric(t, "minute", scheduler.OutcomeElsewhere)
	if ran != 185 || lost != 185 {
		t.Errorf("minute job: %v runs and %v lost locks over both processes, want 185 and 185", ran, lost)
	}
	t.Logf("minute job: p1 ran %v ticks, p2 ran %v", procs[0].metric(t, "minute", scheduler.OutcomeOK), procs[1].metric(t, "minute", scheduler.OutcomeOK))
}

// TestFailingJobGoesOn: a job that panics at every tick is logged, counted
// and told to the admins once per office day (not every minute, not again
// from a second process), and the other jobs run at every tick regardless;
// the failing job keeps being tried.
func TestFailingJobGoesOn(t *testing.T) {
	ctx := context.Background()
	rec := newRecorder()
	st := newStore(t, clock.NewSim(at(0, 8, 55)))
	jobs := func() []scheduler.Job {
		return []scheduler.Job{
			rec.job(t, "bad", "* * * * *", time.Hour, func(time.Time) error { panic("boom") }),
			rec.job(t, "worse", "*/10 * * * *", time.Hour, func(time.Time) error { return errors.New("redis down") }),
			rec.job(t, "good", "* * * * *", time.Hour, nil),
		}
	}
	var mu sync.Mutex
	var told []string
	onFail := func(job string, tick time.Time, err error) {
		mu.Lock()
		told = append(told, job+"@"+tick.In(shanghai).Format("01-02 15:04")+": "+err.Error())
		mu.Unlock()
	}
	p := newProcess(t, st, jobs(), at(0, 8, 55), "p1")
	p.sched.OnFail = onFail
	if err := p.sched.Start(ctx); err != nil {
		t.Fatal(err)
	}
	p.advance(ctx, at(1, 0, 5)) // over midnight: a new office day
	q := newProcess(t, st, jobs(), at(1, 0, 5), "p2")
	q.sched.OnFail = onFail
	if err := q.sched.Start(ctx); err != nil {
		t.Fatal(err)
	}
	q.advance(ctx, at(1, 1, 0))

	wantTold := []string{"bad@11-24 08:56: panic: boom", "worse@11-24 09:00: redis down", "bad@11-25 00:00: panic: boom", "worse@11-25 00:00: redis down"}
	if !slices.Equal(told, wantTold) {
		t.Errorf("admins told:\n got %q\nwant %q", told, wantTold)
	}
	minutes := int(at(1, 0, 5).Sub(at(0, 8, 55)).Minutes())
	if got := p.metric(t, "bad", scheduler.OutcomeFailed); int(got) != minutes {
		t.Errorf("bad failed %v times in p1, want %d", got, minutes)
	}
	if got := p.metric(t, "good", scheduler.OutcomeOK); int(got) != minutes {
		t.Errorf("good ran %v times in p1, want %d", got, minutes)
	}
	for tk := at(0, 8, 56); !tk.After(at(1, 1, 0)); tk = tk.Add(time.Minute) {
		if rec.count("good", tk) != 1 || rec.count("bad", tk) != 1 {
			t.Fatalf("at %s: good ran %d, bad tried %d, want 1 and 1", tk, rec.count("good", tk), rec.count("bad", tk))
		}
	}
	runs, _ := st.JobRuns(ctx)
	if runs["bad"].Err != "panic: boom" || runs["good"].Err != "" {
		t.Errorf("records: bad %+v good %+v", runs["bad"], runs["good"])
	}
}

// TestOfficeTimeZone: the office runs in Asia/Shanghai while the process
// (time.Local) is elsewhere and the clock is read in UTC: the 09:00 job
// fires at 01:00 UTC, and "same day" for catching up means the office's day.
func TestOfficeTimeZone(t *testing.T) {
	saved := time.Local
	time.Local = mustZone("America/Los_Angeles")
	defer func() { time.Local = saved }()
	ctx := context.Background()
	rec := newRecorder()
	utc := func(d, hh, mm int) time.Time { return time.Date(2026, 11, 24+d, hh, mm, 0, 0, time.UTC) }
	st := newStore(t, clock.NewSim(utc(0, 0, 30)))
	jobs := []scheduler.Job{
		rec.job(t, "checkin", "0 9 * * *", time.Hour, nil),
		rec.job(t, "late", "30 23 * * *", 0, nil),
	}
	p := newProcess(t, st, jobs, utc(0, 0, 30), "p")
	if err := p.sched.Start(ctx); err != nil {
		t.Fatal(err)
	}
	p.advance(ctx, utc(0, 0, 59))
	if len(rec.ran()) != 0 {
		t.Fatalf("ran before 09:00 Shanghai: %v", rec.ran())
	}
	p.advance(ctx, utc(0, 1, 0))
	if rec.count("checkin", at(0, 9, 0)) != 1 || !p.clock.Now().Equal(utc(0, 1, 0)) {
		t.Fatalf("checkin at 01:00 UTC: runs %v", rec.ran())
	}
	p.advance(ctx, utc(0, 15, 30)) // 23:30 in Shanghai
	if rec.count("late", at(0, 23, 30)) != 1 {
		t.Fatalf("the 23:30 job did not run at 15:30 UTC: %v", rec.ran())
	}
	// Down through the next 23:30 (15:30 UTC on the 25th); back at 16:10
	// UTC, which is still the 25th in UTC but already the 26th in Shanghai:
	// a job with grace 0 (same day) is not caught up across the office's midnight.
	q := newProcess(t, st, jobs, utc(1, 16, 10), "q")
	if err := q.sched.Start(ctx); err != nil {
		t.Fatal(err)
	}
	if rec.count("late", at(1, 23, 30)) != 0 || q.metric(t, "late", scheduler.OutcomeLate) != 1 {
		t.Errorf("23:30 missed and found after midnight in Shanghai must be skipped (same office day rule), runs %v", rec.ran())
	}
	if got := scheduler.NextTimes(jobs[0], utc(0, 2, 0), shanghai, 3); !got[0].Equal(at(1, 9, 0)) || got[0].Location() != shanghai {
		t.Errorf("NextTimes = %v", got)
	}
}
