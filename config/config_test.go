package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pingan/store"
)

const goodConfig = `office: test-office
name: 测试退管办
groups:
  - name: 一支部群
    branch: 一支部
roster: roster.csv
staff:
  - name: 李娜
    remark: 联络员李娜
    role: liaison
  - name: 陈主任
    remark: 陈主任
    role: admin
tiers:
  - name: high
    when: {age_at_least: 80, lives_alone: true}
    contact_every: 24h
  - name: normal
    contact_every: 72h
`

const goodRoster = "id,name,aliases,branch,birth_year,lives_alone,serious_illness,liaison,phone,family\n" +
	"E1,张建国,老张|张老师,一支部,1941,否,否,李娜,138,女儿 张丽\n" +
	"E2,王秀英,王阿姨,一支部,1960,是,否,李娜,,\n" +
	"E3,刘德明,,一支部,1960,no,1,陈主任,,\n"

func load(t *testing.T, cfg, roster string) (*Config, error) {
	t.Helper()
	return Load([]byte(cfg), "pingan.yaml", func(name string) ([]byte, string, error) {
		if name != "roster.csv" && name != "roster.yaml" {
			return nil, name, &os.PathError{Op: "open", Path: name, Err: os.ErrNotExist}
		}
		return []byte(roster), name, nil
	})
}

func TestLoadGood(t *testing.T) {
	c, err := load(t, goodConfig, goodRoster)
	if err != nil {
		t.Fatal(err)
	}
	if c.Timezone != "Asia/Shanghai" || c.Location.String() != "Asia/Shanghai" || c.EscalateAfter != 2 {
		t.Errorf("defaults: tz %q escalate %v", c.Timezone, c.EscalateAfter)
	}
	if c.Checkin.Schedule != "0 9 * * *" || c.Checkin.Window.D() != 8*time.Hour || c.Outbox.Gap.D() != 1500*time.Millisecond {
		t.Errorf("defaults: %+v %+v", c.Checkin, c.Outbox)
	}
	want := map[string]struct {
		tier  string
		every time.Duration
	}{
		"E1": {"high", 24 * time.Hour},   // 80+
		"E2": {"high", 24 * time.Hour},   // lives alone
		"E3": {"normal", 72 * time.Hour}, // neither
	}
	for _, e := range c.Elders {
		w := want[e.ID]
		if e.Tier != w.tier || e.ContactEvery != w.every || e.EscalateAfter != 2*w.every {
			t.Errorf("%s: tier %s every %s escalate %s, want %s %s", e.ID, e.Tier, e.ContactEvery, e.EscalateAfter, w.tier, w.every)
		}
	}
	if e := c.Elders[0]; len(e.Aliases) != 2 || e.Aliases[1] != "张老师" || e.Family[0] != "女儿 张丽" {
		t.Errorf("E1 = %+v", e)
	}
	if !c.Elders[2].SeriousIllness {
		t.Error("serious_illness 1 not read as true")
	}
}

