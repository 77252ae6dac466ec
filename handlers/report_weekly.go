package handlers

import (
	"context"
	"fmt"
	"strings"
	"time"

	"pingan/report"
	"pingan/store"
)

// weekDays is how many days the weekly report sums up.
const weekDays = 7

// WeeklyReport sends the admins the seven whole days before the day of at
// (the weekly_report job, Monday 09:00: last Monday to Sunday) as text,
// then the chart of the fortnight ending yesterday. It reads the history
// the daily reports saved, and saves nothing.
func (s *Service) WeeklyReport(ctx context.Context, at time.Time) error {
	at = at.In(s.cfg.Location)
	last := at.AddDate(0, 0, -1)
	days, err := s.st.Days(ctx, last, weekDays)
	if err != nil {
		return err
	}
	var aid store.AidCounts
	for _, d := range days {
		c, err := s.st.AidDay(ctx, d.Date)
		if err != nil {
			return err
		}
		aid.Opened, aid.Claimed, aid.Done, aid.Cancelled = aid.Opened+c.Opened, aid.Claimed+c.Claimed, aid.Done+c.Done, aid.Cancelled+c.Cancelled
	}
	now, err := s.aidFigures(ctx, at)
	if err != nil {
		return err
	}
	text := weeklyText(s.cfg.Name, days, aid, now)
	draw := func() (string, error) {
		c, err := s.chartOf(ctx, "周报", last, nil)
		if err != nil {
			return "", err
		}
		c.Period = fmt.Sprintf("%s—%s", days[0].Date.Format("2006年1月2日"), last.Format("1月2日"))
		c.Coverage = weekCoverage(days)
		return s.chartFile(c, "weekly")
	}
	return s.send(ctx, s.withChart(text, draw, s.adminRemarks()...)...)
}

// weekCoverage sums each branch's coverage over the week's rounds; nil
// when no day has a record.
func weekCoverage(week []store.Day) *report.Coverage {
	var v *report.Coverage
	rounds := 0
	at := map[string]int{}
	for _, d := range week {
		if !d.Known {
			continue
		}
		if v == nil {
			v = &report.Coverage{}
		}
		v.Date = d.Date
		if !d.Figures.Round {
			continue
		}
		rounds++
		for _, b := range d.Figures.Branches {
			i, ok := at[b.Branch]
			if !ok {
				i = len(v.Branches)
				at[b.Branch] = i
				v.Branches = append(v.Branches, report.Branch{Name: b.Branch})
			}
			v.Branches[i].Answered += b.Answered
			v.Branches[i].Total += b.Total
		}
	}
	if v != nil {
		v.Round = rounds > 0
		v.Title = fmt.Sprintf("各支部报平安（%s—%s，%d 天合计）", week[0].Date.Format("1月2日"), week[len(week)-1].Date.Format("1月2日"), rounds)
	}
	return v
}

// weeklyText sums up a week of daily figures for the admins: coverage,
// the worst day for the unwell and the overdue, aid requests, and the days
// without a record.
func weeklyText(office string, week []store.Day, aid store.AidCounts, now AidFigures) string {
	var b strings.Builder
	md := func(t time.Time) string { return t.Format("1月2日") }
	fmt.Fprintf(&b, "【周报】%s %s—%s", office, md(week[0].Date), md(week[len(week)-1].Date))
	var (
		missing            []string
		rounds, ans, total int
		low                *store.Day
		unwell, overdue    worst
		latest             *store.Day
	)
	for i := range week {
		d := &week[i]
		if !d.Known {
			missing = append(missing, md(d.Date))
			continue
		}
		latest = d
		f := d.Figures
		unwell.see(f.Unwell, d.Date)
		overdue.see(f.Overdue, d.Date)
		if !f.Round || f.Total == 0 {
			continue
		}
		rounds++
		ans, total = ans+f.Answered, total+f.Total
		if low == nil || f.Answered*low.Figures.Total < low.Figures.Answered*f.Total {
			low = d
		}
	}
	switch {
	case latest == nil:
		b.WriteString("\n本周没有日报数据（日报任务没有运行）。")
	case rounds == 0:
		b.WriteString("\n报平安：本周没有发起。")
	default:
		fmt.Fprintf(&b, "\n报平安：%d 天发起，合计 %d/%d（%s）；最低 %s %d/%d（%s）", rounds, ans, total, percent(ans, total),
			md(low.Date), low.Figures.Answered, low.Figures.Total, percent(low.Figures.Answered, low.Figures.Total))
	}
	if latest != nil {
		fmt.Fprintf(&b, "\n身体不适：%s，%s %d 人", unwell, md(latest.Date), latest.Figures.Unwell)
		fmt.Fprintf(&b, "\n超时未联系：%s，%s %d 人", overdue, md(latest.Date), latest.Figures.Overdue)
	}
	fmt.Fprintf(&b, "\n求助：本周新增 %d 件，完成 %d 件", aid.Opened, aid.Done)
	if aid.Cancelled > 0 {
		fmt.Fprintf(&b, "，取消 %d 件", aid.Cancelled)
	}
	fmt.Fprintf(&b, "；目前未完成 %d 件（待认领 %d，办理中 %d）", now.Open+now.Claimed, now.Open, now.Claimed)
	if now.Unacked > 0 {
		fmt.Fprintf(&b, "\n紧急情况未确认：%d 件！", now.Unacked)
	}
	if len(missing) > 0 && latest != nil {
		fmt.Fprintf(&b, "\n无记录：%s（当天没有日报数据）", strings.Join(missing, "、"))
	}
	return b.String()
}

// worst is the highest count of a week and its first day.
type worst struct {
	n   int
	day time.Time
	set bool
}

func (w *worst) see(n int, day time.Time) {
	if !w.set || n > w.n {
		w.n, w.day, w.set = n, day, true
	}
}

// String says the worst day, or that there was none.
func (w worst) String() string {
	if w.n == 0 {
		return "每天 0 人"
	}
	return fmt.Sprintf("最多 %d 人（%s）", w.n, w.day.Format("1月2日"))
}
