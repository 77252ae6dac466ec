package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"pingan/handlers/parse"
)

// Indexes that let staff commands and jobs read what they show, not the
// whole ledger:
//
//   - well and unwell: the elders on the roster whose latest stated health
//     is well, or neither well nor unknown. Both the record-contact script
//     (from the status it writes) and the roster sync (from the status it
//     finds, for each elder it adds, keeps or removes) set an elder's
//     membership from the status and the roster as they are at that
//     moment, so the sets are right whatever runs at once, and a sync
//     puts them right if anything ever made them wrong.
//   - a round's counts (roundCount): how many of each branch's elders were
//     heard from in the round, raised by the record script when an elder
//     on the roster is first heard from in the round, and moved by the
//     roster sync when an elder heard from changes branch or leaves. A
//     round opened by an earlier version has no counts: Counts says so and
//     callers count its set of elders heard from instead.
//
// The overdue, escalation and flag indexes (due, escalate, flags) are
// sorted sets by time as before.

// Health classes of a status, as the indexes keep them.
const (
	classWell    = "w"
	classUnwell  = "u"
	classUnknown = ""
)

// healthClass is the class of a stated health: well, unknown (never
// stated, or unknown) or unwell (anything else).
func healthClass(h parse.Health) string {
	switch h {
	case parse.HealthWell:
		return classWell
	case "", parse.HealthUnknown:
		return classUnknown
	}
	return classUnwell
}

// luaClass is healthClass in Lua, of a status as stored (JSON); a status
// that cannot be read is unknown, as readStatus reads it.
const luaClass = `
local function class(raw)
  if not raw then return '' end
  local ok, st = pcall(cjson.decode, raw)
  if not ok or type(st) ~= 'table' or type(st.health) ~= 'string' then return '' end
  if st.health == 'well' then return 'w' end
  if st.health == '' or st.health == 'unknown' then return '' end
  return 'u'
end
`

// luaSetClass puts elder id in the well or unwell set (or neither) for
// class c: setClass(wellKey, unwellKey, id, c).
const luaSetClass = `
local function setClass(well, unwell, id, c)
  if c == 'w' then redis.call('SADD', well, id) else redis.call('SREM', well, id) end
  if c == 'u' then redis.call('SADD', unwell, id) else redis.call('SREM', unwell, id) end
end
`

// luaBranchOf is the branch of an elder as stored (JSON); ” when it
// cannot be read.
const luaBranchOf = `
local function branchOf(raw)
  local ok, e = pcall(cjson.decode, raw)
  if ok and type(e) == 'table' and type(e.branch) == 'string' then return e.branch end
  return ''
end
`

// countedField is the field of a round's counts that marks it as kept.
const countedField = "v"

// Marks is what the indexes say about some elders at one time.
type Marks struct {
	// Escalated and Overdue hold the elders past their escalation or
	// contact deadline, with the time it passed.
	Escalated map[string]time.Time
	Overdue   map[string]time.Time
	// Unwell holds the elders whose latest stated health is not well
	// (nor unknown); Flagged those whose latest contact asks for a look,
	// with its time.
	Unwell  map[string]bool
	Flagged map[string]time.Time
	// Seen holds the elders heard from in the round asked about; nil when
	// none was.
	Seen map[string]bool
	// Away holds the elders' absences.
	Away map[string]Absence
}

// marksChunk is how many elders one round trip of MarksOf asks about, so
// that no command holds Redis long.
const marksChunk = 2000

