package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"pingan/handlers/parse"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// AidTimes are the escalation intervals the due index is scored by.
type AidTimes struct {
	// ClaimWithin: unclaimed this long → remind; twice this → admins.
	ClaimWithin time.Duration
	// DoneWithin: claimed but unfinished this long → remind the claimer.
	DoneWithin time.Duration
}

// aidDayTTL is how long the per-day aid counts are kept.
const aidDayTTL = 40 * 24 * time.Hour

// saveCase writes one aid request or emergency and its indexes at once,
// if it is unchanged since it was read. A closed one is kept for the
// retention, then expires.
var saveCase = redis.NewScript(`
-- KEYS: 1 record, 2 active zset, 3 due zset, 4 needs hash, 5 day counts hash
-- ARGV: 1 number, 2 JSON expected now ('' = must be new), 3 new JSON,
--       4 active score ('' = no longer active), 5 due score ('' = nothing due),
--       6 day count field to add 1 to ('' = none), 7 day ttl seconds,
--       8 how long a closed record is kept (s),
--       9 n need fields, 10..9+n the fields ("elder:need") this record holds
--         while active and releases when not
-- returns 1 saved; 0 changed meanwhile (read again); -M when new and a need
--         field is already held by active record M (fold into it instead)
local cur = redis.call('GET', KEYS[1])
if (cur or '') ~= ARGV[2] then return 0 end
local n = tonumber(ARGV[9])
if ARGV[2] == '' then
  for i = 1, n do
    local held = redis.call('HGET', KEYS[4], ARGV[9+i])
    if held and held ~= ARGV[1] then return -tonumber(held) end
  end
end
if ARGV[4] == '' then
  redis.call('SET', KEYS[1], ARGV[3], 'EX', ARGV[8])
  redis.call('ZREM', KEYS[2], ARGV[1])
else
  redis.call('SET', KEYS[1], ARGV[3])
  redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
end
if ARGV[5] == '' then redis.call('ZREM', KEYS[3], ARGV[1]) else redis.call('ZADD', KEYS[3], ARGV[5], ARGV[1]) end
for i = 1, n do
  local f = ARGV[9+i]
  if ARGV[4] == '' then
    if redis.call('HGET', KEYS[4], f) == ARGV[1] then redis.call('HDEL', KEYS[4], f) end
  else
    redis.call('HSETNX', KEYS[4], f, ARGV[1])
  end
end
if ARGV[6] ~= '' then
  redis.call('HINCRBY', KEYS[5], ARGV[6], 1)
  redis.call('EXPIRE', KEYS[5], ARGV[7])
end
return 1
`)

// NextCaseID returns the next #N of the office: aid requests and
// emergencies share one sequence, and a number is never reused.
func (s *Store) NextCaseID(ctx context.Context) (int64, error) {
	id, err := s.rdb.Incr(ctx, s.k.caseSeq()).Result()
	if err != nil {
		return 0, fmt.Errorf("next case number: %w", err)
	}
	return id, nil
}

// aidNeedFields are the needs-index fields of a request.
func aidNeedFields(elderID string, needs []parse.Need) []string {
	if len(needs) == 0 {
		return []string{elderID + ":help"}
	}
	out := make([]string, len(needs))
	for i, n := range needs {
		out[i] = elderID + ":" + string(n)
	}
	return out
}

// dayOf is the day-count key suffix for t (already in the office's zone).
func dayOf(t time.Time) string { return t.Format("20060102") }

// writeAid runs saveCase for a request; prev is the JSON read ("" for new),
// stat the day count to add to, counted on the day of at.
func (s *Store) writeAid(ctx context.Context, prev string, a AidRequest, times AidTimes, stat string, at time.Time) (int64, error) {
	if err := a.Validate(); err != nil {
		return 0, err
	}
	b, err := json.Marshal(a)
	if err != nil {
		return 0, err
	}
	active, due := "", ""
	if a.Status.Active() {
		active = strconv.FormatInt(a.Opened.Unix(), 10)
	}
	if _, t, ok := a.NextStage(times.ClaimWithin, times.DoneWithin); ok {
		due = strconv.FormatInt(t.Unix(), 10)
	}
	fields := aidNeedFields(a.ElderID, a.Needs)
	args := []any{a.ID, prev, b, active, due, stat, int64(aidDayTTL / time.Second), int64(s.retention / time.Second), len(fields)}
	for _, f := range fields {
		args = append(args, f)
	}
	keys := []string{s.k.aid(a.ID), s.k.aidActive(), s.k.aidDue(), s.k.aidNeeds(), s.k.aidDay(dayOf(at))}
	res, err := saveCase.Run(ctx, s.rdb, keys, args...).Int64()
	if err != nil {
		return 0, fmt.Errorf("save aid request #%d: %w", a.ID, err)
	}
	return res, nil
}

