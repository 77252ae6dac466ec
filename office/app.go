package office

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"

	"pingan/alert"
	"pingan/bot"
	"pingan/clock"
	"pingan/config"
	"pingan/examples"
	"pingan/handlers"
	"pingan/scheduler"
	"pingan/spool"
	"pingan/store"
)

// Package office wires one running office: config, store, handlers,
// outbox, scheduler and a transport. `pingan run` and `pingan demo` start
// it, and the tests start it the same way.
//
// App is one running office: config, store, handlers, outbox, scheduler and
// a transport. Tests start it the way main does.
type App struct {
	// Cfg is the config the app started with; Config is the one in force
	// after a reload.
	Cfg       *config.Config
	Clock     clock.Clock
	Store     *store.Store
	Outbox    *bot.Outbox
	Scheduler *scheduler.Scheduler
	Transport bot.Transport
	Log       *slog.Logger
	// Registry holds the app's metrics (scheduler job outcomes, …) for /metrics.
	Registry *prometheus.Registry
	// Alerts is the emergency alerts' second channel; nil when none is configured.
	Alerts *alert.Dispatcher

	svc        atomic.Pointer[handlers.Service] // the service in force; a reload swaps it
	configPath string                           // where the config is read again; "" the embedded example
	reloadMu   sync.Mutex                       // one reload at a time

	rdb   redis.UniversalClient
	mini  *miniredis.Miniredis
	spool *spool.File
	retry time.Duration
	// ready is set once the roster is in the store and the scheduler may
	// start; until then messages wait in the spool.
	ready atomic.Bool
	// workers is how many inbound messages are handled at once (Run).
	workers int
	inbound atomic.Pointer[bot.Ordered] // while Run runs
}

// DefaultWorkers is how many inbound messages an app handles at once:
// each waits on Redis most of its time, so a few more than the cores.
const DefaultWorkers = 16

// Options says how to build an App.
type Options struct {
	Cfg   *config.Config
	Clock clock.Clock
	// Redis, when set, is used instead of connecting to the config's URL.
	Redis redis.UniversalClient
	// Embedded runs on an in-process store when the config has no Redis URL.
	Embedded  bool
	Transport bot.Transport
	Outbox    bot.OutboxOptions
	Log       *slog.Logger
	// Instance names this process in job locks; default host-pid.
	Instance string
	// SpoolFile, when set, keeps inbound messages on disk while Redis is
	// down, and alarms beside it (SpoolFile + ".alarms"). With it the app
	// also starts while Redis is unreachable, and connects when it can.
	SpoolFile string
	// ConfigPath is the config file a reload reads again; "" reads the
	// embedded example office.
	ConfigPath string
	// StoreRetry is the first wait before connecting again to a store that
	// was unreachable at start; it doubles up to 64 times that, at most a
	// minute. Default 1s.
	StoreRetry time.Duration
	// Workers is how many inbound messages Run handles at once, each
	// sender's in order; default the config's inbound.workers, else
	// DefaultWorkers. 1 handles each message in
	// the transport's goroutine before it reads the next (the demo's
	// console, whose script moves the clock between messages).
	Workers int
}

// OutboxOptions is the pacing and acknowledgement config as the outbox takes it.
func OutboxOptions(cfg *config.Config) bot.OutboxOptions {
	return bot.OutboxOptions{Gap: cfg.Outbox.GapD(), Jitter: cfg.Outbox.JitterD(), PerMinute: cfg.Outbox.Cap(), AckEvery: cfg.Ack.Interval()}
}

