package store

import (
	"context"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// Upkeep gives an expiry to what earlier versions stored without one, so
// that an office upgraded in place stops growing too: each elder's
// history, each round and its set of elders heard from, the replies
// waiting to be bound. Rounds and waiting nicknames older than the
// retention go at once. It changes no expiry already set, so it may run at
// every start; it costs one command per elder, round and nickname.
func (s *Store) Upkeep(ctx context.Context) error {
	now := s.clock.Now()
	cutoff := now.Add(-s.retention)
	retention := s.retention
	var batch []func(redis.Pipeliner)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		pipe := s.rdb.Pipeline()
		for _, f := range batch {
			f(pipe)
		}
		batch = batch[:0]
		if _, err := pipe.Exec(ctx); err != nil && err != redis.Nil {
			return fmt.Errorf("upkeep: %w", err)
		}
		return nil
	}
	add := func(f func(redis.Pipeliner)) error {
		batch = append(batch, f)
		if len(batch) >= 1000 {
			return flush()
		}
		return nil
	}

	rounds, err := s.rdb.ZRangeWithScores(ctx, s.k.rounds(), 0, -1).Result()
	if err != nil {
		return fmt.Errorf("upkeep: %w", err)
	}
	for _, z := range rounds {
		id, opened := z.Member.(string), time.Unix(int64(z.Score), 0)
		err := add(func(p redis.Pipeliner) {
			if opened.Before(cutoff) {
				p.Del(ctx, s.k.round(id), s.k.roundSeen(id), s.k.roundCount(id))
				p.ZRem(ctx, s.k.rounds(), id)
				return
			}
			p.ExpireNX(ctx, s.k.round(id), max(opened.Add(retention).Sub(now), time.Second))
			p.ExpireNX(ctx, s.k.roundSeen(id), roundSeenTTL)
			p.ExpireNX(ctx, s.k.roundCount(id), roundSeenTTL)
		})
		if err != nil {
			return err
		}
	}

	err = s.scanFields(ctx, s.k.elders(), 1000, func(ids []string) error {
		for _, id := range ids {
			if err := add(func(p redis.Pipeliner) { p.ExpireNX(ctx, s.k.history(id), retention) }); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("upkeep: %w", err)
	}

	nicks, err := s.rdb.ZRangeWithScores(ctx, s.k.unmatched(), 0, -1).Result()
	if err != nil {
		return fmt.Errorf("upkeep: %w", err)
	}
	for _, z := range nicks {
		nick, last := z.Member.(string), time.Unix(int64(z.Score), 0)
		err := add(func(p redis.Pipeliner) {
			if last.Before(cutoff) {
				p.Del(ctx, s.k.unmatchedMsgs(nick))
				p.ZRem(ctx, s.k.unmatched(), nick)
				return
			}
			p.ExpireNX(ctx, s.k.unmatchedMsgs(nick), retention)
		})
		if err != nil {
			return err
		}
	}
	return flush()
}
