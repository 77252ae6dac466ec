// Package handlers holds pingan's use-cases: reading a check-in reply into
// the ledger, the staff commands, and the reminders and report that the
// scheduler runs. Commands and jobs call the same Service methods.
package handlers

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"sort"
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

	mu      sync.RWMutex
	elders  map[string]store.Elder // by id
	order   []string               // elder ids in roster order
	aliases map[string]string      // normalised name or alias → elder id
	names   []nameEntry            // for finding names inside a text, longest first
}

type nameEntry struct {
	norm string
	id   string
}

// New returns the service; call Setup before handling messages.
func New(cfg *config.Config, st *store.Store, out Outbox, c clock.Clock, log *slog.Logger) *Service {
	s := &Service{cfg: cfg, st: st, out: out, clock: c, log: log, mux: bot.NewMux(), ExportDir: os.TempDir()}
	s.register()
	s.index(cfg.Elders)
	return s
}

// Mux is the service's command mux.
func (s *Service) Mux() *bot.Mux { return s.mux }

// index builds the in-memory roster and alias index.
func (s *Service) index(elders []store.Elder) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.elders = make(map[string]store.Elder, len(elders))
	s.order = s.order[:0]
	s.aliases = map[string]string{}
	s.names = s.names[:0]
	ambiguous := map[string]bool{}
	for _, e := range elders {
		s.elders[e.ID] = e
		s.order = append(s.order, e.ID)
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			n := parse.Normalize(a)
			if n == "" {
				continue
			}
			if prev, ok := s.aliases[n]; ok && prev != e.ID {
				ambiguous[n] = true
				continue
			}
			s.aliases[n] = e.ID
		}
	}
	for n := range ambiguous {
		s.log.Warn("roster: a name or alias is shared by several elders and will not identify anyone; use /bind", "alias", n)
		delete(s.aliases, n)
	}
	for n, id := range s.aliases {
		if len([]rune(n)) >= 2 {
			s.names = append(s.names, nameEntry{n, id})
		}
	}
	sort.Slice(s.names, func(i, j int) bool {
		if len(s.names[i].norm) != len(s.names[j].norm) {
			return len(s.names[i].norm) > len(s.names[j].norm)
		}
		return s.names[i].norm < s.names[j].norm
	})
}

// Setup writes the roster to the store.
func (s *Service) Setup(ctx context.Context) error {
	s.mu.RLock()
	aliases := make(map[string]string, len(s.aliases))
	for k, v := range s.aliases {
		aliases[k] = v
	}
	s.mu.RUnlock()
	if err := s.st.SyncRoster(ctx, s.cfg.Elders, aliases); err != nil {
		return fmt.Errorf("load roster into store: %w", err)
	}
	return nil
}

// elder returns an elder by id.
func (s *Service) elder(id string) (store.Elder, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	e, ok := s.elders[id]
	return e, ok
}

// allElders returns the roster in order.
func (s *Service) allElders() []store.Elder {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]store.Elder, 0, len(s.order))
	for _, id := range s.order {
		out = append(out, s.elders[id])
	}
	return out
}

// findByName finds elders whose name or alias is name; an exact name wins.
func (s *Service) findByName(name string) []store.Elder {
	n := parse.Normalize(name)
	if n == "" {
		return nil
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if id, ok := s.aliases[n]; ok {
		return []store.Elder{s.elders[id]}
	}
	var out []store.Elder
	for _, id := range s.order {
		e := s.elders[id]
		if strings.Contains(parse.Normalize(e.Name), n) {
			out = append(out, e)
		}
	}
	return out
}

// namedIn finds the one elder whose name or alias appears in a normalised
// text; ok is false when none or several different elders do.
func (s *Service) namedIn(norm string) (store.Elder, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	found := ""
	for _, n := range s.names {
		if strings.Contains(norm, n.norm) {
			if found != "" && found != n.id {
				return store.Elder{}, false
			}
			found = n.id
			norm = strings.ReplaceAll(norm, n.norm, " ")
		}
	}
	if found == "" {
		return store.Elder{}, false
	}
	return s.elders[found], true
}

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
