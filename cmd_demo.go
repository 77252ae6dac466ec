package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"pingan/office"
	"strings"
	"time"

	"pingan/bot"
	"pingan/bot/console"
	"pingan/clock"
)

// cmdDemo runs the bot on the console transport.
func cmdDemo(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("demo", flag.ContinueOnError)
	fl.SetOutput(stderr)
	cfgPath := fl.String("config", "", "config file (default: the embedded example office)")
	script := fl.String("script", "", "play this file of console lines, then exit")
	clockFlag := fl.String("clock", "", "start the simulated clock at this time (RFC 3339, e.g. 2026-11-24T08:55:00+08:00); default today 08:55")
	realClock := fl.Bool("real-clock", false, "run on the real clock (no !time / !wait)")
	verbose := fl.Bool("v", false, "log every step to stderr")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	cfg, skipped, err := office.LoadRunConfig(*cfgPath)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	in := stdin
	if *script != "" {
		b, err := os.ReadFile(*script)
		if err != nil {
			fmt.Fprintf(stderr, "read script: %v\n", err)
			return 1
		}
		if *clockFlag == "" {
			*clockFlag = scriptClock(b)
		}
		in = bytes.NewReader(b)
	}
	if *clockFlag == "" && !*realClock {
		// A simulated clock by default, so that !time and !wait work at once:
		// today, just before the morning prompt.
		now := time.Now().In(cfg.Location)
		*clockFlag = time.Date(now.Year(), now.Month(), now.Day(), 8, 55, 0, 0, cfg.Location).Format(time.RFC3339)
	}
	var clk clock.Clock = clock.Real{}
	if *clockFlag != "" && !*realClock {
		t, err := time.Parse(time.RFC3339, *clockFlag)
		if err != nil {
			fmt.Fprintf(stderr, "--clock: %q is not a time; write it like 2026-11-24T08:55:00+08:00\n", *clockFlag)
			return 2
		}
		clk = clock.NewSim(t)
	}
	level := slog.LevelWarn
	if *verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	con := &console.Transport{In: in, Out: stdout, Clock: clk}
	app, err := office.New(ctx, office.Options{Cfg: cfg, Clock: clk, Embedded: true, Transport: con, Log: log, ConfigPath: *cfgPath,
		Workers: 1}) // the console's lines one after another, the clock moved between them
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer app.Close()
	con.Directive = func(ctx context.Context, line string) (string, error) { return demoDirective(ctx, app, line) }
	con.AfterLine = func(ctx context.Context) {
		if err := app.Outbox.Flush(ctx); err != nil {
			log.Error("flush", "err", err)
		}
	}
	if *script == "" {
		con.Prompt = "> "
	}
	store := "Redis " + cfg.Redis.URL
	if cfg.Redis.URL == "" {
		store = "内置内存存储（演示用，退出即清空）"
	}
	clockNote := "真实时钟"
	if sim, ok := clk.(*clock.Sim); ok {
		clockNote = "模拟时钟 " + sim.Now().In(cfg.Location).Format("2006-01-02 15:04") + "（!time / !wait 拨动）"
	}
	fmt.Fprintf(stdout, "pingan 报平安 演示 — %s：%d 个群，%d 位老同志，%d 位工作人员\n数据：%s；%s\n",
		cfg.Name, len(cfg.Groups), len(cfg.Elders), len(cfg.Staff), store, clockNote)
	if *script == "" {
		fmt.Fprintf(stdout, "输入一行消息，如「[一支部老同志群] 老张: 平安」或「联络员-李娜: /待办」；!time 09:00 拨到九点；Ctrl-D 退出。\n")
	}
	fmt.Fprintln(stdout)
	if skipped != nil {
		app.TellAdmins(ctx, cfg, "【系统提示】启动时以下通知文件有误，已跳过，其余照常：\n"+office.ShortErr(skipped))
	}
	if err := app.Run(ctx); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if err := app.Outbox.Flush(context.WithoutCancel(ctx)); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// scriptClock returns the time of a leading "!clock TIME" line, if any.
func scriptClock(b []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if t, ok := strings.CutPrefix(line, "!clock "); ok {
			return strings.TrimSpace(t)
		}
		return ""
	}
	return ""
}

// maxJump bounds one move of the simulated clock: every job due on the way
// fires, the escalation job once a minute.
const maxJump = 31 * 24 * time.Hour

// demoDirective handles !time, !wait and !clock lines.
func demoDirective(ctx context.Context, app *office.App, line string) (string, error) {
	verb, arg, _ := strings.Cut(line, " ")
	arg = strings.TrimSpace(arg)
	sim, isSim := app.Clock.(*clock.Sim)
	loc := app.Cfg.Location
	switch verb {
	case "!clock":
		return "", nil // read before start
	case "!time", "!wait":
		if !isSim {
			return "", fmt.Errorf("真实时钟下不能拨动时间；去掉 --real-clock，或用 --clock 2026-11-24T08:55:00+08:00 启动模拟时钟")
		}
		var to time.Time
		if verb == "!time" {
			t, err := time.ParseInLocation("2006-01-02 15:04", arg, loc)
			if err != nil {
				// 「!time 18:00」: that time of the simulated day.
				hm, herr := time.ParseInLocation("15:04", arg, loc)
				if herr != nil {
					return "", fmt.Errorf("时间格式应为 !time 18:00 或 !time 2026-11-24 18:00")
				}
				now := sim.Now().In(loc)
				t = time.Date(now.Year(), now.Month(), now.Day(), hm.Hour(), hm.Minute(), 0, 0, loc)
			}
			to = t
		} else {
			d, err := time.ParseDuration(arg)
			if err != nil || d < 0 {
				return "", fmt.Errorf("时长格式应为 !wait 90m 或 !wait 2h")
			}
			to = sim.Now().Add(d)
		}
		if to.Before(sim.Now()) {
			return "", fmt.Errorf("时间不能倒退（现在是 %s）", sim.Now().In(loc).Format("2006-01-02 15:04"))
		}
		if to.Sub(sim.Now()) > maxJump {
			return "", fmt.Errorf("一次最多拨动 %d 天，请分几次拨", int(maxJump.Hours()/24))
		}
		app.AdvanceTo(ctx, to)
		// Messages the jobs queued go out in order before the clock note.
		if err := app.Outbox.Flush(ctx); err != nil {
			return "", err
		}
		return "现在是 " + to.In(loc).Format("2006-01-02 15:04"), nil
	}
	return "", fmt.Errorf("不认识的指令 %s；可用 !time、!wait", verb)
}

var _ bot.Transport = (*console.Transport)(nil)
