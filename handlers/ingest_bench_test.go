package handlers_test

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"pingan/bot"
	"pingan/bot/bottest"
)

// BenchmarkIngest measures check-in replies through the whole handler
// path — the inbound workers a transport feeds, parsing, who sent it, the
// round, the ledger's script, the acknowledgement — against the ceiling
// of the same Redis running a script equivalent to the ledger's
// (rawRecord: the same keys and commands, nothing else) from 16 clients at
// once, side by side in one run: the path with 16 workers (and with one,
// as the office applied messages before: one at a time). An office of 10,000 elders in
// groups of 200, one reply in ten from family (「张建国女儿」), 3 % unwell
// (the liaison is told). It reports replies/s of each and their ratio,
// and the path's allocations per reply; ns/op is the path's.
//
//	go test ./handlers/ -run '^$' -bench Ingest -benchtime 20000x
func BenchmarkIngest(b *testing.B) {
	o := &ingest{scaled: scaleOfficeOf(b, ingestElders, 200)} // built once for the runs below
	o.before = o.recorded(b)
	b.Run(fmt.Sprintf("elders=%d/serial", ingestElders), func(b *testing.B) { benchIngest(b, o, 1) })
	b.Run(fmt.Sprintf("elders=%d/workers=16", ingestElders), func(b *testing.B) { benchIngest(b, o, 16) })
}

// benchIngest sends b.N replies through the app's inbound chain: with one
// worker, one at a time in the caller's goroutine (as the app did before
// it had workers); with more, from one goroutine as a transport does, into
// app.Inbound with that many workers, until all are applied.
func benchIngest(b *testing.B, o *ingest, workers int) {
	ctx := context.Background()
	const rawWorkers = 16
	n := b.N - b.N%rawWorkers
	if n == 0 {
		n = rawWorkers
	}
	// The raw ceiling: the equivalent script on the same Redis, 16 at once.
	b.StopTimer()
	raw := o.rawRecordArgs(n)
	rawStats := o.commandStats(b)
	start := time.Now()
	var failed atomic.Value
	run(rawWorkers, n, func(i int) {
		if err := rawRecord.Run(ctx, o.rdb, raw.keys(i), raw.args(i)...).Err(); err != nil {
			failed.Store(err)
		}
	})
	if err := failed.Load(); err != nil {
		b.Fatal(err)
	}
	rawTook := time.Since(start)
	o.logCommands(b, "raw script", rawStats, o.commandStats(b), n)
	// The whole path: 16 senders, each its own messages in order.
	msgs := o.ingestMessages(n)
	var ms0, ms1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms0)
	stats0 := o.commandStats(b)
	b.StartTimer()
	start = time.Now()
	if workers == 1 {
		h := o.app.Handler()
		for _, m := range msgs {
			h.Handle(ctx, m)
		}
	} else {
		in := bot.NewOrdered(o.app.Handler(), workers, 64) // as app.Inbound, with this many workers
		for _, m := range msgs {
			in.Handle(ctx, m)
		}
		in.Close()
	}
	pathTook := time.Since(start)
	b.StopTimer()
	runtime.ReadMemStats(&ms1)
	o.logCommands(b, "whole path", stats0, o.commandStats(b), n)
	if got := o.recorded(b) - o.before; got != int64(n) {
		b.Fatalf("%d replies recorded, want %d", got, n)
	}
	o.before += int64(n)
	rawRate, pathRate := float64(n)/rawTook.Seconds(), float64(n)/pathTook.Seconds()
	b.ReportMetric(rawRate, "raw-replies/s")
	b.ReportMetric(pathRate, "path-replies/s")
	b.ReportMetric(pathRate/rawRate, "ratio")
	b.ReportMetric(float64(ms1.Mallocs-ms0.Mallocs)/float64(n), "path-allocs/reply")
	b.ReportMetric(float64(ms1.TotalAlloc-ms0.TotalAlloc)/float64(n), "path-B/reply")
}

// commandStats is Redis's count and time (µs) of each command run so far.
func (o *ingest) commandStats(b *testing.B) map[string][2]float64 {
	info, err := o.rdb.Info(context.Background(), "commandstats").Result()
	if err != nil {
		b.Fatal(err)
	}
	out := map[string][2]float64{}
	for _, line := range strings.Split(info, "\n") {
		name, rest, ok := strings.Cut(strings.TrimSpace(line), ":")
		if !ok || !strings.HasPrefix(name, "cmdstat_") {
			continue
		}
		var calls, usec float64
		for _, kv := range strings.Split(rest, ",") {
			k, v, _ := strings.Cut(kv, "=")
			switch k {
			case "calls":
				calls, _ = strconv.ParseFloat(v, 64)
			case "usec":
				usec, _ = strconv.ParseFloat(v, 64)
			}
		}
		out[strings.TrimPrefix(name, "cmdstat_")] = [2]float64{calls, usec}
	}
	return out
}

// logCommands logs, with -v, the commands Redis ran per reply on the path
// and the time it spent on them (scripts' commands are counted inside).
func (o *ingest) logCommands(b *testing.B, what string, before, after map[string][2]float64, n int) {
	if !testing.Verbose() || n < 1000 {
		return
	}
	b.Logf("%s:", what)
	var names []string
	for c := range after {
		names = append(names, c)
	}
	sort.Strings(names)
	var usec float64
	for _, c := range names {
		d := [2]float64{after[c][0] - before[c][0], after[c][1] - before[c][1]}
		if d[0] == 0 {
			continue
		}
		b.Logf("  %-16s %6.2f calls/reply %7.1f µs/reply", c, d[0]/float64(n), d[1]/float64(n))
		if c == "evalsha" || c == "eval" || !strings.Contains(c, "|") {
			usec += d[1]
		}
	}
	b.Logf("  Redis busy %.1f µs per reply (a script's time includes its commands')", usec/float64(n))
}

