package main

import (
	"pingan/office"
	"strings"
	"testing"
	"time"
)

// TestCheckPrintsEveryJob: `pingan check` lists every job the office runs —
// escalation and bulletins too — with its next three fire times in the
// office's zone, whatever the machine's (here a UTC instant).
func TestCheckPrintsEveryJob(t *testing.T) {
	cfg, err := office.LoadConfig("examples/office/pingan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	printSummary(&b, cfg, time.Date(2026, 11, 24, 0, 30, 0, 0, time.UTC)) // 08:30 in Shanghai
	out := b.String()
	for _, want := range []string{
		`checkin    "0 9 * * *"    next: 2026-11-24 09:00 Tue, 2026-11-25 09:00 Wed, 2026-11-26 09:00 Thu`,
		`escalation "* * * * *"    next: 2026-11-24 08:31 Tue, 2026-11-24 08:32 Tue, 2026-11-24 08:33 Tue`,
		`bulletins  "* * * * *"    next: 2026-11-24 08:31 Tue, 2026-11-24 08:32 Tue, 2026-11-24 08:33 Tue`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
}
