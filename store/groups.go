package store

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/redis/go-redis/v9"
)

// A stored contact names its group by a short code from the office's group
// dictionary (keys.groups): the same few group names would otherwise be
// most of every contact's bytes. A code, once given, never changes, so each
// process keeps the codes it has seen.

// groupDict is a process's copy of the codes it has seen.
type groupDict struct {
	mu     sync.RWMutex
	byName map[string]string
	byCode map[string]string
}

func (d *groupDict) code(name string) (string, bool) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	c, ok := d.byName[name]
	return c, ok
}

func (d *groupDict) name(code string) (string, bool) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	n, ok := d.byCode[code]
	return n, ok
}

func (d *groupDict) add(name, code string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.byName == nil {
		d.byName, d.byCode = map[string]string{}, map[string]string{}
	}
	d.byName[name], d.byCode[code] = code, name
}

var internGroup = redis.NewScript(`
-- KEYS: 1 group dictionary hash
-- ARGV: 1 group name
-- returns the group's code, giving it the next one the first time
local c = redis.call('HGET', KEYS[1], 'n:' .. ARGV[1])
if c then return c end
c = tostring(redis.call('HINCRBY', KEYS[1], 'seq', 1))
redis.call('HSET', KEYS[1], 'n:' .. ARGV[1], c, 'c:' .. c, ARGV[1])
return c
`)

// groupCode returns the code of group name ("" for none), giving it one
// the first time the office sees it.
func (s *Store) groupCode(ctx context.Context, name string) (string, error) {
	if name == "" {
		return "", nil
	}
	if c, ok := s.groups.code(name); ok {
		return c, nil
	}
	c, err := internGroup.Run(ctx, s.rdb, []string{s.k.groups()}, name).Text()
	if err != nil {
		return "", fmt.Errorf("group code of %q: %w", name, err)
	}
	s.groups.add(name, c)
	return c, nil
}

// groupNames returns a lookup of group names by code for one read: codes
// this process has not seen are read once from the dictionary. A code the
// dictionary does not hold reads as "#" and the code.
func (s *Store) groupNames(ctx context.Context) func(code string) string {
	loaded := false
	return func(code string) string {
		if n, ok := s.groups.name(code); ok {
			return n
		}
		if !loaded {
			loaded = true
			m, err := s.rdb.HGetAll(ctx, s.k.groups()).Result()
			if err != nil {
				s.log.Warn("store: group dictionary not read", "office", s.office, "err", err)
			}
			for f, v := range m {
				if c, ok := strings.CutPrefix(f, "c:"); ok {
					s.groups.add(v, c)
				}
			}
			if n, ok := s.groups.name(code); ok {
				return n
			}
		}
		return "#" + code
	}
}
