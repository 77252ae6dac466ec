package handlers_test

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"pingan/bot"
	"pingan/bot/bottest"
	"pingan/report"
	"pingan/store"
)

// chartConfig is testConfig with a second admin, daily reports on
// Tuesday and Friday only (so Wednesday and Thursday have no record), the
// weekly report on Monday 09:00 (the default) and an hourly escalation
// check, so that a week passes quickly. A chart takes about a second to
// draw under -race: tests draw few.
var chartConfig = strings.NewReplacer(
	"  - {name: 陈主任, remark: 陈主任, role: admin}\n", "  - {name: 陈主任, remark: 陈主任, role: admin}\n  - {name: 赵书记, remark: 赵书记, role: admin}\n",
	`report: "30 17 * * *"}`, `report: "30 17 * * 2,5", escalation: "0 * * * *"}`,
).Replace(testConfig)

// reportText asserts that msgs are a report to each of admins — its text,
// then exactly one picture — checks each picture, and returns the text.
func reportText(t *testing.T, msgs []bot.Outgoing, admins ...string) string {
	t.Helper()
	if len(msgs) != 2*len(admins) {
		t.Fatalf("want text and chart to each of %v, got:\n%s", admins, bottest.Dump(msgs))
	}
	text := msgs[0].Text
	for i, a := range admins {
		txt, img := msgs[2*i], msgs[2*i+1]
		if txt.To != a || txt.File != "" || txt.Text != text || img.To != a || !img.Image || img.Text != "" || img.File != msgs[1].File {
			t.Fatalf("message %d and %d to %s are not the text then the picture:\n%s", 2*i, 2*i+1, a, bottest.Dump(msgs))
		}
	}
	checkPNG(t, msgs[1].File)
	return text
}

// reportFor is reportText for the messages to one admin among others.
func reportFor(t *testing.T, msgs []bot.Outgoing, admin string) string {
	t.Helper()
	var mine []bot.Outgoing
	for _, m := range msgs {
		if m.Target() == admin {
			mine = append(mine, m)
		}
	}
	return reportText(t, mine, admin)
}

// decoded holds the tests that decoded a chart in full: once a test is
// enough (a decode under -race takes most of a second), the others read the
// header.
var decoded sync.Map

// checkPNG checks the chart at path: a PNG 1080 wide and as high as two
// branches make it, tens of kilobytes, readable by its owner only. The
// first chart of each test is decoded in full.
func checkPNG(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var size image.Point
	if _, done := decoded.LoadOrStore(t.Name(), true); !done {
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s is not a PNG: %v", path, err)
		}
		size = img.Bounds().Size()
		if dir := os.Getenv("PINGAN_CHART_DIR"); dir != "" { // to look at
			_ = os.WriteFile(filepath.Join(dir, strings.ReplaceAll(t.Name(), "/", "-")+"-"+filepath.Base(path)), b, 0o644)
		}
	} else {
		c, err := png.DecodeConfig(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s is not a PNG: %v", path, err)
		}
		size = image.Pt(c.Width, c.Height)
	}
	if w, h := report.Size(2); size.X != w || size.Y != h {
		t.Errorf("%s is %v, want %dx%d", path, size, w, h)
	}
	if len(b) < 30_000 || len(b) > 1_000_000 {
		t.Errorf("%s has %d bytes: not a sane size for the chart", path, len(b))
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("%s: %v %v", path, st, err)
	}
}

