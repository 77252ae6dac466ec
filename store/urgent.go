package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// UrgentTimes are the repeat intervals the emergency due index is scored by.
type UrgentTimes struct {
	// RepeatEvery is the gap between alerts until acknowledged.
	RepeatEvery time.Duration
	// WidenAfter is when alerts go to all staff.
	WidenAfter time.Duration
}

func (s *Store) writeEmergency(ctx context.Context, prev string, e Emergency, times UrgentTimes) (int64, error) {
	if err := e.Validate(); err != nil {
		return 0, err
	}
	b, err := json.Marshal(e)
	if err != nil {
		return 0, err
	}
	active, due := "", ""
	if e.Status != EmergencyResolved {
		active = strconv.FormatInt(e.Opened.Unix(), 10)
	}
	if t, _, ok := e.NextAlert(times.RepeatEvery, times.WidenAfter); ok {
		due = strconv.FormatInt(t.Unix(), 10)
	}
	keys := []string{s.k.urgent(e.ID), s.k.urgentActive(), s.k.urgentDue(), s.k.aidNeeds(), s.k.aidDay(dayOf(e.Opened))}
	res, err := saveCase.Run(ctx, s.rdb, keys, e.ID, prev, b, active, due, "", 0, 0).Int64()
	if err != nil {
		return 0, fmt.Errorf("save emergency #%d: %w", e.ID, err)
	}
	return res, nil
}

// OpenEmergency numbers e, records it as alerting and indexes its next repeat.
// The caller sends the first alert and records it with the Round and
// Alerted it passes in.
func (s *Store) OpenEmergency(ctx context.Context, e Emergency, times UrgentTimes) (Emergency, error) {
	id, err := s.NextCaseID(ctx)
	if err != nil {
		return e, err
	}
	e.ID, e.Status = id, EmergencyAlerting
	res, err := s.writeEmergency(ctx, "", e, times)
	if err != nil {
		return e, err
	}
	if res != 1 {
		return e, fmt.Errorf("open emergency #%d: %w", id, ErrConflict)
	}
	return e, nil
}

// Emergency returns emergency #id.
func (s *Store) Emergency(ctx context.Context, id int64) (Emergency, error) {
	e, _, err := s.readEmergency(ctx, id)
	return e, err
}

func (s *Store) readEmergency(ctx context.Context, id int64) (Emergency, string, error) {
	var e Emergency
	raw, err := s.rdb.Get(ctx, s.k.urgent(id)).Result()
	if err == redis.Nil {
		return e, "", ErrNotFound
	}
	if err != nil {
		return e, "", fmt.Errorf("read emergency #%d: %w", id, err)
	}
	if err := json.Unmarshal([]byte(raw), &e); err != nil {
		return e, "", fmt.Errorf("read emergency #%d: %w", id, err)
	}
	return e, raw, nil
}

// UpdateEmergency applies change to emergency #id and saves it with its
// indexes at once, reading again if it changed meanwhile; an error from
// change is returned as is and nothing is written. Of two processes that
// read the same state, exactly one writes its change.
func (s *Store) UpdateEmergency(ctx context.Context, id int64, times UrgentTimes, change func(Emergency) (Emergency, error)) (Emergency, error) {
	for attempt := 0; attempt < maxCASAttempts; attempt++ {
		cur, raw, err := s.readEmergency(ctx, id)
		if err != nil {
			return cur, err
		}
		next, err := change(cur)
		if err != nil {
			return cur, err
		}
		res, err := s.writeEmergency(ctx, raw, next, times)
		if err != nil {
			return cur, err
		}
		if res == 1 {
			return next, nil
		}
	}
	return Emergency{}, fmt.Errorf("update emergency #%d: %w: kept changing", id, ErrConflict)
}

// ActiveEmergencies returns the emergencies not yet resolved, oldest first.
func (s *Store) ActiveEmergencies(ctx context.Context) ([]Emergency, error) {
	ids, err := s.rdb.ZRange(ctx, s.k.urgentActive(), 0, -1).Result()
	if err != nil {
		return nil, fmt.Errorf("read active emergencies: %w", err)
	}
	return s.emergenciesByID(ctx, ids)
}

// DueEmergencies returns the alerting emergencies whose next repeat is due at t.
func (s *Store) DueEmergencies(ctx context.Context, t time.Time) ([]Emergency, error) {
	ids, err := s.rdb.ZRangeByScore(ctx, s.k.urgentDue(), &redis.ZRangeBy{Min: "-inf", Max: strconv.FormatInt(t.Unix(), 10)}).Result()
	if err != nil {
		return nil, fmt.Errorf("read due emergencies: %w", err)
	}
	return s.emergenciesByID(ctx, ids)
}

func (s *Store) emergenciesByID(ctx context.Context, ids []string) ([]Emergency, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	keys := make([]string, len(ids))
	for i, id := range ids {
		n, _ := strconv.ParseInt(id, 10, 64)
		keys[i] = s.k.urgent(n)
	}
	raws, err := s.rdb.MGet(ctx, keys...).Result()
	if err != nil {
		return nil, fmt.Errorf("read emergencies: %w", err)
	}
	out := make([]Emergency, 0, len(raws))
	for _, r := range raws {
		str, ok := r.(string)
		if !ok {
			continue
		}
		var e Emergency
		if err := json.Unmarshal([]byte(str), &e); err != nil {
			return nil, fmt.Errorf("read emergency: %w", err)
		}
		out = append(out, e)
	}
	return out, nil
}
