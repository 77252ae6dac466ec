package config

import (
	"fmt"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"pingan/store"
)

// Config is one office's configuration, validated, with its roster loaded.
type Config struct {
	// File is the path the config was read from ("" for embedded bytes).
	File string `yaml:"-"`
	// Office is the office id used in Redis keys: letters, digits, - and _.
	Office string `yaml:"office"`
	// Name is the office's name as people know it.
	Name string `yaml:"name"`
	// Timezone is the IANA zone the schedules run in; default Asia/Shanghai.
	Timezone string `yaml:"timezone"`
	// Redis names the server; an empty URL means the embedded store (demo only).
	Redis Redis `yaml:"redis"`
	// Groups are the elders' WeChat groups the bot serves.
	Groups []Group `yaml:"groups"`
	// Roster is the path of the roster file (CSV or YAML), relative to the config.
	Roster string `yaml:"roster"`
	// Staff are the liaisons and admins, known by the remark name the bot's
	// account gave them.
	Staff []Staff `yaml:"staff"`
	// Tiers are risk tiers, first match wins; the last one, without `when`, is the default.
	Tiers []Tier `yaml:"tiers"`
	// EscalateAfter is the multiple of a tier's contact interval after which
	// an overdue elder is escalated to the admins; default 2.
	EscalateAfter float64 `yaml:"escalate_after"`
	// Checkin is the daily check-in prompt.
	Checkin Checkin `yaml:"checkin"`
	// Jobs are the other scheduled jobs.
	Jobs Jobs `yaml:"jobs"`
	// Outbox paces sending.
	Outbox Outbox `yaml:"outbox"`
	// Inbound says how many inbound messages are handled at once.
	Inbound Inbound `yaml:"inbound"`
	// Ack says how replies are acknowledged in groups.
	Ack Ack `yaml:"ack"`
	// WeChat configures the real WeChat transport.
	WeChat WeChat `yaml:"wechat"`
	// HTTP is the health and metrics endpoint.
	HTTP HTTP `yaml:"http"`
	// Spool keeps inbound messages on disk while Redis is unreachable.
	Spool Spool `yaml:"spool"`
	// Aid configures aid requests (急难愁盼); see aid.go.
	Aid Aid `yaml:"aid"`
	// Urgent configures emergency alerts; see aid.go.
	Urgent Urgent `yaml:"urgent"`
	// Bulletins configures official notices; see bulletins.go.
	Bulletins Bulletins `yaml:"bulletins"`
	// Chart configures the report's picture.
	Chart Chart `yaml:"chart"`
	// Ledger says how long the ledger keeps its history; see ledger.go.
	Ledger Ledger `yaml:"ledger"`

	// Location is the loaded Timezone.
	Location *time.Location `yaml:"-"`
	// Elders is the roster, with each elder's tier worked out.
	Elders []store.Elder `yaml:"-"`
}

// Redis names the Redis server.
type Redis struct {
	// URL is redis://[:password@]host:port/db, rediss://… or unix:///path.
	URL string `yaml:"url"`
}

// Group is one elders' WeChat group.
type Group struct {
	// Name is the group's name exactly as WeChat shows it.
	Name string `yaml:"name"`
	// Branch is the 支部/科所 whose elders the group holds.
	Branch string `yaml:"branch"`
}

// Role is what a staff member may do.
type Role string

// Roles.
const (
	RoleLiaison Role = "liaison"
	RoleAdmin   Role = "admin"
)

// Staff is a liaison or an admin.
type Staff struct {
	// Name is the person's name, as the roster's liaison column uses it.
	Name string `yaml:"name"`
	// Remark is the remark name (备注) the bot's account gave this person;
	// commands are accepted only from it.
	Remark string `yaml:"remark"`
	// Role is liaison or admin.
	Role Role `yaml:"role"`
	// Branch is the branch the person serves; empty for all.
	Branch string `yaml:"branch"`
}

// Tier is a risk tier.
type Tier struct {
	// Name is the tier's name (e.g. high, normal).
	Name string `yaml:"name"`
	// When holds the conditions, any of which puts an elder in the tier;
	// nil for the default tier.
	When *TierWhen `yaml:"when"`
	// ContactEvery is the longest an elder may go without contact.
	ContactEvery Duration `yaml:"contact_every"`
}

// TierWhen lists a tier's conditions; an elder matching any is in the tier.
type TierWhen struct {
	AgeAtLeast     int  `yaml:"age_at_least"`
	LivesAlone     bool `yaml:"lives_alone"`
	SeriousIllness bool `yaml:"serious_illness"`
}

