package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// UrgentTimes are the repeat intervals the emergency due index is scored by.
type UrgentTimes struct {
	// RepeatEvery is the gap between alerts until acknowledged.
	RepeatEvery time.Duration
	// WidenAfter is when alerts go to all staff.
	WidenAfter time.Duration
	// ConfirmWithin is how long a case may wait for confirmation before
	// it becomes an alarm.
	ConfirmWithin time.Duration
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
	if t, _, ok := e.NextAlert(times); ok {
		due = strconv.FormatInt(t.Unix(), 10)
	}
	keys := []string{s.k.urgent(e.ID), s.k.urgentActive(), s.k.urgentDue(), s.k.aidNeeds(), s.k.aidDay(dayOf(e.Opened))}
	res, err := saveCase.Run(ctx, s.rdb, keys, e.ID, prev, b, active, due, "", 0, int64(s.retention/time.Second), 0).Int64()
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
	return readCase[Emergency](ctx, s, s.k.urgent(id), fmt.Sprintf("emergency #%d", id))
}

// UpdateEmergency applies change to emergency #id and saves it with its
// indexes at once, reading again if it changed meanwhile; an error from
// change is returned as is and nothing is written. Of two processes that
// read the same state, exactly one writes its change.
func (s *Store) UpdateEmergency(ctx context.Context, id int64, times UrgentTimes, change func(Emergency) (Emergency, error)) (Emergency, error) {
	return updateCase(fmt.Sprintf("emergency #%d", id),
		func() (Emergency, string, error) { return s.readEmergency(ctx, id) },
		func(raw string, next Emergency) (int64, error) { return s.writeEmergency(ctx, raw, next, times) },
		change)
}

// ActiveEmergencies returns the emergencies not yet resolved, oldest first.
func (s *Store) ActiveEmergencies(ctx context.Context) ([]Emergency, error) {
	return casesIn[Emergency](ctx, s, s.k.urgentActive(), time.Time{}, s.k.urgent, "active emergencies")
}

// DueEmergencies returns the alerting emergencies whose next repeat is due at t.
func (s *Store) DueEmergencies(ctx context.Context, t time.Time) ([]Emergency, error) {
	return casesIn[Emergency](ctx, s, s.k.urgentDue(), t, s.k.urgent, "due emergencies")
}
