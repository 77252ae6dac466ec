package config

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWeeklyReportAndChartFont: jobs.weekly_report defaults to Monday
// 09:00 and is checked like the other schedules; chart.font is taken
// beside the config, like every other path.
func TestWeeklyReportAndChartFont(t *testing.T) {
	c, err := load(t, goodConfig, goodRoster)
	if err != nil {
		t.Fatal(err)
	}
	if c.Jobs.WeeklyReport != "0 9 * * 1" || c.Chart.Font != "" {
		t.Errorf("defaults: weekly_report %q, chart.font %q", c.Jobs.WeeklyReport, c.Chart.Font)
	}
	for _, tc := range []struct{ name, yaml, want string }{
		{"bad cron", "jobs:\n  weekly_report: \"0 9 * * 8\"\n",
			`pingan.yaml:21: jobs.weekly_report: "0 9 * * 8" is not a valid cron expression (end of range (8) above maximum (6): 8); want five fields "minute hour day month weekday", e.g. "0 9 * * *" for 09:00 daily`},
		{"unknown key", "chart:\n  fonts: a.ttc\n", "pingan.yaml:21: fonts: unknown key; valid keys here are font"},
	} {
		if _, err := load(t, goodConfig+tc.yaml, goodRoster); err == nil || err.Error() != tc.want {
			t.Errorf("%s:\n got %v\nwant %s", tc.name, err, tc.want)
		}
	}

	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "pingan.yaml"), []byte(goodConfig+"chart:\n  font: fonts/NotoSansCJK-Regular.ttc\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "roster.csv"), []byte(goodRoster), 0o600)
	c, err = LoadFile(filepath.Join(dir, "pingan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "fonts", "NotoSansCJK-Regular.ttc"); c.Chart.Font != want {
		t.Errorf("chart.font = %q, want %q", c.Chart.Font, want)
	}
}
