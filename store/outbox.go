package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// The outbox's lanes, most urgent first. The sender always takes the
// oldest entry of the most urgent lane that holds one.
const (
	// LaneAlarm carries emergency alerts, their repeats and the personal
	// answer to the person in danger.
	LaneAlarm = "alarm"
	// LaneStaff carries private notices and answers to staff commands.
	LaneStaff = "staff"
	// LaneBroadcast carries check-in prompts and bulletins.
	LaneBroadcast = "broadcast"
	// LaneCourtesy carries acknowledgements in groups; it gives way first.
	LaneCourtesy = "courtesy"
)

// Lanes lists the lanes, most urgent first.
var Lanes = []string{LaneAlarm, LaneStaff, LaneBroadcast, LaneCourtesy}

// ValidLane reports whether lane is one of Lanes.
func ValidLane(lane string) bool {
	for _, l := range Lanes {
		if l == lane {
			return true
		}
	}
	return false
}

// OutboxEntry is one queued message as the store keeps it: its lane, its
// id and its encoding, which only the outbox (package bot) reads.
type OutboxEntry struct {
	Lane string
	ID   string // unique; never contains a line break
	Data []byte
}

// raw is how an entry is kept in its lane's list: id, a line break, data.
func (e OutboxEntry) raw() string { return e.ID + "\n" + string(e.Data) }

// Picked is what the sender takes next: one entry of a lane, or a group's
// pending acknowledgements, merged (Group set, Items in arrival order).
type Picked struct {
	OutboxEntry
	// Group is set when the pick is a batch of acknowledgements for it.
	Group string
	// Items are the batch's acknowledgement items, oldest first.
	Items [][]byte
}

// Batch reports whether p is a batch of acknowledgements.
func (p Picked) Batch() bool { return p.Group != "" }

// Depths is how many messages wait in each lane; acknowledgements waiting
// to be merged count in the courtesy lane, one per item.
type Depths map[string]int64

// Total is the number of waiting messages in all lanes.
func (d Depths) Total() int64 {
	var n int64
	for _, v := range d {
		n += v
	}
	return n
}

// Outbox is the Redis-backed queue of outgoing messages in lanes: a list
// per lane, and per group the acknowledgements waiting to be merged into
// one message. A restart, or a WeChat session that stays down, loses
// nothing. The bot's outbox (package bot) is its only user.
type Outbox struct{ s *Store }

// Outbox returns the office's outgoing queue.
func (s *Store) Outbox() *Outbox { return &Outbox{s: s} }

func (o *Outbox) laneKeys() []string {
	k := o.s.k
	return []string{k.outboxLane(LaneAlarm), k.outboxLane(LaneStaff), k.outboxLane(LaneBroadcast), k.outboxLane(LaneCourtesy)}
}

// pushArgs renders entries as ARGV pairs (lane index, raw) for pushLanes.
func pushArgs(entries []OutboxEntry) ([]any, error) {
	args := make([]any, 0, 2*len(entries))
	for _, e := range entries {
		i := laneIndex(e.Lane)
		if i < 0 {
			return nil, fmt.Errorf("outbox: unknown lane %q", e.Lane)
		}
		if e.ID == "" || strings.ContainsRune(e.ID, '\n') {
			return nil, fmt.Errorf("outbox: bad entry id %q", e.ID)
		}
		args = append(args, i+1, e.raw())
	}
	return args, nil
}

func laneIndex(lane string) int {
	for i, l := range Lanes {
		if l == lane {
			return i
		}
	}
	return -1
}

// pushLuaBody appends ARGV pairs (lane index 1-4, raw entry) from position
// first onto the lane lists KEYS[1..4]; shared by every script that queues.
const pushLuaBody = `
for i = %d, #ARGV, 2 do redis.call('RPUSH', KEYS[tonumber(ARGV[i])], ARGV[i + 1]) end
`

