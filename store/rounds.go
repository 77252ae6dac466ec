package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// OpenRound records a new check-in round and, in the same step, queues
// its prompts (prepared by the outbox) in their lanes, so that a round is
// never open without its prompts nor prompted twice. Opening the same
// round again changes nothing and reports false. A round is kept for the
// retention; rounds older than that leave the index as a new one opens.
func (s *Store) OpenRound(ctx context.Context, r Round, prompts []OutboxEntry) (bool, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return false, err
	}
	now := s.clock.Now()
	ttl := max(int64(r.Opened.Add(s.retention).Sub(now)/time.Second), 1)
	n, err := s.Outbox().pushWith(ctx, openRound, []string{s.k.round(r.ID), s.k.rounds(), s.k.roundCount(r.ID)},
		[]any{b, r.ID, r.Opened.Unix(), ttl, now.Add(-s.retention).Unix(), int64(roundSeenTTL / time.Second)}, prompts)
	if err != nil {
		return false, fmt.Errorf("open round %s: %w", r.ID, err)
	}
	return n == 1, nil
}

var openRound = redis.NewScript(`
-- KEYS: 1-4 outbox lanes, 5 round hash, 6 rounds zset, 7 round counts hash
-- ARGV: 1 round JSON, 2 round id, 3 opening unix time, 4 how long the round
--       is kept (s), 5 rounds opened before this are forgotten (unix),
--       6 how long the round's counts are kept (s),
--       7.. pairs of lane index and prompt entry
-- returns 1 opened, 0 already open
if redis.call('HSETNX', KEYS[5], 'data', ARGV[1]) == 0 then return 0 end
redis.call('EXPIRE', KEYS[5], ARGV[4])
redis.call('ZADD', KEYS[6], ARGV[3], ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[6], '-inf', '(' .. ARGV[5])
redis.call('HSET', KEYS[7], 'v', '1')
redis.call('EXPIRE', KEYS[7], ARGV[6])
` + fmt.Sprintf(pushLuaBody, 7) + `
return 1
`)

// LatestRound returns the newest round opened at or before t.
func (s *Store) LatestRound(ctx context.Context, t time.Time) (Round, error) {
	var r Round
	ids, err := s.rdb.ZRevRangeByScore(ctx, s.k.rounds(), &redis.ZRangeBy{
		Max: strconv.FormatInt(t.Unix(), 10), Min: "-inf", Count: 1}).Result()
	if err != nil {
		return r, err
	}
	if len(ids) == 0 {
		return r, ErrNotFound
	}
	return s.roundByID(ctx, ids[0])
}

// RoundSeen returns the ids of elders heard from in the round.
func (s *Store) RoundSeen(ctx context.Context, roundID string) (map[string]bool, error) {
	ids, err := s.rdb.SMembers(ctx, s.k.roundSeen(roundID)).Result()
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, nil
}

// roundsBetween returns, oldest first, the rounds a contact made between
// from and to may have counted for: the last one opened at or before
// from, and those opened after it up to to.
func (s *Store) roundsBetween(ctx context.Context, from, to time.Time) ([]Round, error) {
	before, err := s.rdb.ZRevRangeByScore(ctx, s.k.rounds(), &redis.ZRangeBy{
		Max: strconv.FormatInt(from.Unix(), 10), Min: "-inf", Count: 1}).Result()
	if err != nil {
		return nil, fmt.Errorf("read rounds: %w", err)
	}
	within, err := s.rdb.ZRangeByScore(ctx, s.k.rounds(), &redis.ZRangeBy{
		Min: "(" + strconv.FormatInt(from.Unix(), 10), Max: strconv.FormatInt(to.Unix(), 10)}).Result()
	if err != nil {
		return nil, fmt.Errorf("read rounds: %w", err)
	}
	ids := append(before, within...)
	if len(ids) == 0 {
		return nil, nil
	}
	pipe := s.rdb.Pipeline()
	cmds := make([]*redis.StringCmd, len(ids))
	for i, id := range ids {
		cmds[i] = pipe.HGet(ctx, s.k.round(id), "data")
	}
	if _, err := pipe.Exec(ctx); err != nil && err != redis.Nil {
		return nil, fmt.Errorf("read rounds: %w", err)
	}
	raws := make([]string, 0, len(ids))
	for _, c := range cmds {
		if c.Err() == nil { // else forgotten meanwhile
			raws = append(raws, c.Val())
		}
	}
	return decodeList(s, s.k.rounds(), raws, decodeJSON[Round]), nil
}

// roundAt is the id of the round a contact at t counted for: the newest
// round opened at or before t (as LatestRound finds it), when t is in its
// window; "" for none. rs is oldest first.
func roundAt(rs []Round, t time.Time) string {
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i].Opened.Unix() <= t.Unix() {
			if rs[i].Open(t) {
				return rs[i].ID
			}
			return ""
		}
	}
	return ""
}

