package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// Aid requests and emergencies are both "cases": a numbered JSON record
// saved with its indexes by one script (saveCase) when it is unchanged
// since it was read. These helpers are what the two have in common.

// readCase reads the case at key; raw is the JSON as read, for the
// compare-and-set of the write that follows. ErrNotFound when there is none.
func readCase[T any](ctx context.Context, s *Store, key, what string) (v T, raw string, err error) {
	raw, err = s.rdb.Get(ctx, key).Result()
	if err == redis.Nil {
		return v, "", ErrNotFound
	}
	if err != nil {
		return v, "", fmt.Errorf("read %s: %w", what, err)
	}
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		return v, "", fmt.Errorf("read %s: %w", what, err)
	}
	return v, raw, nil
}

// updateCase applies change to a case and writes it, reading again while
// another writer got there first; an error from change is returned as is
// and nothing is written. write returns 1 when saved, 0 when the record
// changed since raw was read.
func updateCase[T any](ctx context.Context, what string,
	read func() (T, string, error), write func(raw string, next T) (int64, error), change func(T) (T, error)) (T, error) {
	for attempt := 0; attempt < maxCASAttempts; attempt++ {
		cur, raw, err := read()
		if err != nil {
			return cur, err
		}
		next, err := change(cur)
		if err != nil {
			return cur, err
		}
		res, err := write(raw, next)
		if err != nil {
			return cur, err
		}
		if res == 1 {
			return next, nil
		}
	}
	var zero T
	return zero, fmt.Errorf("update %s: %w: kept changing", what, ErrConflict)
}

// casesIn returns the cases a zset index holds, in score order: all of
// them when upTo is zero, else those scored at or before upTo. It reads
// the index and the records it names, so it costs what the answer holds.
func casesIn[T any](ctx context.Context, s *Store, index string, upTo time.Time, key func(int64) string, what string) ([]T, error) {
	var ids []string
	var err error
	if upTo.IsZero() {
		ids, err = s.rdb.ZRange(ctx, index, 0, -1).Result()
	} else {
		ids, err = s.rdb.ZRangeByScore(ctx, index, &redis.ZRangeBy{Min: "-inf", Max: strconv.FormatInt(upTo.Unix(), 10)}).Result()
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	keys := make([]string, len(ids))
	for i, id := range ids {
		n, _ := strconv.ParseInt(id, 10, 64)
		keys[i] = key(n)
	}
	raws, err := s.rdb.MGet(ctx, keys...).Result()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	out := make([]T, 0, len(raws))
	for _, r := range raws {
		str, ok := r.(string)
		if !ok {
			continue // removed meanwhile
		}
		var v T
		if err := json.Unmarshal([]byte(str), &v); err != nil {
			return nil, fmt.Errorf("read %s: %w", what, err)
		}
		out = append(out, v)
	}
	return out, nil
}