var pushLanes = redis.NewScript(`
-- KEYS 1-4: the lanes alarm, staff, broadcast, courtesy
-- ARGV: pairs of lane index (1-4) and raw entry
` + fmt.Sprintf(pushLuaBody, 1) + `
return 1
`)

// Push appends entries to the tails of their lanes, all or none.
func (o *Outbox) Push(ctx context.Context, entries ...OutboxEntry) error {
	if len(entries) == 0 {
		return nil
	}
	args, err := pushArgs(entries)
	if err != nil {
		return err
	}
	return pushLanes.Run(ctx, o.s.rdb, o.laneKeys(), args...).Err()
}

// acknowledgement keys: KEYS 5 the group's items list, 6 due zset (group →
// unix ms when its batch may go), 7 last-sent hash (group → unix ms). Each
// group's items wait in a list of their own, so that adding one costs the
// same however many wait.
func (o *Outbox) ackKeys(group string) []string {
	k := o.s.k
	return append(o.laneKeys(), k.outboxAckItems(group), k.outboxAckDue(), k.outboxAckLast())
}

// ackPushLua adds an item to a group's batch: pushAck(items list, due
// zset, last-sent hash, group, item, now ms, interval ms); the first item
// of a batch sets when it may go: now, or the interval after the group's
// last batch, whichever is later.
const ackPushLua = `
local function pushAck(items, due, lastSent, group, item, now, every)
  if redis.call('RPUSH', items, item) > 1 then return 0 end
  local last = tonumber(redis.call('HGET', lastSent, group) or '0')
  redis.call('ZADD', due, math.max(tonumber(now), last + tonumber(every)), group)
  return 1
end
`

var pushAck = redis.NewScript(`
-- KEYS 1-4 lanes (unused), 5 the group's items list, 6 due zset, 7 last-sent hash
-- ARGV: 1 group, 2 item, 3 now (unix ms), 4 interval (ms)
` + ackPushLua + `
return pushAck(KEYS[5], KEYS[6], KEYS[7], ARGV[1], ARGV[2], ARGV[3], ARGV[4])
`)

// AckPush is an acknowledgement item for a group's batch, as PushAck adds
// it, for a write that adds it in the same step (RecordLooked: the reply
// it acknowledges).
type AckPush struct {
	Group string
	Item  []byte
	// Every is the least time between two of the group's batches.
	Every time.Duration
}

// PushAck adds one acknowledgement item for group. The group's batch may
// go at now, or every after its last batch, whichever is later. An item
// must not contain a line break.
func (o *Outbox) PushAck(ctx context.Context, group string, item []byte, now time.Time, every time.Duration) error {
	if err := validAckItem(item); err != nil {
		return err
	}
	return pushAck.Run(ctx, o.s.rdb, o.ackKeys(group), group, item, now.UnixMilli(), every.Milliseconds()).Err()
}

func validAckItem(item []byte) error {
	if bytes.IndexByte(item, '\n') >= 0 {
		return errors.New("outbox: acknowledgement item contains a line break")
	}
	return nil
}

var nextEntry = redis.NewScript(`
-- KEYS 1-4 lanes, 5 (unused), 6 due zset, 7 last-sent hash
-- ARGV: 1 now (unix ms)
-- returns {lane index, raw entry} for a lane's head, or {4, '', group} for
-- a group whose acknowledgement batch is due, or {} when nothing is due
for i = 1, 3 do
  local h = redis.call('LINDEX', KEYS[i], 0)
  if h then return {i, h} end
end
local due = redis.call('ZRANGEBYSCORE', KEYS[6], '-inf', ARGV[1], 'LIMIT', 0, 1)
if #due > 0 then return {4, '', due[1]} end
local h = redis.call('LINDEX', KEYS[4], 0)
if h then return {4, h} end
return {}
`)

