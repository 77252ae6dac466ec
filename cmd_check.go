package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"pingan/office"
	"sort"
	"strings"
	"time"

	"pingan/config"
	"pingan/report"
	"pingan/scheduler"
)

// cmdCheck validates a config and its roster and prints a summary.
func cmdCheck(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	cfgPath := fl.String("config", "", "config file to check")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if *cfgPath == "" {
		fmt.Fprintln(stderr, "pingan check: give --config FILE")
		return 2
	}
	cfg, err := office.LoadConfig(*cfgPath)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if err := printSummary(stdout, cfg, time.Now()); err != nil {
		return 1
	}
	warnings := printIdentity(stdout, cfg)
	if w := redisWarning(context.Background(), cfg); w != "" {
		warnings = append(warnings, w)
	}
	if len(warnings) > 0 {
		fmt.Fprintf(stdout, "\nwarnings (%d):\n", len(warnings))
		for _, w := range warnings {
			fmt.Fprintf(stdout, "  - %s\n", w)
		}
	}
	return 0
}

// printSummary writes what a config holds: groups, elders per branch and
// tier, staff, each job's next three fire times, and the chart's font.
func printSummary(w io.Writer, cfg *config.Config, now time.Time) error {
	fmt.Fprintf(w, "%s (office %s, timezone %s): config is valid\n", cfg.Name, cfg.Office, cfg.Timezone)
	fmt.Fprintf(w, "\ngroups (%d):\n", len(cfg.Groups))
	for _, g := range cfg.Groups {
		fmt.Fprintf(w, "  %s — %s\n", g.Name, g.Branch)
	}
	type key struct{ branch, tier string }
	counts := map[key]int{}
	branches := map[string]int{}
	for _, e := range cfg.Elders {
		counts[key{e.Branch, e.Tier}]++
		branches[e.Branch]++
	}
	names := make([]string, 0, len(branches))
	for b := range branches {
		names = append(names, b)
	}
	sort.Strings(names)
	fmt.Fprintf(w, "\nelders (%d):\n", len(cfg.Elders))
	for _, b := range names {
		var parts []string
		for _, t := range cfg.Tiers {
			if n := counts[key{b, t.Name}]; n > 0 {
				parts = append(parts, fmt.Sprintf("%s %d", t.Name, n))
			}
		}
		fmt.Fprintf(w, "  %s: %d (%s)\n", b, branches[b], strings.Join(parts, ", "))
	}
	fmt.Fprintf(w, "\ntiers:\n")
	for _, t := range cfg.Tiers {
		fmt.Fprintf(w, "  %s: contact every %s, escalate after %s\n", t.Name, t.ContactEvery.D(),
			time.Duration(float64(t.ContactEvery)*cfg.EscalateAfter))
	}
	fmt.Fprintf(w, "\nsending:\n  %s\n  %s\n", pacingSummary(cfg), ackSummary(cfg))
	fmt.Fprintf(w, "\nledger: contacts, rounds and unmatched replies kept %s (ledger.retention)\n", config.FormatDays(cfg.Ledger.Retention.D()))
	fmt.Fprintf(w, "\nstaff (%d):\n", len(cfg.Staff))
	for _, s := range cfg.Staff {
		fmt.Fprintf(w, "  %s (%s), remark %q, branch %s\n", s.Name, s.Role, s.Remark, orAll(s.Branch))
	}
	jobs, err := scheduler.JobsFor(cfg, nil)
	if err != nil {
		fmt.Fprintf(w, "\njobs: %v\n", err)
		return err
	}
	fmt.Fprintf(w, "\njobs (%s):\n", cfg.Timezone)
	for _, j := range jobs {
		var ts []string
		for _, t := range scheduler.NextTimes(j, now, cfg.Location, 3) {
			ts = append(ts, t.Format("2006-01-02 15:04 Mon"))
		}
		fmt.Fprintf(w, "  %-10s %-14q next: %s\n", j.Name, j.Spec, strings.Join(ts, ", "))
	}
	// A missing font is not a config error: the reports then go out as text.
	if f, err := report.FindFont(cfg.Chart.Font); err != nil {
		fmt.Fprintf(w, "\nchart font: none, the reports go out as text only: %v\n", err)
	} else {
		fmt.Fprintf(w, "\nchart font: %s (%s)\n", f.Path, f.Name)
	}
	return nil
}

func orAll(s string) string {
	if s == "" {
		return "all"
	}
	return s
}

// pacingSummary is the effective pacing of the outbox, defaults applied.
func pacingSummary(cfg *config.Config) string {
	gap, jitter, cap := "no gap", "no jitter", "no per-minute cap"
	if d := cfg.Outbox.GapD(); d > 0 {
		gap = fmt.Sprintf("at least %s between messages", d)
	}
	if d := cfg.Outbox.JitterD(); d > 0 {
		jitter = fmt.Sprintf("plus up to %s at random", d)
	}
	if n := cfg.Outbox.Cap(); n > 0 {
		cap = fmt.Sprintf("at most %d a minute", n)
	}
	return fmt.Sprintf("pacing: %s, %s, %s; alarms first, then staff, broadcasts, acknowledgements", gap, jitter, cap)
}

// ackSummary says how replies are acknowledged in groups.
func ackSummary(cfg *config.Config) string {
	switch cfg.Ack.Mode {
	case config.AckEach:
		return "acknowledgements: one per reply (merged when sending falls behind)"
	case config.AckOff:
		return "acknowledgements: off (emergencies and requests for help are still answered)"
	}
	return fmt.Sprintf("acknowledgements: one list per group every %s (报平安接龙)", cfg.Ack.Every.D())
}
