package config

import "time"

// JobSpec declares one scheduled job. Config (defaults and validation),
// `pingan check`, the scheduler, /任务 and the tests all read JobSpecs: a
// new job is an entry here, its schedule's field in the config, and the
// method that does the work (handlers.Service.JobFunc).
type JobSpec struct {
	// Name names the job in the scheduler, its Redis locks and logs.
	Name string
	// Label is what staff read in /任务 and failure notices.
	Label string
	// Path is where its schedule is written in the config, for errors.
	Path []any
	// Default is its cron schedule when the config gives none.
	Default string
	// Grace is how late a tick missed while the bot was down is still run
	// at start; 0 means the same office day.
	Grace func(c *Config) time.Duration
	// Enabled says whether the config wants the job; nil means always.
	Enabled func(c *Config) bool
	// field is the config's schedule for the job.
	field func(c *Config) *string
}

// Spec is the job's cron schedule in c.
func (j JobSpec) Spec(c *Config) string { return *j.field(c) }

// On reports whether c wants the job.
func (j JobSpec) On(c *Config) bool { return j.Enabled == nil || j.Enabled(c) }

// GraceIn is how late a missed tick may still run in c.
func (j JobSpec) GraceIn(c *Config) time.Duration {
	if j.Grace == nil {
		return 0
	}
	return j.Grace(c)
}

func fixed(d time.Duration) func(*Config) time.Duration {
	return func(*Config) time.Duration { return d }
}

// JobSpecs are the office's scheduled jobs.
var JobSpecs = []JobSpec{
	{Name: "checkin", Label: "报平安提示", Path: []any{"checkin", "schedule"}, Default: "0 9 * * *", Grace: fixed(time.Hour),
		field: func(c *Config) *string { return &c.Checkin.Schedule }},
	{Name: "reminders", Label: "待联系提醒", Path: []any{"jobs", "reminders"}, Default: "0 16 * * *",
		field: func(c *Config) *string { return &c.Jobs.Reminders }},
	{Name: "report", Label: "日报", Path: []any{"jobs", "report"}, Default: "30 17 * * *",
		field: func(c *Config) *string { return &c.Jobs.Report }},
	{Name: "escalation", Label: "求助/紧急升级", Path: []any{"jobs", "escalation"}, Default: "* * * * *",
		field: func(c *Config) *string { return &c.Jobs.Escalation }},
	{Name: "weekly_report", Label: "周报", Path: []any{"jobs", "weekly_report"}, Default: "0 9 * * 1",
		field: func(c *Config) *string { return &c.Jobs.WeeklyReport }},
	{Name: "bulletins", Label: "官方通知", Path: []any{"bulletins", "schedule"}, Default: "* * * * *",
		Grace:   func(c *Config) time.Duration { return c.Bulletins.Grace.D() },
		Enabled: func(c *Config) bool { return c.Bulletins.Enabled() },
		field:   func(c *Config) *string { return &c.Bulletins.Schedule }},
}

// JobLabel is the Chinese name of the job called name; name itself when unknown.
func JobLabel(name string) string {
	for _, j := range JobSpecs {
		if j.Name == name {
			return j.Label
		}
	}
	return name
}

// jobDefaults fills every job's schedule the config leaves out.
func (c *Config) jobDefaults() {
	for _, j := range JobSpecs {
		if f := j.field(c); *f == "" {
			*f = j.Default
		}
	}
}

// validateJobs checks every job's schedule.
func (c *Config) validateJobs(l *errList) {
	for _, j := range JobSpecs {
		if _, err := ParseCron(j.Spec(c)); err != nil {
			l.addf(j.Path, "%q is not a valid cron expression (%v); %s", j.Spec(c), err, cronHelp)
		}
	}
}
