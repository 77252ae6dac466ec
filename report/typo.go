package report

import (
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// typo sets every text of a chart in the one Chinese face. gonum/plot's
// defaults (plot.DefaultFont, Liberation) have no Chinese glyphs, so each
// plot's styles are replaced, and nothing global is changed.
type typo struct {
	hdlr text.Plain
	fnt  font.Font
}

func newTypo(f *Font) typo {
	fnt := font.Font{Typeface: "pingan-cjk"}
	return typo{hdlr: text.Plain{Fonts: font.NewCache(font.Collection{{Font: fnt, Face: f.face}})}, fnt: fnt}
}

// style is a text style of size points.
func (t typo) style(size float64, c color.Color, x draw.XAlignment, y draw.YAlignment) text.Style {
	return text.Style{Color: c, Font: font.From(t.fnt, vg.Length(size)), XAlign: x, YAlign: y, Handler: t.hdlr}
}

// newPlot is a plot whose every text is in the Chinese face.
func (t typo) newPlot() *plot.Plot {
	p := plot.New()
	p.TextHandler = t.hdlr
	for _, s := range []*text.Style{&p.Title.TextStyle, &p.Legend.TextStyle, &p.X.Label.TextStyle, &p.Y.Label.TextStyle} {
		s.Handler, s.Font = t.hdlr, font.From(t.fnt, 12)
		s.Color = black
	}
	for _, s := range []*text.Style{&p.X.Tick.Label, &p.Y.Tick.Label} {
		s.Handler, s.Font = t.hdlr, font.From(t.fnt, 11)
		s.Color = black
	}
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.LineStyle.Color, a.Tick.LineStyle.Color = grey, grey
	}
	return p
}

// intTicks puts ticks on whole numbers only, about five of them.
type intTicks struct{}

// Ticks returns the ticks between lo and hi.
func (intTicks) Ticks(lo, hi float64) []plot.Tick {
	step := 1.0
	for _, s := range []float64{1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000} {
		step = s
		if (hi-lo)/s <= 6 {
			break
		}
	}
	var out []plot.Tick
	for v := math.Ceil(lo/step) * step; v <= hi+1e-9; v += step {
		out = append(out, plot.Tick{Value: v, Label: formatInt(v)})
	}
	return out
}

func formatInt(v float64) string { return strconv.Itoa(int(math.Round(v))) }
