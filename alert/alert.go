// Package alert is pingan's second channel for emergencies: a WeCom
// (企业微信) group-robot webhook and a generic HTTPS webhook (for an SMS
// gateway). It runs beside the WeChat outbox, never in its way: Send
// returns at once, delivery happens in the background with a timeout and
// retries, and failures are logged and counted.
package alert

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Event says what an alert is about.
type Event string

// Alert events.
const (
	EventAlert   Event = "alert"   // first alert of an emergency
	EventRepeat  Event = "repeat"  // a repeat, not yet acknowledged
	EventAck     Event = "ack"     // someone acknowledged it
	EventResolve Event = "resolve" // closed (handled or a false alarm)
)

// Alert is one emergency notice, with the fields a gateway needs.
type Alert struct {
	// ID is the emergency's #N.
	ID int64 `json:"id"`
	// Event is alert, repeat, ack or resolve; Round counts the alerts.
	Event Event `json:"event"`
	Round int   `json:"round"`
	// Office is the office id, OfficeName its name.
	Office     string `json:"office"`
	OfficeName string `json:"office_name"`
	// Elder is the elder's name; Text the message as written; Group where.
	Elder string `json:"elder"`
	Text  string `json:"text"`
	Group string `json:"group,omitempty"`
	// Phone and Family are the elder's contacts; Liaison their liaison.
	Phone   string   `json:"phone,omitempty"`
	Family  []string `json:"family,omitempty"`
	Liaison string   `json:"liaison,omitempty"`
	// Opened is when the emergency was read; At when this notice was made.
	Opened time.Time `json:"opened"`
	At     time.Time `json:"at"`
	// Recipients are the names of the staff alerted on WeChat this round.
	Recipients []string `json:"recipients,omitempty"`
	// AckBy is who acknowledged or resolved it, for ack and resolve.
	AckBy string `json:"ack_by,omitempty"`
	// Content is the notice in Chinese, as staff read it: the elder's name, words
	// and contacts.
	Content string `json:"content"`
	// Brief is the notice without the elder's name, words or contacts (the
	// emergency's number, its liaison, what to do), for a channel that may
	// reach more than staff.
	Brief string `json:"brief"`
}

// Sender delivers an alert to one endpoint. An error wrapped with
// Permanent means retrying will not help.
type Sender interface {
	Name() string
	Send(ctx context.Context, a Alert) error
}

// errPermanent marks an error a retry will not cure (a 4xx answer).
var errPermanent = errors.New("permanent")

// Permanent marks err as not worth retrying.
func Permanent(err error) error { return fmt.Errorf("%w: %w", errPermanent, err) }

// IsPermanent reports whether err was marked Permanent.
func IsPermanent(err error) bool { return errors.Is(err, errPermanent) }

// Options configure a Dispatcher.
type Options struct {
	// WeComURL and WebhookURL are the endpoints; an empty one is not used.
	WeComURL   string
	WebhookURL string
	// WeComDetails sends the WeCom robot the full notice (Content); by default
	// it gets the Brief.
	WeComDetails bool
	// Timeout bounds one attempt; default 5s.
	Timeout time.Duration
	// Retries is how many more attempts follow a failed one.
	Retries int
	// Backoff is the wait before the first retry; it doubles. Default 1s.
	Backoff time.Duration
	// MaxInFlight caps deliveries under way; beyond it alerts are dropped
	// and counted. Default 64.
	MaxInFlight int
	// Client is the HTTP client; default one with Timeout.
	Client *http.Client
}

// Dispatcher sends each alert to every configured endpoint in the
// background, with retries.
type Dispatcher struct {
	senders []Sender
	log     *slog.Logger
	opts    Options
	slots   chan struct{}
	wg      sync.WaitGroup

	sent, failed, dropped atomic.Int64
}

// New returns a dispatcher for the endpoints opts names, or nil when it
// names none.
func New(opts Options, log *slog.Logger) *Dispatcher {
	if opts.Timeout <= 0 {
		opts.Timeout = 5 * time.Second
	}
	if opts.Client == nil {
		opts.Client = &http.Client{Timeout: opts.Timeout}
	}
	var senders []Sender
	if opts.WeComURL != "" {
		senders = append(senders, &WeCom{URL: opts.WeComURL, Client: opts.Client, Details: opts.WeComDetails})
	}
	if opts.WebhookURL != "" {
		senders = append(senders, &Webhook{URL: opts.WebhookURL, Client: opts.Client})
	}
	if len(senders) == 0 {
		return nil
	}
	return NewWith(senders, opts, log)
}

// NewWith returns a dispatcher over the given senders.
func NewWith(senders []Sender, opts Options, log *slog.Logger) *Dispatcher {
	if opts.Timeout <= 0 {
		opts.Timeout = 5 * time.Second
	}
	if opts.Backoff <= 0 {
		opts.Backoff = time.Second
	}
	if opts.MaxInFlight <= 0 {
		opts.MaxInFlight = 64
	}
	return &Dispatcher{senders: senders, log: log, opts: opts, slots: make(chan struct{}, opts.MaxInFlight)}
}

// Send queues a for every endpoint and returns at once; ctx's values are
// kept but not its cancellation.
func (d *Dispatcher) Send(ctx context.Context, a Alert) {
	if d == nil {
		return
	}
	ctx = context.WithoutCancel(ctx)
	for _, s := range d.senders {
		select {
		case d.slots <- struct{}{}:
		default:
			d.dropped.Add(1)
			d.log.Error("alert: too many deliveries under way, dropped one", "endpoint", s.Name(), "emergency", a.ID, "event", a.Event)
			continue
		}
		d.wg.Add(1)
		go func(s Sender) {
			defer func() { <-d.slots; d.wg.Done() }()
			d.deliver(ctx, s, a)
		}(s)
	}
}

// deliver tries one endpoint until it succeeds, fails for good, or runs
// out of retries.
func (d *Dispatcher) deliver(ctx context.Context, s Sender, a Alert) {
	wait := d.opts.Backoff
	for attempt := 0; ; attempt++ {
		actx, cancel := context.WithTimeout(ctx, d.opts.Timeout)
		err := s.Send(actx, a)
		cancel()
		if err == nil {
			d.sent.Add(1)
			d.log.Info("alert: delivered", "endpoint", s.Name(), "emergency", a.ID, "event", a.Event, "round", a.Round, "attempts", attempt+1)
			return
		}
		if IsPermanent(err) || attempt >= d.opts.Retries {
			d.failed.Add(1)
			d.log.Error("alert: delivery failed", "endpoint", s.Name(), "emergency", a.ID, "event", a.Event, "attempts", attempt+1, "err", err)
			return
		}
		d.log.Warn("alert: delivery failed, will retry", "endpoint", s.Name(), "emergency", a.ID, "attempt", attempt+1, "err", err)
		t := time.NewTimer(wait)
		<-t.C
		wait *= 2
	}
}

// Wait blocks until every delivery under way has finished.
func (d *Dispatcher) Wait() {
	if d != nil {
		d.wg.Wait()
	}
}

// Sent counts deliveries that succeeded.
func (d *Dispatcher) Sent() int64 { return d.sent.Load() }

// Failed counts deliveries given up.
func (d *Dispatcher) Failed() int64 { return d.failed.Load() }

// Dropped counts deliveries never tried because too many were under way.
func (d *Dispatcher) Dropped() int64 { return d.dropped.Load() }
