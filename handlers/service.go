// Package handlers holds pingan's use-cases: reading a check-in reply into
// the ledger, the staff commands, and the reminders and report that the
// scheduler runs. Commands and jobs call the same Service methods.
package handlers

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"pingan/bot"
	"pingan/clock"
	"pingan/config"
	"pingan/handlers/parse"
	"pingan/store"
)

// Outbox queues messages for sending; *bot.Outbox implements it. It is
// the only writer of outgoing messages: lanes, ids and long texts are its
// business.
type Outbox interface {
	// Enqueue queues messages in their lanes.
	Enqueue(ctx context.Context, now time.Time, msgs ...bot.Outgoing) error
	// EnqueueWith queues messages through write, which stores them with a
	// claim of its own in one step.
	EnqueueWith(ctx context.Context, now time.Time, write func(ctx context.Context, entries []store.OutboxEntry) (bool, error), msgs ...bot.Outgoing) (bool, error)
	// Ack adds a person heard in a group to its next acknowledgement batch.
	Ack(ctx context.Context, group string, item bot.AckItem) error
	// AckPush is what Ack would store, for a write that stores it with
	// the reply it acknowledges; Wake is then called.
	AckPush(group string, item bot.AckItem) (store.AckPush, error)
	// Wake tells the sender that something may have come due.
	Wake()
	// Backlog counts what waits in each lane.
	Backlog(ctx context.Context) (bot.Backlog, error)
}

// Service is one office's bot logic.
type Service struct {
	cfg   *config.Config
	st    *store.Store
	out   Outbox
	clock clock.Clock
	log   *slog.Logger
	mux   *bot.Mux

	alerts      Alerter         // second channel for emergency alerts; nil when none
	downAlerted storeDownAlerts // emergencies alerted while Redis was down

	// ExportDir is where /export writes workbooks before sending them;
	// default the system's temporary directory.
	ExportDir string
	// OnReload, when set, reads the config, roster and bulletin files
	// again (an admin's /重新加载) and returns what to tell the admin.
	OnReload func(ctx context.Context) string

	mu     sync.RWMutex
	roster *rosterIndex
	// branchOf maps each configured group to its branch ("" for none).
	branchOf map[string]string
}

// New returns the service; call Setup before handling messages.
func New(cfg *config.Config, st *store.Store, out Outbox, c clock.Clock, log *slog.Logger) *Service {
	s := &Service{cfg: cfg, st: st, out: out, clock: c, log: log, mux: bot.NewMux(), ExportDir: os.TempDir(),
		branchOf: make(map[string]string, len(cfg.Groups))}
	for _, g := range cfg.Groups {
		if _, dup := s.branchOf[g.Name]; !dup {
			s.branchOf[g.Name] = g.Branch
		}
	}
	s.register()
	s.index(cfg.Elders)
	return s
}

// Config is the config the service runs on.
func (s *Service) Config() *config.Config { return s.cfg }

// Mux is the service's command mux.
func (s *Service) Mux() *bot.Mux { return s.mux }

// index builds the in-memory roster.
func (s *Service) index(elders []store.Elder) {
	x := newRosterIndex(elders)
	s.mu.Lock()
	s.roster = x
	s.mu.Unlock()
}

// idx is the current roster index.
func (s *Service) idx() *rosterIndex {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.roster
}

// Setup writes the roster to the store.
func (s *Service) Setup(ctx context.Context) error {
	if err := s.applyPlans(ctx); err != nil {
		return fmt.Errorf("load plans: %w", err)
	}
	x := s.idx()
	elders := x.list(x.order)
	if err := s.st.SyncRoster(ctx, elders, x.unique()); err != nil {
		return fmt.Errorf("load roster into store: %w", err)
	}
	return nil
}

// elder returns an elder by id.
func (s *Service) elder(id string) (store.Elder, bool) {
	e, ok := s.idx().elders[id]
	return e, ok
}

// allElders returns the roster in order.
func (s *Service) allElders() []store.Elder {
	x := s.idx()
	return x.list(x.order)
}

// byID finds an elder by id, in any case (e09, E09).
func (s *Service) byID(id string) (store.Elder, bool) {
	x := s.idx()
	full, ok := x.byID[strings.ToLower(strings.TrimSpace(id))]
	if !ok {
		return store.Elder{}, false
	}
	return x.elders[full], true
}

// findByName finds elders by id, by full name or alias (namesakes all), or
// else by a part of a name.
func (s *Service) findByName(name string) []store.Elder {
	if e, ok := s.byID(name); ok {
		return []store.Elder{e}
	}
	n := parse.Normalize(name)
	if n == "" {
		return nil
	}
	x := s.idx()
	if es := x.named(n); len(es) > 0 {
		return es
	}
	var out []store.Elder
	for _, id := range x.order {
		e := x.elders[id]
		if strings.Contains(parse.Normalize(e.Name), n) {
			out = append(out, e)
		}
	}
	return out
}

// groupBranch is the branch whose elders a group holds; "" when the group
// has none or is not in the config.
func (s *Service) groupBranch(group string) string { return s.branchOf[group] }

// now is the service's time in the office's zone.
func (s *Service) now() time.Time { return s.clock.Now().In(s.cfg.Location) }

// send queues messages; a failure to queue (Redis down) is logged and
// returned, so that a job that could not send is recorded as failed.
func (s *Service) send(ctx context.Context, msgs ...bot.Outgoing) error {
	if len(msgs) == 0 {
		return nil
	}
	if err := s.out.Enqueue(ctx, s.now(), msgs...); err != nil {
		s.log.Error("could not queue outgoing messages", "n", len(msgs), "err", err)
		return fmt.Errorf("queue %d messages: %w", len(msgs), err)
	}
	return nil
}

// toStaff is a private message to a staff member, by their remark.
func toStaff(st config.Staff, text string) bot.Outgoing {
	return bot.Outgoing{To: st.Remark, Text: text}
}

// liaisonOf returns the staff member who looks after e.
func (s *Service) liaisonOf(e store.Elder) (config.Staff, bool) {
	return s.cfg.StaffByName(e.Liaison)
}
