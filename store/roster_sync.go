package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/redis/go-redis/v9"
)

// syncChunk is how many elders one step of SyncRoster writes or removes.
// Each step is one script; at this size a step holds Redis for a
// millisecond (BenchmarkSyncRoster reports the longest).
const syncChunk = 100

// aliasChunk is how many aliases one command of SyncRoster writes or removes.
const aliasChunk = 500

// SyncRoster makes the stored roster elders, and the stored aliases
// (normalised alias → elder id) aliases, in steps of a few hundred elders,
// none of which holds Redis for more than a few milliseconds:
//
//  1. each elder is written when changed; one without due and escalation
//     times (never heard from) becomes due at once and escalates after
//     their (escalate − contact) interval, so a new roster's silent elders
//     show in the next reminder; each is put in the health indexes from
//     their status; one who changed branch or joined moves in the counts
//     of the rounds still counted;
//  2. the aliases are written;
//  3. the elders no longer on the roster are removed: from the roster,
//     the overdue, escalation, flag and health indexes and the rounds' counts;
//  4. the aliases no longer given are removed.
//
// Every step may run again: a sync cut short (the process stopped) leaves
// the stored roster part old, part new, and the next sync — at the next
// start — completes it.
func (s *Store) SyncRoster(ctx context.Context, elders []Elder, aliases map[string]string) error {
	now := s.clock.Now()
	keep := make(map[string]bool, len(elders))
	for len(elders) > 0 {
		chunk := elders[:min(len(elders), syncChunk)]
		elders = elders[len(chunk):]
		args := make([]any, 0, 5*len(chunk))
		for _, e := range chunk {
			b, err := json.Marshal(e)
			if err != nil {
				return err
			}
			keep[e.ID] = true
			args = append(args, e.ID, b, e.Branch, now.Unix(), now.Add(e.EscalateAfter-e.ContactEvery).Unix())
		}
		keys, err := s.syncKeys(ctx, s.k.status())
		if err != nil {
			return err
		}
		if err := syncElders.Run(ctx, s.rdb, keys, args...).Err(); err != nil {
			return fmt.Errorf("sync roster: %w", err)
		}
	}
	if err := s.syncAliases(ctx, aliases); err != nil {
		return err
	}
	var gone []string
	drop := func() error {
		if len(gone) == 0 {
			return nil
		}
		keys, err := s.syncKeys(ctx, s.k.flags())
		if err != nil {
			return err
		}
		if err := dropElders.Run(ctx, s.rdb, keys, toAny(gone)...).Err(); err != nil {
			return fmt.Errorf("sync roster: %w", err)
		}
		gone = gone[:0]
		return nil
	}
	err := s.scanFields(ctx, s.k.elders(), syncChunk, func(ids []string) error {
		for _, id := range ids {
			if !keep[id] {
				gone = append(gone, id)
			}
		}
		if len(gone) >= syncChunk {
			return drop()
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sync roster: %w", err)
	}
	return drop()
}

// syncKeys are the keys of a sync step: the roster, due and escalation
// indexes, fourth (the status hash or the flags index), the health
// indexes, then the seen set and counts of each round still counted.
func (s *Store) syncKeys(ctx context.Context, fourth string) ([]string, error) {
	keys := []string{s.k.elders(), s.k.due(), s.k.escalate(), fourth, s.k.well(), s.k.unwell()}
	ids, err := s.rdb.ZRangeByScore(ctx, s.k.rounds(), &redis.ZRangeBy{
		Min: strconv.FormatInt(s.clock.Now().Add(-roundSeenTTL).Unix(), 10), Max: "+inf"}).Result()
	if err != nil {
		return nil, fmt.Errorf("sync roster: read rounds: %w", err)
	}
	for _, id := range ids {
		keys = append(keys, s.k.roundSeen(id), s.k.roundCount(id))
	}
	return keys, nil
}

var syncElders = redis.NewScript(`
-- KEYS: 1 roster hash, 2 due zset, 3 escalate zset, 4 status hash, 5 well set,
--       6 unwell set, 7.. pairs of a counted round's seen set and counts hash
-- ARGV: fives of elder id, elder JSON, branch, and the due and escalation
--       scores of an elder who has none
-- returns how many elders were written (new or changed)
` + luaClass + luaSetClass + luaBranchOf + `
local written = 0
for i = 1, #ARGV, 5 do
  local id, json, branch = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local old = redis.call('HGET', KEYS[1], id)
  if old ~= json then
    written = written + 1
    redis.call('HSET', KEYS[1], id, json)
    local was = old and branchOf(old)
    if was ~= branch then
      for r = 7, #KEYS, 2 do
        if redis.call('HEXISTS', KEYS[r + 1], 'v') == 1 and redis.call('SISMEMBER', KEYS[r], id) == 1 then
          if was then redis.call('HINCRBY', KEYS[r + 1], 'b:' .. was, -1) end
          redis.call('HINCRBY', KEYS[r + 1], 'b:' .. branch, 1)
        end
      end
    end
  end
  redis.call('ZADD', KEYS[2], 'NX', ARGV[i + 3], id)
  redis.call('ZADD', KEYS[3], 'NX', ARGV[i + 4], id)
  setClass(KEYS[5], KEYS[6], id, class(redis.call('HGET', KEYS[4], id)))
end
return written
`)

var dropElders = redis.NewScript(`
-- KEYS: 1 roster hash, 2 due zset, 3 escalate zset, 4 flags zset, 5 well set,
--       6 unwell set, 7.. pairs of a counted round's seen set and counts hash
-- ARGV: ids of elders no longer on the roster
-- returns how many were removed
` + luaBranchOf + `
local n = 0
for _, id in ipairs(ARGV) do
  local old = redis.call('HGET', KEYS[1], id)
  if old then
    n = n + 1
    redis.call('HDEL', KEYS[1], id)
    for r = 7, #KEYS, 2 do
      if redis.call('HEXISTS', KEYS[r + 1], 'v') == 1 and redis.call('SISMEMBER', KEYS[r], id) == 1 then
        redis.call('HINCRBY', KEYS[r + 1], 'b:' .. branchOf(old), -1)
      end
    end
    redis.call('ZREM', KEYS[2], id)
    redis.call('ZREM', KEYS[3], id)
    redis.call('ZREM', KEYS[4], id)
    redis.call('SREM', KEYS[5], id)
    redis.call('SREM', KEYS[6], id)
  end
end
return n
`)

// syncAliases writes aliases, then removes the stored ones it does not
// give, aliasChunk at a time.
func (s *Store) syncAliases(ctx context.Context, aliases map[string]string) error {
	var batch []any
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := s.rdb.HSet(ctx, s.k.aliases(), batch...).Err()
		batch = batch[:0]
		if err != nil {
			return fmt.Errorf("sync aliases: %w", err)
		}
		return nil
	}
	for a, id := range aliases {
		batch = append(batch, a, id)
		if len(batch) >= 2*aliasChunk {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	var stale []string
	err := s.scanFields(ctx, s.k.aliases(), aliasChunk, func(fields []string) error {
		for _, f := range fields {
			if _, ok := aliases[f]; !ok {
				stale = append(stale, f)
			}
		}
		if len(stale) >= aliasChunk {
			err := s.rdb.HDel(ctx, s.k.aliases(), stale...).Err()
			stale = stale[:0]
			return err
		}
		return nil
	})
	if err == nil && len(stale) > 0 {
		err = s.rdb.HDel(ctx, s.k.aliases(), stale...).Err()
	}
	if err != nil {
		return fmt.Errorf("sync aliases: %w", err)
	}
	return nil
}

var hscanFields = redis.NewScript(`
-- KEYS: 1 hash; ARGV: 1 cursor, 2 count
-- returns the next cursor, then the fields of one HSCAN step (not the values)
local r = redis.call('HSCAN', KEYS[1], ARGV[1], 'COUNT', ARGV[2])
local out = {r[1]}
for i = 1, #r[2], 2 do out[#out + 1] = r[2][i] end
return out
`)

// scanFields calls each with the fields of hash key, about count at a
// time (HSCAN: a field may come twice, one added meanwhile may not come),
// without their values.
func (s *Store) scanFields(ctx context.Context, key string, count int, each func(fields []string) error) error {
	cursor := "0"
	for {
		res, err := hscanFields.Run(ctx, s.rdb, []string{key}, cursor, count).StringSlice()
		if err != nil {
			return err
		}
		if len(res) == 0 {
			return fmt.Errorf("scan %s: empty answer", key)
		}
		if err := each(res[1:]); err != nil {
			return err
		}
		if cursor = res[0]; cursor == "0" {
			return nil
		}
	}
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