// Next returns what the sender should take at now: the head of the most
// urgent non-empty lane; in the courtesy lane, a group's due batch of
// acknowledgements before a plain entry. ok is false when nothing is due.
// A corrupt entry is moved to the failed list and reported as an error.
func (o *Outbox) Next(ctx context.Context, now time.Time) (Picked, bool, error) {
	for range 3 { // a due group whose items are gone is dropped, and the next looked at
		p, ok, retry, err := o.next(ctx, now)
		if !retry {
			return p, ok, err
		}
	}
	return Picked{}, false, nil
}

func (o *Outbox) next(ctx context.Context, now time.Time) (p Picked, ok, retry bool, err error) {
	res, err := nextEntry.Run(ctx, o.s.rdb, o.ackKeys(""), now.UnixMilli()).Slice()
	if err != nil {
		return p, false, false, err
	}
	if len(res) < 2 {
		return p, false, false, nil
	}
	i, _ := res[0].(int64)
	if i < 1 || int(i) > len(Lanes) {
		return p, false, false, fmt.Errorf("outbox: bad lane %v", res[0])
	}
	p.Lane = Lanes[i-1]
	if raw, _ := res[1].(string); raw != "" {
		id, data, ok := strings.Cut(raw, "\n")
		if !ok || id == "" {
			_ = o.s.rdb.LMove(ctx, o.laneKeys()[i-1], o.s.k.outboxFailed(), "LEFT", "RIGHT").Err()
			return p, false, false, fmt.Errorf("corrupt outbox entry in lane %s moved to failed", p.Lane)
		}
		p.ID, p.Data = id, []byte(data)
		return p, true, false, nil
	}
	if len(res) < 3 {
		return p, false, false, fmt.Errorf("outbox: bad batch %v", res)
	}
	p.Group, _ = res[2].(string)
	items, err := o.s.rdb.LRange(ctx, o.s.k.outboxAckItems(p.Group), 0, -1).Result()
	if err != nil {
		return p, false, false, err
	}
	if len(items) == 0 { // taken meanwhile, or lost: forget the group's turn
		return p, false, true, o.s.rdb.ZRem(ctx, o.s.k.outboxAckDue(), p.Group).Err()
	}
	for _, it := range items {
		p.Items = append(p.Items, []byte(it))
	}
	p.ID = "ack:" + p.Group + ":" + strconv.Itoa(len(p.Items))
	return p, true, false, nil
}

// popHead removes a lane's head when its id is the picked one: replace,
// when not empty, takes its place; failed, when not empty, is appended to
// the failed list.
var popHead = redis.NewScript(`
-- KEYS 1 lane list, 2 failed list
-- ARGV: 1 id expected at the head, 2 replacement raw entry or "", 3 failed record or ""
-- returns 1 when the head matched, 0 otherwise
local head = redis.call('LINDEX', KEYS[1], 0)
if not head then return 0 end
local nl = string.find(head, '\n', 1, true)
if not nl or string.sub(head, 1, nl - 1) ~= ARGV[1] then return 0 end
if ARGV[2] ~= '' then
  redis.call('LSET', KEYS[1], 0, ARGV[2])
else
  redis.call('LPOP', KEYS[1])
end
if ARGV[3] ~= '' then
  redis.call('RPUSH', KEYS[2], ARGV[3])
  redis.call('LTRIM', KEYS[2], -` + strconv.Itoa(FailedKeep) + `, -1)
end
return 1
`)

// FailedKeep is how many records of given-up messages the failed list keeps,
// the newest; older ones are dropped as new ones come, so that a month of a
// WeChat account that cannot send does not grow Redis without end.
const FailedKeep = 1000

