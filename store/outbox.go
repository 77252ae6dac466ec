package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/redis/go-redis/v9"

	"pingan/bot"
)

// Outbox is the Redis-backed queue of outgoing messages; it implements
// bot.Queue. A restart, or a WeChat session that stays down, loses nothing.
type Outbox struct{ s *Store }

// Outbox returns the office's outgoing queue.
func (s *Store) Outbox() *Outbox { return &Outbox{s: s} }

// Push appends messages to the tail in one command.
func (o *Outbox) Push(ctx context.Context, msgs ...bot.Outgoing) error {
	vals := make([]any, len(msgs))
	for i, m := range msgs {
		b, err := json.Marshal(m)
		if err != nil {
			return err
		}
		vals[i] = b
	}
	return o.s.rdb.RPush(ctx, o.s.k.outbox(), vals...).Err()
}

// Head returns the oldest queued message.
func (o *Outbox) Head(ctx context.Context) (bot.Outgoing, bool, error) {
	var m bot.Outgoing
	raw, err := o.s.rdb.LIndex(ctx, o.s.k.outbox(), 0).Bytes()
	if err == redis.Nil {
		return m, false, nil
	}
	if err != nil {
		return m, false, err
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		// A corrupt entry must not wedge the queue: move it aside.
		_ = o.s.rdb.LMove(ctx, o.s.k.outbox(), o.s.k.outboxFailed(), "LEFT", "RIGHT").Err()
		return m, false, fmt.Errorf("corrupt outbox entry moved to failed: %w", err)
	}
	return m, true, nil
}

// popIfHead removes the head when its id is id; replace, when not nil,
// takes its place; failed, when not nil, is appended to the failed list.
var popIfHead = redis.NewScript(`
-- KEYS[1] outbox list, KEYS[2] failed list
-- ARGV[1] id expected at the head, ARGV[2] replacement JSON or "", ARGV[3] failed JSON or ""
-- returns 1 when the head matched, 0 otherwise
local head = redis.call('LINDEX', KEYS[1], 0)
if not head then return 0 end
local ok, m = pcall(cjson.decode, head)
if not ok or m.id ~= ARGV[1] then return 0 end
if ARGV[2] ~= '' then
  redis.call('LSET', KEYS[1], 0, ARGV[2])
else
  redis.call('LPOP', KEYS[1])
end
if ARGV[3] ~= '' then redis.call('RPUSH', KEYS[2], ARGV[3]) end
return 1
`)

func (o *Outbox) pop(ctx context.Context, id string, replace, failed []byte) error {
	return popIfHead.Run(ctx, o.s.rdb, []string{o.s.k.outbox(), o.s.k.outboxFailed()}, id, replace, failed).Err()
}

// Done removes the head if it is the message with this id.
func (o *Outbox) Done(ctx context.Context, id string) error { return o.pop(ctx, id, nil, nil) }

// Retry stores m's new attempt count in place at the head.
func (o *Outbox) Retry(ctx context.Context, m bot.Outgoing) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return o.pop(ctx, m.ID, b, nil)
}

// FailedMessage is a message the outbox gave up, with why.
type FailedMessage struct {
	bot.Outgoing
	Reason string `json:"reason"`
}

// Fail removes the head and keeps it among the failed messages.
func (o *Outbox) Fail(ctx context.Context, m bot.Outgoing, reason string) error {
	b, err := json.Marshal(FailedMessage{Outgoing: m, Reason: reason})
	if err != nil {
		return err
	}
	return o.pop(ctx, m.ID, nil, b)
}

// Len is the number of queued messages.
func (o *Outbox) Len(ctx context.Context) (int64, error) {
	return o.s.rdb.LLen(ctx, o.s.k.outbox()).Result()
}

// Failed lists the messages given up, oldest first.
func (o *Outbox) Failed(ctx context.Context) ([]FailedMessage, error) {
	raws, err := o.s.rdb.LRange(ctx, o.s.k.outboxFailed(), 0, -1).Result()
	if err != nil {
		return nil, err
	}
	out := make([]FailedMessage, 0, len(raws))
	for _, r := range raws {
		var f FailedMessage
		if json.Unmarshal([]byte(r), &f) == nil {
			out = append(out, f)
		}
	}
	return out, nil
}

var _ bot.Queue = (*Outbox)(nil)
