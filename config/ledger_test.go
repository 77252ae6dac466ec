package config

import (
	"testing"
	"time"
)

// TestLedgerRetention: days or hours, 400d by default, 7d to ten years,
// and errors that say what is valid.
func TestLedgerRetention(t *testing.T) {
	c, err := load(t, goodConfig, goodRoster)
	if err != nil {
		t.Fatal(err)
	}
	if c.Ledger.Retention.D() != 400*24*time.Hour {
		t.Errorf("default retention %s", c.Ledger.Retention.D())
	}
	for in, want := range map[string]time.Duration{"30d": 30 * 24 * time.Hour, "9600h": 9600 * time.Hour, "7d12h": 180 * time.Hour, " 3650d": 3650 * 24 * time.Hour} {
		c, err := load(t, goodConfig+"ledger:\n  retention: \""+in+"\"\n", goodRoster)
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		if c.Ledger.Retention.D() != want {
			t.Errorf("%q read as %s, want %s", in, c.Ledger.Retention.D(), want)
		}
	}
	for _, tc := range []struct{ yaml, want string }{
		{"ledger:\n  retention: a year\n",
			`pingan.yaml:21: ledger.retention: "a year" is not a duration; write it in days like 400d or 30d, or in hours like 9600h`},
		{"ledger:\n  retention: -30d\n",
			`pingan.yaml:21: ledger.retention: "-30d" is not a duration; write it in days like 400d or 30d, or in hours like 9600h`},
		{"ledger: {retention: 3d}\n",
			"pingan.yaml:20: ledger.retention: 3d is out of range; give 7d to 3650d (ten years), e.g. 400d to keep a year's 台账"},
		{"ledger:\n  retention: 100000h\n",
			"pingan.yaml:21: ledger.retention: 100000h is out of range; give 7d to 3650d (ten years), e.g. 400d to keep a year's 台账"},
		{"ledger:\n  keep: 30d\n", "pingan.yaml:21: keep: unknown key; valid keys here are retention"},
	} {
		if _, err := load(t, goodConfig+tc.yaml, goodRoster); err == nil || err.Error() != tc.want {
			t.Errorf("%q:\n got %v\nwant %s", tc.yaml, err, tc.want)
		}
	}
}
