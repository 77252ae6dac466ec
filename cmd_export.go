package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"pingan/office"
	"time"

	"pingan/bot"
	"pingan/clock"
	"pingan/config"
	"pingan/handlers"
	"pingan/store"
)

// noOutbox refuses to send: commands that only read use it.
type noOutbox struct{}

var errNoSend = errors.New("this command sends no messages")

func (noOutbox) Enqueue(context.Context, time.Time, ...bot.Outgoing) error { return errNoSend }

func (noOutbox) EnqueueWith(context.Context, time.Time, func(context.Context, []store.OutboxEntry) (bool, error), ...bot.Outgoing) (bool, error) {
	return false, errNoSend
}

func (noOutbox) Ack(context.Context, string, bot.AckItem) error { return errNoSend }

func (noOutbox) Backlog(context.Context) (bot.Backlog, error) { return bot.Backlog{}, nil }

func (noOutbox) AckPush(string, bot.AckItem) (store.AckPush, error) {
	return store.AckPush{}, errNoSend
}

func (noOutbox) Wake() {}

// cmdExport writes the ledger as an Excel workbook.
func cmdExport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("export", flag.ContinueOnError)
	fl.SetOutput(stderr)
	cfgPath := fl.String("config", "", "config file")
	out := fl.String("out", "", "the .xlsx file to write (default 台账-<office>-<date>.xlsx)")
	days := fl.Int("days", 7, "contacts of this many days, today included (at most ledger.retention; a warning says when the ledger holds less)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if *cfgPath == "" || *days < 1 {
		fmt.Fprintln(stderr, "pingan export: give --config FILE (and --days of at least 1)")
		return 2
	}
	cfg, _, err := office.LoadRunConfig(*cfgPath) // the bulletins do not matter here
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	// The export only reads the ledger; it sends nothing.
	svc, closeStore, err := readOnlyService(ctx, cfg, "there is no ledger to export", stderr)
	if err != nil {
		fmt.Fprintln(stderr, "pingan export:", err)
		return 1
	}
	defer closeStore()
	now := time.Now().In(cfg.Location)
	if *out == "" {
		*out = fmt.Sprintf("台账-%s-%s.xlsx", cfg.Office, now.Format("20060102"))
	}
	f, err := os.OpenFile(*out, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	since := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, cfg.Location).AddDate(0, 0, 1-*days)
	cover, err := svc.ExportCoverage(ctx, since)
	if err == nil {
		err = svc.ExportLedger(ctx, f, since)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(stderr, "pingan export:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	switch from := cover.From.In(cfg.Location).Format("2006-01-02 15:04"); {
	case cover.ByRetention:
		fmt.Fprintf(stderr, "pingan export: --days %d reaches past the retention (ledger.retention: %s): older contacts were deleted; the workbook's contacts start at %s\n",
			*days, config.FormatDays(cfg.Ledger.Retention.D()), from)
	case cover.Short():
		fmt.Fprintf(stderr, "pingan export: --days %d reaches past the oldest contact kept (%s); the workbook's contacts start there\n", *days, from)
	}
	return 0
}

// readOnlyService is the office's service on its Redis for a command that
// reads and sends nothing (export, report); close releases the store.
// empty says what is missing when redis.url is empty.
func readOnlyService(ctx context.Context, cfg *config.Config, empty string, logTo io.Writer) (*handlers.Service, func(), error) {
	if cfg.Redis.URL == "" {
		return nil, nil, fmt.Errorf("redis.url is empty; %s", empty)
	}
	rdb, err := store.Connect(ctx, cfg.Redis.URL)
	if err != nil {
		return nil, nil, err
	}
	log := slog.New(slog.NewTextHandler(logTo, nil))
	st := store.New(rdb, cfg.Office, clock.Real{}, store.WithLogger(log), store.WithRetention(cfg.Ledger.Retention.D()))
	return handlers.New(cfg, st, noOutbox{}, clock.Real{}, log), func() { _ = rdb.Close() }, nil
}
