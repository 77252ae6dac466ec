package scheduler

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pingan/config"
)

// Service is what the jobs run: the handlers' use-cases, found by job
// name. *handlers.Service implements it; the app passes one that always
// calls the service in force, so that a reload reaches the jobs.
type Service interface {
	// JobFunc is the work of the job called name.
	JobFunc(name string) func(ctx context.Context, at time.Time) error
}

// JobsFor builds the office's jobs from config.JobSpecs and its config,
// running on svc (nil when only the schedules are wanted, as in `pingan
// check`). Graces: a check-in prompt or a bulletin missed while down is
// caught up within 1h (bulletins.grace); reminders, the reports and
// escalation the same day.
func JobsFor(cfg *config.Config, svc Service) ([]Job, error) {
	jobs := make([]Job, 0, len(config.JobSpecs))
	for _, spec := range config.JobSpecs {
		if !spec.On(cfg) {
			continue
		}
		sched, err := config.ParseCron(spec.Spec(cfg))
		if err != nil {
			return nil, fmt.Errorf("job %s: %w", spec.Name, err)
		}
		j := Job{Name: spec.Name, Spec: spec.Spec(cfg), Schedule: sched, Grace: spec.GraceIn(cfg), Run: errNoService}
		if svc != nil {
			if run := svc.JobFunc(spec.Name); run != nil {
				j.Run = run
			}
		}
		jobs = append(jobs, j)
	}
	return jobs, nil
}

// errNoService is the work of a job built for its schedule only.
func errNoService(context.Context, time.Time) error {
	return errors.New("no service: schedules only")
}