// New connects the store, loads the roster and wires the parts.
func New(ctx context.Context, o Options) (*App, error) {
	a := &App{Cfg: o.Cfg, Clock: o.Clock, Transport: o.Transport, Log: o.Log, rdb: o.Redis, retry: o.StoreRetry, configPath: o.ConfigPath,
		workers: o.Workers}
	if a.retry <= 0 {
		a.retry = time.Second
	}
	if a.workers <= 0 {
		a.workers = o.Cfg.Inbound.Workers // inbound.workers in the config
	}
	if a.workers <= 0 {
		a.workers = DefaultWorkers
	}
	if a.Log == nil {
		a.Log = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	switch {
	case a.rdb != nil:
	case o.Cfg.Redis.URL != "":
		c, err := store.NewClient(o.Cfg.Redis.URL)
		if err != nil {
			return nil, err
		}
		a.rdb = c
		if err := c.Ping(ctx).Err(); err != nil {
			if o.SpoolFile == "" {
				_ = c.Close()
				return nil, fmt.Errorf("connect to redis: %w", err)
			}
			a.Log.Warn("Redis unreachable at start: inbound messages go to the spool and alarms out from the process until it answers", "err", err)
		}
	case o.Embedded:
		m := miniredis.NewMiniRedis()
		if err := m.Start(); err != nil {
			return nil, fmt.Errorf("start embedded store: %w", err)
		}
		m.SetTime(a.Clock.Now())
		a.mini = m
		a.rdb = redis.NewClient(&redis.Options{Addr: m.Addr()})
	default:
		return nil, errors.New("redis.url is empty: a real office must keep its ledger in Redis; set redis.url (or pass --ephemeral to run on a throw-away in-process store)")
	}
	if o.SpoolFile != "" {
		sp, err := spool.Open(o.SpoolFile)
		if err != nil {
			a.Close()
			return nil, err
		}
		a.spool = sp
	}
	a.Store = store.New(a.rdb, o.Cfg.Office, a.Clock, store.WithLogger(a.Log), store.WithRetention(o.Cfg.Ledger.Retention.D()))
	obOpts := o.Outbox
	obOpts.AckEvery = o.Cfg.Ack.Interval()
	if o.SpoolFile != "" {
		obOpts.LocalFile = o.SpoolFile + ".alarms"
	}
	ob, err := bot.NewOutbox(a.Store.Outbox(), a.Transport, a.Log, obOpts)
	if err != nil {
		a.Close()
		return nil, err
	}
	a.Outbox = ob
	a.Outbox.Now = a.Clock.Now
	a.Outbox.AckText = func(ctx context.Context, group string, items []bot.AckItem) bot.Outgoing {
		return a.Service().AckMessage(ctx, group, items)
	}
	// The second channel for emergencies (WeCom robot, SMS webhook), when configured.
	a.Alerts = alert.New(alert.Options{WeComURL: o.Cfg.Urgent.WeComWebhook, WeComDetails: o.Cfg.Urgent.WeComDetails, WebhookURL: o.Cfg.Urgent.Webhook,
		Timeout: o.Cfg.Urgent.Timeout.D(), Retries: o.Cfg.Urgent.RetryCount()}, a.Log)
	jobs, err := scheduler.JobsFor(o.Cfg, liveService{a})
	if err != nil {
		a.Close()
		return nil, err
	}
	inst := o.Instance
	if inst == "" {
		host, _ := os.Hostname()
		inst = fmt.Sprintf("%s-%d", host, os.Getpid())
	}
	a.Scheduler = scheduler.New(jobs, o.Cfg.Location, a.Store, a.Clock, a.Log, inst)
	a.Scheduler.OnFail = a.jobFailed
	a.svc.Store(a.newService(o.Cfg))
	if err := a.setupStore(ctx); err != nil {
		if a.spool == nil {
			a.Close()
			return nil, err
		}
		a.Log.Warn("store not ready; will retry", "err", err)
	}
	if err := a.registerMetrics(); err != nil {
		a.Close()
		return nil, err
	}
	return a, nil
}

// newService builds the handlers for cfg, wired as the app wires them.
func (a *App) newService(cfg *config.Config) *handlers.Service {
	svc := handlers.New(cfg, a.Store, a.Outbox, a.Clock, a.Log)
	if a.Alerts != nil {
		svc.UseAlerts(a.Alerts)
	}
	svc.Mux().Handle(handlers.JobsCommand(a.Scheduler.Status, cfg.Location, a.Log))
	svc.OnReload = a.Reload
	return svc
}

// Service is the service in force.
func (a *App) Service() *handlers.Service { return a.svc.Load() }

// Config is the config in force.
func (a *App) Config() *config.Config { return a.Service().Config() }

// jobFailed tells the admins that a job failed; the scheduler calls it at
// most once per job per office day, whatever the number of failures or processes.
func (a *App) jobFailed(job string, tick time.Time, err error) {
	text := fmt.Sprintf("【系统提示】定时任务「%s」（%s）执行失败，请检查日志；今天该任务再失败不再提示，发送 /任务 查看最新情况。",
		job, tick.In(a.Cfg.Location).Format("01-02 15:04"))
	for _, ad := range a.Config().Admins() {
		_ = a.Outbox.Enqueue(context.Background(), a.Clock.Now(), bot.Outgoing{To: ad.Remark, Text: text, Lane: bot.LaneStaff})
	}
}

// setupStore writes the roster to the store, gives an expiry to what
// earlier versions kept forever and moves messages an earlier version left
// in its single queue into the lanes; then the app is ready.
func (a *App) setupStore(ctx context.Context) error {
	if err := a.Service().Setup(ctx); err != nil {
		return err
	}
	a.Outbox.MarkStoreUp()
	if err := a.Store.Upkeep(ctx); err != nil { // expiries for what earlier versions kept forever
		a.Log.Error("store upkeep", "err", err)
	}
	if n, err := bot.MigrateLegacy(ctx, a.Store.Outbox()); err != nil {
		a.Log.Error("outbox: old queue not moved", "err", err)
	} else if n > 0 {
		a.Log.Info("outbox: moved queued messages into lanes", "n", n)
	}
	a.ready.Store(true)
	return nil
}

// StoreHealth says why the store cannot be used now; nil when it can.
func (a *App) StoreHealth(ctx context.Context) error {
	if err := a.Store.Ping(ctx); err != nil {
		return fmt.Errorf("unreachable (inbound messages wait in the spool, alarms go out from the process): %w", err)
	}
	if !a.ready.Load() {
		return errors.New("reachable again, roster not loaded yet")
	}
	return nil
}

// SpoolLen is the number of inbound messages waiting in the spool.
func (a *App) SpoolLen() int {
	if a.spool == nil {
		return 0
	}
	n, _ := a.spool.Len()
	return n
}

// Ready reports whether the store holds the roster and the app works normally.
func (a *App) Ready() bool { return a.ready.Load() }

// waitForStore retries setupStore with back-off until it succeeds, then
// starts the scheduler and replays the spool.
func (a *App) waitForStore(ctx context.Context) {
	wait := a.retry
	for !a.ready.Load() {
		if err := bot.Sleep(ctx, wait); err != nil {
			return
		}
		if err := a.setupStore(ctx); err != nil {
			wait = min(2*wait, 64*a.retry, time.Minute)
			a.Log.Warn("Redis still unreachable: inbound messages are kept in the spool, alarms go out from the process", "retry_in", wait, "err", err)
			continue
		}
		a.Log.Info("Redis reachable: roster loaded, scheduler starting, spool replaying")
		a.startScheduler(ctx)
		if _, err := a.ReplaySpool(ctx); err != nil {
			a.Log.Warn("spool replay waits for the store", "err", err)
		}
	}
}

// startScheduler catches up missed jobs and, on the real clock, runs them.
func (a *App) startScheduler(ctx context.Context) {
	if err := a.Scheduler.Start(ctx); err != nil {
		a.Log.Error("scheduler start", "err", err)
	}
	if _, sim := a.Clock.(*clock.Sim); !sim {
		go func() { _ = a.Scheduler.Run(ctx) }()
	}
}

// Handler is the inbound chain: recover, clean, then the service, with
// messages the store cannot take kept in the spool. It handles one
// message in the caller's goroutine; Run hands messages to Inbound.
func (a *App) Handler() bot.Handler {
	return bot.Chain(bot.HandlerFunc(a.handle), bot.Recover(a.Log), bot.Clean(bot.MaxTextBytes))
}

// Inbound is what a transport feeds: Handler behind workers that handle
// different senders' messages at once and each sender's in order
// (bot.Ordered). Close it to wait for what it holds.
func (a *App) Inbound() *bot.Ordered {
	return bot.NewOrdered(a.Handler(), a.workers, inboundDepth)
}

// inboundDepth is how many messages each inbound worker queues before the
// transport waits.
const inboundDepth = 64

// handle applies one message, or spools it while Redis is down. While the
// spool holds messages, new ones join it, so that order is kept: a
// sender's messages come one after another (Inbound), so one that follows
// a spooled one of theirs finds the spool not empty.
func (a *App) handle(ctx context.Context, m bot.Message) {
	if a.spool != nil {
		if n, _ := a.spool.Len(); n > 0 || !a.ready.Load() {
			a.spoolMessage(ctx, m)
			return
		}
	}
	err := a.Service().Process(ctx, m)
	switch {
	case err == nil:
	case errors.Is(err, handlers.ErrStore) && a.spool != nil:
		a.Log.Warn("store unreachable: message kept in the spool", "msg", m.ID, "err", err)
		a.Outbox.MarkStoreDown()
		a.spoolMessage(ctx, m)
	case errors.Is(err, handlers.ErrStore):
		a.Outbox.MarkStoreDown()
		a.Service().AlarmWithoutStore(ctx, m)
		a.Log.Error("message not applied", "msg", m.ID, "err", err)
	default:
		a.Log.Error("message not applied", "msg", m.ID, "err", err)
	}
}

// spoolMessage keeps m for later; an emergency in it is alarmed now, from
// the process, and the spooled copy remembers that it was.
func (a *App) spoolMessage(ctx context.Context, m bot.Message) {
	if !m.AlertedOffline {
		m.AlertedOffline = a.Service().AlarmWithoutStore(ctx, m)
	}
	if err := a.spool.Append(m); err != nil {
		a.Log.Error("message lost: neither the store nor the spool could take it", "msg", m.ID, "group", m.Group, "err", err)
	}
}

// ReplaySpool applies spooled messages in order while the store takes
// them, and returns how many were applied.
func (a *App) ReplaySpool(ctx context.Context) (int, error) {
	if a.spool == nil || !a.ready.Load() {
		return 0, nil
	}
	if n, _ := a.spool.Len(); n == 0 {
		return 0, nil
	}
	if err := a.Store.Ping(ctx); err != nil {
		return 0, err
	}
	a.Outbox.MarkStoreUp()
	n, err := a.spool.Replay(ctx, func(ctx context.Context, m bot.Message) error {
		err := a.Service().Process(ctx, m)
		if err != nil && !errors.Is(err, handlers.ErrStore) {
			a.Log.Error("spooled message not applied", "msg", m.ID, "err", err)
			return nil
		}
		return err
	})
	if n > 0 {
		a.Log.Info("replayed spooled messages", "n", n)
	}
	return n, err
}

// SetClock moves a simulated clock, and the embedded store's clock with it.
func (a *App) SetClock(t time.Time) {
	sim, ok := a.Clock.(*clock.Sim)
	if !ok {
		return
	}
	prev := sim.Now()
	sim.Set(t)
	if a.mini != nil && t.After(prev) {
		a.mini.SetTime(t)
		a.mini.FastForward(t.Sub(prev))
	}
}

// AdvanceTo moves the simulated clock to t, firing every job due on the way.
func (a *App) AdvanceTo(ctx context.Context, t time.Time) {
	a.Scheduler.AdvanceTo(ctx, t, a.SetClock)
}

// Run starts the scheduler on the real clock (a simulated clock is moved by
// AdvanceTo), the outbox, and the transport, whose messages DefaultWorkers
// (Options.Workers) handle at once, each sender's in order; it returns when
// the transport ends or ctx is done, once every message it handed over is
// handled.
func (a *App) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if a.ready.Load() {
		a.startScheduler(ctx)
	} else {
		go a.waitForStore(ctx)
	}
	go func() { _ = a.Outbox.Run(ctx, 2*time.Second) }()
	if a.spool != nil {
		go func() {
			t := time.NewTicker(3 * time.Second)
			defer t.Stop()
			for {
				select {
				case <-ctx.Done():
					return
				case <-t.C:
					if _, err := a.ReplaySpool(ctx); err != nil {
						a.Log.Debug("spool replay waits for the store", "err", err)
					}
				}
			}
		}()
	}
	var err error
	if a.workers == 1 {
		err = a.Transport.Run(ctx, a.Handler())
	} else {
		in := a.Inbound()
		a.inbound.Store(in)
		err = a.Transport.Run(ctx, in)
		in.Close() // what the transport handed over is applied (or spooled) before Run returns
		a.inbound.Store(nil)
	}
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

// InboundQueued is how many inbound messages wait for a worker or are
// being handled.
func (a *App) InboundQueued() int64 {
	if in := a.inbound.Load(); in != nil {
		return in.Queued()
	}
	return 0
}

// Close releases the store.
func (a *App) Close() {
	if a.rdb != nil {
		_ = a.rdb.Close()
	}
	if a.mini != nil {
		a.mini.Close()
	}
}

// LoadRunConfig is LoadConfig for a bot that runs: bulletin files that
// fail validation are skipped (returned as skipped, for the admins), the
// rest loads; any other error is fatal.
func LoadRunConfig(path string) (cfg *config.Config, skipped *config.SkippedBulletins, err error) {
	cfg, err = LoadConfig(path)
	if errors.As(err, &skipped) {
		return cfg, skipped, nil
	}
	return cfg, nil, err
}

// LoadConfig reads the config at path, or the embedded example when path
// is "", with the bulletin files of its bulletins.dir.
func LoadConfig(path string) (*config.Config, error) {
	if path != "" {
		cfg, err := config.LoadFile(path)
		if err != nil || cfg.Bulletins.Dir == "" {
			return cfg, err
		}
		dir := cfg.Bulletins.Dir
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(filepath.Dir(path), dir)
		}
		return cfg, config.LoadBulletins(cfg, os.DirFS(dir), dir)
	}
	b, err := fs.ReadFile(examples.Office, "office/pingan.yaml")
	if err != nil {
		return nil, err
	}
	cfg, err := config.Load(b, "examples/office/pingan.yaml", func(name string) ([]byte, string, error) {
		rb, err := fs.ReadFile(examples.Office, "office/"+name)
		return rb, "examples/office/" + name, err
	})
	if err != nil || cfg.Bulletins.Dir == "" {
		return cfg, err
	}
	dir := filepath.ToSlash(filepath.Join("office", cfg.Bulletins.Dir))
	sub, err := fs.Sub(examples.Office, dir)
	if err != nil {
		return nil, err
	}
	return cfg, config.LoadBulletins(cfg, sub, "examples/"+dir)
}
