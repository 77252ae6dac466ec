package main

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"path/filepath"
	"pingan/office"
	"strings"
	"testing"
	"time"

	"pingan/clock"
	"pingan/report"
	"pingan/store"
	"pingan/store/storetest"
)

// exampleOffice lays out the example office (config, roster, bulletins)
// in a temporary directory with redis.url set to url, plus extra YAML, and
// returns the config's path.
func exampleOffice(t *testing.T, url, extra string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "office")
	os.MkdirAll(filepath.Join(dir, "..", "bulletins"), 0o700)
	os.MkdirAll(dir, 0o700)
	cfg := bytes.Replace(mustRead(t, "examples/office/pingan.yaml"), []byte(`url: ""`), []byte(`url: "`+url+`"`), 1)
	os.WriteFile(filepath.Join(dir, "pingan.yaml"), append(cfg, extra...), 0o600)
	os.WriteFile(filepath.Join(dir, "roster.csv"), mustRead(t, "examples/office/roster.csv"), 0o600)
	bulletins, _ := filepath.Glob("examples/bulletins/*")
	for _, f := range bulletins {
		os.WriteFile(filepath.Join(dir, "..", "bulletins", filepath.Base(f)), mustRead(t, f), 0o600)
	}
	return filepath.Join(dir, "pingan.yaml")
}

// TestReportCommand: `pingan report` writes today's chart from the figures
// now and an earlier day's from the history, and refuses bad days and a
// missing font with the reason.
func TestReportCommand(t *testing.T) {
	srv := storetest.NewServer(t)
	cfgPath := exampleOffice(t, srv.URL(), "")
	cfg, err := office.LoadConfig(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	rdb, err := store.Connect(context.Background(), srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer rdb.Close()
	st := store.New(rdb, cfg.Office, clock.Real{})
	today := time.Now().In(cfg.Location)
	for _, back := range []int{1, 2, 4} {
		day := today.AddDate(0, 0, -back)
		f := store.DayFigures{Well: 20 + back, Unwell: back, Overdue: 3, Answered: 25, Total: 30, Round: true, At: day,
			Branches: []store.BranchFigures{{Branch: "第一支部", Answered: 9, Total: 10}, {Branch: "第二支部", Answered: 8, Total: 10}, {Branch: "第三支部", Answered: 8, Total: 10}}}
		if err := st.SaveDay(context.Background(), day, f); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	yesterday := today.AddDate(0, 0, -1).Format("2006-01-02")
	for _, tc := range []struct{ name, out string }{{"today", ""}, {"yesterday", yesterday}} {
		out := filepath.Join(dir, tc.name+".png")
		args := []string{"report", "--config", cfgPath, "--out", out}
		if tc.out != "" {
			args = append(args, "--at", tc.out)
		}
		code, stdout, errs := runCmd(t, "", args...)
		if code != 0 || !strings.Contains(stdout, "wrote "+out) {
			t.Fatalf("%s: exit %d: %s %s", tc.name, code, stdout, errs)
		}
		b := mustRead(t, out)
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: not a PNG: %v", tc.name, err)
		}
		if w, h := report.Size(3); img.Bounds().Dx() != w || img.Bounds().Dy() != h || len(b) < 30_000 || len(b) > 1_000_000 {
			t.Errorf("%s: %v, %d bytes", tc.name, img.Bounds(), len(b))
		}
	}
	if days, _ := st.Days(context.Background(), today, 1); days[0].Known {
		t.Error("pingan report saved today's figures; only the report job does")
	}

	tomorrow := today.AddDate(0, 0, 1).Format("2006-01-02")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--at", "12/01"}, 2, `--at "12/01" is not a day; write it like 2026-12-01`},
		{[]string{"--at", tomorrow}, 2, "is in the future"},
		{nil, 2, "give --config FILE"},
	} {
		args := append([]string{"report"}, tc.args...)
		if tc.args != nil {
			args = append(args, "--config", cfgPath)
		}
		if code, _, errs := runCmd(t, "", args...); code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d: %s", tc.args, code, errs)
		}
	}

	// No Chinese font: exit 1, naming what to install; nothing written.
	noFont := exampleOffice(t, srv.URL(), "chart:\n  font: missing/NotoSansCJK-Regular.ttc\n")
	out := filepath.Join(dir, "nofont.png")
	code, _, errs := runCmd(t, "", "report", "--config", noFont, "--out", out)
	if code != 1 || !strings.Contains(errs, "apt-get install fonts-noto-cjk") || !strings.Contains(errs, filepath.Join(filepath.Dir(noFont), "missing")) {
		t.Errorf("without a font: exit %d: %s", code, errs)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a picture was written without a font")
	}
}