// MarksOf reads what the indexes say about the elders ids at t — overdue,
// escalated, unwell, flagged, away, and heard from in round roundID when
// not "" — at a cost that follows len(ids), one round trip for every
// marksChunk of them.
func (s *Store) MarksOf(ctx context.Context, ids []string, t time.Time, roundID string) (Marks, error) {
	m := Marks{Escalated: map[string]time.Time{}, Overdue: map[string]time.Time{}, Unwell: map[string]bool{},
		Flagged: map[string]time.Time{}, Away: map[string]Absence{}}
	if roundID != "" {
		m.Seen = map[string]bool{}
	}
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), marksChunk)]
		ids = ids[len(chunk):]
		members := make([]string, len(chunk))
		copy(members, chunk)
		pipe := s.rdb.Pipeline()
		due := pipe.ZMScore(ctx, s.k.due(), members...)
		esc := pipe.ZMScore(ctx, s.k.escalate(), members...)
		flags := pipe.ZMScore(ctx, s.k.flags(), members...)
		anyMembers := make([]any, len(chunk))
		for i, id := range chunk {
			anyMembers[i] = id
		}
		unwell := pipe.SMIsMember(ctx, s.k.unwell(), anyMembers...)
		var seen *redis.BoolSliceCmd
		if roundID != "" {
			seen = pipe.SMIsMember(ctx, s.k.roundSeen(roundID), anyMembers...)
		}
		away := pipe.HMGet(ctx, s.k.away(), members...)
		if _, err := pipe.Exec(ctx); err != nil && err != redis.Nil {
			return m, fmt.Errorf("read indexes: %w", err)
		}
		limit := float64(t.Unix())
		for i, id := range chunk {
			// ZMSCORE answers nil (read as 0) for a member missing: never a deadline.
			if v := due.Val()[i]; v != 0 && v <= limit {
				m.Overdue[id] = time.Unix(int64(v), 0)
			}
			if v := esc.Val()[i]; v != 0 && v <= limit {
				m.Escalated[id] = time.Unix(int64(v), 0)
			}
			if v := flags.Val()[i]; v != 0 {
				m.Flagged[id] = time.Unix(int64(v), 0)
			}
			if unwell.Val()[i] {
				m.Unwell[id] = true
			}
			if seen != nil && seen.Val()[i] {
				m.Seen[id] = true
			}
			if raw, ok := away.Val()[i].(string); ok {
				if a, err := decodeOne(s, s.k.away()+" "+id, raw, decodeJSON[Absence]); err == nil {
					m.Away[id] = a
				}
			}
		}
	}
	return m, nil
}

// OfficeMarks reads what the indexes say of the whole office at t — who is
// overdue, escalated, unwell, flagged or away — from their ranges, at a
// cost that follows how many they hold, not the roster. Seen is nil.
func (s *Store) OfficeMarks(ctx context.Context, t time.Time) (Marks, error) {
	m := Marks{Escalated: map[string]time.Time{}, Overdue: map[string]time.Time{}, Unwell: map[string]bool{},
		Flagged: map[string]time.Time{}}
	limit := strconv.FormatInt(t.Unix(), 10)
	pipe := s.rdb.Pipeline()
	due := pipe.ZRangeByScoreWithScores(ctx, s.k.due(), &redis.ZRangeBy{Min: "-inf", Max: limit})
	esc := pipe.ZRangeByScoreWithScores(ctx, s.k.escalate(), &redis.ZRangeBy{Min: "-inf", Max: limit})
	flags := pipe.ZRangeWithScores(ctx, s.k.flags(), 0, -1)
	unwell := pipe.SMembers(ctx, s.k.unwell())
	away := pipe.HGetAll(ctx, s.k.away())
	if _, err := pipe.Exec(ctx); err != nil && err != redis.Nil {
		return m, fmt.Errorf("read indexes: %w", err)
	}
	for _, z := range due.Val() {
		m.Overdue[z.Member.(string)] = time.Unix(int64(z.Score), 0)
	}
	for _, z := range esc.Val() {
		m.Escalated[z.Member.(string)] = time.Unix(int64(z.Score), 0)
	}
	for _, z := range flags.Val() {
		m.Flagged[z.Member.(string)] = time.Unix(int64(z.Score), 0)
	}
	for _, id := range unwell.Val() {
		m.Unwell[id] = true
	}
	m.Away = decodeHash(s, s.k.away(), away.Val(), decodeJSON[Absence])
	return m, nil
}

// StatusesOf returns the latest status of the elders ids that were ever
// heard from, by id, reading those only. A corrupt one is logged, counted
// and left out, as Statuses does.
func (s *Store) StatusesOf(ctx context.Context, ids []string) (map[string]Status, error) {
	out := make(map[string]Status, len(ids))
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), marksChunk)]
		ids = ids[len(chunk):]
		vals, err := s.rdb.HMGet(ctx, s.k.status(), chunk...).Result()
		if err != nil {
			return nil, fmt.Errorf("read statuses: %w", err)
		}
		for i, v := range vals {
			if raw, ok := v.(string); ok {
				if st, err := decodeOne(s, s.k.status()+" "+chunk[i], raw, decodeStatus); err == nil {
					out[chunk[i]] = st
				}
			}
		}
	}
	return out, nil
}

