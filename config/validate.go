package config

import (
	"fmt"
	"strings"
	"time"

	"github.com/robfig/cron/v3"

	"pingan/store"
)

// ParseCron parses a five-field cron expression (or @daily-style
// descriptor). It never panics, whatever the input.
func ParseCron(spec string) (s cron.Schedule, err error) {
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, fmt.Errorf("%v", r)
		}
	}()
	if strings.Contains(spec, "TZ=") {
		return nil, fmt.Errorf("a time zone inside the expression is not allowed; set timezone instead")
	}
	return cron.ParseStandard(spec)
}

const cronHelp = `want five fields "minute hour day month weekday", e.g. "0 9 * * *" for 09:00 daily`

func (c *Config) validate(l *errList) {
	if !officeRe.MatchString(c.Office) {
		l.addf([]any{"office"}, "%q is not a valid office id; use 1–40 letters, digits, - or _ (e.g. xuhui-tax)", c.Office)
	}
	if strings.TrimSpace(c.Name) == "" {
		l.add("missing; give the office's name, e.g. 徐汇区税务局退管办", "name")
	}
	loc, err := time.LoadLocation(c.Timezone)
	if err != nil {
		l.addf([]any{"timezone"}, "%q is not a known time zone; use an IANA name such as Asia/Shanghai", c.Timezone)
	}
	c.Location = loc
	if c.Redis.URL != "" {
		if rc, err := store.NewClient(c.Redis.URL); err != nil {
			l.addf([]any{"redis", "url"}, "%v", strings.TrimPrefix(err.Error(), "redis.url: "))
		} else {
			_ = rc.Close()
		}
	}
	if len(c.Groups) == 0 {
		l.add("no groups; list the elders' WeChat groups with name and branch", "groups")
	}
	seenGroup := map[string]bool{}
	for i, g := range c.Groups {
		if strings.TrimSpace(g.Name) == "" {
			l.add("missing; give the group's name as WeChat shows it", "groups", i, "name")
		} else if seenGroup[g.Name] {
			l.addf([]any{"groups", i, "name"}, "group %q is listed twice", g.Name)
		}
		seenGroup[g.Name] = true
	}
	c.validateStaff(l)
	c.validateTiers(l)
	if c.EscalateAfter < 1 {
		l.addf([]any{"escalate_after"}, "%v is too small; give a multiple of the contact interval of at least 1 (default 2)", c.EscalateAfter)
	} else if c.EscalateAfter > maxEscalateAfter {
		l.addf([]any{"escalate_after"}, "%v is too large; give a multiple of the contact interval between 1 and %d (default 2)", c.EscalateAfter, maxEscalateAfter)
	} else {
		for i, t := range c.Tiers {
			if d := float64(t.ContactEvery) * c.EscalateAfter; d > float64(maxEscalation) {
				l.addf([]any{"escalate_after"}, "%v times tiers[%d].contact_every (%s) is over a year; overdue elders would never reach the admins. Give a smaller multiple", c.EscalateAfter, i, t.ContactEvery.D())
				break
			}
		}
	}
	c.validateJobs(l)
	if c.Checkin.Window <= 0 || c.Checkin.Window.D() > 24*time.Hour {
		l.add("must be between 1m and 24h, e.g. 8h", "checkin", "window")
	}
	if w := c.Inbound.Workers; w < 0 || w > MaxInboundWorkers {
		l.addf([]any{"inbound", "workers"}, "%d is out of range; give 1 to %d, or leave it out for the default 16", w, MaxInboundWorkers)
	}
	if c.Outbox.Cap() < 0 {
		l.add("must be 0 (no cap) or more", "outbox", "per_minute")
	}
	switch c.Ack.Mode {
	case AckBatch, AckEach, AckOff:
	default:
		l.addf([]any{"ack", "mode"}, "%q is not a mode; give batch (one message per group every few minutes), each or off", c.Ack.Mode)
	}
	if d := c.Ack.Every.D(); d < 30*time.Second || d > time.Hour {
		l.add("must be between 30s and 1h, e.g. 3m", "ack", "every")
	}
	c.validateAid(l)
	c.validateBulletins(l)
	c.validateLedger(l)
}

// Limits of escalate_after: a multiple of the contact interval, and the
// longest wait before overdue goes to the admins.
const (
	maxEscalateAfter = 30
	maxEscalation    = 366 * 24 * time.Hour
)

func (c *Config) validateStaff(l *errList) {
	if len(c.Staff) == 0 {
		l.add("no staff; list at least one admin with name, remark and role", "staff")
	}
	names, remarks := map[string]bool{}, map[string]bool{}
	admins := 0
	for i, s := range c.Staff {
		if strings.TrimSpace(s.Name) == "" {
			l.add("missing; give the person's name", "staff", i, "name")
		} else if names[s.Name] {
			l.addf([]any{"staff", i, "name"}, "%q is listed twice", s.Name)
		}
		names[s.Name] = true
		if strings.TrimSpace(s.Remark) == "" {
			l.add("missing; give the remark name (备注) the bot's WeChat account set for this person", "staff", i, "remark")
		} else if remarks[s.Remark] {
			l.addf([]any{"staff", i, "remark"}, "%q is used twice; every remark must be unique", s.Remark)
		}
		remarks[s.Remark] = true
		switch s.Role {
		case RoleLiaison:
		case RoleAdmin:
			admins++
		default:
			l.addf([]any{"staff", i, "role"}, "%q is not a role; use liaison or admin", s.Role)
		}
	}
	if len(c.Staff) > 0 && admins == 0 {
		l.add("no admin; at least one staff member needs role admin", "staff")
	}
}

func (c *Config) validateTiers(l *errList) {
	if len(c.Tiers) == 0 {
		c.Tiers = []Tier{
			{Name: "high", When: &TierWhen{AgeAtLeast: 80, LivesAlone: true, SeriousIllness: true}, ContactEvery: Duration(24 * time.Hour)},
			{Name: "normal", ContactEvery: Duration(72 * time.Hour)},
		}
		return
	}
	seen := map[string]bool{}
	for i, t := range c.Tiers {
		if t.Name == "" {
			l.add("missing; give the tier a name such as high", "tiers", i, "name")
		} else if seen[t.Name] {
			l.addf([]any{"tiers", i, "name"}, "%q is listed twice", t.Name)
		}
		seen[t.Name] = true
		if t.ContactEvery <= 0 {
			l.add("missing; give how long an elder may go without contact, e.g. 24h", "tiers", i, "contact_every")
		}
		last := i == len(c.Tiers)-1
		switch {
		case last && t.When != nil:
			l.add("the last tier is the default and must have no when", "tiers", i, "when")
		case !last && t.When == nil:
			l.add("only the last tier may leave out when; give age_at_least, lives_alone or serious_illness", "tiers", i, "when")
		case t.When != nil && t.When.AgeAtLeast == 0 && !t.When.LivesAlone && !t.When.SeriousIllness:
			l.add("has no condition; give age_at_least, lives_alone or serious_illness", "tiers", i, "when")
		}
	}
}