// Checkin is the check-in prompt and its schedule.
type Checkin struct {
	// Prompt is the text posted to every group.
	Prompt string `yaml:"prompt"`
	// Schedule is a cron expression (minute hour day month weekday).
	Schedule string `yaml:"schedule"`
	// Window is how long replies count for the round.
	Window Duration `yaml:"window"`
}

// Jobs are the scheduled jobs other than the check-in.
type Jobs struct {
	// Reminders sends liaisons their overdue elders and admins the escalations.
	Reminders string `yaml:"reminders"`
	// Report sends the admins the day's figures.
	Report string `yaml:"report"`
	// Escalation checks aid requests and emergencies; default every minute.
	Escalation string `yaml:"escalation"`
	// WeeklyReport sends the admins the last seven days; default Monday 09:00.
	WeeklyReport string `yaml:"weekly_report"`
}

// Chart configures the picture that comes with the reports.
type Chart struct {
	// Font is a font file with Simplified Chinese glyphs, relative to the
	// config; empty: $PINGAN_FONT, else Debian's fonts-noto-cjk.
	Font string `yaml:"font"`
}

// Inbound is how inbound messages are handled: Workers of them at once, each
// sender's in order. 0 (left out) takes the default, 16: each message waits on
// Redis most of its time, so a few more than the cores.
type Inbound struct {
	Workers int `yaml:"workers"`
}

// MaxInboundWorkers bounds inbound.workers.
const MaxInboundWorkers = 256

// Outbox paces sending, to keep within WeChat's limits. A value left out
// takes its default; a value given, 0 included, means what it says.
type Outbox struct {
	// Gap is the least time between two messages; default 1.5s; 0s: none.
	Gap *Duration `yaml:"gap"`
	// Jitter is a random extra wait up to this; default 1s; 0s: none.
	Jitter *Duration `yaml:"jitter"`
	// PerMinute caps messages a minute; default 20; 0: no cap.
	PerMinute *int `yaml:"per_minute"`
}

// GapD is the effective gap.
func (o Outbox) GapD() time.Duration { return o.Gap.D() }

// JitterD is the effective jitter.
func (o Outbox) JitterD() time.Duration { return o.Jitter.D() }

// Cap is the effective per-minute cap; 0 means none.
func (o Outbox) Cap() int {
	if o.PerMinute == nil {
		return 0
	}
	return *o.PerMinute
}

// Ack says how the bot acknowledges replies in a group.
//
//	ack:
//	  mode: batch   # batch | each | off
//	  every: 3m
type Ack struct {
	// Mode is batch (default: one message per group per Every naming who
	// was heard, with the day's count), each (one per reply; several
	// waiting ones are merged when the sending budget is short) or off.
	// An emergency or a request for help is always answered at once.
	Mode string `yaml:"mode"`
	// Every is the least time between two batches in one group; default
	// 3m; 30s to 1h.
	Every Duration `yaml:"every"`
}

// Interval is the least time between two acknowledgement batches in a
// group: Every in batch mode, none otherwise.
func (a Ack) Interval() time.Duration {
	if a.Mode == AckBatch {
		return a.Every.D()
	}
	return 0
}

// Acknowledgement modes.
const (
	AckBatch = "batch"
	AckEach  = "each"
	AckOff   = "off"
)

// WeChat configures the WeChat transport.
type WeChat struct {
	// SessionFile keeps the login session between restarts (mode 0600).
	SessionFile string `yaml:"session_file"`
	// QRFile is where the login QR code is written as a PNG.
	QRFile string `yaml:"qr_file"`
}

// Spool keeps inbound messages on local disk while Redis is unreachable.
type Spool struct {
	// File is the spool's path; default pingan-spool.jsonl beside the session file.
	File string `yaml:"file"`
}

// HTTP is the health and metrics endpoint.
type HTTP struct {
	// Addr is the listen address of /healthz and /metrics; default 127.0.0.1:9464.
	Addr string `yaml:"addr"`
}

// Duration is a time.Duration written as Go writes it: 90m, 24h, 1h30m.
type Duration time.Duration

// UnmarshalYAML reads a duration.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	v, err := time.ParseDuration(strings.TrimSpace(n.Value))
	if err != nil {
		return fmt.Errorf("line %d: %q is not a duration; write it like 90m, 24h or 1h30m", n.Line, n.Value)
	}
	if v < 0 {
		return fmt.Errorf("line %d: %q is negative; give a positive duration like 90m or 24h", n.Line, n.Value)
	}
	*d = Duration(v)
	return nil
}

// D returns the time.Duration; 0 for nil.
func (d *Duration) D() time.Duration {
	if d == nil {
		return 0
	}
	return time.Duration(*d)
}