// decodeStatus reads a stored status; fields it lacks keep NewStatus's.
func decodeStatus(raw string) (Status, error) {
	st := NewStatus()
	return st, json.Unmarshal([]byte(raw), &st)
}

// AwayOf returns the absences of the elders ids that are away, by id.
func (s *Store) AwayOf(ctx context.Context, ids []string) (map[string]Absence, error) {
	out := map[string]Absence{}
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), marksChunk)]
		ids = ids[len(chunk):]
		vals, err := s.rdb.HMGet(ctx, s.k.away(), chunk...).Result()
		if err != nil {
			return nil, fmt.Errorf("read absences: %w", err)
		}
		for i, v := range vals {
			if raw, ok := v.(string); ok {
				if a, err := decodeOne(s, s.k.away()+" "+chunk[i], raw, decodeJSON[Absence]); err == nil {
					out[chunk[i]] = a
				}
			}
		}
	}
	return out, nil
}

// Figures are the office's counts as the indexes keep them, read in one
// round trip whatever the office's size.
type Figures struct {
	// Well counts the elders on the stored roster whose latest health is well.
	Well int
	// Unwell lists the elders on the stored roster whose latest stated
	// health is neither well nor unknown.
	Unwell []string
	// Flagged counts the elders whose latest contact asks for a look.
	Flagged int
	// Overdue counts the elders due for contact at the time asked, away or not.
	Overdue int
	// AwayIDs lists the elders away.
	AwayIDs []string
}

// Figures reads the office's counts at t.
func (s *Store) Figures(ctx context.Context, t time.Time) (Figures, error) {
	var f Figures
	pipe := s.rdb.Pipeline()
	well := pipe.SCard(ctx, s.k.well())
	unwell := pipe.SMembers(ctx, s.k.unwell())
	flags := pipe.ZCard(ctx, s.k.flags())
	due := pipe.ZCount(ctx, s.k.due(), "-inf", strconv.FormatInt(t.Unix(), 10))
	away := pipe.HKeys(ctx, s.k.away())
	if _, err := pipe.Exec(ctx); err != nil && err != redis.Nil {
		return f, fmt.Errorf("read figures: %w", err)
	}
	f.Well, f.Unwell, f.Flagged, f.Overdue, f.AwayIDs = int(well.Val()), unwell.Val(), int(flags.Val()), int(due.Val()), away.Val()
	return f, nil
}

// RoundCounts returns how many of each branch's elders were heard from in
// the round; ok is false for a round whose counts are not kept (opened by
// an earlier version, or expired): count its set of elders heard from.
func (s *Store) RoundCounts(ctx context.Context, roundID string) (map[string]int, bool, error) {
	m, err := s.rdb.HGetAll(ctx, s.k.roundCount(roundID)).Result()
	if err != nil {
		return nil, false, fmt.Errorf("read round counts: %w", err)
	}
	if _, ok := m[countedField]; !ok {
		return nil, false, nil
	}
	out := make(map[string]int, len(m))
	for f, v := range m {
		if b, ok := strings.CutPrefix(f, "b:"); ok {
			n, _ := strconv.Atoi(v)
			out[b] = n
		}
	}
	return out, true, nil
}

// SeenAmong returns which of the elders ids were heard from in the round,
// one round trip for every marksChunk of them.
func (s *Store) SeenAmong(ctx context.Context, roundID string, ids []string) (map[string]bool, error) {
	out := map[string]bool{}
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), marksChunk)]
		ids = ids[len(chunk):]
		members := make([]any, len(chunk))
		for i, id := range chunk {
			members[i] = id
		}
		vals, err := s.rdb.SMIsMember(ctx, s.k.roundSeen(roundID), members...).Result()
		if err != nil {
			return nil, fmt.Errorf("read round %s: %w", roundID, err)
		}
		for i, v := range vals {
			if v {
				out[chunk[i]] = true
			}
		}
	}
	return out, nil
}