// TestLoadErrors checks the exact message of each kind of mistake: file,
// line, field and what would be valid.
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, cfg, roster, want string
	}{
		{"unknown key", strings.Replace(goodConfig, "name: 测试退管办", "name: 测试退管办\nredis: {url: \"\", password: x}", 1), goodRoster,
			"pingan.yaml:3: password: unknown key; valid keys here are url"},
		{"unknown nested key", strings.Replace(goodConfig, "    role: admin", "    role: admin\n    phone: 1", 1), goodRoster,
			"pingan.yaml:14: phone: unknown key; valid keys here are name, remark, role, branch"},
		{"bad role", strings.Replace(goodConfig, "role: admin", "role: boss", 1), goodRoster,
			"pingan.yaml:13: staff[1].role: \"boss\" is not a role; use liaison or admin\npingan.yaml:7: staff: no admin; at least one staff member needs role admin"},
		{"bad cron", goodConfig + "checkin:\n  schedule: \"0 25 * * *\"\n", goodRoster,
			"pingan.yaml:21: checkin.schedule: \"0 25 * * *\" is not a valid cron expression (end of range (25) above maximum (23): 25); want five fields \"minute hour day month weekday\", e.g. \"0 9 * * *\" for 09:00 daily"},
		{"bad duration", strings.Replace(goodConfig, "contact_every: 24h", "contact_every: one day", 1), goodRoster,
			"pingan.yaml:17: tiers[0].contact_every: \"one day\" is not a duration; write it like 90m, 24h or 1h30m"},
		{"bad timezone", goodConfig + "timezone: Mars/Base\n", goodRoster,
			"pingan.yaml:20: timezone: \"Mars/Base\" is not a known time zone; use an IANA name such as Asia/Shanghai"},
		{"duplicate remark", strings.Replace(goodConfig, "remark: 陈主任", "remark: 联络员李娜", 1), goodRoster,
			"pingan.yaml:12: staff[1].remark: \"联络员李娜\" is used twice; every remark must be unique"},
		{"default tier with when", strings.Replace(goodConfig, "  - name: normal\n    contact_every: 72h", "  - name: normal\n    when: {lives_alone: true}\n    contact_every: 72h", 1), goodRoster,
			"pingan.yaml:19: tiers[1].when: the last tier is the default and must have no when"},
		{"missing roster", strings.Replace(goodConfig, "roster: roster.csv", "roster: nope.csv", 1), goodRoster,
			"pingan.yaml:6: roster: cannot read \"nope.csv\": file does not exist"},
		{"roster unknown liaison", goodConfig, strings.Replace(goodRoster, ",李娜,138", ",王五,138", 1),
			"roster.csv:2: liaison: \"王五\" is not in the config's staff; use one of 李娜, 陈主任"},
		{"roster bad year", goodConfig, strings.Replace(goodRoster, "1960,是", "19x0,是", 1),
			"roster.csv:3: birth_year: \"19x0\" is not a year; write four digits, e.g. 1942"},
		{"roster bad bool", goodConfig, strings.Replace(goodRoster, "1960,是", "1960,maybe", 1),
			"roster.csv:3: lives_alone: \"maybe\" is not yes or no; write 是/否, yes/no, true/false or 1/0"},
		{"roster duplicate id", goodConfig, strings.Replace(goodRoster, "E3,", "E1,", 1),
			"roster.csv:4: id: \"E1\" is also used on line 2; ids must be unique"},
		{"roster unknown column", goodConfig, strings.Replace(goodRoster, "family", "address", 1),
			"roster.csv:1: address: unknown column; valid columns are id, name, aliases, branch, birth_year, lives_alone, serious_illness, liaison, phone, family, contact_every, prefer, notes, helper"},
		{"plan: bad interval", goodConfig, strings.Replace(goodRoster, "family\n", "family,contact_every,prefer,notes,helper\n", 1) + "E4,赵德华,,一支部,1950,否,否,李娜,,,half a day,电话,,\n",
			"roster.csv:5: contact_every: \"half a day\" is not a duration; write it like 12h, 24h or 3d"},
		{"plan: interval too short", goodConfig, strings.Replace(goodRoster, "family\n", "family,contact_every,prefer,notes,helper\n", 1) + "E4,赵德华,,一支部,1950,否,否,李娜,,,10m,,,\n",
			"roster.csv:5: contact_every: \"10m\" is out of range; give 1h to 30d"},
		{"plan: bad way", goodConfig, strings.Replace(goodRoster, "family\n", "family,contact_every,prefer,notes,helper\n", 1) + "E4,赵德华,,一支部,1950,否,否,李娜,,,,微信,,\n",
			"roster.csv:5: prefer: \"微信\" is not a way of contact; write 电话, 上门 or 家属"},
		{"plan: helper not staff", goodConfig, strings.Replace(goodRoster, "family\n", "family,contact_every,prefer,notes,helper\n", 1) + "E4,赵德华,,一支部,1950,否,否,李娜,,,,,,小刘\n",
			"roster.csv:5: helper: \"小刘\" is not in the config's staff; a helper must be staff (a volunteer) so that the bot takes their /认领; use one of 李娜, 陈主任"},
		{"not yaml", "office: [", "", "pingan.yaml: not valid YAML: line 1: did not find expected node content"},
		{"negative cap", goodConfig + "outbox: {per_minute: -1}\n", goodRoster,
			"pingan.yaml:20: outbox.per_minute: must be 0 (no cap) or more"},
		{"too many workers", goodConfig + "inbound: {workers: 1000}\n", goodRoster,
			"pingan.yaml:20: inbound.workers: 1000 is out of range; give 1 to 256, or leave it out for the default 16"},
		{"bad ack mode", goodConfig + "ack:\n  mode: loud\n", goodRoster,
			"pingan.yaml:21: ack.mode: \"loud\" is not a mode; give batch (one message per group every few minutes), each or off"},
		{"ack too often", goodConfig + "ack: {every: 5s}\n", goodRoster,
			"pingan.yaml:20: ack.every: must be between 30s and 1h, e.g. 3m"},
		{"empty file", "", goodRoster,
			"pingan.yaml: the file is empty; a config needs at least office, name, groups, roster and staff (see examples/office/pingan.yaml)"},
		{"groups a number", strings.Replace(goodConfig, "groups:\n  - name: 一支部群\n    branch: 一支部", "groups: 5", 1), goodRoster,
			"pingan.yaml:3: groups: \"5\" is a number; want a list of groups, each with name and branch, e.g. - {name: 一支部老同志群, branch: 一支部}"},
		{"staff a block", strings.Replace(goodConfig, "staff:\n  - name: 李娜", "staff:\n  who:\n  - name: 李娜", 1), goodRoster,
			"pingan.yaml:8: staff: this is a block of keys; want a list of staff, each with name, remark and role, e.g. - {name: 李娜, remark: 联络员-李娜, role: liaison}"},
		{"escalate_after overflows", goodConfig + "escalate_after: 1e30\n", goodRoster,
			"pingan.yaml:20: escalate_after: 1e+30 is too large; give a multiple of the contact interval between 1 and 30 (default 2)"},
		{"escalate_after past a year", strings.Replace(goodConfig, "contact_every: 72h", "contact_every: 2160h", 1) + "escalate_after: 5\n", goodRoster,
			"pingan.yaml:20: escalate_after: 5 times tiers[1].contact_every (2160h0m0s) is over a year; overdue elders would never reach the admins. Give a smaller multiple"},
		{"alias shared", goodConfig, strings.Replace(goodRoster, "E2,王秀英,王阿姨", "E2,王秀英,王阿姨|老张", 1),
			"roster.csv:3: aliases: \"老张\" is also an alias of 张建国 (line 2); an alias must name one elder — give each a different one"},
		{"alias is another's name", goodConfig, strings.Replace(goodRoster, "E3,刘德明,", "E3,刘德明,王秀英", 1),
			"roster.csv:4: aliases: \"王秀英\" is the name of 王秀英 (line 3); an alias must not be another elder's name"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := load(t, tc.cfg, tc.roster)
			if err == nil {
				t.Fatal("no error")
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("error\n got: %s\nwant: %s", got, tc.want)
			}
		})
	}
}

