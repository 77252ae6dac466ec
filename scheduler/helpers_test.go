package scheduler_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"pingan/clock"
	"pingan/config"
	"pingan/scheduler"
	"pingan/store"
	"pingan/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

var shanghai = mustZone("Asia/Shanghai")

func mustZone(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return l
}

func at(day, hh, mm int) time.Time { return time.Date(2026, 11, 24+day, hh, mm, 0, 0, shanghai) }

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// recorder counts runs per (job, tick) across every scheduler of a test.
type recorder struct {
	mu   sync.Mutex
	runs map[string]int
	seq  []string
}

func newRecorder() *recorder { return &recorder{runs: map[string]int{}} }

func (r *recorder) key(job string, tick time.Time) string {
	return job + "@" + tick.In(shanghai).Format("01-02 15:04")
}

func (r *recorder) count(job string, tick time.Time) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.runs[r.key(job, tick)]
}

// ran returns "job@time" of every run, in order.
func (r *recorder) ran() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.seq...)
}

// job returns a job that records each run and then does fn (may be nil).
func (r *recorder) job(t *testing.T, name, spec string, grace time.Duration, fn func(tick time.Time) error) scheduler.Job {
	t.Helper()
	s, err := config.ParseCron(spec)
	if err != nil {
		t.Fatal(err)
	}
	return scheduler.Job{Name: name, Spec: spec, Schedule: s, Grace: grace, Run: func(ctx context.Context, tick time.Time) error {
		r.mu.Lock()
		r.runs[r.key(name, tick)]++
		r.seq = append(r.seq, r.key(name, tick))
		r.mu.Unlock()
		if fn != nil {
			return fn(tick)
		}
		return nil
	}}
}

// process is one bot process's scheduler on the test's Redis office.
type process struct {
	sched *scheduler.Scheduler
	clock *clock.Sim
	reg   *prometheus.Registry
}

func newProcess(t *testing.T, st *store.Store, jobs []scheduler.Job, start time.Time, name string) *process {
	t.Helper()
	p := &process{clock: clock.NewSim(start), reg: prometheus.NewRegistry()}
	p.sched = scheduler.New(jobs, shanghai, st, p.clock, quiet, name)
	m, err := scheduler.NewMetrics(p.reg)
	if err != nil {
		t.Fatal(err)
	}
	p.sched.Metrics = m
	return p
}

func (p *process) advance(ctx context.Context, to time.Time) { p.sched.AdvanceTo(ctx, to, p.clock.Set) }

// metric returns pingan_job_ticks_total for job and outcome.
func (p *process) metric(t *testing.T, job, outcome string) float64 {
	t.Helper()
	return metricOf(t, p.reg, job, outcome)
}

func metricOf(t *testing.T, reg *prometheus.Registry, job, outcome string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != "pingan_job_ticks_total" {
			continue
		}
		for _, m := range mf.GetMetric() {
			labels := map[string]string{}
			for _, l := range m.GetLabel() {
				labels[l.GetName()] = l.GetValue()
			}
			if labels["job"] == job && labels["outcome"] == outcome {
				return m.GetCounter().GetValue()
			}
		}
	}
	return 0
}

func newStore(t *testing.T, c clock.Clock) *store.Store {
	rdb := storetest.Client(t)
	return store.New(rdb, storetest.Office(t, rdb), c)
}

func dump(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	s := ""
	for _, k := range keys {
		s += fmt.Sprintf("%s=%d ", k, m[k])
	}
	return s
}
