package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// Absence kinds.
const (
	AwayHospital = "住院"
	AwayFamily   = "探亲"
	AwayTravel   = "外出"
)

// Absence is an elder away from home for a while — in hospital, staying
// with family, travelling — who leaves the overdue lists until Until.
type Absence struct {
	ElderID string `json:"elder"`
	// Kind is 住院, 探亲 or 外出.
	Kind string `json:"kind"`
	// Until is the end of the last day away; the elder returns to the
	// lists then, and the liaison is told.
	Until time.Time `json:"until"`
	// Note is what staff wrote ("市六医院 心内科").
	Note string `json:"note,omitempty"`
	// By is the staff member who set it, At when.
	By string    `json:"by"`
	At time.Time `json:"at"`
}

// Validate reports the first thing wrong with a.
func (a Absence) Validate() error {
	switch {
	case a.ElderID == "":
		return fmt.Errorf("absence: no elder")
	case a.Kind != AwayHospital && a.Kind != AwayFamily && a.Kind != AwayTravel:
		return fmt.Errorf("absence: kind %q", a.Kind)
	case a.Until.IsZero():
		return fmt.Errorf("absence: no end")
	}
	return nil
}

// SetAway records an absence, replacing the elder's previous one.
func (s *Store) SetAway(ctx context.Context, a Absence) error {
	if err := a.Validate(); err != nil {
		return err
	}
	b, err := json.Marshal(a)
	if err != nil {
		return err
	}
	_, err = s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.HSet(ctx, s.k.away(), a.ElderID, b)
		p.ZAdd(ctx, s.k.awayUntil(), redis.Z{Score: float64(a.Until.Unix()), Member: a.ElderID})
		return nil
	})
	return err
}

var clearAway = redis.NewScript(`
-- KEYS: 1 absences hash, 2 ends zset; ARGV: 1 elder id, 2 only if ended by this unix time ("" = always)
-- returns the absence JSON removed, or false
local a = redis.call('HGET', KEYS[1], ARGV[1])
if not a then return false end
if ARGV[2] ~= '' then
  local u = tonumber(redis.call('ZSCORE', KEYS[2], ARGV[1]) or '0')
  if u > tonumber(ARGV[2]) then return false end
end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return a
`)

// ClearAway ends an elder's absence now and returns it; ok is false when
// there was none. Of two callers only one gets it.
func (s *Store) ClearAway(ctx context.Context, elderID string) (Absence, bool, error) {
	return s.clearAway(ctx, elderID, "")
}

func (s *Store) clearAway(ctx context.Context, elderID, endedBy string) (Absence, bool, error) {
	var a Absence
	raw, err := clearAway.Run(ctx, s.rdb, []string{s.k.away(), s.k.awayUntil()}, elderID, endedBy).Text()
	if err == redis.Nil {
		return a, false, nil
	}
	if err != nil {
		return a, false, err
	}
	if err := json.Unmarshal([]byte(raw), &a); err != nil {
		return a, false, fmt.Errorf("absence of %s: %w", elderID, err)
	}
	return a, true, nil
}

// Aways returns the absences now recorded, by elder id.
func (s *Store) Aways(ctx context.Context) (map[string]Absence, error) {
	m, err := s.rdb.HGetAll(ctx, s.k.away()).Result()
	if err != nil {
		return nil, err
	}
	out := make(map[string]Absence, len(m))
	for id, raw := range m {
		var a Absence
		if json.Unmarshal([]byte(raw), &a) == nil {
			out[id] = a
		}
	}
	return out, nil
}

// EndAways ends, and returns, every absence over by t; each is returned to
// one caller only, however many run at once.
func (s *Store) EndAways(ctx context.Context, t time.Time) ([]Absence, error) {
	ids, err := s.rdb.ZRangeByScore(ctx, s.k.awayUntil(), &redis.ZRangeBy{Min: "-inf", Max: strconv.FormatInt(t.Unix(), 10)}).Result()
	if err != nil {
		return nil, err
	}
	var out []Absence
	for _, id := range ids {
		a, ok, err := s.clearAway(ctx, id, strconv.FormatInt(t.Unix(), 10))
		if err != nil {
			return out, err
		}
		if ok {
			out = append(out, a)
		}
	}
	return out, nil
}