// takeBatch removes the first n items of a group's batch and sets when its
// next batch may go; failed, when not empty, keeps the batch's record.
var takeBatch = redis.NewScript(`
-- KEYS 1-4 lanes (unused), 5 the group's items list, 6 due zset, 7 last-sent hash, 8 failed list
-- ARGV: 1 group, 2 n items taken, 3 now (unix ms), 4 interval (ms), 5 failed record or "", 6 "sent" or ""
redis.call('LTRIM', KEYS[5], tonumber(ARGV[2]), -1)
if redis.call('LLEN', KEYS[5]) > 0 then
  redis.call('ZADD', KEYS[6], tonumber(ARGV[3]) + tonumber(ARGV[4]), ARGV[1])
else
  redis.call('ZREM', KEYS[6], ARGV[1])
end
if ARGV[6] == 'sent' then redis.call('HSET', KEYS[7], ARGV[1], ARGV[3]) end
if ARGV[5] ~= '' then
  redis.call('RPUSH', KEYS[8], ARGV[5])
  redis.call('LTRIM', KEYS[8], -` + strconv.Itoa(FailedKeep) + `, -1)
end
return 1
`)

func (o *Outbox) laneKey(lane string) string { return o.s.k.outboxLane(lane) }

// Done removes what was picked, once sent. A batch's items are removed (new
// ones that arrived meanwhile stay) and the group's next batch may go
// every after now.
func (o *Outbox) Done(ctx context.Context, p Picked, now time.Time, every time.Duration) error {
	if p.Batch() {
		return takeBatch.Run(ctx, o.s.rdb, append(o.ackKeys(p.Group), o.s.k.outboxFailed()),
			p.Group, len(p.Items), now.UnixMilli(), every.Milliseconds(), "", "sent").Err()
	}
	return popHead.Run(ctx, o.s.rdb, []string{o.laneKey(p.Lane), o.s.k.outboxFailed()}, p.ID, "", "").Err()
}

// Retry puts data, the picked entry with a new attempt count, in its place
// at the head of its lane. A batch stays where it is and may go again at
// retryAt.
func (o *Outbox) Retry(ctx context.Context, p Picked, data []byte, retryAt time.Time) error {
	if p.Batch() {
		return o.s.rdb.ZAddXX(ctx, o.s.k.outboxAckDue(), redis.Z{Score: float64(retryAt.UnixMilli()), Member: p.Group}).Err()
	}
	e := p.OutboxEntry
	e.Data = data
	return popHead.Run(ctx, o.s.rdb, []string{o.laneKey(p.Lane), o.s.k.outboxFailed()}, p.ID, e.raw(), "").Err()
}

// Fail removes what was picked and keeps record, its encoding with the
// reason, among the failed messages.
func (o *Outbox) Fail(ctx context.Context, p Picked, record []byte, now time.Time) error {
	if p.Batch() {
		return takeBatch.Run(ctx, o.s.rdb, append(o.ackKeys(p.Group), o.s.k.outboxFailed()),
			p.Group, len(p.Items), now.UnixMilli(), 0, record, "").Err()
	}
	return popHead.Run(ctx, o.s.rdb, []string{o.laneKey(p.Lane), o.s.k.outboxFailed()}, p.ID, "", record).Err()
}

// Depths returns how many messages wait in each lane, in two round trips.
func (o *Outbox) Depths(ctx context.Context) (Depths, error) {
	pipe := o.s.rdb.Pipeline()
	lens := make([]*redis.IntCmd, len(Lanes))
	for i, l := range Lanes {
		lens[i] = pipe.LLen(ctx, o.laneKey(l))
	}
	groups := pipe.ZRange(ctx, o.s.k.outboxAckDue(), 0, -1)
	if _, err := pipe.Exec(ctx); err != nil && err != redis.Nil {
		return nil, err
	}
	d := Depths{}
	for i, l := range Lanes {
		d[l] = lens[i].Val()
	}
	if gs := groups.Val(); len(gs) > 0 {
		pipe = o.s.rdb.Pipeline()
		items := make([]*redis.IntCmd, len(gs))
		for i, g := range gs {
			items[i] = pipe.LLen(ctx, o.s.k.outboxAckItems(g))
		}
		if _, err := pipe.Exec(ctx); err != nil && err != redis.Nil {
			return nil, err
		}
		for _, n := range items {
			d[LaneCourtesy] += n.Val()
		}
	}
	return d, nil
}

