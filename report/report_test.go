package report

import (
	"bytes"
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testFont loads the chart's font or fails saying what to install; make
// test installs fonts-noto-cjk.
func testFont(t testing.TB) *Font {
	t.Helper()
	f, err := FindFont("")
	if err != nil {
		t.Fatalf("the chart tests need a Chinese font: %v", err)
	}
	return f
}

var sh = time.FixedZone("CST", 8*3600)

// sample is a fortnight of an office with five branches, three days without a record.
func sample() Chart {
	end := time.Date(2026, 12, 1, 17, 30, 0, 0, sh)
	c := Chart{Office: "徐汇区税务局退管办", Kind: "日报", Date: end, Coverage: &Coverage{Date: end, Round: true,
		Branches: []Branch{{"第一支部", 46, 48}, {"第二支部", 30, 41}, {"机关支部", 12, 12}, {"稽查局支部", 20, 33}, {"", 0, 2}}}}
	for i := 13; i >= 0; i-- {
		d := Day{Date: end.AddDate(0, 0, -i), Known: i != 9 && i != 4 && i != 3}
		if d.Known {
			d.Well, d.Unwell, d.Overdue, d.Open = 110+i, 3+i%3, 8-i/2, i%4
		}
		c.Days = append(c.Days, d)
	}
	return c
}

// keep writes a rendered chart where a person can look at it: into
// $PINGAN_CHART_DIR when set, else the test's temporary directory.
func keep(t *testing.T, name string, b []byte) {
	t.Helper()
	dir := os.Getenv("PINGAN_CHART_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRender(t *testing.T) {
	f := testFont(t)
	if f.Name != "Noto Sans CJK SC" && f.Path == DefaultFontPath {
		t.Errorf("face %q from %s, want Noto Sans CJK SC", f.Name, f.Path)
	}
	small := sample()
	small.Coverage.Branches = small.Coverage.Branches[:2]
	noRound := sample()
	noRound.Kind, noRound.Coverage = "周报", &Coverage{Date: noRound.Date}
	noRound.Period = "2026年11月25日—12月1日"
	for i := range noRound.Days {
		noRound.Days[i].Known = i == len(noRound.Days)-1
	}
	many := sample()
	many.Coverage.Branches = nil
	for i, name := range []string{"第一支部", "第二支部", "第三支部", "第四支部", "第五支部", "第六支部", "机关第一支部", "机关第二支部", "稽查局支部", "征管科支部", "离休干部支部", "老干部活动中心支部"} {
		many.Coverage.Branches = append(many.Coverage.Branches, Branch{name, 20 - i, 20})
	}
	nothing := sample()
	nothing.Coverage = nil
	for i := range nothing.Days {
		nothing.Days[i].Known = false
	}
	for _, tc := range []struct {
		name string
		c    Chart
	}{{"five-branches", sample()}, {"two-branches", small}, {"no-round-one-day", noRound}, {"no-record", nothing}, {"twelve-branches", many}} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Render(tc.c, f)
			if err != nil {
				t.Fatal(err)
			}
			keep(t, tc.name+".png", b)
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("not a PNG: %v", err)
			}
			var branches []Branch
			if tc.c.Coverage != nil {
				branches = tc.c.Coverage.Branches
			}
			w, h := Size(len(branches))
			if got := img.Bounds().Size(); got.X != w || got.Y != h || w != 1080 || h < 1440 {
				t.Errorf("size %v, want %dx%d (1080 wide, at least 1440 high)", got, w, h)
			}
			if n := len(b); n < 30_000 || n > 1_000_000 {
				t.Errorf("PNG of %d bytes: not a sane size for a chart", n)
			}
		})
	}
}

func TestRenderRefusesWithoutFont(t *testing.T) {
	_, err := Render(sample(), nil)
	if !errors.Is(err, ErrNoFont) || !strings.Contains(err.Error(), "fonts-noto-cjk") {
		t.Errorf("err = %v", err)
	}
}

func TestFindFont(t *testing.T) {
	none := func(string) (string, error) { return "", errors.New("not found") }
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.ttc")

	// Nothing installed: the error names what to install and where it looked.
	_, err := findFont("", "", missing, none)
	if !errors.Is(err, ErrNoFont) {
		t.Fatalf("err = %v", err)
	}
	for _, want := range []string{"apt-get install fonts-noto-cjk", missing, "NotoSansCJK-Regular.ttc", "chart.font", FontEnv} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q: %v", want, err)
		}
	}
	// A font asked for by name that is not there is an error, not a reason to look elsewhere.
	if _, err := findFont(missing, "", DefaultFontPath, none); !errors.Is(err, ErrNoFont) || !strings.Contains(err.Error(), missing) {
		t.Errorf("configured path: %v", err)
	}
	if _, err := findFont("", missing, DefaultFontPath, none); !errors.Is(err, ErrNoFont) || !strings.Contains(err.Error(), missing) {
		t.Errorf("$%s: %v", FontEnv, err)
	}
	// A file that is not a font, and a font without Chinese glyphs, are refused.
	junk := filepath.Join(dir, "junk.ttf")
	os.WriteFile(junk, []byte("not a font"), 0o644)
	if _, err := LoadFont(junk); !errors.Is(err, ErrNoFont) || !strings.Contains(err.Error(), "not a font file") {
		t.Errorf("junk: %v", err)
	}
	const latin = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
	if _, err := os.Stat(latin); err == nil {
		if _, err := LoadFont(latin); !errors.Is(err, ErrNoFont) || !strings.Contains(err.Error(), "not a Chinese font") {
			t.Errorf("DejaVu Sans: %v", err)
		}
	}
	// Found through the system's font directories when the default path is empty.
	f := testFont(t)
	got, err := findFont("", "", missing, func(name string) (string, error) {
		if name == filepath.Base(f.Path) {
			return f.Path, nil
		}
		return "", errors.New("not found")
	})
	if err != nil || got.Path != f.Path {
		t.Errorf("system lookup: %v, %v", got, err)
	}
}

func BenchmarkRender(b *testing.B) {
	f := testFont(b)
	c := sample()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(c, f); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadFont(b *testing.B) {
	f := testFont(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadFont(f.Path); err != nil {
			b.Fatal(err)
		}
	}
}
