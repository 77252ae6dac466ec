package config

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"pingan/store"
)

// Ledger says how long the ledger (台账) keeps what it records.
//
//	ledger:
//	  retention: 400d
type Ledger struct {
	// Retention is how long contacts (history and the contacts log),
	// rounds and unmatched replies are kept; older ones expire or are
	// trimmed. Default 400d, so a year's 台账 is always there; 7d to 3650d.
	Retention LongDuration `yaml:"retention"`
}

// Bounds of ledger.retention.
const (
	MinRetention = 7 * 24 * time.Hour
	MaxRetention = 3650 * 24 * time.Hour
)

func (c *Config) ledgerDefaults() {
	if c.Ledger.Retention == 0 {
		c.Ledger.Retention = LongDuration(store.DefaultRetention)
	}
}

func (c *Config) validateLedger(l *errList) {
	if r := c.Ledger.Retention.D(); r < MinRetention || r > MaxRetention {
		l.addf([]any{"ledger", "retention"}, "%s is out of range; give 7d to 3650d (ten years), e.g. 400d to keep a year's 台账", FormatDays(r))
	}
}

// LongDuration is a duration that may be written in days — 400d, 30d,
// 1d12h — or as Go writes durations: 9600h, 90m.
type LongDuration time.Duration

// D returns the time.Duration.
func (d LongDuration) D() time.Duration { return time.Duration(d) }

// UnmarshalYAML reads a duration in days or as Go writes it.
func (d *LongDuration) UnmarshalYAML(n *yaml.Node) error {
	v, err := ParseLongDuration(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %q is not a duration; write it in days like 400d or 30d, or in hours like 9600h", n.Line, n.Value)
	}
	*d = LongDuration(v)
	return nil
}

var daysRe = regexp.MustCompile(`^(\d{1,6})d(.*)$`)

// ParseLongDuration reads "400d", "1d12h", "9600h" or "90m"; negative
// durations are refused.
func ParseLongDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	var days time.Duration
	if g := daysRe.FindStringSubmatch(s); g != nil {
		n, _ := strconv.Atoi(g[1])
		days, s = time.Duration(n)*24*time.Hour, g[2]
		if s == "" {
			return days, nil
		}
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return 0, err
	}
	if v < 0 {
		return 0, fmt.Errorf("negative duration %q", s)
	}
	return days + v, nil
}

// FormatDays writes d in days when it is a whole number of them (400d),
// else in hours when it is a whole number of those (9600h), else as Go
// writes durations.
func FormatDays(d time.Duration) string {
	switch {
	case d > 0 && d%(24*time.Hour) == 0:
		return strconv.FormatInt(int64(d/(24*time.Hour)), 10) + "d"
	case d > 0 && d%time.Hour == 0:
		return strconv.FormatInt(int64(d/time.Hour), 10) + "h"
	}
	return d.String()
}