// Aid returns request #id.
func (s *Store) Aid(ctx context.Context, id int64) (AidRequest, error) {
	a, _, err := s.readAid(ctx, id)
	return a, err
}

func (s *Store) readAid(ctx context.Context, id int64) (AidRequest, string, error) {
	return readCase[AidRequest](ctx, s, s.k.aid(id), fmt.Sprintf("aid request #%d", id))
}

// OpenAid opens request a (ID, Status and Log are filled in) or, when the
// same elder has an active request for one of the same needs, folds a's
// needs, detail and text into that one. fresh says which happened. The
// check and the write are one script, so two messages at once never open
// two requests for the same need.
func (s *Store) OpenAid(ctx context.Context, a AidRequest, times AidTimes) (req AidRequest, fresh bool, err error) {
	text := ""
	if len(a.Texts) > 0 {
		text = a.Texts[0]
	}
	fields := aidNeedFields(a.ElderID, a.Needs)
	err = retryChanged("aid requests of "+a.ElderID, func() error {
		held, err := s.rdb.HMGet(ctx, s.k.aidNeeds(), fields...).Result()
		if err != nil {
			return fmt.Errorf("open aid request: %w", err)
		}
		existing := int64(0)
		for _, h := range held {
			if v, ok := h.(string); ok {
				existing, _ = strconv.ParseInt(v, 10, 64)
				break
			}
		}
		if existing == 0 {
			if a.ID == 0 {
				if a.ID, err = s.NextCaseID(ctx); err != nil {
					return err
				}
			}
			a.Status = AidOpen
			a.Log = []AidEvent{{At: a.Opened, By: a.AskedBy, What: "opened", Note: truncateUTF8(text, 200)}}
			res, err := s.writeAid(ctx, "", a, times, "opened", a.Opened)
			if err != nil {
				return err
			}
			if res == 1 {
				req, fresh = a, true
				return nil
			}
			existing = -res
			if res == 0 { // the number was taken meanwhile: cannot happen with INCR, but never overwrite
				return fmt.Errorf("open aid request #%d: %w", a.ID, ErrConflict)
			}
		}
		folded, err := s.UpdateAid(ctx, existing, times, a.Opened, func(cur AidRequest) (AidRequest, string, error) {
			if !cur.Status.Active() {
				return cur, "", ErrClosed
			}
			return cur.AddTo(a.Needs, a.Detail, text, a.AskedBy, a.Opened), "", nil
		})
		if errors.Is(err, ErrClosed) || errors.Is(err, ErrNotFound) {
			return errChanged // closed meanwhile: its needs are released; look again
		}
		req = folded
		return err
	})
	if err != nil {
		if req.ID == 0 {
			req = a
		}
		return req, false, err
	}
	return req, fresh, nil
}

// UpdateAid applies change to request #id and saves it with its indexes at
// once, reading again if it changed meanwhile. change returns the new
// request and the day count to add to ("claimed", "done", "cancelled" or
// ""), counted on the day of at (in the office's zone); an error from
// change is returned as is and nothing is written.
func (s *Store) UpdateAid(ctx context.Context, id int64, times AidTimes, at time.Time, change func(AidRequest) (AidRequest, string, error)) (AidRequest, error) {
	var stat string
	return updateCase(fmt.Sprintf("aid request #%d", id),
		func() (AidRequest, string, error) { return s.readAid(ctx, id) },
		func(raw string, next AidRequest) (int64, error) { return s.writeAid(ctx, raw, next, times, stat, at) },
		func(cur AidRequest) (next AidRequest, err error) {
			next, stat, err = change(cur)
			return next, err
		})
}

// ActiveAids returns the open and claimed requests, oldest first. It reads
// the active index, so it costs what the answer holds.
func (s *Store) ActiveAids(ctx context.Context) ([]AidRequest, error) {
	return casesIn[AidRequest](ctx, s, s.k.aidActive(), time.Time{}, s.k.aid, "active aid requests")
}

// DueAids returns the requests whose next escalation stage is due at t.
func (s *Store) DueAids(ctx context.Context, t time.Time) ([]AidRequest, error) {
	return casesIn[AidRequest](ctx, s, s.k.aidDue(), t, s.k.aid, "due aid requests")
}

// AidCounts are one day's aid figures.
type AidCounts struct {
	Opened, Claimed, Done, Cancelled int
}

// AidDay returns the counts of the day t falls on (t in the office's zone).
func (s *Store) AidDay(ctx context.Context, t time.Time) (AidCounts, error) {
	m, err := s.rdb.HGetAll(ctx, s.k.aidDay(dayOf(t))).Result()
	if err != nil {
		return AidCounts{}, fmt.Errorf("read aid counts: %w", err)
	}
	n := func(k string) int { v, _ := strconv.Atoi(m[k]); return v }
	return AidCounts{Opened: n("opened"), Claimed: n("claimed"), Done: n("done"), Cancelled: n("cancelled")}, nil
}
