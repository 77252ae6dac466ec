package store

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// Aid requests and emergencies are both "cases": a numbered JSON record
// saved with its indexes by one script (saveCase) when it is unchanged
// since it was read. These helpers are what the two have in common.

// readCase reads the case at key; raw is the JSON as read, for the
// compare-and-set of the write that follows. ErrNotFound when there is
// none, ErrCorrupt when it cannot be decoded.
func readCase[T any](ctx context.Context, s *Store, key, what string) (v T, raw string, err error) {
	raw, err = s.rdb.Get(ctx, key).Result()
	if err == redis.Nil {
		return v, "", ErrNotFound
	}
	if err != nil {
		return v, "", fmt.Errorf("read %s: %w", what, err)
	}
	v, err = decodeOne(s, key, raw, decodeJSON[T])
	return v, raw, err
}

// updateCase applies change to a case and writes it (compareAndSet); an
// error from change is returned as is and nothing is written. write
// returns 1 when saved, 0 when the record changed since raw was read.
func updateCase[T any](what string, read func() (T, string, error), write func(raw string, next T) (int64, error), change func(T) (T, error)) (T, error) {
	return compareAndSet(what, read, change, func(raw string, next T) error {
		res, err := write(raw, next)
		if err == nil && res != 1 {
			err = errChanged
		}
		return err
	})
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
	found := make([]string, 0, len(raws))
	for _, r := range raws {
		if str, ok := r.(string); ok { // else removed meanwhile
			found = append(found, str)
		}
	}
	return decodeList(s, what, found, decodeJSON[T]), nil
}
