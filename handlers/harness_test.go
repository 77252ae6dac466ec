package handlers_test

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"pingan/bot"
	"pingan/bot/bottest"
	"pingan/clock"
	"pingan/config"
	"pingan/handlers"
	officepkg "pingan/office"
	"pingan/scheduler"
	"pingan/store"
	"pingan/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

const testConfig = `
office: OFFICE
name: 测试退管办
groups:
  - {name: 一支部群, branch: 一支部}
  - {name: 二支部群, branch: 二支部}
roster: roster.csv
staff:
  - {name: 李娜, remark: 联络员李娜, role: liaison, branch: 一支部}
  - {name: 王强, remark: 联络员王强, role: liaison, branch: 二支部}
  - {name: 陈主任, remark: 陈主任, role: admin}
tiers:
  - name: high
    when: {age_at_least: 80, lives_alone: true}
    contact_every: 24h
  - name: normal
    contact_every: 72h
checkin: {schedule: "0 9 * * *", window: 8h}
jobs: {reminders: "0 16 * * *", report: "30 17 * * *"}
ack: {mode: each}
`

const testRoster = `id,name,aliases,branch,birth_year,lives_alone,serious_illness,liaison,phone,family
E1,张建国,老张|张老师,一支部,1941,否,否,李娜,13800000001,女儿 张丽 13900000001
E2,王秀英,王阿姨,一支部,1950,是,否,李娜,13800000002,
E3,刘德明,刘老,一支部,1955,否,否,李娜,13800000003,
E4,陈桂兰,陈阿姨,二支部,1952,否,否,王强,13800000004,
E5,杨志强,老杨,二支部,1950,否,否,王强,13800000005,
E6,周国华,老周,二支部,1952,否,否,王强,13800000006,
`

// office is one test's bot: service, store and transport on a simulated clock.
type office struct {
	t     *testing.T
	ctx   context.Context
	cfg   *config.Config
	clock *clock.Sim
	st    *store.Store
	svc   *handlers.Service
	out   *bot.Outbox
	tr    *bottest.Transport
	sched *scheduler.Scheduler
	app   *officepkg.App
	log   *slog.Logger
	seq   int
}

// day0 is 2026-11-24 08:55 in Shanghai.
var day0 = time.Date(2026, 11, 24, 8, 55, 0, 0, time.FixedZone("CST", 8*3600))

func newOffice(t *testing.T) *office { return buildOffice(t, officeSetup{}) }

// officeSetup says how buildOffice makes an office; the zero value is newOffice's.
type officeSetup struct {
	config    string                // YAML with OFFICE where the id goes; default testConfig
	roster    string                // roster.csv; default testRoster
	rdb       redis.UniversalClient // default a client on the test Redis
	id        string                // default a fresh office id
	bulletins fs.FS                 // bulletin files, loaded as the app loads them
	instance  string                // the scheduler's process name; default "test"
	logTo     io.Writer             // where the service logs; default nowhere
}

// buildOffice makes an office as the app wires one: config and roster,
// store, outbox on the test transport, service, scheduler started at day0.
func buildOffice(t *testing.T, s officeSetup) *office {
	t.Helper()
	if s.config == "" {
		s.config = testConfig
	}
	if s.roster == "" {
		s.roster = testRoster
	}
	if s.rdb == nil {
		s.rdb = storetest.Client(t)
	}
	if s.id == "" {
		s.id = storetest.Office(t, s.rdb)
	}
	if s.instance == "" {
		s.instance = "test"
	}
	cfg, err := config.Load([]byte(strings.Replace(s.config, "OFFICE", s.id, 1)), "test.yaml",
		func(string) ([]byte, string, error) { return []byte(s.roster), "roster.csv", nil })
	if err != nil {
		t.Fatalf("config: %v", err)
	}
	if s.bulletins != nil {
		if err := config.LoadBulletins(cfg, s.bulletins, "bulletins"); err != nil {
			t.Fatalf("bulletins: %v", err)
		}
	}
	if s.logTo == nil {
		s.logTo = io.Discard
	}
	o := &office{t: t, ctx: context.Background(), cfg: cfg, clock: clock.NewSim(day0), tr: bottest.New(),
		log: slog.New(slog.NewTextHandler(s.logTo, nil))}
	// The office as pingan run wires it: store, outbox, service, scheduler, /任务.
	app, err := officepkg.New(o.ctx, officepkg.Options{Cfg: cfg, Clock: o.clock, Redis: s.rdb, Transport: o.tr, Log: o.log, Instance: s.instance})
	if err != nil {
		t.Fatal(err)
	}
	o.app, o.st, o.out, o.svc, o.sched = app, app.Store, app.Outbox, app.Service(), app.Scheduler
	o.out.Sleep = func(_ context.Context, d time.Duration) error { o.clock.Advance(d); return nil } // a back-off passes on the office's clock
	o.svc.ExportDir = t.TempDir()                                                                   // workbooks and charts
	if err := o.sched.Start(o.ctx); err != nil {
		t.Fatal(err)
	}
	return o
}

// deliver hands a message to the bot as the transport would, and sends what it queued.
func (o *office) deliver(m bot.Message) []bot.Outgoing {
	o.t.Helper()
	if m.ID == "" {
		o.seq++
		m.ID = fmt.Sprintf("m%d", o.seq)
	}
	m.Time = o.clock.Now()
	o.app.Handler().Handle(o.ctx, m)
	return o.flush()
}

func (o *office) group(group, nick, text string) []bot.Outgoing {
	return o.deliver(bottest.Group("", group, nick, text))
}

func (o *office) private(remark, text string) []bot.Outgoing {
	return o.deliver(bottest.Private("", remark, text))
}

func (o *office) flush() []bot.Outgoing {
	o.t.Helper()
	if err := o.out.Flush(o.ctx); err != nil {
		o.t.Fatalf("flush: %v", err)
	}
	return o.tr.Take()
}

// at moves the clock to hh:mm on the test day, firing due jobs, and returns what was sent.
func (o *office) at(day, hh, mm int) []bot.Outgoing {
	o.t.Helper()
	t := time.Date(2026, 11, 24+day, hh, mm, 0, 0, day0.Location())
	o.sched.AdvanceTo(o.ctx, t, o.clock.Set)
	return o.flush()
}

func (o *office) status(id string) store.Status {
	o.t.Helper()
	st, err := o.st.StatusOf(o.ctx, id)
	if err != nil {
		o.t.Fatal(err)
	}
	return st
}

// only asserts that msgs is exactly one message to target and returns its text.
func only(t *testing.T, msgs []bot.Outgoing, target string) string {
	t.Helper()
	if len(msgs) != 1 || msgs[0].Target() != target {
		t.Fatalf("want one message to %s, got:\n%s", target, bottest.Dump(msgs))
	}
	return msgs[0].Text
}

func mustContain(t *testing.T, text string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(text, p) {
			t.Errorf("text lacks %q:\n%s", p, text)
		}
	}
}

func mustNotContain(t *testing.T, text string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if strings.Contains(text, p) {
			t.Errorf("text must not contain %q:\n%s", p, text)
		}
	}
}