// run calls f(i) for i in [0, n) from workers goroutines; goroutine w
// takes i ≡ w (mod workers), in order.
func run(workers, n int, f func(i int)) {
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				f(i)
			}
		}()
	}
	wg.Wait()
}

// ingest is the benchmark's office, built once for all its runs.
type ingest struct {
	*scaled
	before int64 // contacts recorded by earlier runs
	seq    atomic.Int64
}

const ingestElders = 10000

// recorded is how many contacts the office's log holds.
func (o *ingest) recorded(b testing.TB) int64 {
	n, err := o.rdb.XLen(context.Background(), "pg:{"+o.cfg.Office+"}:contacts").Result()
	if err != nil {
		b.Fatal(err)
	}
	return n
}

var ingestTexts = []string{"平安", "1", "平安，三针都打了", "我很好，谢谢关心", "都好", "平安，今天去买菜了"}

// ingestMessages are n replies, elder i%elders's, from their own group.
func (o *ingest) ingestMessages(n int) []bot.Message {
	out := make([]bot.Message, n)
	for i := range out {
		k := int(o.seq.Add(1))
		e := o.cfg.Elders[k%len(o.cfg.Elders)]
		group := "支部" + e.Branch[len("支部"):] + "群"
		text := ingestTexts[k%len(ingestTexts)]
		nick := e.Name
		switch {
		case k%100 < 3:
			text = "今天头晕，不太舒服"
		case k%10 == 5:
			nick, text = e.Name+"女儿", "我爸挺好的"
		}
		m := bottest.Group("bench-"+strconv.Itoa(k), group, nick, text)
		m.Time = o.now
		out[i] = m
	}
	return out
}

// rawRecord does what the ledger's record script does to Redis for one
// reply — dedupe, status, due and escalation, health indexes, the round,
// flags, the contacts log and the history — without reading anything
// first: the ceiling of the Redis the office runs on.
var rawRecord = redis.NewScript(`
if redis.call('EXISTS', KEYS[4]) == 1 then return 0 end
for i = 1, 3 do
  if redis.call('SISMEMBER', KEYS[i], ARGV[1]) == 1 then return 0 end
end
local cur = redis.call('HGET', KEYS[5], ARGV[2])
redis.call('SADD', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[1], 259200)
redis.call('HSET', KEYS[5], ARGV[2], ARGV[3])
redis.call('ZADD', KEYS[6], 'GT', ARGV[5], ARGV[2])
redis.call('ZADD', KEYS[7], 'GT', ARGV[5], ARGV[2])
if redis.call('HEXISTS', KEYS[12], ARGV[2]) == 1 then
  redis.call('SADD', KEYS[13], ARGV[2])
  redis.call('SREM', KEYS[14], ARGV[2])
end
if redis.call('SADD', KEYS[9], ARGV[2]) == 1 then redis.call('HINCRBY', KEYS[15], 'b:x', 1) end
redis.call('EXPIRE', KEYS[9], 259200, 'NX')
redis.call('ZREM', KEYS[11], ARGV[2])
local last = redis.call('XREVRANGE', KEYS[10], '+', '-', 'COUNT', 1)
local id = tonumber(ARGV[6])
if #last > 0 then
  local lms = tonumber(string.match(last[1][1], '^(%d+)'))
  if lms and id <= lms then id = lms + 1 end
end
local sid = string.format('%.0f', id)
redis.call('XADD', KEYS[10], 'MINID', '~', '0', sid .. '-0', 'c', ARGV[4])
redis.call('LPUSH', KEYS[8], sid)
redis.call('LTRIM', KEYS[8], 0, 1600)
redis.call('LINDEX', KEYS[8], -1)
redis.call('EXPIRE', KEYS[8], 34560000)
return 1
`)

type rawArgs struct {
	office string
	ids    []string
	seq    int64
}

func (o *ingest) rawRecordArgs(n int) rawArgs {
	ids := make([]string, len(o.cfg.Elders))
	for i, e := range o.cfg.Elders {
		ids[i] = e.ID
	}
	return rawArgs{office: "raw", ids: ids, seq: o.seq.Add(int64(n))}
}

func (r rawArgs) keys(i int) []string {
	p := "pg:{" + r.office + "}:"
	id := r.ids[i%len(r.ids)]
	return []string{p + "dedupe:1", p + "dedupe:2", p + "dedupe:3", p + "seen:x", p + "status", p + "due", p + "escalate",
		p + "hist:" + id, p + "round:r:seen", p + "contacts", p + "flags", p + "elders", p + "well", p + "unwell", p + "round:r:count"}
}

func (r rawArgs) args(i int) []any {
	id := r.ids[i%len(r.ids)]
	status := `{"last":"2026-11-24T09:05:00+08:00","last_source":"reply","last_text":"平安，三针都打了","health":"well","health_at":"2026-11-24T09:05:00+08:00","doses":3,"test":"unknown"}`
	return []any{fmt.Sprintf("raw-%d-%d", r.seq, i), id, status, "\x1f\x1fr\x1fw\x1f3\x1f?\x1f\x1f\x1f\x1f1\x1f\x1f平安，三针都打了",
		1764000000 + i, 1763946000000 + int64(i)}
}
