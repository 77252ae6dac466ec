package store

import (
	"context"
	"fmt"
	"time"
)

// Once reports whether this is the first time what happened within ttl,
// across processes: a daily hint, a failure told to the admins.
func (s *Store) Once(ctx context.Context, what string, ttl time.Duration) (bool, error) {
	ok, err := s.rdb.SetNX(ctx, s.k.once(what), s.clock.Now().Unix(), ttl).Result()
	if err != nil {
		return false, fmt.Errorf("once %s: %w", what, err)
	}
	return ok, nil
}
