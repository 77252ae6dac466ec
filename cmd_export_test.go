package main

import (
	"context"
	"path/filepath"
	"pingan/office"
	"strings"
	"testing"
	"time"

	"pingan/clock"
	"pingan/store"
	"pingan/store/storetest"
)

// TestExportCommandWarns: `pingan export` says when --days reaches past
// the retention, and writes the workbook all the same.
func TestExportCommandWarns(t *testing.T) {
	srv := storetest.NewServer(t)
	cfgPath := exampleOffice(t, srv.URL(), "ledger:\n  retention: 7d\n")
	cfg, err := office.LoadConfig(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	rdb, err := store.Connect(context.Background(), srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer rdb.Close()
	st := store.New(rdb, cfg.Office, clock.Real{}, store.WithRetention(cfg.Ledger.Retention.D()))
	e := cfg.Elders[0]
	for _, ago := range []time.Duration{6 * 24 * time.Hour, time.Hour} {
		c := store.Contact{At: time.Now().Add(-ago), Source: store.SourceReply, Text: "平安", Health: "well", Doses: -1, Test: "unknown"}
		if err := st.RecordContact(context.Background(), e, c, nil); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "ledger.xlsx")
	code, stdout, errs := runCmd(t, "", "export", "--config", cfgPath, "--out", out, "--days", "5")
	if code != 0 || !strings.Contains(stdout, "wrote "+out) || errs != "" {
		t.Errorf("--days 5: exit %d: %s %s", code, stdout, errs)
	}
	code, stdout, errs = runCmd(t, "", "export", "--config", cfgPath, "--out", out, "--days", "30")
	if code != 0 || !strings.Contains(stdout, "wrote "+out) ||
		!strings.Contains(errs, "pingan export: --days 30 reaches past the retention (ledger.retention: 7d): older contacts were deleted; the workbook's contacts start at ") {
		t.Errorf("--days 30: exit %d: %s %s", code, stdout, errs)
	}
}
