package scheduler

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pingan/config"
)

// Job names.
const (
	JobCheckin   = "checkin"
	JobReminders = "reminders"
	JobReport    = "report"
	JobEscalate  = "escalation"
	JobBulletins = "bulletins"
	JobWeekly    = "weekly_report"
)

// Service is what the jobs run: the handlers' use-cases.
// *handlers.Service implements it; the app passes one that always calls
// the service now in force, so that a reload reaches the jobs.
type Service interface {
	Checkin(ctx context.Context, at time.Time) error
	Reminders(ctx context.Context, at time.Time) error
	Report(ctx context.Context, at time.Time) error
	Escalate(ctx context.Context, at time.Time) error
	WeeklyReport(ctx context.Context, at time.Time) error
	Bulletins(ctx context.Context, at time.Time) error
}

// JobsFor builds the office's jobs from its config, running on svc (nil
// when only the schedules are wanted, as in `pingan check`). Graces: a
// check-in prompt or a bulletin missed while down is caught up within 1h
// (bulletins.grace), reminders, the reports and escalation the same day.
// The bulletins job exists when bulletins.allowed_sources names a source.
func JobsFor(cfg *config.Config, svc Service) ([]Job, error) {
	if svc == nil {
		svc = noService{}
	}
	specs := []struct {
		name, spec string
		grace      time.Duration
		run        func(j *Job)
	}{
		{JobCheckin, cfg.Checkin.Schedule, time.Hour, func(j *Job) { j.Run = svc.Checkin }},
		{JobReminders, cfg.Jobs.Reminders, 0, func(j *Job) { j.Run = svc.Reminders }},
		{JobReport, cfg.Jobs.Report, 0, func(j *Job) { j.Run = svc.Report }},
		{JobEscalate, cfg.Jobs.Escalation, 0, func(j *Job) { j.Run = svc.Escalate }},
		{JobWeekly, cfg.Jobs.WeeklyReport, 0, func(j *Job) { j.Run = svc.WeeklyReport }},
	}
	if cfg.Bulletins.Enabled() {
		specs = append(specs, struct {
			name, spec string
			grace      time.Duration
			run        func(j *Job)
		}{JobBulletins, cfg.Bulletins.Schedule, cfg.Bulletins.Grace.D(), func(j *Job) { j.Run = svc.Bulletins }})
	}
	jobs := make([]Job, 0, len(specs))
	for _, s := range specs {
		sched, err := config.ParseCron(s.spec)
		if err != nil {
			return nil, fmt.Errorf("job %s: %w", s.name, err)
		}
		j := Job{Name: s.name, Spec: s.spec, Schedule: sched, Grace: s.grace}
		s.run(&j)
		jobs = append(jobs, j)
	}
	return jobs, nil
}

// noService stands in when only the schedules are wanted.
type noService struct{}

var errNoService = errors.New("no service: schedules only")

func (noService) Checkin(context.Context, time.Time) error      { return errNoService }
func (noService) Reminders(context.Context, time.Time) error    { return errNoService }
func (noService) Report(context.Context, time.Time) error       { return errNoService }
func (noService) Escalate(context.Context, time.Time) error     { return errNoService }
func (noService) WeeklyReport(context.Context, time.Time) error { return errNoService }
func (noService) Bulletins(context.Context, time.Time) error    { return errNoService }
