package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// seenTTL is how long an inbound message id is remembered for dedupe.
const seenTTL = 14 * 24 * time.Hour

// maxTextBytes caps the raw text kept with a contact.
const maxTextBytes = 2000

// SyncRoster replaces the stored roster with elders and aliases (normalised
// alias → elder id) in one transaction. Elders never heard from become due
// at once and escalate after their (escalate − contact) interval, so a new
// roster's silent elders show in the next reminder.
func (s *Store) SyncRoster(ctx context.Context, elders []Elder, aliases map[string]string) error {
	now := s.clock.Now()
	ids := make([]any, 0, len(elders))
	fields := make([]any, 0, 2*len(elders))
	for _, e := range elders {
		b, err := json.Marshal(e)
		if err != nil {
			return err
		}
		fields = append(fields, e.ID, b)
		ids = append(ids, e.ID)
	}
	old, err := s.rdb.HKeys(ctx, s.k.elders()).Result()
	if err != nil {
		return fmt.Errorf("sync roster: %w", err)
	}
	keep := make(map[string]bool, len(elders))
	for _, e := range elders {
		keep[e.ID] = true
	}
	_, err = s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Del(ctx, s.k.elders(), s.k.aliases())
		if len(fields) > 0 {
			p.HSet(ctx, s.k.elders(), fields...)
		}
		if len(aliases) > 0 {
			p.HSet(ctx, s.k.aliases(), aliases)
		}
		for _, e := range elders {
			p.ZAddNX(ctx, s.k.due(), redis.Z{Score: float64(now.Unix()), Member: e.ID})
			p.ZAddNX(ctx, s.k.escalate(), redis.Z{Score: float64(now.Add(e.EscalateAfter - e.ContactEvery).Unix()), Member: e.ID})
		}
		for _, id := range old {
			if !keep[id] { // left the roster: no longer overdue
				p.ZRem(ctx, s.k.due(), id)
				p.ZRem(ctx, s.k.escalate(), id)
				p.ZRem(ctx, s.k.flags(), id)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sync roster: %w", err)
	}
	return nil
}

// Elders returns the roster, ordered by id.
func (s *Store) Elders(ctx context.Context) ([]Elder, error) {
	m, err := s.rdb.HGetAll(ctx, s.k.elders()).Result()
	if err != nil {
		return nil, fmt.Errorf("read roster: %w", err)
	}
	byID := decodeHash(s, s.k.elders(), m, decodeJSON[Elder])
	out := make([]Elder, 0, len(byID))
	for _, e := range byID {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// Elder returns one elder.
func (s *Store) Elder(ctx context.Context, id string) (Elder, error) {
	return hgetJSON[Elder](ctx, s, s.k.elders(), id)
}

// Resolve finds the elder a normalised nickname belongs to: a liaison's
// binding first, then the roster's aliases.
func (s *Store) Resolve(ctx context.Context, nick string) (string, error) {
	if nick == "" {
		return "", ErrNotFound
	}
	vals, err := s.rdb.HMGet(ctx, s.k.binds(), nick).Result()
	if err != nil {
		return "", err
	}
	if id, ok := vals[0].(string); ok && id != "" {
		return id, nil
	}
	vals, err = s.rdb.HMGet(ctx, s.k.aliases(), nick).Result()
	if err != nil {
		return "", err
	}
	if id, ok := vals[0].(string); ok && id != "" {
		return id, nil
	}
	return "", ErrNotFound
}

// recordContact writes a contact and its effects in one script.
var recordContact = redis.NewScript(`
-- KEYS: 1 seen key, 2 status hash, 3 due zset, 4 escalate zset, 5 history list,
--       6 round seen set, 7 contacts stream, 8 flags zset
-- ARGV: 1 msg id ('' = no dedupe), 2 elder id, 3 status JSON expected now ('' = none),
--       4 new status JSON, 5 contact JSON, 6 due score, 7 escalate score,
--       8 '1' when the contact counts for the round, 9 seen ttl seconds,
--       10 '1' to flag, 11 contact unix time
-- returns 1 applied, 0 duplicate message, -1 status changed meanwhile (retry)
if ARGV[1] ~= '' and redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local cur = redis.call('HGET', KEYS[2], ARGV[2])
if (cur or '') ~= ARGV[3] then return -1 end
if ARGV[1] ~= '' then redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[9]) end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[4])
redis.call('ZADD', KEYS[3], 'GT', ARGV[6], ARGV[2])
redis.call('ZADD', KEYS[4], 'GT', ARGV[7], ARGV[2])
redis.call('LPUSH', KEYS[5], ARGV[5])
if ARGV[8] == '1' then redis.call('SADD', KEYS[6], ARGV[2]) end
redis.call('XADD', KEYS[7], 'MAXLEN', '~', '200000', '*', 'c', ARGV[5])
if ARGV[10] == '1' then
  redis.call('ZADD', KEYS[8], ARGV[11], ARGV[2])
else
  redis.call('ZREM', KEYS[8], ARGV[2])
end
return 1
`)

// RecordContact applies one contact to the ledger: the elder's latest
// status, history, due and escalation times, the round's coverage and the
// flags, all at once. With c.MsgID set, a message seen before is refused
// with ErrDuplicate and changes nothing. round is the open round, or nil.
func (s *Store) RecordContact(ctx context.Context, e Elder, c Contact, round *Round) error {
	c.ElderID = e.ID
	if len(c.Text) > maxTextBytes {
		c.Text = truncateUTF8(c.Text, maxTextBytes)
	}
	inRound := "0"
	roundID := "-"
	if round != nil && round.Open(c.At) {
		c.Round, inRound, roundID = round.ID, "1", round.ID
	}
	cb, err := json.Marshal(c)
	if err != nil {
		return err
	}
	keys := []string{s.k.seen(c.MsgID), s.k.status(), s.k.due(), s.k.escalate(), s.k.history(e.ID),
		s.k.roundSeen(roundID), s.k.contacts(), s.k.flags()}
	_, err = compareAndSet("status of "+e.ID,
		func() (Status, string, error) { return s.readStatus(ctx, e.ID) },
		func(st Status) (Status, error) { return st.Apply(c), nil },
		func(cur string, next Status) error {
			nb, err := json.Marshal(next)
			if err != nil {
				return err
			}
			flag := "0"
			if next.Flag { // the flag follows the latest contact, not this one
				flag = "1"
			}
			res, err := recordContact.Run(ctx, s.rdb, keys, c.MsgID, e.ID, cur, nb, cb,
				c.At.Add(e.ContactEvery).Unix(), c.At.Add(e.EscalateAfter).Unix(), inRound,
				int64(seenTTL/time.Second), flag, next.Last.Unix()).Int()
			if err != nil {
				return fmt.Errorf("record contact: %w", err)
			}
			switch res {
			case 0:
				return ErrDuplicate
			case -1:
				return errChanged
			}
			return nil
		})
	if errors.Is(err, ErrConflict) {
		return fmt.Errorf("record contact: %w", err)
	}
	return err
}

// MarkSeen remembers an inbound message id; it reports false when the id
// was seen before. Used for messages that change nothing else.
func (s *Store) MarkSeen(ctx context.Context, msgID string) (bool, error) {
	if msgID == "" {
		return true, nil
	}
	return s.rdb.SetNX(ctx, s.k.seen(msgID), "1", seenTTL).Result()
}

// Statuses returns every elder's latest status by elder id; elders never
// heard from are missing.
func (s *Store) Statuses(ctx context.Context) (map[string]Status, error) {
	m, err := s.rdb.HGetAll(ctx, s.k.status()).Result()
	if err != nil {
		return nil, fmt.Errorf("read statuses: %w", err)
	}
	return decodeHash(s, s.k.status(), m, decodeJSON[Status]), nil
}

// StatusOf returns one elder's latest status (NewStatus when never heard
// from, or when what is stored cannot be read).
func (s *Store) StatusOf(ctx context.Context, id string) (Status, error) {
	st, _, err := s.readStatus(ctx, id)
	return st, err
}

// readStatus returns an elder's status and its raw encoding ("" when none).
// A corrupt one (logged and counted) reads as NewStatus with its raw, so
// that the next contact replaces it.
func (s *Store) readStatus(ctx context.Context, id string) (Status, string, error) {
	raw, err := s.rdb.HGet(ctx, s.k.status(), id).Result()
	if err == redis.Nil {
		return NewStatus(), "", nil
	}
	if err != nil {
		return NewStatus(), "", fmt.Errorf("read status of %s: %w", id, err)
	}
	st, err := decodeOne(s, s.k.status()+" "+id, raw, func(raw string) (Status, error) {
		st := NewStatus()
		return st, json.Unmarshal([]byte(raw), &st)
	})
	if err != nil {
		return NewStatus(), raw, nil
	}
	return st, raw, nil
}

// History returns up to n of an elder's contacts, newest first.
func (s *Store) History(ctx context.Context, id string, n int) ([]Contact, error) {
	raws, err := s.rdb.LRange(ctx, s.k.history(id), 0, int64(n-1)).Result()
	if err != nil {
		return nil, err
	}
	return decodeList(s, s.k.history(id), raws, decodeJSON[Contact]), nil
}

// Overdue returns the ids of elders due for contact at or before t, with
// the time each became due, oldest first. It reads the due index, never
// the roster.
func (s *Store) Overdue(ctx context.Context, t time.Time) ([]Due, error) {
	return s.dueBefore(ctx, s.k.due(), t)
}

// Escalated returns elders overdue past their escalation time at t.
func (s *Store) Escalated(ctx context.Context, t time.Time) ([]Due, error) {
	return s.dueBefore(ctx, s.k.escalate(), t)
}

// Due is an elder id and the time a deadline passed.
type Due struct {
	ElderID string
	Since   time.Time
}

func (s *Store) dueBefore(ctx context.Context, key string, t time.Time) ([]Due, error) {
	zs, err := s.rdb.ZRangeByScoreWithScores(ctx, key, &redis.ZRangeBy{Min: "-inf", Max: strconv.FormatInt(t.Unix(), 10)}).Result()
	if err != nil {
		return nil, fmt.Errorf("read overdue: %w", err)
	}
	out := make([]Due, len(zs))
	for i, z := range zs {
		out[i] = Due{ElderID: z.Member.(string), Since: time.Unix(int64(z.Score), 0)}
	}
	return out, nil
}

// Flagged returns elders whose latest contact asks a liaison to look.
func (s *Store) Flagged(ctx context.Context) ([]string, error) {
	return s.rdb.ZRange(ctx, s.k.flags(), 0, -1).Result()
}

func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && (s[n]&0xC0) == 0x80 {
		n--
	}
	return s[:n] + "…"
}

// IsDuplicate reports whether err says a message was applied before.
func IsDuplicate(err error) bool { return errors.Is(err, ErrDuplicate) }

// Contacts returns every contact that happened from since on, oldest
// first, from the ledger's journal (the newest 200,000 contacts). The
// journal is ordered by when contacts were recorded, so it is read whole.
func (s *Store) Contacts(ctx context.Context, since time.Time) ([]Contact, error) {
	start := "-"
	var out []Contact
	for {
		msgs, err := s.rdb.XRangeN(ctx, s.k.contacts(), start, "+", 1000).Result()
		if err != nil {
			return nil, fmt.Errorf("read contacts: %w", err)
		}
		raws := make([]string, len(msgs))
		for i, m := range msgs {
			raws[i], _ = m.Values["c"].(string)
		}
		for _, c := range decodeList(s, s.k.contacts(), raws, decodeJSON[Contact]) {
			if !c.At.Before(since) {
				out = append(out, c)
			}
		}
		if len(msgs) < 1000 {
			break
		}
		start = "(" + msgs[len(msgs)-1].ID
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out, nil
}
