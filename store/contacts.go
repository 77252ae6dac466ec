package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// Each contact is stored once, compact (codec.go), as an entry of the
// contacts log — a stream whose entry ids are the contacts' times, trimmed
// by time to the retention, which `export` reads. An elder's history is a
// list of the ids of their entries, newest first (ten bytes each), trimmed
// by the same retention and expiring a retention after the elder's last
// contact; /查询 reads its head.

// maxTextBytes caps the raw text kept with a contact.
const maxTextBytes = 2000

// roundSeenTTL is how long a round's set of elders heard from is kept,
// from its first reply. The set is read only while its round is today's
// (coverage in /状态, /待办, the report, acknowledgements); the contacts log
// says the same for the whole retention, and the daily figures keep each
// day's coverage, so keeping a set of every elder for every day of the
// retention would cost more than all the rest.
const roundSeenTTL = 3 * 24 * time.Hour

// historyPerDay is how many contacts a day, for every day of the
// retention, an elder's history keeps at most: the check-in reply and a
// few more (family, a liaison's call, a sticker). It only stops a flood;
// the retention trims the history by time first.
const historyPerDay = 4

// historyCap is the most contacts an elder's history keeps: historyPerDay
// for every day of the retention, or for every contact interval when the
// elder is to be contacted more often than daily.
func (s *Store) historyCap(e Elder) int64 {
	every := 24 * time.Hour
	if e.ContactEvery > 0 && e.ContactEvery < every {
		every = e.ContactEvery
	}
	return int64(s.retention/every+1) * historyPerDay
}

// recordContact writes a contact and its effects in one script.
var recordContact = redis.NewScript(`
-- KEYS: 1-4 dedupe (dedupe.go), 5 status hash, 6 due zset, 7 escalate zset,
--       8 history list, 9 round seen set, 10 contacts stream, 11 flags zset,
--       12 roster hash, 13 well set, 14 unwell set, 15 round counts hash,
--       16 the acknowledged group's items list, 17 acknowledgements due zset,
--       18 acknowledgements last-sent hash
-- ARGV: 1 msg id ('' = no dedupe), 2 elder id, 3 status JSON expected now ('' = none),
--       4 new status JSON, 5 contact (compact, from its second field on),
--       6 contact unix ms, 7 now unix ms, 8 due score, 9 escalate score,
--       10 '1' when the contact counts for the round, 11 '1' to flag, 12 flag score,
--       13 time to live of today's dedupe set (s), 14 round seen set ttl (s),
--       15 history cap, 16 retention (s), 17 oldest entry id kept (unix ms),
--       18 the new status's health class (indexes.go), 19 the health class
--       of the status expected now, 20 '1' to queue an acknowledgement,
--       21 its group, 22 its item, 23 the group's interval (ms)
-- returns 1 applied, 0 duplicate message, -1 status changed meanwhile (retry)
` + dedupeLua + luaSetClass + luaBranchOf + ackPushLua + `
local cur = redis.call('HGET', KEYS[5], ARGV[2])
if (cur or '') ~= ARGV[3] then return -1 end
` + fmt.Sprintf(dedupeMarkLua, 13) + `
redis.call('HSET', KEYS[5], ARGV[2], ARGV[4])
redis.call('ZADD', KEYS[6], 'GT', ARGV[8], ARGV[2])
redis.call('ZADD', KEYS[7], 'GT', ARGV[9], ARGV[2])
-- The health indexes and the round's counts cover the elders on the
-- roster. An elder's class changes only with their status (and the roster
-- sync, which sets it from the status), so it is set only when it changes.
if ARGV[18] ~= ARGV[19] and redis.call('HEXISTS', KEYS[12], ARGV[2]) == 1 then
  setClass(KEYS[13], KEYS[14], ARGV[2], ARGV[18])
end
if ARGV[10] == '1' then
  if redis.call('SADD', KEYS[9], ARGV[2]) == 1 and redis.call('HEXISTS', KEYS[15], 'v') == 1 then
    local e = redis.call('HGET', KEYS[12], ARGV[2])
    if e then redis.call('HINCRBY', KEYS[15], 'b:' .. branchOf(e), 1) end
  end
  redis.call('EXPIRE', KEYS[9], ARGV[14], 'NX')
end
if ARGV[20] == '1' then pushAck(KEYS[16], KEYS[17], KEYS[18], ARGV[21], ARGV[22], ARGV[7], ARGV[23]) end
if ARGV[11] == '1' then
  redis.call('ZADD', KEYS[11], ARGV[12], ARGV[2])
else
  redis.call('ZREM', KEYS[11], ARGV[2])
end
-- The log entry's id is the contact's time (never later than now), after
-- the newest entry; the time is written out only when the id is not it.
local at = tonumber(ARGV[6])
local id = math.min(at, tonumber(ARGV[7]))
local last = redis.call('XREVRANGE', KEYS[10], '+', '-', 'COUNT', 1)
if #last > 0 then
  local lms = tonumber(string.match(last[1][1], '^(%d+)'))
  if lms and id <= lms then id = lms + 1 end
end
local sid = string.format('%.0f', id)
local atf = ''
if id > at then atf = '-' .. string.format('%.0f', id - at) elseif id < at then atf = ARGV[6] end
redis.call('XADD', KEYS[10], 'MINID', '~', ARGV[17], sid .. '-0', 'c', atf .. ARGV[5])
-- The history points at it; pointers older than the retention go.
if redis.call('LPUSH', KEYS[8], sid) > tonumber(ARGV[15]) then
  redis.call('LTRIM', KEYS[8], 0, tonumber(ARGV[15]) - 1)
end
local oldest = tonumber(ARGV[17])
while true do
  local tail = tonumber(redis.call('LINDEX', KEYS[8], -1) or '')
  if not tail or tail >= oldest then break end
  redis.call('RPOP', KEYS[8])
end
redis.call('EXPIRE', KEYS[8], ARGV[16])
return 1
`)

