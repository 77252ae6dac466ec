package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// DailyKeep is how many days of figures the history keeps; older days are
// trimmed each time a day is saved.
const DailyKeep = 400

// DayFigures is the office's figures on one day, as the report saw them:
// the history behind the report chart's 14-day series.
type DayFigures struct {
	// Well, Unwell count elders by their latest health; an elder whose
	// health is unknown is in neither.
	Well   int `json:"well"`
	Unwell int `json:"unwell"`
	// Away counts elders away or in hospital (/外出).
	Away int `json:"away"`
	// Overdue counts elders past their tier's contact interval.
	Overdue int `json:"overdue"`
	// Open counts aid requests not yet done (open or claimed).
	Open int `json:"open"`
	// Answered and Total are the day's round coverage: elders heard from
	// in the round, and elders on the roster.
	Answered int `json:"answered"`
	Total    int `json:"total"`
	// Round is true when a check-in round was opened that day.
	Round bool `json:"round,omitempty"`
	// Branches is each branch's coverage, in roster order.
	Branches []BranchFigures `json:"branches,omitempty"`
	// At is when the figures were taken.
	At time.Time `json:"at"`
}

// BranchFigures is one branch's coverage in a day's round.
type BranchFigures struct {
	Branch   string `json:"b"`
	Answered int    `json:"a"`
	Total    int    `json:"t"`
}

// Day is one day of the history.
type Day struct {
	// Date is the day's midnight in the zone it was asked in.
	Date time.Time
	// Known is false when nothing was saved that day: a gap, not zeros.
	Known bool
	// Figures are the day's figures when Known.
	Figures DayFigures
}

// saveDay writes one day's figures and trims the days before the cutoff.
var saveDay = redis.NewScript(`
-- KEYS: 1 daily hash
-- ARGV: 1 day (YYYYMMDD), 2 figures JSON, 3 first day kept (YYYYMMDD)
-- returns the number of days trimmed
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
local n = 0
for _, d in ipairs(redis.call('HKEYS', KEYS[1])) do
  if d < ARGV[3] then
    redis.call('HDEL', KEYS[1], d)
    n = n + 1
  end
end
return n
`)

// SaveDay records the figures of the day that day falls on (in its
// zone), replacing what an earlier run that day saved, and forgets days
// more than DailyKeep days before it.
func (s *Store) SaveDay(ctx context.Context, day time.Time, f DayFigures) error {
	b, err := json.Marshal(f)
	if err != nil {
		return err
	}
	first := dayOf(day.AddDate(0, 0, 1-DailyKeep))
	if err := saveDay.Run(ctx, s.rdb, []string{s.k.daily()}, dayOf(day), b, first).Err(); err != nil {
		return fmt.Errorf("save the day's figures: %w", err)
	}
	return nil
}

// Days returns the n days ending with the day last falls on (in its
// zone), oldest first; a day with nothing saved is not Known.
func (s *Store) Days(ctx context.Context, last time.Time, n int) ([]Day, error) {
	if n <= 0 {
		return nil, nil
	}
	end := time.Date(last.Year(), last.Month(), last.Day(), 0, 0, 0, 0, last.Location())
	out := make([]Day, n)
	fields := make([]string, n)
	for i := range out {
		out[i].Date = end.AddDate(0, 0, i+1-n)
		fields[i] = dayOf(out[i].Date)
	}
	vals, err := s.rdb.HMGet(ctx, s.k.daily(), fields...).Result()
	if err != nil {
		return nil, fmt.Errorf("read the daily figures: %w", err)
	}
	for i, v := range vals {
		raw, ok := v.(string)
		if !ok {
			continue
		}
		f, err := decodeOne(s, s.k.daily()+" "+fields[i], raw, decodeJSON[DayFigures])
		if err != nil {
			continue // shown as a day without figures
		}
		out[i].Figures, out[i].Known = f, true
	}
	return out, nil
}
