package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/redis/go-redis/v9"
)

// Every read-change-write of a record goes through compareAndSet: the
// write is a script that stores the new value only if the record is still
// what was read (its raw encoding), and the whole step is tried again
// when another writer got there first, at most casAttempts times.

// casAttempts bounds how often one read-change-write is tried when other
// writers keep changing the record in between; past it, ErrConflict.
const casAttempts = 100

// errChanged is what a write step returns when the record is no longer
// what was read; the step is then tried again.
var errChanged = errors.New("changed since read")

// retryChanged runs try until it returns anything but errChanged, at most
// casAttempts times; what names the record in the final error.
func retryChanged(what string, try func() error) error {
	for attempt := 0; attempt < casAttempts; attempt++ {
		if err := try(); !errors.Is(err, errChanged) {
			return err
		}
	}
	return fmt.Errorf("update %s: %w: kept changing", what, ErrConflict)
}

// compareAndSet reads a record (its value and raw encoding), applies
// change and writes the result, which write stores only if the record is
// still raw (else errChanged, and it all starts again). An error from
// read, change or write is returned as is, with the value as read; on
// success the value written.
func compareAndSet[T any](what string, read func() (T, string, error), change func(T) (T, error), write func(raw string, next T) error) (T, error) {
	var out T
	err := retryChanged(what, func() error {
		cur, raw, err := read()
		if err != nil {
			out = cur
			return err
		}
		next, err := change(cur)
		if err != nil {
			out = cur
			return err
		}
		if err := write(raw, next); err != nil {
			out = cur
			return err
		}
		out = next
		return nil
	})
	return out, err
}

// hsetIfUnchanged is the write of a compare-and-set on one hash field.
var hsetIfUnchanged = redis.NewScript(`
-- KEYS: 1 hash
-- ARGV: 1 field, 2 value expected now ('' = none), 3 new value
-- returns 1 written, 0 the field changed since it was read
if (redis.call('HGET', KEYS[1], ARGV[1]) or '') ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1
`)

// hsetIfUnchanged sets field of hash key to value if it still holds raw;
// errChanged otherwise.
func (s *Store) hsetIfUnchanged(ctx context.Context, key, field, raw, value string) error {
	n, err := hsetIfUnchanged.Run(ctx, s.rdb, []string{key}, field, raw, value).Int()
	if err != nil {
		return err
	}
	if n == 0 {
		return errChanged
	}
	return nil
}
