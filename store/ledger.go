package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

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

// Statuses returns every elder's latest status by elder id; elders never
// heard from are missing. It reads the whole ledger's head (the export
// does), a few hundred at a time, so that Redis is never held long.
func (s *Store) Statuses(ctx context.Context) (map[string]Status, error) {
	out := map[string]Status{}
	var cursor uint64
	for {
		kv, next, err := s.rdb.HScan(ctx, s.k.status(), cursor, "", 500).Result()
		if err != nil {
			return nil, fmt.Errorf("read statuses: %w", err)
		}
		m := make(map[string]string, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		for id, st := range decodeHash(s, s.k.status(), m, decodeStatus) {
			out[id] = st
		}
		if cursor = next; cursor == 0 {
			return out, nil
		}
	}
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
	return s.statusRead(id, raw, err)
}

// statusRead is readStatus of what an HGET of the elder's status answered.
func (s *Store) statusRead(id, raw string, err error) (Status, string, error) {
	if err == redis.Nil {
		return NewStatus(), "", nil
	}
	if err != nil {
		return NewStatus(), "", fmt.Errorf("read status of %s: %w", id, err)
	}
	st, err := decodeOne(s, s.k.status()+" "+id, raw, decodeStatus)
	if err != nil {
		return NewStatus(), raw, nil
	}
	return st, raw, nil
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

// omitted marks where the middle of a long text was left out.
const omitted = "……（中间省略）……"

// headTail keeps at most about n bytes of s: its start and its end, where
// the news of a long message usually is, with omitted between.
func headTail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	half := (n - len(omitted)) / 2
	if half <= 0 {
		return truncateUTF8(s, n)
	}
	head := truncateUTF8(s, half)
	head = head[:len(head)-len("…")]
	i := len(s) - half
	for i < len(s) && (s[i]&0xC0) == 0x80 {
		i++
	}
	return head + omitted + s[i:]
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