// RecordContact applies one contact to the ledger: the elder's latest
// status, history, due and escalation times, the round's coverage and the
// flags, all at once. With c.MsgID set, a message seen before is refused
// with ErrDuplicate and changes nothing. round is the open round, or nil.
func (s *Store) RecordContact(ctx context.Context, e Elder, c Contact, round *Round) error {
	return s.recordContact(ctx, e, c, round, nil, nil)
}

// recordContact is RecordContact; pre, when set, is the elder's status as
// a Lookup read it, which the first try writes over without reading again;
// ack, when set, is queued in the same step.
func (s *Store) recordContact(ctx context.Context, e Elder, c Contact, round *Round, pre *readAhead, ack *AckPush) error {
	c.ElderID = e.ID
	ackArgs := []any{"0", "", "", 0}
	if ack != nil {
		if err := validAckItem(ack.Item); err != nil {
			return err
		}
		ackArgs = []any{"1", ack.Group, ack.Item, ack.Every.Milliseconds()}
	} else {
		ack = &AckPush{}
	}
	if len(c.Text) > maxTextBytes {
		c.Text = headTail(c.Text, maxTextBytes)
	}
	inRound := "0"
	roundID := "-"
	if round != nil && round.Open(c.At) {
		c.Round, inRound, roundID = round.ID, "1", round.ID
	}
	group, err := s.groupCode(ctx, c.Group)
	if err != nil {
		return fmt.Errorf("record contact: %w", err)
	}
	enc := encodeContact(c, group, inJournal)
	now := s.clock.Now()
	keys := append(s.dedupeKeys(now, c.MsgID), s.k.status(), s.k.due(), s.k.escalate(), s.k.history(e.ID),
		s.k.roundSeen(roundID), s.k.contacts(), s.k.flags(), s.k.elders(), s.k.well(), s.k.unwell(), s.k.roundCount(roundID),
		s.k.outboxAckItems(ack.Group), s.k.outboxAckDue(), s.k.outboxAckLast())
	var was string // the health class of the status read
	_, err = compareAndSet("status of "+e.ID,
		func() (Status, string, error) {
			if pre != nil {
				cur, raw := pre.status, pre.raw
				pre = nil // a second try reads again
				was = healthClass(cur.Health)
				return cur, raw, nil
			}
			cur, raw, err := s.readStatus(ctx, e.ID)
			was = healthClass(cur.Health)
			return cur, raw, err
		},
		func(st Status) (Status, error) { return st.Apply(c), nil },
		func(cur string, next Status) error {
			nb, err := json.Marshal(next)
			if err != nil {
				return err
			}
			flag := "0"
			if next.Flag { // the flag follows the latest contact, not this one
				flag = "1"
			}
			res, err := recordContact.Run(ctx, s.rdb, keys, c.MsgID, e.ID, cur, nb, enc,
				c.At.UnixMilli(), now.UnixMilli(), c.At.Add(e.ContactEvery).Unix(), c.At.Add(e.EscalateAfter).Unix(),
				inRound, flag, next.Last.Unix(), dedupeTTL(now), int64(roundSeenTTL/time.Second),
				s.historyCap(e), int64(s.retention/time.Second), now.Add(-s.retention).UnixMilli(), healthClass(next.Health), was,
				ackArgs[0], ackArgs[1], ackArgs[2], ackArgs[3]).Int()
			if err != nil {
				return fmt.Errorf("record contact: %w", err)
			}
			switch res {
			case 0:
				return ErrDuplicate
			case -1:
				return errChanged
			}
			return nil
		})
	if errors.Is(err, ErrConflict) {
		return fmt.Errorf("record contact: %w", err)
	}
	return err
}