// TestDailyReportChart: the report job sends each admin the text, then the
// chart, and saves the day's figures; /日报 sends the asker the same two
// and saves nothing; a day without a report is a gap in the history.
func TestDailyReportChart(t *testing.T) {
	o := buildOffice(t, officeSetup{config: chartConfig})
	o.at(0, 9, 0)
	o.group("一支部群", "老张", "平安")
	o.group("一支部群", "王阿姨", "有点发烧")
	o.group("二支部群", "老杨", "1")
	o.at(0, 17, 0)

	// /日报 before the job: text then picture to the asker; no history yet.
	got := o.private("赵书记", "/日报")
	mustContain(t, reportText(t, got, "赵书记"), "【日报】", "3/6")
	if days, err := o.st.Days(o.ctx, o.clock.Now(), 1); err != nil || days[0].Known {
		t.Fatalf("/日报 saved the day: %+v %v", days, err)
	}

	text := reportText(t, o.at(0, 17, 30), "陈主任", "赵书记")
	mustContain(t, text, "【日报】测试退管办 2026年11月24日", "3/6", "身体不适：王秀英")
	mustNotContain(t, text, "图表未生成")
	days, err := o.st.Days(o.ctx, o.clock.Now(), 1)
	if err != nil {
		t.Fatal(err)
	}
	f := days[0].Figures
	if !days[0].Known || f.Well != 2 || f.Unwell != 1 || f.Answered != 3 || f.Total != 6 || !f.Round || f.Away != 0 ||
		len(f.Branches) != 2 || f.Branches[0].Branch != "一支部" || f.Branches[0].Answered != 2 || f.Branches[1].Answered != 1 {
		t.Errorf("the day's figures: %+v", days[0])
	}

	// No report on Wednesday and Thursday, one on Friday: Wednesday and
	// Thursday are gaps in the history, not zeros.
	o.at(3, 9, 30)
	o.group("二支部群", "陈阿姨", "平安")
	o.at(3, 17, 0)
	reportText(t, o.at(3, 17, 30), "陈主任", "赵书记")
	days, err = o.st.Days(o.ctx, o.clock.Now(), 4)
	if err != nil {
		t.Fatal(err)
	}
	var known []bool
	for _, d := range days {
		known = append(known, d.Known)
	}
	if want := []bool{true, false, false, true}; !equalBools(known, want) {
		t.Errorf("days known %v, want %v", known, want)
	}
	if f := days[3].Figures; f.Answered != 1 || f.Well != 3 {
		t.Errorf("Friday's figures: %+v", f)
	}
}

func equalBools(a, b []bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestWeeklyReportChart: on Monday 09:00 the admins get the seven days
// before as text, then the fortnight's chart; days without a record are
// named. The history is written as the daily report writes it
// (TestDailyReportChart); here the daily report never runs.
func TestWeeklyReportChart(t *testing.T) {
	cfg := strings.Replace(chartConfig, `report: "30 17 * * 2,5"`, `report: "30 17 1 1 *"`, 1)
	o := buildOffice(t, officeSetup{config: cfg})
	o.at(0, 10, 0)
	o.private("联络员李娜", "/求助 张建国 买菜 米和油")
	figures := map[int]store.DayFigures{ // Tuesday, Wednesday, Friday, Saturday; the week before too
		-3: {Well: 6, Total: 6, Answered: 6, Round: true},
		0:  {Well: 2, Unwell: 1, Overdue: 4, Open: 1, Answered: 3, Total: 6, Round: true},
		1:  {Well: 2, Unwell: 1, Overdue: 5, Open: 1, Answered: 1, Total: 6, Round: true},
		3:  {Well: 3, Unwell: 2, Overdue: 5, Open: 1, Answered: 5, Total: 6, Round: true},
		4:  {Well: 3, Unwell: 2, Overdue: 2, Open: 1, Total: 6},
	}
	for d, f := range figures {
		day := time.Date(2026, 11, 24+d, 17, 30, 0, 0, day0.Location())
		one := min(f.Answered, 3)
		f.At, f.Branches = day, []store.BranchFigures{{Branch: "一支部", Answered: one, Total: 3}, {Branch: "二支部", Answered: f.Answered - one, Total: 3}}
		if err := o.st.SaveDay(o.ctx, day, f); err != nil {
			t.Fatal(err)
		}
	}
	o.at(5, 23, 0)
	var report []bot.Outgoing
	for _, m := range o.at(6, 9, 0) { // Monday 09:00 also posts the check-in prompt to the groups
		if m.Group == "" {
			report = append(report, m)
		}
	}
	text := reportText(t, report, "陈主任", "赵书记")
	mustContain(t, only(t, o.private("陈主任", "/任务"), "陈主任"), "周报（weekly_report，0 9 * * 1）\n  上次：11-30 09:00 成功", "下次：12-07 09:00")
	want := "【周报】测试退管办 11月23日—11月29日\n" +
		"报平安：3 天发起，合计 9/18（50%）；最低 11月25日 1/6（17%）\n" +
		"身体不适：最多 2 人（11月27日），11月28日 2 人\n" +
		"超时未联系：最多 5 人（11月25日），11月28日 2 人\n" +
		"求助：本周新增 1 件，完成 0 件；目前未完成 1 件（待认领 1，办理中 0）\n" +
		"无记录：11月23日、11月26日、11月29日（当天没有日报数据）"
	if text != want {
		t.Errorf("weekly report:\n%s\nwant:\n%s", text, want)
	}
}

// TestReportWithoutFont: with no Chinese font the text report still goes
// out, saying the chart is missing and what to install, and the log says why.
func TestReportWithoutFont(t *testing.T) {
	var logs syncBuffer
	missing := filepath.Join(t.TempDir(), "NotoSansCJK-Regular.ttc")
	cfg := testConfig + "chart: {font: " + missing + "}\n"
	o := buildOffice(t, officeSetup{config: cfg, logTo: &logs})
	o.at(0, 17, 0)
	text := only(t, o.at(0, 17, 30), "陈主任")
	mustContain(t, text, "【日报】", "图表未生成：服务器缺少中文字体，请安装 fonts-noto-cjk")
	mustContain(t, logs.String(), "chart not sent", missing, "apt-get install fonts-noto-cjk")
	if days, err := o.st.Days(o.ctx, o.clock.Now(), 1); err != nil || !days[0].Known {
		t.Errorf("the day's figures are saved all the same: %+v %v", days, err)
	}
	// /日报 too: the text, saying so.
	mustContain(t, only(t, o.private("陈主任", "/日报"), "陈主任"), "【日报】", "图表未生成")
}

// syncBuffer is a bytes.Buffer safe for the logger's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestChartPNGForADay: the picture of an earlier day comes from the history.
func TestChartPNGForADay(t *testing.T) {
	o := buildOffice(t, officeSetup{config: chartConfig})
	o.at(1, 12, 0) // Wednesday: no report job ran
	f := store.DayFigures{Well: 1, Answered: 1, Total: 6, Round: true, At: day0,
		Branches: []store.BranchFigures{{Branch: "一支部", Answered: 1, Total: 3}, {Branch: "二支部", Total: 3}}}
	if err := o.st.SaveDay(o.ctx, day0, f); err != nil {
		t.Fatal(err)
	}
	b, err := o.svc.ChartPNG(o.ctx, day0)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "chart.png")
	os.WriteFile(path, b, 0o600)
	checkPNG(t, path)
	if _, err := o.svc.ChartPNG(o.ctx, time.Date(2026, 11, 25, 8, 0, 0, 0, day0.Location())); err != nil {
		t.Errorf("today's chart: %v", err)
	}
}

