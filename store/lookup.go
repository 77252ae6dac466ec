package store

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// What handling one reply reads before it writes — the bindings of the
// sender's nicknames, the round its time falls in, the status of the elder
// it is probably about — in one round trip (Lookup); the write then needs
// one more (RecordLooked), and reads again only when someone else changed
// the status meanwhile.

// Lookup is what Lookup read.
type Lookup struct {
	// Bound holds the elder each nickname asked about is bound to (/bind),
	// "" for none, in the order asked.
	Bound []string
	// Round is the newest round opened by the time asked about; nil when
	// there is none.
	Round *Round
	// ahead is the status read of the elder guessed.
	ahead *readAhead
}

// readAhead is one elder's status as read ahead of a write.
type readAhead struct {
	id     string
	status Status
	raw    string
}

// Lookup reads, in one round trip, the bindings of nicks (normalised; ""
// is bound to nobody),
// the newest round opened by t and, when guess is not "", that elder's
// status, for RecordLooked to write over.
func (s *Store) Lookup(ctx context.Context, nicks []string, t time.Time, guess string) (Lookup, error) {
	var l Lookup
	pipe := s.rdb.Pipeline()
	var bound *redis.SliceCmd
	if len(nicks) > 0 {
		bound = pipe.HMGet(ctx, s.k.binds(), nicks...)
	}
	rounds := pipe.ZRevRangeByScore(ctx, s.k.rounds(), &redis.ZRangeBy{Max: strconv.FormatInt(t.Unix(), 10), Min: "-inf", Count: 1})
	var status *redis.StringCmd
	if guess != "" {
		status = pipe.HGet(ctx, s.k.status(), guess)
	}
	if _, err := pipe.Exec(ctx); err != nil && err != redis.Nil {
		return l, fmt.Errorf("look up reply: %w", err)
	}
	if bound != nil {
		l.Bound = make([]string, len(nicks))
		for i, v := range bound.Val() {
			l.Bound[i], _ = v.(string)
		}
	}
	if ids := rounds.Val(); len(ids) > 0 {
		r, err := s.roundByID(ctx, ids[0])
		if err != nil {
			return l, err
		}
		l.Round = &r
	}
	if status != nil {
		st, raw, err := s.statusRead(guess, status.Val(), status.Err())
		if err != nil {
			return l, err
		}
		l.ahead = &readAhead{id: guess, status: st, raw: raw}
	}
	return l, nil
}

// RecordLooked is RecordContact of a contact about e after l was looked
// up for its time: the round is l's, and when l read e's status the first
// try writes over it without reading it again. ack, when not nil, is the
// reply's acknowledgement, queued in the same step as the contact (and
// only if it is applied: not for a message seen before).
func (s *Store) RecordLooked(ctx context.Context, l Lookup, e Elder, c Contact, ack *AckPush) error {
	ahead := l.ahead
	if ahead != nil && ahead.id != e.ID {
		ahead = nil
	}
	return s.recordContact(ctx, e, c, l.Round, ahead, ack)
}

// roundCache keeps the rounds a process has read: a round never changes
// once opened, so it is read from Redis once.
type roundCache struct {
	mu   sync.Mutex
	byID map[string]Round
}

// roundCacheSize bounds the rounds kept: the few of the last days that
// replies and reminders ask about.
const roundCacheSize = 16

func (c *roundCache) get(id string) (Round, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.byID[id]
	return r, ok
}

func (c *roundCache) put(r Round) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byID == nil || len(c.byID) >= roundCacheSize {
		c.byID = map[string]Round{}
	}
	c.byID[r.ID] = r
}

// roundByID returns a round, from the cache or else from Redis.
func (s *Store) roundByID(ctx context.Context, id string) (Round, error) {
	if r, ok := s.rounds.get(id); ok {
		return r, nil
	}
	r, err := hgetJSON[Round](ctx, s, s.k.round(id), "data")
	if err != nil {
		return r, fmt.Errorf("read round %s: %w", id, err)
	}
	s.rounds.put(r)
	return r, nil
}
