package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"pingan/office"
	"time"

	"pingan/bot"
	"pingan/bot/wechat"
	"pingan/clock"
)

// cmdRun runs the real bot on WeChat.
func cmdRun(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("run", flag.ContinueOnError)
	fl.SetOutput(stderr)
	cfgPath := fl.String("config", "", "config file")
	ephemeral := fl.Bool("ephemeral", false, "allow an empty redis.url: run on a throw-away in-process store")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if *cfgPath == "" {
		fmt.Fprintln(stderr, "pingan run: give --config FILE")
		return 2
	}
	cfg, skipped, err := office.LoadRunConfig(*cfgPath)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if cfg.Redis.URL == "" && !*ephemeral {
		fmt.Fprintln(stderr, "pingan run: redis.url is empty; a real office must not lose its ledger on restart. Set redis.url, or pass --ephemeral to accept a throw-away store.")
		return 1
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	tr := wechat.New(wechat.Options{SessionFile: cfg.WeChat.SessionFile, QRFile: cfg.WeChat.QRFile, QROut: stdout, Groups: cfg.GroupNames()}, log)
	app, err := office.New(ctx, office.Options{Cfg: cfg, Clock: clock.Real{}, Embedded: *ephemeral, Transport: tr, Log: log,
		SpoolFile: cfg.Spool.File, ConfigPath: *cfgPath,
		Outbox: office.OutboxOptions(cfg)})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer app.Close()
	h, err := wechat.HealthHandler(tr, app.Registry, app.Outbox, wechat.Check{Name: "redis", Err: app.StoreHealth})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	go func() {
		if err := wechat.ServeHealth(ctx, cfg.HTTP.Addr, h, log); err != nil {
			log.Error("health endpoint", "addr", cfg.HTTP.Addr, "err", err)
		}
	}()
	go watchSession(ctx, app, tr, time.Second)
	defer app.ReloadOnHangup(ctx)()
	if skipped != nil {
		log.Warn("bulletin files skipped", "err", skipped)
		app.TellAdmins(ctx, cfg, "【系统提示】启动时以下通知文件有误，已跳过，其余照常：\n"+office.ShortErr(skipped)+"\n改好后发 /重新加载（或向进程发 SIGHUP）。")
	}
	fmt.Fprintf(stdout, "pingan %s：%d 个群，%d 位老同志；健康检查 http://%s/healthz\n", cfg.Name, len(cfg.Groups), len(cfg.Elders), cfg.HTTP.Addr)
	if err := app.Run(ctx); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// stateSource is what watchSession needs of the transport.
type stateSource interface {
	State() wechat.State
}

// watchSession tells the admins, once the WeChat session is back after it
// was lost, how long it was down and how many messages waited to go out.
func watchSession(ctx context.Context, app *office.App, tr stateSource, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	wasOnline := false
	var lostAt time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		online := tr.State() == wechat.StateOnline
		switch {
		case wasOnline && !online && lostAt.IsZero():
			lostAt = app.Clock.Now()
			app.Log.Warn("WeChat session lost; messages stay queued until it is back")
		case online && !lostAt.IsZero():
			sessionBack(ctx, app, lostAt, app.Clock.Now())
			lostAt = time.Time{}
		}
		if online {
			wasOnline = true
		}
	}
}

// sessionBack queues, ahead of nothing else, the admins' notice that the
// session is back.
func sessionBack(ctx context.Context, a *office.App, lost, back time.Time) {
	n, _ := a.Outbox.Len(ctx)
	loc := a.Cfg.Location
	text := fmt.Sprintf("【系统提示】微信登录曾于 %s 断开，%s 已恢复。断开期间排队的 %d 条消息正在依次补发；这段时间群里的回复可能没有收到，请联络员留意核对。",
		lost.In(loc).Format("01-02 15:04"), back.In(loc).Format("15:04"), n)
	for _, ad := range a.Config().Admins() {
		if err := a.Outbox.Enqueue(ctx, back, bot.Outgoing{To: ad.Remark, Text: text}); err != nil {
			a.Log.Error("queue session notice", "err", err)
		}
	}
	a.Log.Info("WeChat session back", "down", back.Sub(lost).Round(time.Second), "queued", n)
}
