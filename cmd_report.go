package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"pingan/office"
	"time"
)

// cmdReport writes the daily report's chart as a PNG: today's from the
// figures now, an earlier day's from the history the report job saved.
func cmdReport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("report", flag.ContinueOnError)
	fl.SetOutput(stderr)
	cfgPath := fl.String("config", "", "config file")
	out := fl.String("out", "", "the .png file to write (default report-<office>-<date>.png)")
	day := fl.String("at", "", "the day, as 2026-12-01 (default today, in the office's time zone)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if *cfgPath == "" {
		fmt.Fprintln(stderr, "pingan report: give --config FILE")
		return 2
	}
	cfg, _, err := office.LoadRunConfig(*cfgPath) // the bulletins do not matter here
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	now := time.Now().In(cfg.Location)
	at := now
	if *day != "" {
		d, err := time.ParseInLocation("2006-01-02", *day, cfg.Location)
		if err != nil {
			fmt.Fprintf(stderr, "pingan report: --at %q is not a day; write it like 2026-12-01\n", *day)
			return 2
		}
		if d.After(now) {
			fmt.Fprintf(stderr, "pingan report: --at %s is in the future\n", *day)
			return 2
		}
		at = d.Add(24*time.Hour - time.Second) // the end of that day
	}
	// The chart only reads; it sends and saves nothing.
	svc, closeStore, err := readOnlyService(ctx, cfg, "there are no figures to draw", stderr)
	if err != nil {
		fmt.Fprintln(stderr, "pingan report:", err)
		return 1
	}
	defer closeStore()
	png, err := svc.ChartPNG(ctx, at)
	if err != nil {
		fmt.Fprintln(stderr, "pingan report:", err)
		return 1
	}
	if *out == "" {
		*out = fmt.Sprintf("report-%s-%s.png", cfg.Office, at.Format("20060102"))
	}
	if err := os.WriteFile(*out, png, 0o600); err != nil {
		fmt.Fprintln(stderr, "pingan report:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	return 0
}
