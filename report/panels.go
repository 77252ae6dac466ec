package report

import (
	"fmt"
	"image/color"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// panelTitle draws a section's heading and returns the canvas below it.
func panelTitle(c draw.Canvas, t typo, title string) draw.Canvas {
	st := t.style(14, black, draw.XLeft, draw.YTop)
	c.FillText(st, vg.Point{X: c.Min.X, Y: c.Max.Y}, title)
	c.Max.Y -= st.Height(title) + 6
	return c
}

// branchPanel draws each branch's coverage of the day as a bar of its
// elders, filled by those heard from, with answered/total and percent.
func branchPanel(c draw.Canvas, t typo, v *Coverage, days int) error {
	title, msg := "各支部报平安", fmt.Sprintf("近%d天没有记录。", days)
	if v != nil {
		title = fmt.Sprintf("各支部报平安（%s）", v.Date.Format("1月2日"))
		if v.Title != "" {
			title = v.Title
		}
		switch {
		case !v.Round:
			msg = "当日未发起报平安，没有各支部的数字。"
		case len(v.Branches) == 0:
			msg = "名册上没有老同志。"
		default:
			msg = ""
		}
	}
	c = panelTitle(c, t, title)
	if msg != "" {
		st := t.style(13, grey, draw.XLeft, draw.YTop)
		c.FillText(st, vg.Point{X: c.Min.X, Y: c.Max.Y - 8}, msg)
		return nil
	}
	n := len(v.Branches)
	names := make([]string, n)
	full, got := make(plotter.Values, n), make(plotter.Values, n)
	labels := plotter.XYLabels{XYs: make(plotter.XYs, n), Labels: make([]string, n)}
	for i, b := range v.Branches {
		j := n - 1 - i // the first branch on top
		names[j] = b.Name
		if b.Name == "" {
			names[j] = "—"
		}
		full[j] = 1
		if b.Total > 0 {
			got[j] = float64(b.Answered) / float64(b.Total)
		}
		labels.XYs[j] = plotter.XY{X: 1.03, Y: float64(j)}
		labels.Labels[j] = fmt.Sprintf("%d/%d（%s）", b.Answered, b.Total, percent(b.Answered, b.Total))
	}
	p := t.newPlot()
	p.Y.Tick.Label.Font.Size = 13
	p.NominalY(names...)
	p.HideX()
	barW := rowH * 0.62
	bg, err := plotter.NewBarChart(full, barW)
	if err != nil {
		return err
	}
	fg, err := plotter.NewBarChart(got, barW)
	if err != nil {
		return err
	}
	for _, b := range []*plotter.BarChart{bg, fg} {
		b.Horizontal = true
		b.LineStyle.Width = 0
	}
	bg.Color, fg.Color = lightGrey, blue
	lab, err := plotter.NewLabels(labels)
	if err != nil {
		return err
	}
	for i := range lab.TextStyle {
		lab.TextStyle[i] = t.style(12, black, draw.XLeft, draw.YCenter)
	}
	lab.Offset = vg.Point{Y: 3} // the face's deep descent sets centred text low
	p.Add(bg, fg, lab)
	p.X.Min, p.X.Max = 0, 1.5 // room right of the bars for the numbers
	p.Y.Min, p.Y.Max = -0.6, float64(n)-0.4
	p.Draw(c)
	return nil
}

// dateNames labels the series' days: month/day on the first and on the
// first of a month, the day alone otherwise.
func dateNames(days []Day) []string {
	out := make([]string, len(days))
	for i, d := range days {
		if i == 0 || d.Date.Day() == 1 {
			out[i] = d.Date.Format("1/2")
		} else {
			out[i] = d.Date.Format("2")
		}
	}
	return out
}

// seriesPlot is a plot over the days with grey bands where nothing was
// recorded.
func seriesPlot(t typo, days []Day) *plot.Plot {
	p := t.newPlot()
	p.NominalX(dateNames(days)...)
	p.Y.Tick.Marker = intTicks{}
	grid := plotter.NewGrid()
	grid.Vertical.Color = nil
	grid.Horizontal.Color = lightGrey
	p.Add(gapBands{days: days, t: t}, grid)
	return p
}

// wellPanel draws the number of elders well each day as bars.
func wellPanel(c draw.Canvas, t typo, days []Day) error {
	c = panelTitle(c, t, fmt.Sprintf("近%d天 平安人数", len(days)))
	vals := make(plotter.Values, len(days))
	labels := plotter.XYLabels{}
	hi := 4.0
	for i, d := range days {
		if !d.Known {
			continue
		}
		vals[i] = float64(d.Well)
		labels.XYs = append(labels.XYs, plotter.XY{X: float64(i), Y: float64(d.Well)})
		labels.Labels = append(labels.Labels, strconv.Itoa(d.Well))
		hi = max(hi, float64(d.Well))
	}
	p := seriesPlot(t, days)
	bars, err := plotter.NewBarChart(vals, 20)
	if err != nil {
		return err
	}
	bars.Color, bars.LineStyle.Width = green, 0
	p.Add(bars)
	if len(labels.XYs) > 0 {
		lab, err := plotter.NewLabels(labels)
		if err != nil {
			return err
		}
		for i := range lab.TextStyle {
			lab.TextStyle[i] = t.style(10, black, draw.XCenter, draw.YBottom)
		}
		lab.Offset = vg.Point{Y: 2}
		p.Add(lab)
	}
	p.X.Min, p.X.Max = -0.5, float64(len(days))-0.5
	p.Y.Min, p.Y.Max = 0, hi*1.18
	p.Draw(c)
	return nil
}

// series is one line of the attention panel.
type series struct {
	name  string
	color color.Color
	shape draw.GlyphDrawer
	dash  []vg.Length
	value func(Day) int
	// shift moves the series a little sideways, so that equal values of
	// different series stay visible side by side.
	shift float64
}

var attention = []series{
	{"身体不适", orange, draw.CircleGlyph{}, nil, func(d Day) int { return d.Unwell }, -0.15},
	{"外出/住院", sky, draw.SquareGlyph{}, []vg.Length{6, 3}, func(d Day) int { return d.Away }, -0.05},
	{"超时未联系", vermilion, draw.TriangleGlyph{}, nil, func(d Day) int { return d.Overdue }, 0.05},
	{"未完成求助", purple, draw.PyramidGlyph{}, []vg.Length{2, 2}, func(d Day) int { return d.Open }, 0.15},
}

// attentionPanel draws the unwell, away, overdue and open aid figures of
// each day as lines, broken where a day has no record.
func attentionPanel(c draw.Canvas, t typo, days []Day) error {
	c = panelTitle(c, t, fmt.Sprintf("近%d天 需要关注", len(days)))
	c = legend(c, t)
	p := seriesPlot(t, days)
	hi := 4.0
	for _, s := range attention {
		line := draw.LineStyle{Color: s.color, Width: 2, Dashes: s.dash}
		var run, all plotter.XYs
		flush := func() {
			if len(run) > 1 {
				l, _ := plotter.NewLine(run)
				l.LineStyle = line
				p.Add(l)
			}
			run = nil
		}
		for i, d := range days {
			if !d.Known {
				flush()
				continue
			}
			v := float64(s.value(d))
			hi = max(hi, v)
			xy := plotter.XY{X: float64(i) + s.shift, Y: v}
			run, all = append(run, xy), append(all, xy)
		}
		flush()
		if len(all) > 0 {
			sc, err := plotter.NewScatter(all)
			if err != nil {
				return err
			}
			sc.GlyphStyle = draw.GlyphStyle{Color: s.color, Radius: 3.5, Shape: s.shape}
			p.Add(sc)
		}
	}
	p.X.Min, p.X.Max = -0.5, float64(len(days))-0.5
	p.Y.Min, p.Y.Max = 0, hi*1.1
	p.Draw(c)
	return nil
}

// legend draws the attention series' keys in one row, and the gap's.
func legend(c draw.Canvas, t typo) draw.Canvas {
	st := t.style(11, black, draw.XLeft, draw.YCenter)
	y := c.Max.Y - 8
	x := c.Min.X + 4
	for _, s := range attention {
		c.StrokeLine2(draw.LineStyle{Color: s.color, Width: 2, Dashes: s.dash}, x, y, x+22, y)
		c.DrawGlyph(draw.GlyphStyle{Color: s.color, Radius: 3.5, Shape: s.shape}, vg.Point{X: x + 11, Y: y})
		x += 26
		c.FillText(st, vg.Point{X: x, Y: y + 2}, s.name)
		x += st.Width(s.name) + 14
	}
	c.FillPolygon(gapGrey, []vg.Point{{X: x, Y: y - 6}, {X: x, Y: y + 6}, {X: x + 16, Y: y + 6}, {X: x + 16, Y: y - 6}})
	c.FillText(st, vg.Point{X: x + 20, Y: y + 2}, "无记录")
	c.Max.Y -= 22
	return c
}

// gapBands shades the days without a record and marks them 无记录.
type gapBands struct {
	days []Day
	t    typo
}

// Plot draws the bands.
func (g gapBands) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	st := g.t.style(9, grey, draw.XCenter, draw.YBottom)
	for i, d := range g.days {
		if d.Known {
			continue
		}
		x0, x1 := max(trX(float64(i)-0.5), c.Min.X), min(trX(float64(i)+0.5), c.Max.X)
		c.FillPolygon(gapGrey, []vg.Point{{X: x0, Y: c.Min.Y}, {X: x0, Y: c.Max.Y}, {X: x1, Y: c.Max.Y}, {X: x1, Y: c.Min.Y}})
		c.FillText(st, vg.Point{X: (x0 + x1) / 2, Y: c.Min.Y + 3}, "无记录")
	}
}
