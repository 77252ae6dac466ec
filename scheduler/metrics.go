package scheduler

import (
	"errors"

	"github.com/prometheus/client_golang/prometheus"
)

// Outcomes of one job at one tick, the outcome label of pingan_job_ticks_total.
const (
	OutcomeOK        = "ok"        // ran and succeeded
	OutcomeFailed    = "failed"    // ran and returned an error or panicked
	OutcomeElsewhere = "elsewhere" // another process won the tick's lock
	OutcomeBusy      = "busy"      // skipped: the previous run was still going
	OutcomeLate      = "late"      // a run missed while down, too late to catch up
	OutcomeLockError = "lock_error"
)

// Metrics counts what the scheduler did, for the app's /metrics.
type Metrics struct {
	ticks   *prometheus.CounterVec
	seconds *prometheus.HistogramVec
}

// NewMetrics registers the scheduler's metrics with reg (the app's own
// registry, never the global one).
func NewMetrics(reg prometheus.Registerer) (*Metrics, error) {
	m := &Metrics{
		ticks: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "pingan_job_ticks_total",
			Help: "Scheduled job ticks by job and outcome (ok, failed, elsewhere, busy, late, lock_error).",
		}, []string{"job", "outcome"}),
		seconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "pingan_job_duration_seconds",
			Help:    "How long each job run took.",
			Buckets: []float64{.01, .05, .1, .5, 1, 5, 15, 60, 300},
		}, []string{"job"}),
	}
	for _, c := range []prometheus.Collector{m.ticks, m.seconds} {
		if err := reg.Register(c); err != nil {
			var are prometheus.AlreadyRegisteredError
			if !errors.As(err, &are) {
				return nil, err
			}
		}
	}
	return m, nil
}

func (m *Metrics) tick(job, outcome string) {
	if m != nil {
		m.ticks.WithLabelValues(job, outcome).Inc()
	}
}

func (m *Metrics) took(job string, sec float64) {
	if m != nil {
		m.seconds.WithLabelValues(job).Observe(sec)
	}
}
