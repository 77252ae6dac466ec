// Package config loads and validates pingan's YAML config and the roster it
// points to. Every error names the file, the line and the field, and says
// what would be valid; unknown keys are errors.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
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
}

// Outbox paces sending, to keep within WeChat's limits.
type Outbox struct {
	// Gap is the least time between two messages; default 1.5s.
	Gap Duration `yaml:"gap"`
	// Jitter is a random extra wait up to this; default 1s.
	Jitter Duration `yaml:"jitter"`
	// PerMinute caps messages a minute; default 20.
	PerMinute int `yaml:"per_minute"`
}

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

// D returns the time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }

// LoadFile reads, validates and completes the config at path, with its roster.
func LoadFile(path string) (*Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	c, err := Load(b, path, func(name string) ([]byte, string, error) {
		p := beside(path, name)
		rb, err := os.ReadFile(p)
		return rb, p, err
	})
	if err != nil {
		return nil, err
	}
	// Files the bot writes live beside the config too, whatever the
	// working directory (systemd starts services in /).
	for _, f := range []*string{&c.WeChat.SessionFile, &c.WeChat.QRFile, &c.Spool.File} {
		*f = beside(path, *f)
	}
	return c, nil
}

// beside resolves name relative to the directory of the config at path.
func beside(path, name string) string {
	if name == "" || filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(filepath.Dir(path), name)
}

// ReadFunc reads the file a config names, returning its bytes and the path
// to show in errors.
type ReadFunc func(name string) ([]byte, string, error)

var officeRe = regexp.MustCompile(`^[A-Za-z0-9_-]{1,40}$`)

// Load parses and validates config bytes read from file; read fetches the roster.
func Load(b []byte, file string, read ReadFunc) (*Config, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		return nil, &Error{File: file, Msg: "not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	c := &Config{File: file}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil {
		return nil, yamlErrors(file, err, &root)
	}
	c.File = file
	c.defaults()
	l := &errList{file: file, root: &root}
	c.validate(l)
	if err := l.err(); err != nil {
		return nil, err
	}
	if c.Roster == "" {
		return nil, &Error{File: file, Line: lineOf(&root), Field: "roster", Msg: "missing; give the path of the roster file (CSV or YAML)"}
	}
	rb, rpath, err := read(c.Roster)
	if err != nil {
		return nil, &Error{File: file, Line: lineOf(&root, "roster"), Field: "roster", Msg: fmt.Sprintf("cannot read %q: %v", c.Roster, errors.Unwrap(err))}
	}
	elders, err := ParseRoster(rb, rpath, c)
	if err != nil {
		return nil, err
	}
	c.Elders = elders
	return c, nil
}

// yamlErrors turns the decoder's errors (unknown keys, wrong types) into ours.
func yamlErrors(file string, err error, root *yaml.Node) error {
	lineRe := regexp.MustCompile(`^line (\d+): (.*)$`)
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		e := &Error{File: file, Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
		if g := lineRe.FindStringSubmatch(e.Msg); g != nil {
			fmt.Sscan(g[1], &e.Line)
			e.Msg = g[2]
			e.Field = fieldAtLine(root, e.Line)
		}
		return e
	}
	var es Errors
	for _, m := range te.Errors {
		e := &Error{File: file, Msg: m}
		if g := lineRe.FindStringSubmatch(m); g != nil {
			fmt.Sscan(g[1], &e.Line)
			e.Msg = g[2]
			if f := regexp.MustCompile(`^field (\S+) not found in type config\.(\w+)$`).FindStringSubmatch(e.Msg); f != nil {
				e.Field = f[1]
				e.Msg = "unknown key; valid keys here are " + strings.Join(knownKeys[f[2]], ", ")
			}
		}
		es = append(es, e)
	}
	return es
}

// knownKeys lists the YAML keys of each struct type reachable from Config,
// by type name, for the unknown-key error.
var knownKeys = func() map[string][]string {
	out := map[string][]string{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || out[t.Name()] != nil || t.PkgPath() != reflect.TypeOf(Config{}).PkgPath() {
			return
		}
		var keys []string
		out[t.Name()] = keys
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name == "" || name == "-" {
				continue
			}
			keys = append(keys, name)
			walk(f.Type)
		}
		out[t.Name()] = keys
	}
	walk(reflect.TypeOf(Config{}))
	return out
}()

