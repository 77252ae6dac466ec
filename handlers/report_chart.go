package handlers

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"pingan/bot"
	"pingan/report"
	"pingan/store"
)

// chartDays is how many days the chart's series shows.
const chartDays = 14

// chartFilesKept is how long chart files stay in ExportDir: long enough
// for a message queued while WeChat is down to go out.
const chartFilesKept = 30 * 24 * time.Hour

// figuresOf is an overview as the day's figures for the history.
func figuresOf(ov Overview) store.DayFigures {
	f := store.DayFigures{Well: ov.Well, Unwell: len(ov.Unwell), Away: ov.Away, Overdue: ov.Overdue, Open: ov.Aid.Open + ov.Aid.Claimed,
		Answered: ov.Answered, Total: ov.Total, Round: ov.Round != nil, At: ov.At}
	for _, b := range ov.Branches {
		f.Branches = append(f.Branches, store.BranchFigures{Branch: b.Branch, Answered: b.Answered, Total: b.Total})
	}
	return f
}

// saveDay records the overview as its day's figures; a later report the
// same day replaces them.
func (s *Service) saveDay(ctx context.Context, ov Overview) error {
	if err := s.st.SaveDay(ctx, ov.At, figuresOf(ov)); err != nil {
		s.log.Error("report: the day's figures were not saved; the chart will show a gap", "err", err)
		return err
	}
	return nil
}

// chartOf is the chart of kind for day: the chartDays days ending with it
// from the history, live standing for day's own figures when given (today's,
// read now), and the branch coverage of the latest day with a record.
func (s *Service) chartOf(ctx context.Context, kind string, day time.Time, live *store.DayFigures) (report.Chart, error) {
	day = day.In(s.cfg.Location)
	c := report.Chart{Office: s.cfg.Name, Kind: kind, Date: day}
	days, err := s.st.Days(ctx, day, chartDays)
	if err != nil {
		return c, err
	}
	if live != nil {
		days[len(days)-1].Known, days[len(days)-1].Figures = true, *live
	}
	for _, d := range days {
		f := d.Figures
		c.Days = append(c.Days, report.Day{Date: d.Date, Known: d.Known, Well: f.Well, Unwell: f.Unwell, Away: f.Away, Overdue: f.Overdue, Open: f.Open})
	}
	for i := len(days) - 1; i >= 0 && c.Coverage == nil; i-- {
		if d := days[i]; d.Known {
			c.Coverage = &report.Coverage{Date: d.Date, Round: d.Figures.Round}
			for _, b := range d.Figures.Branches {
				c.Coverage.Branches = append(c.Coverage.Branches, report.Branch{Name: b.Branch, Answered: b.Answered, Total: b.Total})
			}
		}
	}
	return c, nil
}

// renderChart draws c with the configured font (chart.font, $PINGAN_FONT
// or Debian's fonts-noto-cjk). The font is read for each picture, a few
// times a day, rather than kept in memory (20 MB).
func (s *Service) renderChart(c report.Chart) ([]byte, error) {
	f, err := report.FindFont(s.cfg.Chart.Font)
	if err != nil {
		return nil, err
	}
	return report.Render(c, f)
}

// ChartPNG draws the daily report's picture for the day of at, in the
// office's zone: today's from the figures now (saving nothing), an earlier
// day's from the history. `pingan report` uses it.
func (s *Service) ChartPNG(ctx context.Context, at time.Time) ([]byte, error) {
	var live *store.DayFigures
	if sameDay(at.In(s.cfg.Location), s.now()) {
		ov, err := s.statusAt(ctx, s.now())
		if err != nil {
			return nil, err
		}
		f := figuresOf(ov)
		live = &f
	}
	c, err := s.chartOf(ctx, "日报", at, live)
	if err != nil {
		return nil, err
	}
	return s.renderChart(c)
}

// chartFile draws c and writes it into ExportDir, returning its path, and
// removes the office's chart files older than chartFilesKept.
func (s *Service) chartFile(c report.Chart, name string) (string, error) {
	png, err := s.renderChart(c)
	if err != nil {
		return "", err
	}
	path := filepath.Join(s.ExportDir, fmt.Sprintf("chart-%s-%s-%s.png", s.cfg.Office, name, s.now().Format("20060102-150405")))
	if err := os.WriteFile(path, png, 0o600); err != nil {
		return "", fmt.Errorf("write chart: %w", err)
	}
	old, _ := filepath.Glob(filepath.Join(s.ExportDir, "chart-"+s.cfg.Office+"-*.png"))
	for _, p := range old {
		// File times are the machine's, whatever clock the service runs on.
		if st, err := os.Stat(p); err == nil && p != path && time.Since(st.ModTime()) > chartFilesKept {
			_ = os.Remove(p)
		}
	}
	return path, nil
}

// withChart is a report's messages to each of remarks: the text, then the
// picture draw makes. When it cannot be drawn the text goes alone, with a
// line saying so, and the reason is logged.
func (s *Service) withChart(text string, draw func() (string, error), remarks ...string) []bot.Outgoing {
	path, err := draw()
	if err != nil {
		s.log.Warn("report: chart not sent, the text report goes alone", "err", err)
		if errors.Is(err, report.ErrNoFont) {
			text += "\n（图表未生成：服务器缺少中文字体，请安装 fonts-noto-cjk）"
		} else {
			text += "\n（图表未生成，详见日志）"
		}
	}
	var msgs []bot.Outgoing
	for _, r := range remarks {
		msgs = append(msgs, bot.Outgoing{To: r, Text: text})
		if path != "" {
			msgs = append(msgs, bot.Outgoing{To: r, File: path, Image: true})
		}
	}
	return msgs
}

// adminRemarks are the admins' remark names.
func (s *Service) adminRemarks() []string {
	var out []string
	for _, a := range s.cfg.Admins() {
		out = append(out, a.Remark)
	}
	return out
}

// dailyChart draws the daily report's picture of ov's day into a file.
func (s *Service) dailyChart(ctx context.Context, ov Overview) (string, error) {
	f := figuresOf(ov)
	c, err := s.chartOf(ctx, "日报", ov.At, &f)
	if err != nil {
		return "", err
	}
	return s.chartFile(c, "daily")
}

// reportReply answers /日报 with the text, then the picture. It saves
// nothing: only the report job writes the day's figures.
func (s *Service) reportReply(ctx context.Context, to string, ov Overview) {
	_ = s.send(ctx, s.withChart(ov.Text(true), func() (string, error) { return s.dailyChart(ctx, ov) }, to)...)
}
