// Package report draws the office's report chart: the figures in, PNG
// bytes out. It does no I/O but reading the font file (font.go), and
// labels everything in Simplified Chinese with that font: a chart without
// a Chinese font is an error, never a picture of boxes.
package report

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"image/png"
	"time"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Chart is what one picture shows.
type Chart struct {
	// Office is the office's name, in the title.
	Office string
	// Kind is the report's name in the title: 日报 or 周报.
	Kind string
	// Date is the report's day, in the office's zone: the header's date.
	Date time.Time
	// Period, when set, is the header's line instead of Date and its
	// coverage (a week's report: 2026年11月23日—11月29日).
	Period string
	// Coverage is the branch panel: the latest day with a record, Date's
	// when it has one; nil when no day has.
	Coverage *Coverage
	// Days is the series, oldest first, one per calendar day.
	Days []Day
}

// Coverage is each branch's coverage in one day's round.
type Coverage struct {
	// Date is the day, in the office's zone.
	Date time.Time
	// Round is false when no check-in round was opened that day; the
	// panel then says so instead of drawing empty bars.
	Round bool
	// Branches is each branch's coverage, in roster order.
	Branches []Branch
	// Title, when set, heads the panel instead of 各支部报平安（Date）: a
	// week's report sums its days.
	Title string
}

// Branch is one branch's coverage in a day's round.
type Branch struct {
	// Name is the branch (支部); empty is drawn as —.
	Name string
	// Answered counts its elders heard from in the round; Total its elders.
	Answered, Total int
}

// Day is one day of the series.
type Day struct {
	// Date is the calendar day, in the office's zone.
	Date time.Time
	// Known is false when nothing was recorded that day: a gap, not zeros.
	Known bool
	// Well, Unwell, Away and Overdue count elders; Open counts aid requests
	// not yet done.
	Well, Unwell, Away, Overdue, Open int
}

// Size is the picture's size in pixels when it draws bars for branches
// (none when the day had no round): 1080 wide, a phone screen's width, and
// taller with more than four branches.
func Size(branches int) (w, h int) {
	_, hh := layoutSize(branches)
	return int(pageW.Dots(dpi) + 0.5), int(hh.Dots(dpi) + 0.5)
}

const dpi = 144 // 2 px a point: a 1080 px wide picture is 540 pt wide

var (
	pageW  = vg.Length(540)
	baseH  = vg.Length(720)
	rowH   = vg.Length(28) // one branch's bar
	margin = vg.Length(18)
)

func layoutSize(branches int) (w, h vg.Length) {
	return pageW, baseH + vg.Length(max(0, branches-4))*rowH
}

// Colours: Okabe–Ito, told apart by people with colour-blindness, with a
// distinct mark and dash for each series too.
var (
	black     = color.RGBA{0x21, 0x21, 0x21, 0xff}
	grey      = color.RGBA{0x75, 0x75, 0x75, 0xff}
	lightGrey = color.RGBA{0xee, 0xee, 0xee, 0xff}
	gapGrey   = color.RGBA{0xe4, 0xe4, 0xe4, 0xff}
	blue      = color.RGBA{0x00, 0x72, 0xb2, 0xff}
	green     = color.RGBA{0x00, 0x9e, 0x73, 0xff}
	orange    = color.RGBA{0xe6, 0x9f, 0x00, 0xff}
	sky       = color.RGBA{0x56, 0xb4, 0xe9, 0xff}
	vermilion = color.RGBA{0xd5, 0x5e, 0x00, 0xff}
	purple    = color.RGBA{0xcc, 0x79, 0xa7, 0xff}
)

// Render draws c as a PNG with font f.
func Render(c Chart, f *Font) (out []byte, err error) {
	if f == nil || f.face == nil {
		return nil, fmt.Errorf("%w: none loaded; %s", ErrNoFont, InstallHint)
	}
	if len(c.Days) == 0 {
		return nil, errors.New("chart: no days in the series")
	}
	defer func() { // gonum/plot panics on what it cannot draw
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("chart: %v", r)
		}
	}()
	var branches []Branch // the bars drawn: none without a round
	if c.Coverage != nil && c.Coverage.Round {
		branches = c.Coverage.Branches
	}
	w, h := layoutSize(len(branches))
	img := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(dpi), vgimg.UseBackgroundColor(color.White))
	dc := draw.New(img)
	t := newTypo(f)

	top := dc.Max.Y - margin
	top = header(dc, t, c, top)
	branchH := 44 + vg.Length(max(1, len(branches)))*rowH
	if err := branchPanel(section(dc, top-branchH, top), t, c.Coverage, len(c.Days)); err != nil {
		return nil, err
	}
	top -= branchH + 10
	wellH := vg.Length(196)
	if err := wellPanel(section(dc, top-wellH, top), t, c.Days); err != nil {
		return nil, err
	}
	top -= wellH + 10
	if err := attentionPanel(section(dc, dc.Min.Y+margin/2, top), t, c.Days); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	// Fastest compression: the default spends twice the drawing's time to
	// save a third of the bytes of a file that stays small.
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img.Image()); err != nil {
		return nil, fmt.Errorf("chart: encode png: %w", err)
	}
	return buf.Bytes(), nil
}

// section is the full-width band of dc between bottom and top.
func section(dc draw.Canvas, bottom, top vg.Length) draw.Canvas {
	return draw.Canvas{Canvas: dc.Canvas, Rectangle: vg.Rectangle{
		Min: vg.Point{X: dc.Min.X + margin, Y: bottom},
		Max: vg.Point{X: dc.Max.X - margin, Y: top},
	}}
}

// header draws the title and the day's line under it, and returns where
// the next section starts.
func header(dc draw.Canvas, t typo, c Chart, top vg.Length) vg.Length {
	kind := c.Kind
	if kind == "" {
		kind = "日报"
	}
	title := t.style(22, black, draw.XLeft, draw.YTop)
	dc.FillText(title, vg.Point{X: dc.Min.X + margin, Y: top}, c.Office+" · "+kind)
	top -= title.Height("报") + 8
	sub := t.style(13, grey, draw.XLeft, draw.YTop)
	line := c.Period
	if line == "" {
		line = fmt.Sprintf("%s %s　%s", c.Date.Format("2006年1月2日"), weekdays[c.Date.Weekday()], dayCoverage(c))
	}
	dc.FillText(sub, vg.Point{X: dc.Min.X + margin, Y: top}, line)
	top -= sub.Height("报") + 14
	dc.StrokeLine2(draw.LineStyle{Color: lightGrey, Width: 1}, dc.Min.X+margin, top, dc.Max.X-margin, top)
	return top - 8
}

// dayCoverage sums the branches of the report's day, or says why it cannot.
func dayCoverage(c Chart) string {
	v := c.Coverage
	switch {
	case v == nil || !sameDay(v.Date, c.Date):
		return "当日无记录"
	case !v.Round:
		return "当日未发起报平安"
	}
	a, n := 0, 0
	for _, b := range v.Branches {
		a, n = a+b.Answered, n+b.Total
	}
	return fmt.Sprintf("报平安 %d/%d（%s）", a, n, percent(a, n))
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

var weekdays = [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

func percent(a, n int) string {
	if n == 0 {
		return "—"
	}
	return fmt.Sprintf("%.0f%%", float64(a)*100/float64(n))
}