// TestWeeklyNoHistory: a week without a daily report still
// gets its weekly report, saying so, and a chart of gaps.
func TestWeeklyNoHistory(t *testing.T) {
	cfg := strings.Replace(chartConfig, `report: "30 17 * * 2,5"`, `report: "30 17 1 1 *"`, 1)
	o := buildOffice(t, officeSetup{config: cfg})
	o.at(5, 23, 0)
	var report []bot.Outgoing
	for _, m := range o.at(6, 9, 0) {
		if m.Group == "" {
			report = append(report, m)
		}
	}
	text := reportText(t, report, "陈主任", "赵书记")
	mustContain(t, text, "【周报】测试退管办 11月23日—11月29日\n本周没有日报数据（日报任务没有运行）。\n求助：本周新增 0 件，完成 0 件；目前未完成 0 件")
	mustNotContain(t, text, "无记录：", "报平安：")
}

// TestChartFilesPruned: writing a chart removes the office's chart files
// older than 30 days, and nothing else.
func TestChartFilesPruned(t *testing.T) {
	o := newOffice(t)
	dir := o.svc.ExportDir
	old := filepath.Join(dir, "chart-"+o.cfg.Office+"-daily-20261001-173000.png")
	recent := filepath.Join(dir, "chart-"+o.cfg.Office+"-daily-20261101-173000.png")
	other := filepath.Join(dir, "chart-other-office-daily-20261001-173000.png")
	workbook := filepath.Join(dir, "台账-"+o.cfg.Office+"-20261001-1730.xlsx")
	for _, p := range []string{old, recent, other, workbook} {
		os.WriteFile(p, []byte("x"), 0o600)
	}
	long := time.Now().Add(-31 * 24 * time.Hour)
	for _, p := range []string{old, other, workbook} {
		os.Chtimes(p, long, long)
	}
	os.Chtimes(recent, time.Now().Add(-29*24*time.Hour), time.Now().Add(-29*24*time.Hour))
	o.at(0, 17, 0)
	reportText(t, o.at(0, 17, 30), "陈主任")
	for p, want := range map[string]bool{old: false, recent: true, other: true, workbook: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s kept: %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}