// AddUnmatched keeps a contact from a sender the roster does not know,
// under their normalised nickname, until a liaison binds it. A message id
// seen before is refused with ErrDuplicate. What waits is kept for the
// retention after the nickname's last message.
func (s *Store) AddUnmatched(ctx context.Context, nick string, c Contact) error {
	if len(c.Text) > maxTextBytes {
		c.Text = headTail(c.Text, maxTextBytes)
	}
	group, err := s.groupCode(ctx, c.Group)
	if err != nil {
		return fmt.Errorf("keep unmatched reply: %w", err)
	}
	now := s.clock.Now()
	keys := append(s.dedupeKeys(now, c.MsgID), s.k.unmatched(), s.k.unmatchedMsgs(nick))
	res, err := addUnmatched.Run(ctx, s.rdb, keys, c.MsgID, nick, encodeContact(c, group, waiting), c.At.Unix(),
		dedupeTTL(now), int64(s.retention/time.Second), now.Add(-s.retention).Unix()).Int()
	if err != nil {
		return fmt.Errorf("keep unmatched reply: %w", err)
	}
	if res == 0 {
		return ErrDuplicate
	}
	return nil
}

var addUnmatched = redis.NewScript(`
-- KEYS: 1-4 dedupe (dedupe.go), 5 unmatched zset, 6 the nickname's list
-- ARGV: 1 msg id ('' = none), 2 nickname, 3 contact (compact), 4 unix time,
--       5 time to live of today's dedupe set (s), 6 retention (s),
--       7 nicknames last heard before this are forgotten (unix)
-- returns 1 kept, 0 duplicate
` + dedupeLua + fmt.Sprintf(dedupeMarkLua, 5) + `
redis.call('ZADD', KEYS[5], ARGV[4], ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', '(' .. ARGV[7])
redis.call('RPUSH', KEYS[6], ARGV[3])
redis.call('EXPIRE', KEYS[6], ARGV[6])
return 1
`)

// Unmatched is a nickname whose messages wait to be bound to an elder.
type Unmatched struct {
	Nick     string
	Last     time.Time
	Messages int64
}

// UnmatchedList returns the nicknames waiting to be bound, newest first,
// in two round trips.
func (s *Store) UnmatchedList(ctx context.Context) ([]Unmatched, error) {
	zs, err := s.rdb.ZRevRangeWithScores(ctx, s.k.unmatched(), 0, -1).Result()
	if err != nil {
		return nil, err
	}
	pipe := s.rdb.Pipeline()
	lens := make([]*redis.IntCmd, len(zs))
	for i, z := range zs {
		lens[i] = pipe.LLen(ctx, s.k.unmatchedMsgs(z.Member.(string)))
	}
	if len(zs) > 0 {
		if _, err := pipe.Exec(ctx); err != nil {
			return nil, err
		}
	}
	out := make([]Unmatched, 0, len(zs))
	for i, z := range zs {
		if n := lens[i].Val(); n > 0 { // else its replies expired with the retention
			out = append(out, Unmatched{Nick: z.Member.(string), Last: time.Unix(int64(z.Score), 0), Messages: n})
		}
	}
	return out, nil
}

// Bind attributes a normalised nickname to an elder from now on (when
// keep; otherwise only what waited under it), and returns the contacts that waited under it, oldest first, for the caller
// to record; the caller then calls DropUnmatched, so that a failure in
// between loses nothing.
func (s *Store) Bind(ctx context.Context, nick, elderID string, keep bool) ([]Contact, error) {
	if keep {
		if err := s.rdb.HSet(ctx, s.k.binds(), nick, elderID).Err(); err != nil {
			return nil, fmt.Errorf("bind: %w", err)
		}
	}
	raws, err := s.rdb.LRange(ctx, s.k.unmatchedMsgs(nick), 0, -1).Result()
	if err != nil {
		return nil, fmt.Errorf("bind: %w", err)
	}
	groups := s.groupNames(ctx)
	out := decodeList(s, s.k.unmatchedMsgs(nick), raws, func(raw string) (Contact, error) {
		return decodeContact(raw, 0, "", groups)
	})
	for i := range out {
		if out[i].MsgID != "" { // its own id was used when it was kept
			out[i].MsgID = "bound:" + out[i].MsgID
		}
	}
	return out, nil
}

var dropUnmatched = redis.NewScript(`
-- KEYS: 1 unmatched zset, 2 the nickname's list; ARGV: 1 nickname, 2 how many to drop
redis.call('LTRIM', KEYS[2], ARGV[2], -1)
if redis.call('LLEN', KEYS[2]) == 0 then redis.call('ZREM', KEYS[1], ARGV[1]) end
return 1
`)

// DropUnmatched removes the first n waiting contacts of a nickname, once
// they are recorded.
func (s *Store) DropUnmatched(ctx context.Context, nick string, n int) error {
	return dropUnmatched.Run(ctx, s.rdb, []string{s.k.unmatched(), s.k.unmatchedMsgs(nick)}, nick, n).Err()
}