// DefaultPrompt is the check-in prompt when the config gives none.
const DefaultPrompt = "各位老同志早上好！今天请报个平安：\n回复 1 = 平安；2 = 身体不适（请说明）；3 = 需要帮助（买菜、配药、就医）\n家属代报请注明是哪位老同志。"

func (c *Config) defaults() {
	if c.Timezone == "" {
		c.Timezone = "Asia/Shanghai"
	}
	if c.EscalateAfter == 0 {
		c.EscalateAfter = 2
	}
	if c.Checkin.Prompt == "" {
		c.Checkin.Prompt = DefaultPrompt
	}
	if c.Checkin.Schedule == "" {
		c.Checkin.Schedule = "0 9 * * *"
	}
	if c.Checkin.Window == 0 {
		c.Checkin.Window = Duration(8 * time.Hour)
	}
	if c.Jobs.Reminders == "" {
		c.Jobs.Reminders = "0 16 * * *"
	}
	if c.Jobs.Report == "" {
		c.Jobs.Report = "30 17 * * *"
	}
	if c.Outbox.Gap == 0 {
		c.Outbox.Gap = Duration(1500 * time.Millisecond)
	}
	if c.Outbox.Jitter == 0 {
		c.Outbox.Jitter = Duration(time.Second)
	}
	if c.Outbox.PerMinute == 0 {
		c.Outbox.PerMinute = 20
	}
	if c.WeChat.SessionFile == "" {
		c.WeChat.SessionFile = "pingan-session.json"
	}
	if c.WeChat.QRFile == "" {
		c.WeChat.QRFile = "pingan-login-qr.png"
	}
	if c.HTTP.Addr == "" {
		c.HTTP.Addr = "127.0.0.1:9464"
	}
	if c.Spool.File == "" {
		c.Spool.File = "pingan-spool.jsonl"
	}
	if c.Jobs.Escalation == "" {
		c.Jobs.Escalation = "* * * * *"
	}
	c.aidDefaults()
	c.bulletinDefaults()
}

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
	}
	for _, j := range []struct {
		path []any
		spec string
	}{{[]any{"checkin", "schedule"}, c.Checkin.Schedule}, {[]any{"jobs", "reminders"}, c.Jobs.Reminders}, {[]any{"jobs", "report"}, c.Jobs.Report}, {[]any{"jobs", "escalation"}, c.Jobs.Escalation}} {
		if _, err := ParseCron(j.spec); err != nil {
			l.addf(j.path, "%q is not a valid cron expression (%v); %s", j.spec, err, cronHelp)
		}
	}
	if c.Checkin.Window <= 0 || c.Checkin.Window.D() > 24*time.Hour {
		l.add("must be between 1m and 24h, e.g. 8h", "checkin", "window")
	}
	if c.Outbox.PerMinute < 0 {
		l.add("must be 0 (no cap) or more", "outbox", "per_minute")
	}
	c.validateAid(l)
	c.validateBulletins(l)
}

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

// TierOf returns the tier an elder falls in at time t.
func (c *Config) TierOf(e store.Elder, t time.Time) Tier {
	for _, tier := range c.Tiers {
		w := tier.When
		if w == nil {
			return tier
		}
		if (w.AgeAtLeast > 0 && e.BirthYear > 0 && e.Age(t) >= w.AgeAtLeast) ||
			(w.LivesAlone && e.LivesAlone) || (w.SeriousIllness && e.SeriousIllness) {
			return tier
		}
	}
	return c.Tiers[len(c.Tiers)-1]
}

// StaffByRemark finds a staff member by the remark name the bot gave them.
func (c *Config) StaffByRemark(remark string) (Staff, bool) {
	if remark == "" {
		return Staff{}, false
	}
	for _, s := range c.Staff {
		if s.Remark == remark {
			return s, true
		}
	}
	return Staff{}, false
}

// StaffByName finds a staff member by name.
func (c *Config) StaffByName(name string) (Staff, bool) {
	for _, s := range c.Staff {
		if s.Name == name {
			return s, true
		}
	}
	return Staff{}, false
}

// Admins returns the admins.
func (c *Config) Admins() []Staff {
	var out []Staff
	for _, s := range c.Staff {
		if s.Role == RoleAdmin {
			out = append(out, s)
		}
	}
	return out
}

// GroupNames returns the names of the groups.
func (c *Config) GroupNames() []string {
	out := make([]string, len(c.Groups))
	for i, g := range c.Groups {
		out[i] = g.Name
	}
	return out
}
