package handlers_test

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"pingan/bot/bottest"
	"pingan/clock"
	"pingan/config"
	"pingan/handlers"
	"pingan/handlers/parse"
	officepkg "pingan/office"
	"pingan/store"
	"pingan/store/storetest"
)

// What staff commands and jobs cost as the office grows: /待办 of one
// liaison and of the admin (who sees everyone's), the reminders job (every liaison's digest and the admins'
// escalation), and the report's figures, at 500, 10,000 and 100,000
// elders, on a real Redis. The office (scaleOffice) has a branch for every
// 2,000 elders and a liaison for every 200; it is 16:00, the day's round
// opened at 09:00; 1 % of the elders were never heard from (overdue), the
// rest answered today (nine in ten) or yesterday evening; 3 % are unwell,
// 2 % sent a sticker, 0.5 % are away.
//
//	go test ./handlers/ -run '^$' -bench 'Scale/elders=(500|10000)$' -benchmem
//	go test ./handlers/ -run '^$' -bench 'Scale/elders=100000$' -benchmem -timeout 30m
//
// The 100,000 case builds its office for a minute and more, and runs only
// when -bench names it.

// scaleSizes are the office sizes the scale benchmarks run at.
var scaleSizes = []int{500, 10000, 100000}

// BenchmarkScale runs each measure at each size, building each office once.
func BenchmarkScale(b *testing.B) {
	for _, n := range scaleSizes {
		name := fmt.Sprintf("elders=%d", n)
		b.Run(name, func(b *testing.B) {
			if n > 10000 && !benchNamed(name) {
				b.Skipf("builds for minutes: run it with -bench 'Scale/%s$'", name)
			}
			o := scaleOffice(b, n)
			ctx := context.Background()
			todo := func(b *testing.B, who config.Staff) {
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					i++
					m := bottest.Private(fmt.Sprintf("todo-%s-%d", who.Remark, i), who.Remark, "/待办")
					m.Time = o.now
					if err := o.svc.Process(ctx, m); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				o.drain(b)
			}
			// /待办 as staff send it: the command, its answer queued.
			b.Run("todo-liaison", func(b *testing.B) { todo(b, o.cfg.Staff[0]) })
			b.Run("todo-admin", func(b *testing.B) { todo(b, o.cfg.Staff[len(o.cfg.Staff)-1]) })
			b.Run("reminders", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := o.svc.Reminders(ctx, o.now); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				sent := o.drain(b)
				b.ReportMetric(float64(sent)/float64(b.N), "msgs")
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6/float64(max(sent/b.N, 1)), "ms/digest")
			})
			b.Run("report", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					ov, err := o.svc.Status(ctx)
					if err != nil {
						b.Fatal(err)
					}
					_ = ov.Text(true)
				}
			})
		})
	}
}

// benchNamed reports whether the -bench pattern names sub explicitly.
func benchNamed(sub string) bool {
	f := flag.Lookup("test.bench")
	return f != nil && strings.Contains(f.Value.String(), sub)
}

// scaled is an office built for the scale benchmarks.
type scaled struct {
	app *officepkg.App
	svc *handlers.Service
	cfg *config.Config
	tr  *bottest.Transport
	rdb redis.UniversalClient
	now time.Time
}

// drain forgets what the outbox queued (the benchmarks measure the work,
// not the sending) and says how many messages that was.
func (o *scaled) drain(b testing.TB) int {
	ctx := context.Background()
	d, err := o.app.Store.Outbox().Depths(ctx)
	if err != nil {
		b.Fatal(err)
	}
	keys, err := o.rdb.Keys(ctx, "pg:{"+o.cfg.Office+"}:outbox*").Result()
	if err != nil {
		b.Fatal(err)
	}
	if len(keys) > 0 {
		if err := o.rdb.Del(ctx, keys...).Err(); err != nil {
			b.Fatal(err)
		}
	}
	return int(d.Total())
}

var scaleSurnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
var scaleGiven = []rune("建国秀英德明桂兰志强华玉珍淑芬海军文平丽红永刚春梅金凤宝荣庆林学成俊")

// scaleName is elder i's name: a surname and two given runes, distinct
// for the first 100,000 or so.
func scaleName(i int) string {
	s, g := scaleSurnames, scaleGiven
	return string([]rune{s[i%len(s)], g[(i/len(s))%len(g)], g[(i/len(s)/len(g))%len(g)]})
}

// scaleOffice builds an office of n elders in the state described above,
// on a private redis-server, through the app as pingan run wires it.
func scaleOffice(b testing.TB, n int) *scaled { return scaleOfficeOf(b, n, 2000) }

