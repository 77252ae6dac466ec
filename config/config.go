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

	"gopkg.in/yaml.v3"

	"pingan/store"
)

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
	for _, f := range []*string{&c.WeChat.SessionFile, &c.WeChat.QRFile, &c.Spool.File, &c.Chart.Font} {
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
	if len(root.Content) == 0 {
		return nil, &Error{File: file, Msg: "the file is empty; a config needs at least office, name, groups, roster and staff (see examples/office/pingan.yaml)"}
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
			} else if f := regexp.MustCompile("^cannot unmarshal !!(\\w+) (?:`(.*)` )?into (\\S+)$").FindStringSubmatch(e.Msg); f != nil {
				e.Field = fieldAtLine(root, e.Line)
				e.Msg = fmt.Sprintf("this is %s; want %s", yamlKind(f[1]), goKind(f[3]))
				if f[2] != "" {
					e.Msg = fmt.Sprintf("%q is %s; want %s", f[2], yamlKind(f[1]), goKind(f[3]))
				}
			}
		}
		es = append(es, e)
	}
	return es
}

// yamlKind says what a YAML tag is, for people.
func yamlKind(tag string) string {
	switch tag {
	case "int", "float":
		return "a number"
	case "bool":
		return "true or false"
	case "seq":
		return "a list"
	case "map":
		return "a block of keys"
	case "null":
		return "empty"
	}
	return "text"
}

// goKind says what a Go type of the config is, for people.
func goKind(t string) string {
	switch t {
	case "[]config.Group":
		return "a list of groups, each with name and branch, e.g. - {name: 一支部老同志群, branch: 一支部}"
	case "[]config.Staff":
		return "a list of staff, each with name, remark and role, e.g. - {name: 李娜, remark: 联络员-李娜, role: liaison}"
	case "[]config.Tier":
		return "a list of tiers, each with name, when and contact_every"
	case "[]string":
		return "a list, e.g. [a, b]"
	case "string":
		return "text"
	case "int", "int64", "float64":
		return "a number"
	case "bool":
		return "true or false"
	}
	if name, ok := strings.CutPrefix(strings.TrimPrefix(t, "*"), "config."); ok {
		if keys := knownKeys[name]; len(keys) > 0 {
			return "a block of keys: " + strings.Join(keys, ", ")
		}
	}
	return "another kind of value (see README, Configuration)"
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
	if c.Checkin.Window == 0 {
		c.Checkin.Window = Duration(8 * time.Hour)
	}
	if c.Outbox.Gap == nil {
		d := Duration(1500 * time.Millisecond)
		c.Outbox.Gap = &d
	}
	if c.Outbox.Jitter == nil {
		d := Duration(time.Second)
		c.Outbox.Jitter = &d
	}
	if c.Outbox.PerMinute == nil {
		n := 20
		c.Outbox.PerMinute = &n
	}
	if c.Ack.Mode == "" {
		c.Ack.Mode = AckBatch
	}
	if c.Ack.Every == 0 {
		c.Ack.Every = Duration(3 * time.Minute)
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
	c.aidDefaults()
	c.bulletinDefaults()
	c.jobDefaults()
	c.ledgerDefaults()
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
