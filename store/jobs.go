package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// ClaimTick takes the once-per-tick lock of a job: the first process to
// claim (job, tick) gets true, every other gets false. The lock is never
// released; it expires after ttl, well after the tick.
func (s *Store) ClaimTick(ctx context.Context, job string, tick time.Time, instance string, ttl time.Duration) (bool, error) {
	ok, err := s.rdb.SetNX(ctx, s.k.jobTick(job, tick), instance, ttl).Result()
	if err != nil {
		return false, fmt.Errorf("claim %s at %s: %w", job, tick.Format(time.RFC3339), err)
	}
	return ok, nil
}

// JobRun is the record of a job's run.
type JobRun struct {
	// Tick is the scheduled time the run was for.
	Tick time.Time `json:"tick"`
	// Started and Took say when it ran and for how long.
	Started time.Time     `json:"started"`
	Took    time.Duration `json:"took"`
	// Err is the failure, empty on success.
	Err string `json:"err,omitempty"`
	// Instance is the process that ran it.
	Instance string `json:"instance"`
}

// SetJobRun records a job's latest run.
func (s *Store) SetJobRun(ctx context.Context, job string, r JobRun) error {
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return s.rdb.HSet(ctx, s.k.jobLast(), job, b).Err()
}

// JobRuns returns the latest run of every job that has run.
func (s *Store) JobRuns(ctx context.Context) (map[string]JobRun, error) {
	m, err := s.rdb.HGetAll(ctx, s.k.jobLast()).Result()
	if err != nil && err != redis.Nil {
		return nil, err
	}
	return decodeHash(s, s.k.jobLast(), m, decodeJSON[JobRun]), nil
}
