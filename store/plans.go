package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// PlanChange is a plan set in chat (/计划) over the roster's: who set it,
// when. It survives restarts and roster reloads until cleared.
type PlanChange struct {
	Plan
	By string    `json:"by"`
	At time.Time `json:"at"`
}

// SetPlan records an elder's plan set in chat; an empty plan clears it.
func (s *Store) SetPlan(ctx context.Context, elderID string, c PlanChange) error {
	if c.Plan.IsZero() {
		return s.rdb.HDel(ctx, s.k.plans(), elderID).Err()
	}
	b, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return s.rdb.HSet(ctx, s.k.plans(), elderID, b).Err()
}

// Plans returns the plans set in chat, by elder id.
func (s *Store) Plans(ctx context.Context) (map[string]PlanChange, error) {
	m, err := s.rdb.HGetAll(ctx, s.k.plans()).Result()
	if err != nil {
		return nil, fmt.Errorf("read plans: %w", err)
	}
	out := make(map[string]PlanChange, len(m))
	for id, raw := range m {
		var c PlanChange
		if json.Unmarshal([]byte(raw), &c) == nil {
			out[id] = c
		}
	}
	return out, nil
}

// Reschedule moves an elder's overdue and escalation times to follow a new
// contact interval from last, the latest contact.
func (s *Store) Reschedule(ctx context.Context, e Elder, last time.Time) error {
	_, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.ZAdd(ctx, s.k.due(), redis.Z{Score: float64(last.Add(e.ContactEvery).Unix()), Member: e.ID})
		p.ZAdd(ctx, s.k.escalate(), redis.Z{Score: float64(last.Add(e.EscalateAfter).Unix()), Member: e.ID})
		return nil
	})
	return err
}
