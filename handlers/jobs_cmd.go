package handlers

import (
	"context"
	"fmt"
	"log/slog"
	"pingan/config"
	"strings"
	"time"

	"pingan/bot"
	"pingan/store"
)

// JobInfo is what /jobs shows about one scheduled job.
type JobInfo struct {
	// Name is the job's name (checkin, bulletins, …).
	Name string
	// Spec is its cron expression.
	Spec string
	// Grace is how late a run missed while down is still caught up; 0 = same day.
	Grace time.Duration
	// Last is its latest run, any process; zero when it has not run.
	Last store.JobRun
	// Next is its next fire time in the office's zone.
	Next time.Time
	// Running is true while a run is going on in this process.
	Running bool
}

// JobsFunc lists the scheduler's jobs; the scheduler provides it.
type JobsFunc func(ctx context.Context) ([]JobInfo, error)

// JobsCommand is /jobs (任务) for admins: each job, its last run and
// result, its next run, from f. The app registers it on the service's mux
// once the scheduler exists: svc.Mux().Handle(handlers.JobsCommand(…)).
func JobsCommand(f JobsFunc, loc *time.Location, log *slog.Logger) bot.Command {
	return bot.Command{Name: "jobs", Aliases: []string{"任务", "任務"}, Help: "定时任务的上次、下次运行（管理员）", Admin: true,
		Fn: func(ctx context.Context, r bot.Request) string {
			jobs, err := f(ctx)
			if err != nil {
				log.Error("jobs", "err", err)
				return internalFail
			}
			return jobsText(jobs, loc)
		}}
}

func jobsText(jobs []JobInfo, loc *time.Location) string {
	var b strings.Builder
	b.WriteString("【定时任务】")
	for _, j := range jobs {
		label := config.JobLabel(j.Name)
		if label == "" {
			label = j.Name
		}
		fmt.Fprintf(&b, "\n· %s（%s，%s）", label, j.Name, j.Spec)
		switch {
		case j.Last.Tick.IsZero():
			b.WriteString("\n  上次：尚未运行")
		case j.Last.Err != "":
			fmt.Fprintf(&b, "\n  上次：%s 失败：%s", j.Last.Tick.In(loc).Format("01-02 15:04"), shorten(j.Last.Err, 60))
		default:
			fmt.Fprintf(&b, "\n  上次：%s 成功（用时 %s）", j.Last.Tick.In(loc).Format("01-02 15:04"), j.Last.Took.Round(time.Millisecond))
		}
		if j.Running {
			b.WriteString("，正在运行")
		}
		if !j.Next.IsZero() {
			fmt.Fprintf(&b, "\n  下次：%s", j.Next.In(loc).Format("01-02 15:04"))
		}
	}
	return b.String()
}
