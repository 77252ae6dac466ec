package store

import (
	"context"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// A message delivered twice is applied once: the id of every applied
// inbound message goes into the set of the (UTC) day it was applied on,
// and a message is new when none of the last dedupeDays sets holds it. So
// an id is remembered at least dedupeDays−1 whole days (48 hours), which
// covers what redelivers a message — WeChat syncing again after a login,
// the spool replaying after Redis was down, a retry — and each set expires
// by itself. One set a day costs about a third of a key per message with
// its own expiry (the way earlier versions deduped, for 14 days).

// dedupeDays is how many daily sets a message id is looked for in.
const dedupeDays = 3

// dedupeKeys are the keys a dedupe check reads, in the order dedupeLua
// wants them: the sets of today and the dedupeDays−1 days before (UTC),
// then the per-message key of earlier versions.
func (s *Store) dedupeKeys(now time.Time, msgID string) []string {
	now = now.UTC()
	out := make([]string, 0, dedupeDays+1)
	for d := 0; d < dedupeDays; d++ {
		out = append(out, s.k.dedupe(now.AddDate(0, 0, -d).Format("20060102")))
	}
	return append(out, s.k.seen(msgID))
}

// dedupeTTL is how long today's set is kept from now (seconds): until the
// last check that reads it has passed. Expiries are relative, as Redis's
// clock may not be the store's.
func dedupeTTL(now time.Time) int64 {
	now = now.UTC()
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	return day.AddDate(0, 0, dedupeDays).Unix() - now.Unix()
}

// dedupeLua is the check, for scripts whose KEYS start with dedupeKeys
// and whose ARGV[1] is the message id (empty: no dedupe): the script
// returns 0 for a message seen before.
const dedupeLua = `
if ARGV[1] ~= '' then
  if redis.call('EXISTS', KEYS[4]) == 1 then return 0 end
  for i = 1, 3 do
    if redis.call('SISMEMBER', KEYS[i], ARGV[1]) == 1 then return 0 end
  end
end
`

// dedupeMarkLua adds the message to today's set; ARGV[%d] is the set's
// time to live (dedupeTTL).
const dedupeMarkLua = `
if ARGV[1] ~= '' then
  redis.call('SADD', KEYS[1], ARGV[1])
  redis.call('EXPIRE', KEYS[1], ARGV[%d])
end
`

var markSeen = redis.NewScript(`
-- KEYS: 1-3 dedupe sets of today and the two days before, 4 the message's key of earlier versions
-- ARGV: 1 message id, 2 time to live of today's set (s)
-- returns 1 the first time, 0 when seen before
` + dedupeLua + fmt.Sprintf(dedupeMarkLua, 2) + `
return 1
`)

// MarkSeen remembers an inbound message id; it reports false when the id
// was seen before. Used for messages that change nothing else.
func (s *Store) MarkSeen(ctx context.Context, msgID string) (bool, error) {
	if msgID == "" {
		return true, nil
	}
	now := s.clock.Now()
	n, err := markSeen.Run(ctx, s.rdb, s.dedupeKeys(now, msgID), msgID, dedupeTTL(now)).Int()
	return n == 1, err
}