// TestPacingSaysWhatItMeans: 0 means none; a value left out takes its default.
func TestPacingSaysWhatItMeans(t *testing.T) {
	if c, err := load(t, goodConfig+"inbound: {workers: 4}\n", goodRoster); err != nil || c.Inbound.Workers != 4 {
		t.Errorf("inbound.workers 4: %v, %+v", err, c)
	}
	c, err := load(t, goodConfig+"outbox: {per_minute: 0, jitter: 0s}\n", goodRoster)
	if err != nil {
		t.Fatal(err)
	}
	if c.Outbox.Cap() != 0 || c.Outbox.JitterD() != 0 || c.Outbox.GapD() != 1500*time.Millisecond {
		t.Errorf("per_minute 0, jitter 0s: cap %d jitter %s gap %s", c.Outbox.Cap(), c.Outbox.JitterD(), c.Outbox.GapD())
	}
	c, err = load(t, goodConfig, goodRoster)
	if err != nil {
		t.Fatal(err)
	}
	if c.Outbox.Cap() != 20 || c.Outbox.JitterD() != time.Second || c.Ack.Mode != AckBatch || c.Ack.Interval() != 3*time.Minute {
		t.Errorf("defaults: cap %d jitter %s ack %+v", c.Outbox.Cap(), c.Outbox.JitterD(), c.Ack)
	}
	c, _ = load(t, goodConfig+"ack: {mode: each}\n", goodRoster)
	if c.Ack.Interval() != 0 {
		t.Errorf("each mode waits %s between acknowledgements", c.Ack.Interval())
	}
}