// readHistory returns the head of an elder's history: for each entry, the
// id of its contacts-log entry and that entry's contact; an entry of
// earlier versions (JSON) comes with an empty id. Entries whose log entry was
// trimmed are left out.
var readHistory = redis.NewScript(`
-- KEYS: 1 history list, 2 contacts stream
-- ARGV: 1 how many
-- returns pairs of id ('' = not a pointer) and stored contact, newest first
local out = {}
for _, h in ipairs(redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)) do
  if string.match(h, '^%d+$') then
    local e = redis.call('XRANGE', KEYS[2], h .. '-0', h .. '-0')
    if #e > 0 then
      local v = ''
      for i = 1, #e[1][2], 2 do
        if e[1][2][i] == 'c' then v = e[1][2][i + 1] end
      end
      table.insert(out, h)
      table.insert(out, v)
    end
  else
    table.insert(out, '')
    table.insert(out, h)
  end
end
return out
`)

// History returns up to n of an elder's contacts within the retention,
// newest first.
func (s *Store) History(ctx context.Context, id string, n int) ([]Contact, error) {
	if n <= 0 {
		return nil, nil
	}
	res, err := readHistory.Run(ctx, s.rdb, []string{s.k.history(id), s.k.contacts()}, n).StringSlice()
	if err != nil {
		return nil, fmt.Errorf("read history of %s: %w", id, err)
	}
	groups := s.groupNames(ctx)
	raws := make([]string, 0, len(res)/2)
	ids := make([]int64, 0, len(res)/2)
	for i := 0; i+1 < len(res); i += 2 {
		ms, _ := strconv.ParseInt(res[i], 10, 64)
		ids, raws = append(ids, ms), append(raws, res[i+1])
	}
	out := decodeListAt(s, s.k.history(id), raws, func(i int, raw string) (Contact, error) {
		if ids[i] == 0 && !strings.HasPrefix(raw, "{") {
			return Contact{}, errors.New("neither an entry id nor a contact")
		}
		return decodeContact(raw, ids[i], id, groups)
	})
	// Entries of earlier versions are trimmed only by the cap: those past
	// the retention are left out here.
	cutoff := s.clock.Now().Add(-s.retention)
	kept := out[:0]
	for _, c := range out {
		if !c.At.Before(cutoff) {
			kept = append(kept, c)
		}
	}
	return kept, s.deriveRounds(ctx, kept)
}

// Contacts returns every contact that happened from since on, oldest
// first, from the contacts log. The log's ids are the contacts' times, or
// later for a contact recorded late, so it is read from since on only.
// ContactsFrom says whether the log goes back that far.
func (s *Store) Contacts(ctx context.Context, since time.Time) ([]Contact, error) {
	// An hour early: entries of earlier versions have the server's clock
	// in their ids.
	start := strconv.FormatInt(since.Add(-time.Hour).UnixMilli(), 10)
	groups := s.groupNames(ctx)
	var out []Contact
	for {
		msgs, err := s.rdb.XRangeN(ctx, s.k.contacts(), start, "+", 1000).Result()
		if err != nil {
			return nil, fmt.Errorf("read contacts: %w", err)
		}
		raws := make([]string, len(msgs))
		for i, m := range msgs {
			raws[i], _ = m.Values["c"].(string)
		}
		cs := decodeListAt(s, s.k.contacts(), raws, func(i int, raw string) (Contact, error) {
			return decodeContact(raw, entryMs(msgs[i].ID), "", groups)
		})
		for _, c := range cs {
			if !c.At.Before(since) {
				out = append(out, c)
			}
		}
		if len(msgs) < 1000 {
			break
		}
		start = "(" + msgs[len(msgs)-1].ID
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out, s.deriveRounds(ctx, out)
}

// ContactsFrom is the time from which the contacts log is complete: the
// start of the retention, or the time of the oldest contact it holds when
// that is later (an office that started since, or a log that earlier
// versions capped by count).
func (s *Store) ContactsFrom(ctx context.Context) (time.Time, error) {
	from := s.clock.Now().Add(-s.retention)
	msgs, err := s.rdb.XRangeN(ctx, s.k.contacts(), "-", "+", 1).Result()
	if err != nil {
		return from, fmt.Errorf("read contacts: %w", err)
	}
	if len(msgs) == 1 {
		if t := time.UnixMilli(entryMs(msgs[0].ID)); t.After(from) {
			return t, nil
		}
	}
	return from, nil
}

// entryMs is the unix ms of a stream entry id ("1732435200000-0").
func entryMs(id string) int64 {
	ms, _ := strconv.ParseInt(strings.SplitN(id, "-", 2)[0], 10, 64)
	return ms
}

// deriveRounds fills in the round each contact counted for (roundAt).
func (s *Store) deriveRounds(ctx context.Context, cs []Contact) error {
	if len(cs) == 0 {
		return nil
	}
	from, to := cs[0].At, cs[0].At
	for _, c := range cs {
		if c.At.Before(from) {
			from = c.At
		}
		if c.At.After(to) {
			to = c.At
		}
	}
	rs, err := s.roundsBetween(ctx, from, to)
	if err != nil {
		return err
	}
	for i := range cs {
		if cs[i].Round == "" {
			cs[i].Round = roundAt(rs, cs[i].At)
		}
	}
	return nil
}
