package scheduler

import (
	"fmt"
	"time"

	"pingan/config"
	"pingan/handlers"
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

// JobsFor builds the office's jobs from its config, running on svc (nil
// when only the schedules are wanted, as in `pingan check`). Graces: a
// check-in prompt or a bulletin missed while down is caught up within 1h
// (bulletins.grace), reminders, the reports and escalation the same day.
// The bulletins job exists when bulletins.allowed_sources names a source.
func JobsFor(cfg *config.Config, svc *handlers.Service) ([]Job, error) {
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