// TestRosterPlan: the roster's plan columns override the tier.
func TestRosterPlan(t *testing.T) {
	roster := strings.Replace(goodRoster, "family\n", "family,contact_every,prefer,notes,helper\n", 1) +
		"E4,赵德华,,一支部,1950,否,否,李娜,,,12h,家属,耳背，先打女儿电话,陈主任\n"
	c, err := load(t, goodConfig, roster)
	if err != nil {
		t.Fatal(err)
	}
	e := c.Elders[3]
	want := store.Plan{Every: 12 * time.Hour, Prefer: "家属", Notes: "耳背，先打女儿电话", Helper: "陈主任"}
	if e.Plan != want || e.ContactEvery != 12*time.Hour || e.EscalateAfter != 24*time.Hour || e.Tier != "normal" {
		t.Errorf("E4 = plan %+v every %s escalate %s tier %s", e.Plan, e.ContactEvery, e.EscalateAfter, e.Tier)
	}
	if d, err := ParseDays("1.5d"); err != nil || d != 36*time.Hour {
		t.Errorf("1.5d = %s %v", d, err)
	}
}

func TestRosterGBKAndYAML(t *testing.T) {
	// "E1,张建国,…" saved by Excel as GBK.
	gbk := []byte("id,name,liaison\nE1,\xd5\xc5\xbd\xa8\xb9\xfa,\xc0\xee\xc4\xc8\n")
	c, err := load(t, goodConfig, string(gbk))
	if err != nil {
		t.Fatal(err)
	}
	if c.Elders[0].Name != "张建国" || c.Elders[0].Liaison != "李娜" {
		t.Errorf("GBK roster read as %+v", c.Elders[0])
	}
	y := strings.Replace(goodConfig, "roster.csv", "roster.yaml", 1)
	c, err = load(t, y, "elders:\n  - id: E1\n    name: 张建国\n    aliases: [老张]\n    liaison: 李娜\n    birth_year: 1940\n")
	if err != nil {
		t.Fatal(err)
	}
	if e := c.Elders[0]; e.Name != "张建国" || e.Aliases[0] != "老张" || e.Tier != "high" {
		t.Errorf("YAML roster read as %+v", e)
	}
	_, err = load(t, y, "elders:\n  - id: E1\n    name: 张建国\n    liaison: 李娜\n    mobile: 1\n")
	var es Errors
	if !errors.As(err, &es) || !strings.Contains(err.Error(), "roster.yaml:2: field mobile not found") {
		t.Errorf("unknown roster key: %v", err)
	}
}

func TestParseCronNeverPanics(t *testing.T) {
	for _, spec := range []string{"TZ=0", "CRON_TZ=Asia/Shanghai", "", "* * *", "@every", "0 9 * * * *", "\x00"} {
		if _, err := ParseCron(spec); err == nil {
			t.Errorf("%q accepted", spec)
		}
	}
	if _, err := ParseCron("@daily"); err != nil {
		t.Error(err)
	}
}

func TestExampleOfficeIsValid(t *testing.T) {
	c, err := LoadFile(filepath.Join("..", "examples", "office", "pingan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Elders) != 30 || len(c.Admins()) != 2 || len(c.Groups) != 3 {
		t.Errorf("example office: %d elders, %d admins, %d groups", len(c.Elders), len(c.Admins()), len(c.Groups))
	}
}

func TestRosterBadQuoteIsAnError(t *testing.T) {
	_, err := load(t, goodConfig, goodRoster+"E9,王\"大\"爷,,一支部,1950,否,否,李娜,,\n")
	if err == nil || !strings.HasPrefix(err.Error(), "roster.csv:5: not valid CSV (bare \" in non-quoted-field)") {
		t.Errorf("err = %v", err)
	}
}

func TestWrittenFilesBesideConfig(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "pingan.yaml"), []byte(goodConfig+"spool: {file: /var/tmp/x.jsonl}\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "roster.csv"), []byte(goodRoster), 0o600)
	c, err := LoadFile(filepath.Join(dir, "pingan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if c.WeChat.SessionFile != filepath.Join(dir, "pingan-session.json") || c.Spool.File != "/var/tmp/x.jsonl" {
		t.Errorf("session %q spool %q", c.WeChat.SessionFile, c.Spool.File)
	}
}