// scaleOfficeOf is scaleOffice with a branch (and its group) for every
// perBranch elders.
func scaleOfficeOf(b testing.TB, n, perBranch int) *scaled {
	b.Helper()
	ctx := context.Background()
	branches, liaisons := max(2, n/perBranch), max(2, n/200)
	var cfgText strings.Builder
	cfgText.WriteString("office: OFFICE\nname: 测试退管办\nroster: roster.csv\ngroups:\n")
	for i := range branches {
		fmt.Fprintf(&cfgText, "  - {name: 支部%d群, branch: 支部%d}\n", i, i)
	}
	cfgText.WriteString("staff:\n  - {name: 陈主任, remark: 陈主任, role: admin}\n")
	for i := range liaisons {
		fmt.Fprintf(&cfgText, "  - {name: 联络员%d, remark: 联络员%d, role: liaison, branch: 支部%d}\n", i, i, i*branches/liaisons)
	}
	cfgText.WriteString(`tiers:
  - {name: high, when: {age_at_least: 80, lives_alone: true}, contact_every: 24h}
  - {name: normal, contact_every: 72h}
checkin: {schedule: "0 9 * * *", window: 8h}
`)
	var roster strings.Builder
	roster.WriteString("id,name,aliases,branch,birth_year,lives_alone,serious_illness,liaison,phone,family\n")
	for i := range n {
		l := i * liaisons / n
		fmt.Fprintf(&roster, "E%06d,%s,,支部%d,%d,%s,否,联络员%d,138%08d,\n", i, scaleName(i), l*branches/liaisons,
			1940+i%20, map[bool]string{true: "是", false: "否"}[i%7 == 0], l, i)
	}
	rdb, err := store.NewClient(storetest.NewMemoryServer(b).URL())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = rdb.Close() })
	const id = "bench"
	cfg, err := config.Load([]byte(strings.Replace(cfgText.String(), "OFFICE", id, 1)), "bench.yaml",
		func(string) ([]byte, string, error) { return []byte(roster.String()), "roster.csv", nil })
	if err != nil {
		b.Fatal(err)
	}
	if cfg.Staff[0].Role != config.RoleLiaison {
		cfg.Staff = append(cfg.Staff[1:], cfg.Staff[0]) // a liaison first and the admin last, for the benchmarks
	}
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, cfg.Location)
	clk := clock.NewSim(today.Add(-24*time.Hour + 8*time.Hour))
	tr := bottest.New()
	app, err := officepkg.New(ctx, officepkg.Options{Cfg: cfg, Clock: clk, Redis: rdb, Transport: tr,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Instance: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(app.Close)
	svc, st := app.Service(), app.Store
	clk.Set(today.Add(9 * time.Hour))
	if err := svc.Checkin(ctx, clk.Now()); err != nil {
		b.Fatal(err)
	}
	round, err := st.LatestRound(ctx, clk.Now())
	if err != nil {
		b.Fatal(err)
	}
	clk.Set(today.Add(16 * time.Hour))
	work := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failed error
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				if err := scaleContact(ctx, st, cfg.Elders[i], i, today, &round); err != nil {
					mu.Lock()
					failed = err
					mu.Unlock()
				}
			}
		}()
	}
	for i := range n {
		if i%100 != 0 { // one in a hundred never heard from: overdue
			work <- i
		}
	}
	close(work)
	wg.Wait()
	if failed != nil {
		b.Fatal(failed)
	}
	for i := 7; i < n; i += 200 {
		e := cfg.Elders[i]
		if err := st.SetAway(ctx, store.Absence{ElderID: e.ID, Kind: store.AwayHospital, Until: today.AddDate(0, 0, 5), By: "陈主任", At: clk.Now()}); err != nil {
			b.Fatal(err)
		}
	}
	o := &scaled{app: app, svc: svc, cfg: cfg, tr: tr, rdb: rdb, now: clk.Now()}
	o.drain(b)
	if bb, ok := b.(*testing.B); ok {
		bb.ResetTimer()
	}
	return o
}

// scaleContact records elder i's latest contact: today in the round (nine
// in ten) or yesterday at 17:00; 3 % unwell, 2 % a sticker.
func scaleContact(ctx context.Context, st *store.Store, e store.Elder, i int, today time.Time, r *store.Round) error {
	c := store.Contact{At: today.Add(9*time.Hour + time.Duration(i%25000)*time.Second), Source: store.SourceReply, By: e.Name,
		Group: "支部0群", Text: "平安", Health: parse.HealthWell, Doses: -1, Test: parse.TestUnknown, MsgID: fmt.Sprintf("s%d", i)}
	if i%10 == 9 {
		c.At = today.Add(-7 * time.Hour)
	}
	switch i % 100 {
	case 1, 2, 3:
		c.Health, c.Text = parse.HealthUnwell, "腿疼"
	case 4, 5:
		c.Source, c.Health, c.Flag, c.Text = store.SourceSticker, parse.HealthUnknown, true, ""
	}
	return st.RecordContact(ctx, e, c, r)
}
