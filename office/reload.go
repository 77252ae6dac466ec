package office

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"pingan/bot"
	"pingan/config"
)

// Reload reads the config, the roster and the bulletin files again. A
// valid change takes effect at once and whole — a new set of handlers
// replaces the old between two messages — and the admins are told the
// difference; an invalid one changes nothing, the old set keeps running,
// and the admins get the file:line error. Bulletin files that fail are
// skipped, the admins told why. What only a restart changes (the office,
// the time zone, Redis, the schedules, the pacing) is said so.
// It returns the message for the admin who asked (empty on SIGHUP).
func (a *App) Reload(ctx context.Context) string {
	a.reloadMu.Lock()
	defer a.reloadMu.Unlock()
	old := a.Config()
	cfg, err := LoadConfig(a.configPath)
	var skipped *config.SkippedBulletins
	if errors.As(err, &skipped) {
		err = nil
	}
	if err == nil {
		err = sameRuntime(old, cfg)
	}
	if err != nil {
		a.Log.Error("reload refused; the old config keeps running", "err", err)
		text := "【重新加载失败】配置没有改动，仍按原配置运行。请改正后再发 /重新加载：\n" + ShortErr(err)
		a.TellAdmins(ctx, old, text)
		return "未重新加载，原因已发给管理员：\n" + ShortErr(err)
	}
	svc := a.newService(cfg)
	if err := svc.Setup(ctx); err != nil {
		a.Log.Error("reload: the store did not take the new roster; the old config keeps running", "err", err)
		a.TellAdmins(ctx, old, "【重新加载失败】数据库暂时连不上，仍按原配置运行，请稍后再试。")
		return "未重新加载：数据库暂时连不上。"
	}
	a.svc.Store(svc)
	text := "【已重新加载】" + configDiff(old, cfg)
	if skipped != nil {
		text += "\n以下通知文件有误，已跳过（改好后再发 /重新加载）：\n" + ShortErr(skipped)
	}
	a.Log.Info("reloaded the config", "diff", text)
	a.TellAdmins(ctx, cfg, text)
	return ""
}

// sameRuntime refuses changes only a restart can make.
func sameRuntime(old, cfg *config.Config) error {
	var what []string
	if old.Office != cfg.Office {
		what = append(what, "office")
	}
	if old.Timezone != cfg.Timezone {
		what = append(what, "timezone")
	}
	if old.Redis.URL != cfg.Redis.URL {
		what = append(what, "redis.url")
	}
	if len(what) > 0 {
		return fmt.Errorf("%s: changed; this needs a restart (pingan run), not a reload", strings.Join(what, ", "))
	}
	return nil
}

// TellAdmins sends text privately to the admins of cfg.
func (a *App) TellAdmins(ctx context.Context, cfg *config.Config, text string) {
	for _, ad := range cfg.Admins() {
		if err := a.Outbox.Enqueue(ctx, a.Clock.Now(), bot.Outgoing{To: ad.Remark, Text: text, Lane: bot.LaneStaff}); err != nil {
			a.Log.Error("tell admins", "err", err)
		}
	}
}

// ShortErr is an error's lines, at most ten.
func ShortErr(err error) string {
	lines := strings.Split(err.Error(), "\n")
	if len(lines) > 10 {
		lines = append(lines[:10], fmt.Sprintf("……另有 %d 处", len(lines)-10))
	}
	return strings.Join(lines, "\n")
}

// configDiff says what a reload changed, as the admins read it:
// 「新增 2 位，移除 1 位，电话变更 3 位；通知 +1」.
func configDiff(old, cfg *config.Config) string {
	text := "名单：" + config.RosterDiff(old.Elders, cfg.Elders)
	if d := len(cfg.Staff) - len(old.Staff); d != 0 || !sameStaff(old, cfg) {
		text += fmt.Sprintf("；工作人员 %d 位", len(cfg.Staff))
	}
	if d := len(cfg.Groups) - len(old.Groups); d != 0 {
		text += fmt.Sprintf("；群 %+d", d)
	}
	if d := len(cfg.Bulletins.Files) - len(old.Bulletins.Files); d != 0 {
		text += fmt.Sprintf("；通知 %+d", d)
	}
	if old.Checkin.Schedule != cfg.Checkin.Schedule || old.Jobs != cfg.Jobs || old.Bulletins.Schedule != cfg.Bulletins.Schedule ||
		old.Outbox.GapD() != cfg.Outbox.GapD() || old.Outbox.Cap() != cfg.Outbox.Cap() || old.Ack != cfg.Ack {
		text += "。定时任务、发送节奏和回执方式的改动要重启后生效"
	}
	return text
}

func sameStaff(a, b *config.Config) bool {
	if len(a.Staff) != len(b.Staff) {
		return false
	}
	for i := range a.Staff {
		if a.Staff[i] != b.Staff[i] {
			return false
		}
	}
	return true
}

// ReloadOnHangup takes SIGHUP from now on and reloads on each, until ctx
// ends or the returned stop is called.
func (app *App) ReloadOnHangup(ctx context.Context) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGHUP)
	ctx, cancel := context.WithCancel(ctx)
	go func() {
		defer signal.Stop(ch)
		for {
			select {
			case <-ctx.Done():
				return
			case <-ch:
				app.Log.Info("SIGHUP: reloading the config")
				app.Reload(ctx)
			}
		}
	}()
	return cancel
}

// liveService runs the scheduler's jobs on the service in force.
type liveService struct{ a *App }

// JobFunc is the job's work on the service in force when it runs.
func (l liveService) JobFunc(name string) func(ctx context.Context, at time.Time) error {
	if l.a.Service() != nil && l.a.Service().JobFunc(name) == nil {
		return nil
	}
	return func(ctx context.Context, at time.Time) error { return l.a.Service().JobFunc(name)(ctx, at) }
}
