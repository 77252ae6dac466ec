// Command pingan (报平安) is a bot for the WeChat groups a retirees' office
// keeps with its elders: it posts check-in prompts, reads the replies into a
// ledger, and tells each liaison whom to call.
//
//	pingan run   --config FILE [--ephemeral]     the real bot on WeChat
//	pingan demo  [--config FILE] [--script FILE] [--clock TIME]
//	pingan check --config FILE                   validate config and roster
//	pingan parse                                 the reply parser on stdin
//	pingan export --config FILE [--out F.xlsx]   the ledger as an Excel workbook
//	pingan report --config FILE [--out F.png]    the daily report's chart
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // the office's time zone works on hosts without zoneinfo
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const usage = `pingan 报平安 — check-in bot for a retirees' office

usage:
  pingan demo  [--config FILE] [--script FILE] [--clock 2026-11-24T08:55:00+08:00]
  pingan run   --config FILE [--ephemeral]
  pingan check --config FILE
  pingan parse  < messages.txt
  pingan export --config FILE [--out FILE.xlsx] [--days 7]
  pingan report --config FILE [--out FILE.png] [--at 2026-12-01]
`

// run dispatches a subcommand and returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "demo":
		return cmdDemo(ctx, args[1:], stdin, stdout, stderr)
	case "run":
		return cmdRun(ctx, args[1:], stdout, stderr)
	case "check":
		return cmdCheck(args[1:], stdout, stderr)
	case "parse":
		return cmdParse(stdin, stdout, stderr)
	case "export":
		return cmdExport(ctx, args[1:], stdout, stderr)
	case "report":
		return cmdReport(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "pingan: unknown command %q\n\n%s", args[0], usage)
	return 2
}
