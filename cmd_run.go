package main

import (
	"context"
	"flag"
	"fmt"
	"io"
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
	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if cfg.Redis.URL == "" && !*ephemeral {
		fmt.Fprintln(stderr, "pingan run: redis.url is empty; a real office must not lose its ledger on restart. Set redis.url, or pass --ephemeral to accept a throw-away store.")
		return 1
	}
	fmt.Fprintln(stderr, "pingan run: the WeChat transport is not built yet (see the open issue on the openwechat adapter); use `pingan demo` to try the bot on the console.")
	return 1
}