var moveLegacyAcks = redis.NewScript(`
-- KEYS 1 hash of earlier versions' items (group → items a line each), 2 the group's items list
-- ARGV: 1 group
-- returns how many items were moved
local v = redis.call('HGET', KEYS[1], ARGV[1])
if not v then return 0 end
local items = {}
for item in string.gmatch(v, '[^\n]+') do items[#items + 1] = item end
for i = #items, 1, -1 do redis.call('LPUSH', KEYS[2], items[i]) end
redis.call('HDEL', KEYS[1], ARGV[1])
return #items
`)

// MoveLegacyAcks moves the acknowledgement items earlier versions kept,
// all of a group's in one string, to the front of the group's list (they
// are the oldest); it returns how many it moved.
func (o *Outbox) MoveLegacyAcks(ctx context.Context) (int, error) {
	groups, err := o.s.rdb.HKeys(ctx, o.s.k.outboxAcks()).Result()
	if err != nil {
		return 0, err
	}
	moved := 0
	for _, g := range groups {
		n, err := moveLegacyAcks.Run(ctx, o.s.rdb, []string{o.s.k.outboxAcks(), o.s.k.outboxAckItems(g)}, g).Int()
		if err != nil {
			return moved, fmt.Errorf("move acknowledgements of %s: %w", g, err)
		}
		moved += n
	}
	return moved, nil
}

// Failed lists the records of messages given up, oldest first.
func (o *Outbox) Failed(ctx context.Context) ([][]byte, error) {
	return o.wholeList(ctx, o.s.k.outboxFailed())
}

// Legacy returns the messages left in the single queue of earlier
// versions, oldest first, to be moved into lanes with MoveLegacy.
func (o *Outbox) Legacy(ctx context.Context) ([][]byte, error) {
	return o.wholeList(ctx, o.s.k.outboxLegacy())
}

// wholeList returns every entry of the list at key, first to last.
func (o *Outbox) wholeList(ctx context.Context, key string) ([][]byte, error) {
	raws, err := o.s.rdb.LRange(ctx, key, 0, -1).Result()
	if err != nil {
		return nil, err
	}
	out := make([][]byte, len(raws))
	for i, r := range raws {
		out[i] = []byte(r)
	}
	return out, nil
}

var moveLegacy = redis.NewScript(`
-- KEYS 1-4 lanes, 5 legacy list
-- ARGV: 1 number of legacy entries read, then pairs of lane index and raw entry
if redis.call('LLEN', KEYS[5]) ~= tonumber(ARGV[1]) then return 0 end
` + fmt.Sprintf(pushLuaBody, 2) + `
redis.call('DEL', KEYS[5])
return 1
`)

// MoveLegacy queues entries in their lanes and deletes the legacy queue,
// in one step, if it still holds n messages; it reports whether it did.
func (o *Outbox) MoveLegacy(ctx context.Context, n int, entries []OutboxEntry) (bool, error) {
	args, err := pushArgs(entries)
	if err != nil {
		return false, err
	}
	moved, err := moveLegacy.Run(ctx, o.s.rdb, append(o.laneKeys(), o.s.k.outboxLegacy()), append([]any{n}, args...)...).Int()
	return moved == 1, err
}

// pushWith runs a claim script whose KEYS start with the four lanes and
// whose ARGV end with entries' pairs; see OpenRound and QueueBulletin.
func (o *Outbox) pushWith(ctx context.Context, script *redis.Script, keys []string, args []any, entries []OutboxEntry) (int, error) {
	pairs, err := pushArgs(entries)
	if err != nil {
		return 0, err
	}
	return script.Run(ctx, o.s.rdb, append(o.laneKeys(), keys...), append(args, pairs...)...).Int()
}
